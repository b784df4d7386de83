/**
 * The fits of a scaling file: medians per worker count, speedups over the smallest, and
 * Amdahl, Karp–Flatt and the USL. Every formula lives in ../stats; the fits' refusals
 * (StatsError) become {error} entries of the analysis, never exceptions.
 */

import { StatsError, amdahlSpeedup, fitAmdahlThroughput, fitUsl, karpFlatt, median as medianOf, type UslFit } from '../stats';
import { fitSucceeded, type AmdahlSummary, type AnalysedPoint, type FitFailure, type KarpFlattPoint, type ScalingAnalysis, type ScalingTable } from './scaling-types';

function round4(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : '∞';
}

function failure(err: unknown): FitFailure {
  if (err instanceof StatsError) return { error: err.message };
  throw err;
}

/**
 * Medians per n, speedups over the smallest n, and the fits: Amdahl and the USL on the
 * throughputs with the one-worker throughput λ fitted (any loads n > 0, no n = 1 row
 * needed), Karp–Flatt per n ≠ 1. Time input becomes throughput 1000 / time_ms (runs per second).
 */
export function analyseScaling(table: ScalingTable): ScalingAnalysis {
  const { measure } = table;
  const notes = [...table.notes];
  const points = medianPoints(table);
  const nMin = points[0].n;

  const repeated = points.filter((p) => p.repetitions > 1);
  if (repeated.length > 0) {
    const list = repeated.map((p) => `${p.repetitions} at n = ${p.n}`).join(', ');
    notes.push(`Repeated worker counts (${list} rows): each n uses the median of its rows.`);
  }
  addSpeedups(points, measure, notes);
  const one = points.find((p) => p.n === 1);
  if (!one) {
    notes.push(
      `There is no measurement at n = 1: the one-worker throughput λ is a fitted parameter of Amdahl's law and of the USL, never read off a row.`,
    );
  }

  const amdahl = fitAmdahl(points);
  const superlinear = points.filter((p) => p.speedup !== undefined && p.speedup > p.n / nMin);
  if (superlinear.length > 0) {
    const list = superlinear.map((p) => `${round4(p.speedup as number)}× at n = ${p.n}`).join(', ');
    notes.push(
      `Superlinear speedup (${list}): more than the added workers allow under Amdahl's law, so p is pushed towards 1` +
        (one ? " and Karp–Flatt's e is negative there" : '') +
        '. Usually a cache effect, or the parallel version does less work (a different algorithm).',
    );
  }
  const karp = karpFlattPoints(points, one, amdahl, measure, notes);

  let usl: UslFit | FitFailure;
  try {
    usl = fitUsl(points.map((p) => ({ n: p.n, throughput: p.throughput })));
  } catch (err) {
    usl = failure(err);
  }

  return {
    measure,
    throughputUnit: measure === 'time_ms' ? 'runs/s' : 'as in the file',
    nMin,
    points,
    amdahl,
    karpFlatt: karp,
    usl,
    notes,
  };
}

/** One point per worker count, ascending: the median of its rows (and its throughput, for time input). */
function medianPoints(table: ScalingTable): AnalysedPoint[] {
  const { measure } = table;
  const byN = new Map<number, number[]>();
  for (const row of table.rows) {
    const value = measure === 'throughput' ? row.throughput : row.timeMs;
    if (value === undefined) continue;
    const list = byN.get(row.n);
    if (list) list.push(value);
    else byN.set(row.n, [value]);
  }
  const ns = [...byN.keys()].sort((a, b) => a - b);
  return ns.map((n) => {
    const values = byN.get(n) ?? [];
    const median = medianOf(values);
    return measure === 'throughput'
      ? { n, repetitions: values.length, throughput: median }
      : { n, repetitions: values.length, throughput: 1000 / median, timeMs: median };
  });
}

/** Speedup over the smallest n. For time, T(n_min)/T(n) directly (not via 1000/T). */
function addSpeedups(points: AnalysedPoint[], measure: ScalingTable['measure'], notes: string[]): void {
  const base = points[0];
  const nMin = base.n;
  const baseline = nMin === 1 ? 'n = 1' : `n_min = ${nMin}, the smallest n in the file`;
  if (measure === 'time_ms') {
    notes.push('Throughput is 1000 / time_ms: runs per second.');
    for (const p of points) p.speedup = (base.timeMs as number) / (p.timeMs as number);
    notes.push(`Speedup is T(${nMin}) / T(n): relative to ${baseline}.`);
  } else if (base.throughput > 0) {
    for (const p of points) p.speedup = p.throughput / base.throughput;
    notes.push(`Speedup is X(n) / X(${nMin}): relative to ${baseline}.`);
  } else {
    notes.push(`The throughput at n = ${nMin} is 0, so no speedups over it can be formed.`);
  }
}

/** Amdahl (fitAmdahlThroughput) on the throughputs, λ = X(1) fitted, so any loads n > 0 will do. */
function fitAmdahl(points: readonly AnalysedPoint[]): AmdahlSummary | FitFailure {
  try {
    const fit = fitAmdahlThroughput(points.map((p) => ({ n: p.n, throughput: p.throughput })));
    return {
      p: fit.p,
      lambda: fit.lambda,
      ceiling: fit.ceiling,
      r2: fit.r2,
      fitted: points.map((p, i) => ({ n: p.n, speedup: amdahlSpeedup(fit.p, p.n), throughput: fit.fitted[i] })),
    };
  } catch (err) {
    return failure(err);
  }
}

/**
 * Karp–Flatt (karpFlatt) needs S(n) = X(n) / X(1): the measured n = 1 row when there is one,
 * otherwise Amdahl's fitted λ (Karp–Flatt's e is Amdahl's serial fraction, so its λ is the consistent one).
 */
function karpFlattPoints(
  points: readonly AnalysedPoint[],
  one: AnalysedPoint | undefined,
  amdahl: AmdahlSummary | FitFailure,
  measure: ScalingTable['measure'],
  notes: string[],
): KarpFlattPoint[] {
  const karp: KarpFlattPoint[] = [];
  const x1 = one ? one.throughput : fitSucceeded(amdahl) ? amdahl.lambda : undefined;
  if (x1 === undefined || !(x1 > 0)) {
    notes.push('Karp–Flatt is not computed: there is no positive throughput at n = 1, measured or fitted.');
    return karp;
  }
  if (!one) notes.push(`Karp–Flatt's speedups are X(n) / λ, with λ = ${round4(x1)} fitted by Amdahl's law.`);
  for (const p of points) {
    if (p.n === 1) continue;
    const s = p.throughput / x1;
    if (s === 0) {
      notes.push(`Karp–Flatt skips n = ${p.n}: its throughput is 0.`);
      continue;
    }
    // For time input the throughput is 1000 / time, so with a measured n = 1 this is T(1) / T(n) exactly.
    const speedup = one && measure === 'time_ms' ? (one.timeMs as number) / (p.timeMs as number) : s;
    karp.push({ n: p.n, speedup, e: karpFlatt(speedup, p.n) as number });
  }
  return karp;
}
