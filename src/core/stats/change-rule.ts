/**
 * "Did it change?" — the one rule every faster / slower claim in the app goes through
 * (the comparison of two runs, the lesson verdicts, the result cards).
 *
 * A ratio R with 95 % interval [lo, hi], oriented so that R > 1 means "faster" (a speedup
 * S = T_before / T_after), is called
 *
 * - `faster` when the interval lies above 1 (lo > 1) AND R > 1 + NOISE_BAND,
 * - `slower` when the interval lies below 1 (hi < 1) AND R < 1 / (1 + NOISE_BAND),
 * - `no-change` otherwise: either the interval includes 1 (the data cannot tell), or the
 *   change is inside the noise band (real, perhaps, but too small to reproduce).
 *
 * The band is symmetric on the log scale (2 % faster ⇔ 2 % slower in time), so swapping
 * before and after flips `faster` and `slower` and never changes `no-change`.
 */

/**
 * Smallest relative change reported as a change: 2 %. It is criterion.rs's default
 * `noise_threshold` (0.02), and it matches what a browser can reproduce: run-to-run drift
 * of a Web Worker job (tab scheduling, JIT tiers, a 5 µs timer, another program on a shared
 * core) moves medians of 5–9 repetitions by a few per cent between identical
 * configurations, so a 1 % "win" is not something a second run would confirm. The A/A
 * benchmark figure (`npm run bench -- --only aa`) measures that spread on the machine at hand.
 */
export const NOISE_BAND = 0.02;

/** What the rule concludes about one ratio. */
export type ChangeVerdict = 'faster' | 'slower' | 'no-change';

/** Why the rule said what it said. */
export type ChangeReason =
  /** The interval excludes 1 and the change is larger than the noise band. */
  | 'measured'
  /** The 95 % interval includes 1: the data cannot tell the two apart. */
  | 'interval-includes-one'
  /** The interval excludes 1 but the change is inside ±NOISE_BAND. */
  | 'inside-noise-band';

/** The rule's answer for one ratio. */
export interface ChangeJudgement {
  verdict: ChangeVerdict;
  reason: ChangeReason;
  /** The ratio judged (> 1: faster). */
  ratio: number;
  /** Its 95 % interval. */
  ci95: [number, number];
}

/** A ratio with its interval, oriented so that > 1 means faster (e.g. a SpeedupResult). */
export interface RatioWithInterval {
  ratio: number;
  ci95: readonly [number, number] | readonly number[];
}

/**
 * Judges a ratio (> 1 means faster) with its 95 % interval: faster / slower only when the
 * interval excludes 1 and the ratio lies outside the noise band; otherwise no measurable change.
 */
export function judgeChange(result: RatioWithInterval, band: number = NOISE_BAND): ChangeJudgement {
  const { ratio } = result;
  const lo = result.ci95[0];
  const hi = result.ci95[1];
  const ci95: [number, number] = [lo, hi];
  if (!(band >= 0) || !Number.isFinite(band)) throw new RangeError(`band must be a finite number ≥ 0, got ${String(band)}`);
  const up = 1 + band;
  if (lo > 1 && ratio > up) return { verdict: 'faster', reason: 'measured', ratio, ci95 };
  if (hi < 1 && ratio < 1 / up) return { verdict: 'slower', reason: 'measured', ratio, ci95 };
  const excludesOne = lo > 1 || hi < 1;
  return { verdict: 'no-change', reason: excludesOne ? 'inside-noise-band' : 'interval-includes-one', ratio, ci95 };
}

/** True when the rule calls the ratio `faster` (the interval above 1 and the change beyond the band). */
export function measurablyFaster(result: RatioWithInterval): boolean {
  return judgeChange(result).verdict === 'faster';
}

/** True when the rule calls the ratio `slower` (the interval below 1 and the change beyond the band). */
export function measurablySlower(result: RatioWithInterval): boolean {
  return judgeChange(result).verdict === 'slower';
}
