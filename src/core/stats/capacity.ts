/**
 * Parallel capacity: how many busy threads really run at full speed at once here.
 *
 * `navigator.hardwareConcurrency` is a hint that browsers clamp, round or invent (WebKit
 * reports 4 on a 2-core machine; privacy modes report 2 or 8 everywhere). The probe
 * (src/engine/capacity.ts) measures instead: one worker spins a fixed integer loop alone for a
 * window, then k workers spin the same loop at once for a window; work done per millisecond by
 * all k together ÷ work per millisecond of one alone is the number of cores the page really got.
 * With k > cores the OS time-slices, so the ratio saturates at the real core count.
 */
import { StatsError } from './errors';

/** One timed spin: loop iterations done in a window of wall time. */
export interface SpinCount {
  iterations: number;
  windowMs: number;
}

/** The measured capacity and what it was computed from. */
export interface ParallelCapacity {
  /** Full-speed threads at once (a ratio, e.g. 1.93). */
  capacity: number;
  /** The capacity rounded to whole cores, at least 1: what presets and verdicts size by. */
  cores: number;
  /** Workers that spun at once. */
  workers: number;
  /** One worker alone, iterations per ms (the fastest solo window). */
  soloRatePerMs: number;
  /** All workers together, iterations per ms. */
  totalRatePerMs: number;
}

function rate(c: SpinCount, what: string): number {
  if (!Number.isFinite(c.windowMs) || !Number.isFinite(c.iterations)) throw new StatsError('non-finite', `${what}: window and iterations must be finite numbers`);
  if (!(c.windowMs > 0)) throw new StatsError('non-positive', `${what}: the window must be more than 0 ms (got ${c.windowMs})`);
  if (c.iterations < 0) throw new StatsError('negative-value', `${what}: iterations must be ≥ 0 (got ${c.iterations})`);
  return c.iterations / c.windowMs;
}

/**
 * Capacity from solo spins (before and after the concurrent one) and the concurrent spins of
 * every worker. The fastest solo spin is the single-core rate: interference from other
 * programs only ever slows a spin down, and a slowed solo spin would inflate the ratio past
 * the real core count (seen: 3 "cores" on a 2-core machine with the mean of the two).
 */
export function parallelCapacity(solo: readonly SpinCount[], concurrent: readonly SpinCount[]): ParallelCapacity {
  if (solo.length === 0) throw new StatsError('empty-input', 'capacity needs at least one solo spin');
  if (concurrent.length === 0) throw new StatsError('empty-input', 'capacity needs the concurrent spins of at least one worker');
  const soloRatePerMs = Math.max(...solo.map((c, i) => rate(c, `solo spin ${i + 1}`)));
  if (!(soloRatePerMs > 0)) throw new StatsError('degenerate-data', 'the solo spin did no work, so capacity cannot be measured');
  const totalRatePerMs = concurrent.reduce((s, c, i) => s + rate(c, `worker ${i}`), 0);
  const capacity = totalRatePerMs / soloRatePerMs;
  return {
    capacity,
    cores: Math.max(1, Math.round(capacity)),
    workers: concurrent.length,
    soloRatePerMs,
    totalRatePerMs,
  };
}

/** Workers the probe spins at once: twice the reported cores (to see past an under-report), 4 to 16. */
export function capacityProbeWorkers(hardwareConcurrency: number): number {
  const reported = Number.isFinite(hardwareConcurrency) && hardwareConcurrency >= 1 ? Math.floor(hardwareConcurrency) : 1;
  return Math.min(16, Math.max(4, 2 * reported));
}
