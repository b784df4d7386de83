/**
 * Small shared pieces of the lesson verdicts: formatting and comparisons. Every faster /
 * slower claim goes through stats.judgeChange, the app's one "did it change?" rule.
 */
import type { PointAnalysis } from '../core/experiment/analysis';
import { DEFAULT_RUN_CONFIG } from '../core/model/config';
import {
  DEFAULT_SEED,
  measurablyFaster,
  median,
  mulberry32,
  quantileSorted,
  sortAscending,
  speedup,
} from '../core/stats';
import type { RunConfig } from '../core/model/types';
import type { Budget, LessonEnv, Verdict } from './types';
import { plural } from '../core/view/format';

/** The base every lesson starts from: the playground's defaults with a fixed seed. */
export function lessonBase(patch: Partial<RunConfig>): RunConfig {
  return { ...DEFAULT_RUN_CONFIG, seed: 2024, ...patch };
}

/**
 * The cores a lesson sizes and judges by: the measured parallel capacity when the probe has
 * run (browsers clamp or invent hardwareConcurrency), else the reported count; at least 1.
 */
export function lessonCores(env: LessonEnv): number {
  const measured = env.measuredCores;
  if (typeof measured === 'number' && measured >= 1) return Math.floor(measured);
  return Math.max(1, Math.floor(env.hardwareConcurrency) || 1);
}

/** "this browser reports 4 cores and 2 were measured" / "this browser reports 1 core". */
export function coresPhrase(env: LessonEnv): string {
  const reported = `this browser reports ${plural(env.hardwareConcurrency, 'core')}`;
  if (env.measuredCores === undefined || env.measuredCores === env.hardwareConcurrency) return reported;
  return `${reported} and ${env.measuredCores} ${env.measuredCores === 1 ? 'was' : 'were'} measured running at once`;
}

/** Workers a lesson uses as "N": every core (measured when known), at least 2, at most 8 (to stay quick). */
export function lessonWorkers(env: LessonEnv): number {
  return Math.max(2, Math.min(8, lessonCores(env)));
}

export function reps(budget: Budget, quick: number, thorough: number): number {
  return budget === 'quick' ? quick : thorough;
}

export function fmtX(x: number): string {
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 0.1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

export function fmtPct(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
}

export function fmtCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtCi(ci: [number, number], fmt: (x: number) => string): string {
  return `95 % CI ${fmt(ci[0])} – ${fmt(ci[1])}`;
}

/** The measured points whose swept coordinates match every given value. */
export function pointsWhere(points: PointAnalysis[], where: Partial<Record<string, number | string>>): PointAnalysis[] {
  return points.filter((p) =>
    Object.entries(where).every(([k, v]) => (p.point.config as unknown as Record<string, unknown>)[k] === v),
  );
}

/**
 * A is measurably slower than B: median(A) ÷ median(B), with its bootstrap interval, passes
 * the "did it change?" rule (interval above 1, change beyond the noise band). False when
 * either side has no samples or a 0 ms sample (no ratio can be formed).
 */
export function clearlySlower(a: PointAnalysis, b: PointAnalysis): boolean {
  const aMs = a.samples.map((s) => s.wallMs);
  const bMs = b.samples.map((s) => s.wallMs);
  if (aMs.length === 0 || bMs.length === 0 || ![...aMs, ...bMs].every((x) => x > 0)) return false;
  // speedup(a, b) = median(a) / median(b): "B is faster than A" is "A is slower than B".
  return measurablyFaster(speedup(aMs, bMs));
}

/**
 * The ratio of two points' speedups, S_a / S_b, with a seeded 95 % percentile-bootstrap
 * interval: each of the four sample sets (a, a's baseline, b, b's baseline) is resampled
 * on its own, as the speedup CIs are. Says whether A scales better than B with one interval,
 * instead of asking two intervals not to overlap (which needs a much larger difference).
 */
export function speedupRatio(a: PointAnalysis, b: PointAnalysis, resamples = 2000): { ratio: number; ci95: [number, number] } {
  const sets = [a.baselineSamples, a.samples, b.baselineSamples, b.samples].map((s) => s.map((x) => x.wallMs));
  const ratioOf = (m: number[]) => (m[0] / m[1]) / (m[2] / m[3]);
  const ratio = ratioOf(sets.map(median));
  const rng = mulberry32(DEFAULT_SEED);
  const draws: number[] = [];
  for (let k = 0; k < resamples; k++) {
    draws.push(ratioOf(sets.map((xs) => median(xs.map(() => xs[Math.floor(rng() * xs.length)])))));
  }
  const sorted = sortAscending(draws);
  return { ratio, ci95: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)] };
}

/** A verdict for data that cannot support any claim (nothing measured, or every run incorrect). */
export function missingData(analysis: { points: PointAnalysis[] }): Verdict | undefined {
  if (analysis.points.some((p) => !p.allCorrect)) {
    return {
      status: 'not-reproduced',
      headline: 'Some runs did not match the sequential answer, so no timing here can be trusted.',
      numbers: [],
      reason: 'A digest mismatch means the parallel result was wrong; see the ✗ on the result cards.',
    };
  }
  if (analysis.points.some((p) => !p.summary || !p.speedup)) {
    return {
      status: 'not-reproduced',
      headline: 'The experiment did not finish, so there is nothing to judge yet.',
      numbers: [],
      reason: 'Some configurations have no measurements (the run was cancelled or failed). Run the lesson again.',
    };
  }
  return undefined;
}

/** A reason naming noise when a point's measurements are too spread to judge. */
export function noiseReason(points: PointAnalysis[]): string | undefined {
  const noisy = points.filter((p) => p.warnings.some((w) => w.code === 'high-noise'));
  if (noisy.length === 0) return undefined;
  return `the measurements were noisy (${noisy.map((p) => p.point.label).join('; ')} varied by more than 10 %); another program may be using the cores — try "thorough" for more repetitions`;
}

/** A reason naming the timer when runs were too short to time well. */
export function timerReason(points: PointAnalysis[], env: LessonEnv): string | undefined {
  if (!points.some((p) => p.warnings.some((w) => w.code === 'below-resolution'))) return undefined;
  return `some runs were shorter than 100× this browser's timer resolution (${fmtMs(env.timerResolutionMs)}), so their times are coarse`;
}

/** Joins the data's reasons into one sentence, with a fallback. */
export function because(fallback: string, ...reasons: (string | undefined)[]): string {
  const found = reasons.filter((r): r is string => !!r);
  return found.length ? `${fallback}; ${found.join('; ')}.` : `${fallback}.`;
}
