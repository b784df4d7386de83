/**
 * Glue between the Run button and the rest: runs an experiment through the sweep runner,
 * saves every finished repetition to history the moment it exists, and republishes the
 * analysis and the chart view models after each one. The UI, the lessons view and the
 * headless runner all go through here, so they measure and store exactly alike.
 */
import type { LiveEnvironment } from '../core/model/environment';
import { analyseExperiment, type ExperimentAnalysis } from '../core/experiment/analysis';
import type { RunPlan } from '../core/experiment/plan';
import { buildResultsView } from '../core/view/results-view';
import { newRunRecord, type RunRecord } from '../core/io/run-record';
import type { ResultsView } from '../core/view/chart-data';
import type { ExperimentConfig, RepetitionRecord, RunStatus } from '../core/model/types';
import type { RunHooks, RunOutcome, RunUpdate } from '../core/experiment/run-hooks';
import { runSweep, type SweepHooks } from '../engine/sweep';
import type { History } from '../storage';
import type { SweepRunner } from './run.svelte';
import { plural } from '../core/view/format';

/** Longest the charts lag behind the measurements while a run streams in. */
export const PUBLISH_INTERVAL_MS = 250;

/** The shared run hooks (updates at most every PUBLISH_INTERVAL_MS, and once at the end), plus test seams. */
export interface ExperimentRunHooks extends RunHooks<RunUpdate> {
  /** Replaces the sweep runner (tests). */
  sweep?: typeof runSweep;
  sweepHooks?: Partial<SweepHooks>;
}

export interface ExperimentRunResult {
  status: Extract<RunStatus, 'complete' | 'cancelled' | 'failed'>;
  record: RunRecord;
  analysis: ExperimentAnalysis;
  view: ResultsView;
  error?: string;
}

/** A label for a new run: the lesson or the swept parameters, and the time. */
export function defaultLabel(experiment: ExperimentConfig, now = new Date()): string {
  const what = experiment.lessonId
    ? `Lesson: ${experiment.lessonId}`
    : experiment.sweep.length
      ? `Sweep over ${experiment.sweep.map((a) => a.param).join(' × ')}`
      : `${experiment.base.strategy}, ${plural(experiment.base.workers, 'worker')}`;
  return `${what} — ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
}

/**
 * Runs an experiment and records it. Validation errors throw before anything is stored;
 * after that it resolves with the final status (a failure or cancel keeps every finished
 * repetition, in the returned record and in storage).
 */
export async function runAndRecord(
  experiment: ExperimentConfig,
  env: LiveEnvironment,
  history: History | undefined,
  hooks: ExperimentRunHooks = {},
): Promise<ExperimentRunResult> {
  const record = newRunRecord({ label: defaultLabel(experiment), experiment, environment: env });
  const reps: RepetitionRecord[] = [];
  let stored = false;
  const warn = (m: string) => hooks.onStorageWarning?.(m);
  const sweep = hooks.sweep ?? runSweep;
  let plan: RunPlan | undefined;
  let analysis: ExperimentAnalysis | undefined;
  let view: ResultsView = {};
  let lastPublishMs = -Infinity;
  let stale = false;
  const publish = async (p: RunPlan): Promise<void> => {
    stale = false;
    analysis = analyseExperiment(p, reps, env.timerResolutionMs);
    view = buildResultsView(analysis);
    await hooks.onUpdate?.({ analysis, view, plan: p, record });
  };

  const result = await sweep(experiment, {
    ...hooks.sweepHooks,
    signal: hooks.signal,
    onProgress: hooks.onProgress,
    onRepetition: async (rep, p) => {
      if (!stored && history) {
        // Created on the first finished repetition: a run refused by validation leaves no trace.
        const created = await history.create(record);
        if (created.ok) stored = true;
        else warn(`This run is not being saved: ${created.message}`);
      }
      reps.push(rep);
      record.repetitions = reps;
      if (stored && history) {
        const saved = await history.appendRepetition(record.id, rep);
        if (!saved.ok) {
          stored = false;
          warn(`Saving stopped after ${reps.length - 1} repetitions: ${saved.message}. The earlier ones are kept; this run continues in memory.`);
        }
      }
      plan = p;
      // Re-analysing (bootstrap CIs for every point) and redrawing five charts after every
      // repetition of a fast sweep would itself block the page; refresh at most every
      // PUBLISH_INTERVAL_MS and always once at the end.
      const now = performance.now();
      if (now - lastPublishMs >= PUBLISH_INTERVAL_MS) {
        lastPublishMs = now;
        await publish(p);
      } else {
        stale = true;
      }
    },
  });
  if (stale && plan) await publish(plan);

  record.status = result.status;
  if (result.error) record.error = result.error;
  if (stored && history) {
    const finished = await history.finish(record.id, result.status, result.error);
    if (!finished.ok) warn(`Could not mark the run ${result.status}: ${finished.message}`);
  }
  plan ??= result.plan;
  analysis ??= analyseExperiment(plan, reps, env.timerResolutionMs);
  return { status: result.status, record, analysis, view, ...(result.error ? { error: result.error } : {}) };
}

/**
 * The Run button's runner: runAndRecord with RunState's hooks, which speak the same vocabulary.
 * A failed run comes back as a value with its message (RunState shows it and keeps what was
 * published); cancel resolves 'cancelled'.
 */
export function createSweepRunner(env: () => LiveEnvironment, history: () => Promise<History | undefined>): SweepRunner {
  return async (experiment, hooks) => {
    const store = await history();
    const result = await runAndRecord(experiment, env(), store, hooks);
    const outcome: RunOutcome =
      result.status === 'failed' ? { status: 'failed', error: result.error ?? 'The run failed.' } : { status: result.status };
    return outcome;
  };
}
