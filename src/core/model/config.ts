/**
 * The run configuration, as pure data and functions: the defaults here, and re-exported from
 * beside it the field table (./fields), the validation that names each bad field and what it
 * allows (./validate) and the sweep's points and value lists (./sweep).
 * No DOM, no svelte: the URL-hash decoder, the form state and the unit tests share it.
 */
import type { ExperimentConfig, RunConfig, SweepAxis } from './types';
import type { EnvFacts } from './environment';
import { FIELDS, RUN_FIELDS } from './fields';

export * from './fields';
export * from './field-lists';
export * from './validate';
export * from './sweep';

/** What the validation needs to know about this browser: a view of the one Environment. */
export type { EnvFacts };

/**
 * Defaults that show overhead against speedup in a few seconds on a 2-core machine: each
 * field's `default` in the field table (./fields), so a new field is added in one place.
 */
export const DEFAULT_RUN_CONFIG: Readonly<RunConfig> = Object.freeze(
  Object.fromEntries(RUN_FIELDS.map((f) => [f, FIELDS[f].default])) as unknown as RunConfig,
);

/**
 * The experiment a first visit shows: the crossing. Records from 1,000 to 1 M on the base's
 * workers (a cold pool), each beside its one-worker sequential baseline, so the time-vs-records
 * chart draws both lines and where they cross; 48 runs, 5–10 s on 2 cores.
 */
export const DEFAULT_EXPERIMENT: Readonly<ExperimentConfig> = Object.freeze({
  base: DEFAULT_RUN_CONFIG,
  sweep: Object.freeze([Object.freeze({ param: 'records', values: Object.freeze([1_000, 10_000, 100_000, 1_000_000]) })]) as unknown as SweepAxis[],
  warmups: 1,
  repetitions: 5,
});

/** A deep, mutable copy of an experiment (plain data; safe for svelte proxies too). */
export function cloneExperiment(e: Readonly<ExperimentConfig>): ExperimentConfig {
  const out: ExperimentConfig = {
    base: { ...e.base },
    sweep: e.sweep.map((a) => ({ param: a.param, values: [...a.values] })),
    warmups: e.warmups,
    repetitions: e.repetitions,
  };
  if (e.shuffleSeed !== undefined) out.shuffleSeed = e.shuffleSeed;
  if (e.fixedOrder !== undefined) out.fixedOrder = e.fixedOrder;
  if (e.lessonId !== undefined) out.lessonId = e.lessonId;
  return out;
}

/** A fresh, mutable copy of DEFAULT_EXPERIMENT. */
export function defaultExperiment(): ExperimentConfig {
  return cloneExperiment(DEFAULT_EXPERIMENT);
}
