/**
 * Phases as a critical-path partition of a run's wall time. Milestones on the shared clock
 * close one phase each; every milestone is clamped to be ≥ the previous one, so phases
 * are never negative and they tile [start, last milestone] exactly.
 */

import { PHASES, type Phase } from '../core/model/types';
import type { Clock } from './clock';

/** All phases at 0 ms. */
export function zeroPhases(): Record<Phase, number> {
  const p = {} as Record<Phase, number>;
  for (const k of PHASES) p[k] = 0;
  return p;
}

/** Sum of all phases, ms. */
export function phasesTotalMs(p: Record<Phase, number>): number {
  let s = 0;
  for (const k of PHASES) s += p[k];
  return s;
}

/** Accumulates contiguous phase intervals from milestones. */
export class PhaseClock {
  readonly phasesMs = zeroPhases();
  /** The latest milestone: where the next phase starts. */
  last: number;

  constructor(
    private readonly clock: Clock,
    readonly startMs: number,
  ) {
    this.last = startMs;
  }

  /** Closes `phase` at `at` (default: now): attributes [last, at] to it. Returns the milestone. */
  mark(phase: Phase, at: number = this.clock()): number {
    const t = Math.max(at, this.last);
    this.phasesMs[phase] += t - this.last;
    this.last = t;
    return t;
  }

  /**
   * Attributes [last, end] to several phases: each of `parts` gets its duration (clamped so
   * the parts fit), in order, and `rest` gets what is left. Used for the parallel section,
   * where the critical worker's own timings cut the interval.
   */
  partition(end: number, parts: ReadonlyArray<readonly [Phase, number]>, rest: Phase): number {
    const t = Math.max(end, this.last);
    let left = t - this.last;
    for (const [phase, ms] of parts) {
      const d = Math.min(Math.max(0, ms), left);
      this.phasesMs[phase] += d;
      left -= d;
    }
    this.phasesMs[rest] += left;
    this.last = t;
    return t;
  }
}
