/**
 * The sweep runner: runs an experiment's plan — warm-ups, then repetitions interleaved
 * across every configuration and its sequential baseline — and hands each finished
 * repetition out the moment it exists, so storage saves it and charts draw it. A cancel
 * or a failure loses at most the repetition in flight.
 */
import type { RunHooks, SweepProgress } from '../core/experiment/run-hooks';
import { planExperiment, type RunPlan } from '../core/experiment/plan';
import type { ExperimentConfig, RepetitionRecord, RunConfig, RunStatus } from '../core/model/types';
import { isAbortError } from './clock';
import { devtoolsTracksWanted, emitDevtoolsTracks } from './devtools-tracks';
import { disposeWarmPools } from './pool';
import { runOnce, type EngineSample, type RunOptions } from './run';
import { currentEnv, validateRunConfig, type RunEnv } from './validate';
import { errorText } from '../core/view/format';

export type { SweepProgress };

/** The shared run vocabulary's signal and progress, plus what only the sweep itself takes. */
export interface SweepHooks extends Pick<RunHooks, 'signal' | 'onProgress'> {
  /** Called with each measured repetition as soon as it exists; awaited (outside any timing). */
  onRepetition?: (rep: RepetitionRecord, plan: RunPlan) => void | Promise<void>;
  /** Replaces the engine's runOnce (tests). */
  runOnce?: (config: RunConfig, opts: RunOptions) => Promise<EngineSample>;
  env?: RunEnv;
  /** Put each measured repetition on DevTools custom tracks (default: the page's setting, read once per run). */
  devtoolsTracks?: boolean;
  /** Keep warm pools alive after the sweep (default: dispose them, leaving no worker behind). */
  keepWarmPools?: boolean;
}

export interface SweepResult {
  status: Extract<RunStatus, 'complete' | 'cancelled' | 'failed'>;
  plan: RunPlan;
  repetitions: RepetitionRecord[];
  /** The failure's message (status 'failed'). */
  error?: string;
}

/**
 * Validates every configuration of the experiment before anything runs; throws the first
 * ConfigError (it names the field and the allowed range).
 */
export function validateExperiment(experiment: ExperimentConfig, env: RunEnv = currentEnv()): RunPlan {
  const plan = planExperiment(experiment);
  for (const unit of plan.units) validateRunConfig(unit.config, env);
  return plan;
}

/** Runs an experiment to the end, a cancel, or the first failure. Never throws after validation. */
export async function runSweep(experiment: ExperimentConfig, hooks: SweepHooks = {}): Promise<SweepResult> {
  const env = hooks.env ?? currentEnv();
  const plan = validateExperiment(experiment, env);
  const run = hooks.runOnce ?? runOnce;
  const tracks = hooks.devtoolsTracks ?? devtoolsTracksWanted();
  const repetitions: RepetitionRecord[] = [];
  const total = plan.steps.length;
  // Mean measured duration per unit, for the ETA: configurations differ by orders of magnitude.
  const spentMs = new Float64Array(plan.units.length);
  const runsDone = new Uint32Array(plan.units.length);
  const remaining = new Uint32Array(plan.units.length);
  for (const step of plan.steps) remaining[step.unit]++;

  const eta = (): number | null => {
    let known = 0;
    let knownRuns = 0;
    for (let u = 0; u < plan.units.length; u++) {
      if (runsDone[u] > 0) {
        known += spentMs[u];
        knownRuns += runsDone[u];
      }
    }
    if (knownRuns === 0) return null;
    const fallback = known / knownRuns;
    let ms = 0;
    for (let u = 0; u < plan.units.length; u++) {
      ms += remaining[u] * (runsDone[u] > 0 ? spentMs[u] / runsDone[u] : fallback);
    }
    return ms;
  };
  const labelOf = (unit: number, kind: string, round: number): string => {
    const point = plan.points.find((p) => p.unit === unit);
    const who = point ? point.label : `baseline for ${plan.points.find((p) => p.baselineUnit === unit)?.label ?? 'the points'}`;
    return `${kind === 'warmup' ? 'warm-up' : 'repetition'} ${round + 1}: ${who}`;
  };

  let done = 0;
  hooks.onProgress?.({ done, total, etaMs: null, label: total ? labelOf(plan.steps[0].unit, plan.steps[0].kind, 0) : '' });
  try {
    for (const step of plan.steps) {
      if (hooks.signal?.aborted) return { status: 'cancelled', plan, repetitions };
      const unit = plan.units[step.unit];
      const started = performance.now();
      const sample = await run(unit.config, { signal: hooks.signal, env });
      spentMs[step.unit] += performance.now() - started;
      runsDone[step.unit]++;
      remaining[step.unit]--;
      done++;
      if (step.kind === 'measure') {
        const pointIndex = plan.points.findIndex((p) => p.unit === step.unit || p.baselineUnit === step.unit);
        const rep: RepetitionRecord = {
          pointIndex: Math.max(0, pointIndex),
          repetition: step.round,
          role: unit.role,
          config: unit.config,
          sample: stripEngineFields(sample),
        };
        repetitions.push(rep);
        if (tracks) emitDevtoolsTracks(rep);
        await hooks.onRepetition?.(rep, plan);
      }
      const next = plan.steps[done];
      hooks.onProgress?.({
        done,
        total,
        etaMs: eta(),
        label: next ? labelOf(next.unit, next.kind, next.round) : labelOf(step.unit, step.kind, step.round),
      });
    }
    return { status: 'complete', plan, repetitions };
  } catch (err) {
    if (hooks.signal?.aborted || isAbortError(err)) return { status: 'cancelled', plan, repetitions };
    return { status: 'failed', plan, repetitions, error: errorText(err) };
  } finally {
    if (!hooks.keepWarmPools) disposeWarmPools();
  }
}

/** Keeps the stored sample to the shared Sample shape (plain data, same in JSON and CSV). */
function stripEngineFields(sample: EngineSample): RepetitionRecord['sample'] {
  const { wallMs, phasesMs, spans, recordsPerWorker, batchesPerWorker, digest, correct, startedAtMs, message } = sample;
  return { wallMs, phasesMs, spans, recordsPerWorker, batchesPerWorker, digest, correct, startedAtMs, ...(message ? { message: message.slice(0, 800) } : {}) };
}
