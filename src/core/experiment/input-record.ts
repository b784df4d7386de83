/**
 * A run over a person's file or kernel as an ordinary stored run: the same ExperimentConfig,
 * the same RepetitionRecords, so History, the CSV, the comparison and the charts read it
 * through the one analysis (analyseRecord) like any other run. The engine measures such a
 * run point by point (one pool per worker count or prefix), each pass beside its sequential
 * baseline; this turns those passes into the plan's configurations.
 *
 * The baseline of every point is the one-worker sequential pass over the same records, as
 * baselineOf says; points that share it (a worker-count sweep) pool its samples, as the
 * playground's own sweeps do.
 */

import { pointConfig } from '../model/config';
import type { RunInput } from '../model/run-input';
import type { Digest, ExperimentConfig, Phase, RepetitionRecord, RunConfig, Scheduling, Shipping, Span, SweepAxis, SweepParam } from '../model/types';
import { baselineOf, configKey, planExperiment } from './plan';

/** One measured pass as the engine reports it, in the order it ran. */
export interface InputPass {
  /** `sequential`: one worker, the whole input (the baseline); `parallel`: the pool; `main`: on the page. */
  role: 'sequential' | 'parallel' | 'main';
  wallMs: number;
  phasesMs: Record<Phase, number>;
  recordsPerWorker: number[];
  digest: Digest;
  correct: boolean;
  startedAtMs: number;
  spans: Span[];
  message?: string;
}

/** The passes measured at one point of the sweep (its swept values, e.g. { workers: 4 }). */
export interface InputMeasurement {
  coords: Partial<Record<SweepParam, number | string>>;
  passes: readonly InputPass[];
}

/** How the run was made; the rest of the RunConfig comes from the input (see inputBase). */
export interface InputSettings {
  records: number;
  workers: number;
  shipping: Shipping;
  scheduling: Scheduling;
  /** Distinct keys of the answer (data-file group), 1 otherwise. */
  keys: number;
  /** The kernel's built-in dataset, when it ran over one; its fields then apply. */
  dataset?: Pick<RunConfig, 'seed' | 'format' | 'distinctKeys' | 'keySkew' | 'payloadBytes' | 'costSkew'>;
}

/**
 * The RunConfig of the run's parallel pass. Fields that do not apply to the input (see
 * inapplicableFields: the CSV leaves them empty) hold their neutral values: 0, or the
 * first choice; a data-file pool is started once and reused (warm), a kernel's per pass (cold).
 */
export function inputBase(input: RunInput, s: InputSettings): RunConfig {
  const dataset = s.dataset ?? { seed: 0, format: 'csv', distinctKeys: Math.max(1, s.keys), keySkew: 0, payloadBytes: 0, costSkew: 0 };
  const base: RunConfig = {
    ...dataset,
    records: s.records,
    job: input.kind === 'data-file' ? input.job : 'parse',
    workRounds: 0,
    strategy: 'pool',
    workers: s.workers,
    shipping: s.shipping,
    scheduling: s.scheduling,
    batchSize: 0,
    poolLife: input.kind === 'data-file' ? 'warm' : 'cold',
    varlenSplit: 'resync',
    serialFraction: 0,
  };
  return base;
}

/** The experiment a sweep of the input made: its axes, warm-ups and repetitions per point. */
export function inputExperiment(base: RunConfig, sweep: SweepAxis[], warmups: number, repetitions: number): ExperimentConfig {
  return { base, sweep, warmups, repetitions };
}

/**
 * The measurements as the plan's repetitions: each pass gets its point's configuration
 * (the parallel pass), its baseline's (the sequential one) or the `main` strategy's, the
 * index of the first point it belongs to, and its own repetition number per configuration.
 * A pass whose configuration is not in the plan is a caller's mistake and throws.
 */
export function inputRepetitions(experiment: ExperimentConfig, measurements: readonly InputMeasurement[]): RepetitionRecord[] {
  const plan = planExperiment(experiment);
  const pointOfKey = new Map<string, number>();
  for (const point of plan.points) {
    for (const unit of [point.unit, point.baselineUnit]) {
      const key = plan.units[unit].key;
      if (!pointOfKey.has(key)) pointOfKey.set(key, point.index);
    }
  }
  const count = new Map<string, number>();
  const out: RepetitionRecord[] = [];
  for (const m of measurements) {
    const measured = pointConfig(experiment.base, m.coords);
    for (const pass of m.passes) {
      const config =
        pass.role === 'sequential' ? baselineOf(measured) : pass.role === 'main' ? pointConfig(experiment.base, { ...m.coords, strategy: 'main' }) : measured;
      const key = configKey(config);
      const pointIndex = pointOfKey.get(key);
      if (pointIndex === undefined) throw new Error(`a ${pass.role} pass at ${JSON.stringify(m.coords)} is not part of the experiment's plan`);
      const repetition = count.get(key) ?? 0;
      count.set(key, repetition + 1);
      const sample = {
        wallMs: pass.wallMs,
        phasesMs: pass.phasesMs,
        spans: pass.spans,
        recordsPerWorker: pass.recordsPerWorker,
        batchesPerWorker: [],
        digest: pass.digest,
        correct: pass.correct,
        startedAtMs: pass.startedAtMs,
        ...(pass.message !== undefined ? { message: pass.message } : {}),
      };
      out.push({ pointIndex, repetition, role: pass.role === 'sequential' ? 'baseline' : 'measured', config, sample });
    }
  }
  return out;
}
