/**
 * The one error type of the statistics module. Bad input never turns into NaN: it
 * becomes a `StatsError` whose `code` a UI can switch on. `name` and `code` are plain
 * string fields because comlink carries only `{name, message}` across realms and
 * `instanceof` does not survive the trip.
 */

/** Why a statistics function refused its input. */
export type StatsErrorCode =
  /** No samples or no points at all. */
  | 'empty-input'
  /** NaN or ±Infinity where a finite number is needed. */
  | 'non-finite'
  /** A time, count, speedup or throughput below zero. */
  | 'negative-value'
  /** A speedup, record count or other quantity of 0 where a strictly positive one is needed. */
  | 'non-positive'
  /** A time of 0 ms where a ratio or a logarithm needs a positive one (below the timer's resolution). */
  | 'zero-time'
  /** A worker / processor count below 1. */
  | 'workers-below-one'
  /** A load (workers, threads, average active sessions) of 0 or below where a model needs N > 0. */
  | 'load-not-positive'
  /** A fraction (p, serial fraction, probability) outside [0, 1]. */
  | 'fraction-out-of-range'
  /** Fewer distinct points than the model has parameters to determine. */
  | 'too-few-points'
  /** The same x (record count, worker count) twice where one value per x is required. */
  | 'duplicate-points'
  /** Data that every parameter value fits equally well (e.g. all throughputs 0). */
  | 'degenerate-data'
  /** An option out of its documented range (resamples, seed, …). */
  | 'invalid-option'
  /** The clock never advanced while it was being sampled. */
  | 'clock-stalled';

/** A refused input: `code` says which rule it broke, `message` says it in words. */
export class StatsError extends Error {
  override readonly name = 'StatsError';
  readonly code: StatsErrorCode;

  constructor(code: StatsErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Throws unless `value` is a finite number. */
export function requireFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StatsError('non-finite', `${what} must be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `value` is finite and ≥ 0. */
export function requireNonNegative(value: number, what: string): void {
  requireFinite(value, what);
  if (value < 0) throw new StatsError('negative-value', `${what} must be ≥ 0, got ${value}`);
}

/** Throws unless `value` is finite and > 0 (for quantities that are not times). */
export function requirePositive(value: number, what: string): void {
  requireNonNegative(value, what);
  if (value === 0) throw new StatsError('non-positive', `${what} must be > 0, got 0`);
}

/** Throws unless `value` is finite and > 0 (a time that a ratio or a log can use). */
export function requirePositiveTime(value: number, what: string): void {
  requireNonNegative(value, what);
  if (value === 0) {
    throw new StatsError(
      'zero-time',
      `${what} is 0 ms: below the timer's resolution, so no ratio or logarithm can use it`,
    );
  }
}

/** Throws unless `workers` is finite and ≥ 1 (need not be an integer: the models are continuous in N). */
export function requireWorkers(workers: number, what = 'workers'): void {
  requireFinite(workers, what);
  if (workers < 1) throw new StatsError('workers-below-one', `${what} must be ≥ 1, got ${workers}`);
}

/**
 * Throws unless `load` is finite and > 0. The scaling models (Amdahl, Karp–Flatt, USL) are
 * continuous in N, and a load measured as average active sessions or utilisation is
 * fractional and often below 1, so any positive N is a valid point.
 */
export function requireLoad(load: number, what = 'n'): void {
  requireFinite(load, what);
  if (load <= 0) {
    throw new StatsError('load-not-positive', `${what} must be > 0 (a worker count or an average load such as 0.5), got ${load}`);
  }
}

/** Throws unless `fraction` is finite and within [0, 1]. */
export function requireFraction(fraction: number, what: string): void {
  requireFinite(fraction, what);
  if (fraction < 0 || fraction > 1) {
    throw new StatsError('fraction-out-of-range', `${what} must be within [0, 1], got ${fraction}`);
  }
}

/** Throws unless `samples` is a non-empty array of finite times ≥ 0 ms. */
export function requireSamplesMs(samples: readonly number[], what: string): void {
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new StatsError('empty-input', `${what} needs at least one sample`);
  }
  for (let i = 0; i < samples.length; i++) requireNonNegative(samples[i], `${what}[${i}]`);
}
