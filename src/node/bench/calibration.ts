/**
 * The measuring tool measured: the `aa` figure (how often an A/A experiment — a
 * configuration against an identical one — claims a difference) and the `lessons` figure
 * (how often each lesson's quick preset reproduces its finding). Both run real experiments
 * on the built app through `window.__playground.run`, the Run button's path; this module
 * holds the pure parts: which experiments, and how their records become a figure.
 */

import { DEFAULT_EXPERIMENT, DEFAULT_RUN_CONFIG } from '../../core/model/config';
import { configKey, planExperiment } from '../../core/experiment/plan';
import type { RunRecord } from '../../core/io/run-record';
import { judgeChange, speedup } from '../../core/stats';
import type { ExperimentConfig, RunConfig } from '../../core/model/types';
import { LESSONS } from '../../lessons';
import { judgeRecord } from '../../lessons/judge-record';
import type { RawFigure } from './report';

/** One A/A configuration: a strategy, pool life and size measured against itself. */
export interface AaConfig {
  name: string;
  size: 'small' | 'large';
  patch: Partial<RunConfig>;
}

/** worker-seq, pool 2 warm and pool 2 cold, each small and large (records chosen by aaRecords). */
export const AA_CONFIGS: readonly AaConfig[] = (['small', 'large'] as const).flatMap((size) => [
  { name: `worker-seq, ${size}`, size, patch: { strategy: 'worker-seq', workers: 1 } },
  { name: `pool 2 warm, ${size}`, size, patch: { strategy: 'pool', workers: 2, poolLife: 'warm' } },
  { name: `pool 2 cold, ${size}`, size, patch: { strategy: 'pool', workers: 2, poolLife: 'cold' } },
]);

/** Records of a small and a large A/A experiment (smoke: smaller, to stay quick). */
export function aaRecords(size: 'small' | 'large', smoke: boolean): number {
  if (size === 'small') return smoke ? 5_000 : 20_000;
  return smoke ? 50_000 : 300_000;
}

/** A/A experiments per configuration: 10 in a full run (60 in all), 1 in a smoke run. */
export function aaExperimentsPerConfig(smoke: boolean): number {
  return smoke ? 1 : 10;
}

/**
 * The A/A experiment: two points that differ only in `varlenSplit`, which the `fixed` format
 * ignores (only a varlen buffer is ever cut by it), so the two run identical code on identical
 * data — yet they are distinct configurations, planned, counterbalanced and measured as any
 * two points are. Warm-ups and repetitions are the playground's defaults.
 */
export function aaExperiment(config: AaConfig, smoke: boolean): ExperimentConfig {
  return {
    base: { ...DEFAULT_RUN_CONFIG, format: 'fixed', scheduling: 'static', ...config.patch, records: aaRecords(config.size, smoke) },
    sweep: [{ param: 'varlenSplit', values: ['index', 'resync'] }],
    warmups: DEFAULT_EXPERIMENT.warmups,
    repetitions: DEFAULT_EXPERIMENT.repetitions,
  };
}

/** What one A/A experiment said. */
export interface AaOutcome {
  config: string;
  /** median(A) ÷ median(B) with its 95 % interval (stats.speedup). */
  ratio: number;
  ci95: [number, number];
  /** The 95 % interval excludes 1: a false positive. */
  excludesOne: boolean;
  /** The change rule (interval and noise band) called it faster or slower. */
  ruleClaims: boolean;
}

/** Reads an A/A record: the two points' wall times and their ratio; undefined when a side has no usable samples. */
export function aaOutcome(config: string, record: RunRecord): AaOutcome | undefined {
  const plan = planExperiment(record.experiment);
  const keys = plan.points.map((p) => configKey(p.config));
  const walls = keys.map((k) => record.repetitions.filter((r) => r.role === 'measured' && configKey(r.config) === k).map((r) => r.sample.wallMs));
  if (walls.length !== 2 || walls.some((w) => w.length === 0 || w.some((x) => !(x > 0)))) return undefined;
  const s = speedup(walls[0], walls[1]);
  const excludesOne = s.ci95[0] > 1 || s.ci95[1] < 1;
  return { config, ratio: s.ratio, ci95: s.ci95, excludesOne, ruleClaims: judgeChange(s).verdict !== 'no-change' };
}

const pct = (k: number, n: number) => (n === 0 ? NaN : (100 * k) / n);

/**
 * The `aa` figure from its outcomes: the false-positive rate over all experiments (the share
 * whose 95 % interval excludes 1), each interval's width as hi ÷ lo − 1 in %, and per
 * configuration its count of false positives.
 */
export function aaFigure(outcomes: readonly AaOutcome[], failed: readonly string[]): RawFigure {
  const n = outcomes.length;
  const fp = outcomes.filter((o) => o.excludesOne).length;
  const claims = outcomes.filter((o) => o.ruleClaims).length;
  const info: Record<string, number | string | boolean> = { experiments: n, falsePositives: fp, ruleClaims: claims, failedRuns: failed.length };
  for (const c of [...new Set(outcomes.map((o) => o.config))]) {
    const mine = outcomes.filter((o) => o.config === c);
    info[c] = `${mine.filter((o) => o.excludesOne).length}/${mine.length} CIs exclude 1`;
  }
  const notes = [
    `${fp} of ${n} A/A experiments had a 95 % interval excluding 1; the change rule (interval and ±2 % band) called ${claims} of them faster or slower`,
  ];
  if (failed.length) notes.push(`not counted (run failed): ${failed.join('; ')}`);
  return {
    series: {
      falsePositivePct: n ? [pct(fp, n)] : [],
      ruleClaimPct: n ? [pct(claims, n)] : [],
      ciWidthPct: outcomes.map((o) => 100 * (o.ci95[1] / o.ci95[0] - 1)),
      ratio: outcomes.map((o) => o.ratio),
    },
    notes,
    info,
  };
}

/** Runs of each lesson's quick preset: 10 in a full run (the targets are out of 10), 1 in a smoke run. */
export function lessonRunsPerLesson(smoke: boolean): number {
  return smoke ? 1 : 10;
}

/** What one lesson run said: reproduced, or why not. */
export interface LessonOutcome {
  lessonId: string;
  reproduced: boolean;
  /** The verdict's reason, or why the run gave no verdict. */
  reason?: string;
}

/** Judges a finished lesson run with the lesson's own verdict (lessons/judge-record). */
export function lessonOutcome(lessonId: string, status: string, error: string | undefined, record: RunRecord | null): LessonOutcome {
  if (status !== 'complete' || !record) return { lessonId, reproduced: false, reason: `the run ended ${status}${error ? `: ${error}` : ''}` };
  const judged = judgeRecord(record);
  if (!judged) return { lessonId, reproduced: false, reason: 'the verdict could not be computed from the record' };
  if (judged.verdict.status === 'reproduced') return { lessonId, reproduced: true };
  return { lessonId, reproduced: false, reason: judged.verdict.reason ?? judged.verdict.headline };
}

/** Lessons whose target is 9 of 10 on 2 cores; every other lesson's is 7 of 10. */
export const STRICT_LESSON_NUMBERS: readonly number[] = [1, 2, 5, 6, 7];

/**
 * The `lessons` figure: per lesson how often it reproduced, the reasons when not, and each
 * lesson marked against its own target (9 of 10 for lessons 1, 2, 5, 6, 7; 7 of 10 for the
 * rest). The judged value is how many lessons fell below their own target, so the figure is
 * MISSED when any did; the lowest reproduce rate is context.
 */
export function lessonsFigure(outcomes: readonly LessonOutcome[]): RawFigure {
  const info: Record<string, number | string | boolean> = {};
  const notes: string[] = [];
  const rates: number[] = [];
  let belowOwnTarget = 0;
  for (const lesson of LESSONS) {
    const mine = outcomes.filter((o) => o.lessonId === lesson.id);
    if (mine.length === 0) continue;
    const ok = mine.filter((o) => o.reproduced).length;
    const rate = pct(ok, mine.length);
    rates.push(rate);
    const target = STRICT_LESSON_NUMBERS.includes(lesson.number) ? 90 : 70;
    const met = rate >= target;
    if (!met) belowOwnTarget++;
    info[`lesson ${lesson.number} ${lesson.id}`] = `${ok}/${mine.length} (target ≥ ${target} %${met ? '' : ', MISSED'})`;
    const reasons = new Map<string, number>();
    for (const o of mine) if (!o.reproduced) reasons.set(o.reason ?? 'no reason given', (reasons.get(o.reason ?? 'no reason given') ?? 0) + 1);
    for (const [reason, count] of reasons) notes.push(`lesson ${lesson.number} not reproduced ${count}×: ${reason}`);
  }
  info.lessonsBelowOwnTarget = belowOwnTarget;
  return {
    series: {
      lessonsBelowOwnTarget: rates.length ? [belowOwnTarget] : [],
      worstReproducePct: rates.length ? [Math.min(...rates)] : [],
      reproducePct: rates,
    },
    notes,
    info,
  };
}
