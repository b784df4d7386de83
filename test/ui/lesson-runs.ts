/**
 * Fabricated lesson measurements for the Lessons view tests: every repetition of a lesson's
 * plan, timed by a cost model, so a fake runner (or a stored record) carries a real analysis
 * that the lesson's verdict judges like any run.
 */
import { analyseExperiment, type ExperimentAnalysis } from '../../src/core/experiment/analysis';
import { planExperiment } from '../../src/core/experiment/plan';
import { buildResultsView } from '../../src/core/view/results-view';
import { newRunRecord } from '../../src/core/io/run-record';
import { captureEnvironment } from '../../src/engine/environment';
import type { RunStateHooks, SweepRunner } from '../../src/state/run.svelte';
import type { ExperimentConfig, Phase, RepetitionRecord, RunConfig } from '../../src/core/model/types';
import { fakeSample } from '../helpers/samples';

export type Timing = (c: RunConfig) => { wallMs: number; phasesMs?: Partial<Record<Phase, number>> };

/** Every measured repetition of the experiment's plan, timed by `timing` (±1 % by round). */
export function fabricateReps(experiment: ExperimentConfig, timing: Timing): RepetitionRecord[] {
  const plan = planExperiment(experiment);
  const reps: RepetitionRecord[] = [];
  for (const step of plan.steps) {
    if (step.kind !== 'measure') continue;
    const unit = plan.units[step.unit];
    const run = timing(unit.config);
    const factor = 1 + 0.01 * ((step.round % 3) - 1);
    const phasesMs = Object.fromEntries(Object.entries(run.phasesMs ?? {}).map(([p, ms]) => [p, ms * factor])) as Partial<Record<Phase, number>>;
    const records = unit.config.records;
    const sample = fakeSample({
      wallMs: run.wallMs * factor,
      phasesMs,
      records,
      recordsPerWorker: [records],
      batchesPerWorker: [1],
      startedAtMs: Date.now(),
    });
    reps.push({ pointIndex: 0, repetition: step.round, role: unit.role, config: unit.config, sample });
  }
  return reps;
}

export interface FakeRunner {
  runner: SweepRunner;
  /** Experiments the runner was asked to run, in order. */
  started: ExperimentConfig[];
  /** Finishes the current run (publishing its fabricated measurements). */
  release(): void;
  analyses: ExperimentAnalysis[];
}

/**
 * A runner that fabricates measurements with `timing`, publishes them as the real runner
 * does (view + analysis + record) and, when `manual`, waits for release() (or cancel).
 */
export function fakeRunner(timing: Timing, manual = false): FakeRunner {
  const env = captureEnvironment();
  const started: ExperimentConfig[] = [];
  const analyses: ExperimentAnalysis[] = [];
  let release = () => {};
  const runner: SweepRunner = async (experiment, hooks: RunStateHooks) => {
    started.push(experiment);
    const reps = fabricateReps(experiment, timing);
    hooks.onProgress({ done: 0, total: reps.length, etaMs: null, label: '' });
    if (manual) {
      await new Promise<void>((resolve, reject) => {
        release = resolve;
        hooks.signal.addEventListener('abort', () => reject(new DOMException('The run was cancelled.', 'AbortError')));
      });
    }
    const plan = planExperiment(experiment);
    const analysis = analyseExperiment(plan, reps, env.timerResolutionMs);
    analyses.push(analysis);
    const record = newRunRecord({ label: 'test', experiment, environment: env });
    record.repetitions = reps;
    hooks.onUpdate({ view: buildResultsView(analysis), analysis, record });
    hooks.onProgress({ done: reps.length, total: reps.length, etaMs: null, label: '' });
    return { status: 'complete' };
  };
  return { runner, started, analyses, release: () => release() };
}
