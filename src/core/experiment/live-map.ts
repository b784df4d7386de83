/**
 * The live map: every point measured while a person drags the records and workers sliders,
 * kept as plain repetitions and analysed with the same code as any experiment. A live
 * session is an experiment whose sweep is "the record counts and worker counts measured so
 * far", so its statistics, its break-even, its stored record and its CSV are the ordinary
 * ones. Pure: no DOM, no engine.
 */
import { analyseExperiment, type ExperimentAnalysis, type PointAnalysis } from './analysis';
import { resultCards } from '../view/results-view';
import { buildPhases, buildTimeVsRecords, type PhaseModel, type ResultCardsModel, type TimeRow, type TimeVsRecordsModel } from '../view/chart-data';
import { plural } from '../view/format';
import { MAX_RECORDS, RECORD_STEPS, workerCap } from '../model/config';
import { configKey, planExperiment, type RunPlan } from './plan';
import { describeBreakEven } from '../stats';
import type { ExperimentConfig, RepetitionRecord, RunConfig } from '../model/types';
import type { Interval } from '../stats';

/** Record counts the live records slider stops at: 10, 20, 50 … 10 M (1-2-5 steps, log scale). */
export const LIVE_RECORD_STEPS: readonly number[] = RECORD_STEPS.filter((r) => r >= 10 && r <= Math.min(10_000_000, MAX_RECORDS));

/** Most measured repetitions (and as many baseline ones) a live point takes. */
export const LIVE_MAX_REPETITIONS = 3;
/**
 * Time budget of a live point, ms: repetitions stop once this is spent (at least one is
 * always made, after one unmeasured warm-up of the point and its baseline).
 */
export const LIVE_BUDGET_MS = 1_000;

/** Largest worker count of the live slider: twice the reported cores, within the form's cap. */
export function liveWorkerMax(hardwareConcurrency: number): number {
  const hc = Number.isFinite(hardwareConcurrency) && hardwareConcurrency >= 1 ? Math.floor(hardwareConcurrency) : 1;
  return Math.min(workerCap(hc), 2 * hc);
}

/** Index of the live slider stop nearest (on a log scale) to a record count. */
export function nearestLiveStep(records: number): number {
  if (!(records > 0)) return 0;
  const target = Math.log10(records);
  let best = 0;
  LIVE_RECORD_STEPS.forEach((r, i) => {
    if (Math.abs(Math.log10(r) - target) < Math.abs(Math.log10(LIVE_RECORD_STEPS[best]) - target)) best = i;
  });
  return best;
}

/** Largest record count the background explorer measures on its own (bigger points are the person's call). */
export const EXPLORE_MAX_RECORDS = 1_000_000;

/**
 * The next record count the background explorer measures at one worker count, coarse to
 * fine: the smallest and the largest stop first, then the middle (in slider stops, so on a
 * log scale) of the widest gap between measured stops. Undefined when every stop up to
 * `maxRecords` is measured.
 */
export function nextExploreRecords(measured: readonly number[], maxRecords = EXPLORE_MAX_RECORDS): number | undefined {
  const stops = LIVE_RECORD_STEPS.filter((r) => r <= maxRecords);
  if (stops.length === 0) return undefined;
  const have = new Set(measured);
  if (!have.has(stops[0])) return stops[0];
  if (!have.has(stops[stops.length - 1])) return stops[stops.length - 1];
  const idx = stops.map((r, i) => (have.has(r) ? i : -1)).filter((i) => i >= 0);
  let best: [number, number] | undefined;
  for (let k = 0; k + 1 < idx.length; k++) {
    const gap = idx[k + 1] - idx[k];
    if (gap > 1 && (!best || gap > best[1] - best[0])) best = [idx[k], idx[k + 1]];
  }
  return best ? stops[(best[0] + best[1]) >> 1] : undefined;
}

/** The settings a live point varies on top of the playground's base configuration. */
export interface LiveKnobs {
  poolLife: RunConfig['poolLife'];
  shipping: RunConfig['shipping'];
  workRounds: number;
}

/** The configuration of a live point: the base with the knobs, records and a pool of `workers`. */
export function livePointConfig(base: RunConfig, knobs: LiveKnobs, records: number, workers: number): RunConfig {
  const config: RunConfig = { ...base, ...knobs, strategy: 'pool', records, workers };
  // As planExperiment does: a batch larger than the records is cut to them (keys then agree).
  return config.batchSize > records && records > 0 ? { ...config, batchSize: records } : config;
}

/** What makes two live points comparable: everything but records and workers. */
export function liveSessionKey(base: RunConfig, knobs: LiveKnobs): string {
  return configKey({ ...base, ...knobs, strategy: 'pool', records: 0, workers: 0 });
}

/**
 * The experiment a live session amounts to: the base, swept over every record count and
 * worker count measured so far (sorted). Cells of the cross product never measured simply
 * have no samples; nothing is filled in for them.
 */
export function liveExperiment(base: RunConfig, knobs: LiveKnobs, reps: readonly RepetitionRecord[]): ExperimentConfig {
  const measured = reps.filter((r) => r.role === 'measured');
  const records = [...new Set(measured.map((r) => r.config.records))].sort((a, b) => a - b);
  const workers = [...new Set(measured.map((r) => r.config.workers))].sort((a, b) => a - b);
  return {
    base: { ...base, ...knobs, strategy: 'pool' },
    sweep: [
      { param: 'records', values: records },
      { param: 'workers', values: workers },
    ],
    // What a live point takes at most; pinned points have more (their `n` says so).
    warmups: 1,
    repetitions: LIVE_MAX_REPETITIONS,
  };
}

/**
 * The repetitions renumbered for storage: `pointIndex` is the point of the session's plan
 * the configuration belongs to (baselines: the first point that shares them) and
 * `repetition` counts each configuration's samples 0, 1, 2 … across every measurement of it.
 */
export function renumberForPlan(plan: RunPlan, reps: readonly RepetitionRecord[]): RepetitionRecord[] {
  const unitOfKey = new Map(plan.units.map((u) => [u.key, u.index]));
  const next = new Map<string, number>();
  return reps.map((rep) => {
    const key = configKey(rep.config);
    const unit = unitOfKey.get(key);
    const pointIndex = unit === undefined ? 0 : Math.max(0, plan.points.findIndex((p) => p.unit === unit || p.baselineUnit === unit));
    const repetition = next.get(key) ?? 0;
    next.set(key, repetition + 1);
    return { ...rep, pointIndex, repetition };
  });
}

/** A measured point of the map as its table and cards show it. */
export interface LiveMapPoint {
  records: number;
  workers: number;
  /** Measured repetitions of the point / of its worker-seq baseline. */
  n: number;
  baselineN: number;
  medianMs: number;
  ci95Ms: Interval;
  baselineMedianMs: number | null;
  speedup: number | null;
  /** Every sample of the point and of its baseline matched the sequential digest. */
  correct: boolean;
  /** 'live': the short time-boxed measurement; 'pinned': a full-precision one was added. */
  precision: 'live' | 'pinned';
}

export interface LiveMapModel {
  /** Time vs records, one series per worker count and the sequential baseline, with CIs. */
  time: TimeVsRecordsModel;
  /** Keys `<series key>|<records>` of the chart points that are pinned (drawn filled). */
  pinnedKeys: string[];
  /** The current slider position on the map, when it has been measured. */
  current: { records: number; workers: number } | null;
  points: LiveMapPoint[];
  /** One sentence on the break-even of the current worker count (or why there is none). */
  breakEven: string;
  /** The cards and the phases bar of the current point, once it is measured. */
  cards?: ResultCardsModel;
  phases?: PhaseModel;
}

/** The analysis of a live session (the ordinary experiment analysis of `liveExperiment`). */
export function analyseLive(experiment: ExperimentConfig, reps: readonly RepetitionRecord[], timerResolutionMs: number): { plan: RunPlan; analysis: ExperimentAnalysis } {
  const plan = planExperiment(experiment);
  return { plan, analysis: analyseExperiment(plan, reps, timerResolutionMs) };
}

const workersLabel = (w: number) => plural(w, 'worker', 'workers');
const seriesKeyOf = (workers: number) => `w${workers}`;
export const LIVE_BASELINE_SERIES = '1 worker (sequential baseline)';

/**
 * Builds the map from the session's repetitions: the chart, the point table, the break-even
 * of the current worker count and the cards and phases of the current point.
 */
export function buildLiveMap(input: {
  base: RunConfig;
  knobs: LiveKnobs;
  reps: readonly RepetitionRecord[];
  /** configKey()s of the pinned point configurations. */
  pinned: ReadonlySet<string>;
  current: { records: number; workers: number };
  timerResolutionMs: number;
}): LiveMapModel {
  const { base, knobs, reps, pinned, current } = input;
  const empty: LiveMapModel = {
    time: buildTimeVsRecords([]),
    pinnedKeys: [],
    current: null,
    points: [],
    breakEven: 'No break-even yet: it needs at least two record counts measured at the same worker count.',
  };
  if (!reps.some((r) => r.role === 'measured')) return empty;
  const experiment = liveExperiment(base, knobs, reps);
  const { analysis } = analyseLive(experiment, reps, input.timerResolutionMs);
  const measured = analysis.points.filter((p) => p.summary);

  const rows: TimeRow[] = [];
  const pinnedKeys: string[] = [];
  const baselineSeen = new Set<number>();
  const points: LiveMapPoint[] = [];
  for (const p of measured) {
    const c = p.point.config;
    const s = p.summary!;
    const isPinned = pinned.has(configKey(c));
    rows.push({ workers: c.workers, records: c.records, medianMs: s.median, ci95Ms: s.ci95 });
    // A pin measures the point and its baseline in full: both are drawn filled.
    if (isPinned) pinnedKeys.push(`${seriesKeyOf(c.workers)}|${c.records}`, `${LIVE_BASELINE_SERIES}|${c.records}`);
    const b = p.baselineSummary;
    if (b && !baselineSeen.has(c.records)) {
      baselineSeen.add(c.records);
      rows.push({ workers: 1, series: LIVE_BASELINE_SERIES, records: c.records, medianMs: b.median, ci95Ms: b.ci95 });
    }
    points.push({
      records: c.records,
      workers: c.workers,
      n: p.samples.length,
      baselineN: p.baselineSamples.length,
      medianMs: s.median,
      ci95Ms: s.ci95,
      baselineMedianMs: b ? b.median : null,
      speedup: p.speedup ? p.speedup.ratio : null,
      correct: p.allCorrect,
      precision: isPinned ? 'pinned' : 'live',
    });
  }

  const { breakEven, marker } = liveBreakEven(analysis, current.workers);
  const time = buildTimeVsRecords(rows, marker, marker ? undefined : breakEven);

  const focus = measured.find((p) => p.point.config.records === current.records && p.point.config.workers === current.workers);
  const model: LiveMapModel = {
    time,
    pinnedKeys,
    current: focus ? { ...current } : null,
    points,
    breakEven,
  };
  if (focus) {
    model.cards = cardsOf(focus, pinned.has(configKey(focus.point.config)));
    model.phases = buildPhases([{ label: `${focus.point.config.records.toLocaleString('en-US')} records, ${workersLabel(focus.point.config.workers)}`, phasesMs: focus.phaseMediansMs }]);
  }
  return model;
}

/** The break-even of the current worker count, in words, and where the chart marks it (a crossing only). */
function liveBreakEven(
  analysis: ExperimentAnalysis,
  workers: number,
): { breakEven: string; marker: { records: number; workers: number } | null } {
  const series = analysis.recordsScaling.find((r) => r.workers === workers);
  if (!series) return { breakEven: `No break-even for ${workersLabel(workers)} yet: nothing measured at that worker count.`, marker: null };
  if (!series.breakEven.ok) return { breakEven: `No break-even for ${workersLabel(workers)} yet: ${series.breakEven.reason}.`, marker: null };
  const fit = series.breakEven.fit;
  const breakEven = describeBreakEven(fit, { a: 'the sequential baseline', b: `${workersLabel(workers)}` });
  if (fit.kind !== 'crossing') return { breakEven, marker: null };
  return {
    breakEven: `${breakEven} The crossing is interpolated on log–log axes between the two measured record counts around it.`,
    marker: { records: fit.records, workers },
  };
}

function cardsOf(p: PointAnalysis, isPinned: boolean): ResultCardsModel {
  const c = p.point.config;
  return resultCards(p, `${c.records.toLocaleString('en-US')} records, ${workersLabel(c.workers)} (${isPinned ? 'pinned: full precision' : `live: ${plural(p.samples.length, 'repetition', 'repetitions')}`})`);
}
