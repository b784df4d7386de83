/**
 * "Is this machine too busy to measure?" — a short calibration before an experiment.
 *
 * A fixed loop of integer mixing does exactly the same work every time, so on a quiet
 * machine its duration barely moves; when another program (or another tab) competes for
 * the cores, the loop's durations spread out the same way the experiment's will. The
 * relative spread of the loop says how many repetitions the requested precision needs, and
 * the run state names a busy machine before the experiment starts instead of after.
 *
 * Pure: the clock and the loop are injected, so Node tests drive it with a fake clock.
 */

import { medianSorted, sortAscending } from './sorted';

/** Loops timed by a calibration: enough for a stable median and MAD, ~30 ms in total. */
export const NOISE_CHECK_LOOPS = 15;

/** Integer-mixing rounds per loop: about 2 ms on a laptop core, far above a 5 µs timer step. */
export const NOISE_CHECK_ROUNDS = 400_000;

/**
 * Precision the suggestion aims at: a 95 % speedup interval no wider than ±10 %, so that a
 * change of a tenth is told apart from noise (the finer ±2 % noise band needs a quiet machine).
 */
export const TARGET_HALF_WIDTH = 0.1;

/**
 * 95 % half-width of a ratio of two medians of n runs each with relative spread s:
 * 1.96 · 1.2533 · s · √(2/n) ≈ 3.47 · s / √n. 1.2533 = √(π/2) is the large-sample standard
 * error of a median relative to a mean's (normal data); √2 because both sides are measured.
 */
const HALF_WIDTH_PER_SPREAD = 1.959964 * Math.sqrt(Math.PI / 2) * Math.SQRT2;

/** A fixed amount of integer work (xorshift-multiply rounds); returns a checksum so it is not optimised away. */
export function spinWork(rounds: number = NOISE_CHECK_ROUNDS): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < rounds; i++) {
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = (h + i) | 0;
  }
  return h >>> 0;
}

/** Times `loops` calls of `spin` with `clock` (ms), one duration per call, in call order. */
export function timeSpinLoops(clock: () => number, spin: () => unknown, loops: number = NOISE_CHECK_LOOPS): number[] {
  if (!Number.isInteger(loops) || loops < 3) throw new RangeError(`loops must be a whole number ≥ 3, got ${loops}`);
  const durationsMs: number[] = [];
  let sink = 0;
  for (let i = 0; i < loops; i++) {
    const start = clock();
    const out = spin();
    durationsMs.push(clock() - start);
    if (typeof out === 'number') sink ^= out;
  }
  // Keep the results observable so an engine cannot drop the loop as dead code.
  if (sink === 0x7fffffff) durationsMs.push(0);
  return durationsMs;
}

/** The calibration's verdict. */
export interface MachineNoise {
  /** Robust relative spread of the loop: 1.4826 · MAD / median (≈ the CV for normal data). */
  spread: number;
  /** Median loop duration, ms. */
  medianMs: number;
  /** Repetitions per point that reach ±TARGET_HALF_WIDTH at this spread. */
  suggestedRepetitions: number;
  /** The requested repetitions fall short of the suggestion. */
  noisy: boolean;
  /** The warning to show when noisy; a plain statement of the spread otherwise. */
  message: string;
}

/**
 * Judges loop durations against the requested repetitions: noisy when they are fewer than
 * the ones ±TARGET_HALF_WIDTH needs at the measured spread (or when the clock never moved:
 * the timer is too coarse to calibrate anything).
 */
export function judgeMachineNoise(durationsMs: readonly number[], repetitions: number): MachineNoise {
  if (durationsMs.length < 3) throw new RangeError(`need at least 3 loop durations, got ${durationsMs.length}`);
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new RangeError(`repetitions must be a whole number ≥ 1, got ${repetitions}`);
  const sorted = sortAscending(durationsMs);
  const medianMs = medianSorted(sorted);
  const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
  if (!(medianMs > 0)) {
    return {
      spread: Number.POSITIVE_INFINITY,
      medianMs,
      suggestedRepetitions: repetitions,
      noisy: true,
      message: 'The timer did not advance during the calibration loop, so the noise of this machine is unknown; the times may be coarse.',
    };
  }
  const mad = medianSorted(sortAscending(durationsMs.map((d) => Math.abs(d - medianMs))));
  const spread = (1.4826 * mad) / medianMs;
  const suggestedRepetitions = Math.max(1, Math.ceil(((HALF_WIDTH_PER_SPREAD * spread) / TARGET_HALF_WIDTH) ** 2));
  const noisy = suggestedRepetitions > repetitions;
  const message = noisy
    ? `This machine is noisy: the spread of a fixed loop is ${pct(spread)}; use ≥ ${suggestedRepetitions} repetitions (you asked for ${repetitions}) or close other tabs and programs.`
    : `The machine looks quiet enough: the spread of a fixed loop is ${pct(spread)}.`;
  return { spread, medianMs, suggestedRepetitions, noisy, message };
}

/** Times the fixed loop with `clock` and judges the spread against the requested repetitions. */
export function checkMachineNoise(clock: () => number, repetitions: number): MachineNoise {
  return judgeMachineNoise(timeSpinLoops(clock, () => spinWork()), repetitions);
}
