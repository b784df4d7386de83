/**
 * Break-even between two time-vs-records curves, typically A = one worker (or the
 * sequential baseline) and B = N workers: the smallest record count from which B is
 * faster. Parallel runs pay a fixed start-up and messaging cost, so B usually loses on
 * small inputs and wins on large ones (seeds 001 and 004).
 */

import { StatsError, requirePositive, requirePositiveTime } from './errors';

/** One measured point of a curve: median time in ms at a record count. */
export interface CurvePoint {
  records: number;
  ms: number;
}

/** Which curve: A (usually one worker) or B (usually N workers). */
export type Side = 'A' | 'B';

/** A record count measured on both curves. */
export interface BreakEvenPoint {
  records: number;
  msA: number;
  msB: number;
  /** ln(msB / msA): negative where B is faster. */
  logRatio: number;
  /** Strictly faster side; 'A' also on an exact tie (B has not become faster). */
  faster: Side;
}

/** A change of the faster side between two measured record counts, interpolated. */
export interface Crossing {
  /** Interpolated record count where ln(msB/msA) = 0 (not an integer in general). */
  records: number;
  /** The two measured record counts that bracket it. */
  between: [number, number];
  /** Faster side below the crossing. */
  from: Side;
  /** Faster side above the crossing. */
  to: Side;
}

/**
 * Where B starts beating A, in a shape a UI can print directly:
 * - `crossing`: B is faster from `records` on (the first A→B crossing); `fasterAtLargest`
 *   says whether it is still ahead at the largest measured size.
 * - `always`: B is faster at every measured size — any break-even lies below `minRecords`.
 * - `never`: B is never faster in the measured range (up to `maxRecords`).
 * - `until`: B is faster only at the small sizes and A takes over at `records`.
 */
export type BreakEven =
  | {
      kind: 'crossing';
      records: number;
      between: [number, number];
      fasterAtLargest: Side;
      crossings: Crossing[];
      points: BreakEvenPoint[];
    }
  | { kind: 'always'; faster: 'B'; minRecords: number; maxRecords: number; points: BreakEvenPoint[] }
  | { kind: 'never'; faster: 'A'; minRecords: number; maxRecords: number; points: BreakEvenPoint[] }
  | {
      kind: 'until';
      records: number;
      between: [number, number];
      crossings: Crossing[];
      points: BreakEvenPoint[];
    };

function indexCurve(curve: readonly CurvePoint[], name: string): Map<number, number> {
  if (!Array.isArray(curve) || curve.length === 0) {
    throw new StatsError('empty-input', `${name} has no points`);
  }
  const byRecords = new Map<number, number>();
  curve.forEach((pt, i) => {
    requirePositive(pt.records, `${name}[${i}].records`);
    requirePositiveTime(pt.ms, `${name}[${i}].ms`);
    if (byRecords.has(pt.records)) {
      throw new StatsError(
        'duplicate-points',
        `${name} has two points at ${pt.records} records; pass one median per size`,
      );
    }
    byRecords.set(pt.records, pt.ms);
  });
  return byRecords;
}

/**
 * Smallest record count where B becomes faster than A, by linear interpolation of
 * ln(msB) − ln(msA) against ln(records) between the bracketing measured sizes (times and
 * sizes both span decades, and on log–log axes the curves are close to straight lines).
 * Only record counts measured on both curves are compared; at least two are needed.
 */
export function breakEven(curveA: readonly CurvePoint[], curveB: readonly CurvePoint[]): BreakEven {
  const a = indexCurve(curveA, 'curveA');
  const b = indexCurve(curveB, 'curveB');
  const common = [...a.keys()].filter((r) => b.has(r)).sort((x, y) => x - y);
  if (common.length < 2) {
    throw new StatsError(
      'too-few-points',
      `a break-even needs at least 2 record counts measured on both curves, got ${common.length}`,
    );
  }
  const points: BreakEvenPoint[] = common.map((records) => {
    const msA = a.get(records) as number;
    const msB = b.get(records) as number;
    const logRatio = Math.log(msB) - Math.log(msA);
    return { records, msA, msB, logRatio, faster: logRatio < 0 ? 'B' : 'A' };
  });

  const crossings: Crossing[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i];
    const hi = points[i + 1];
    if (lo.faster === hi.faster) continue;
    // Zero of the straight line through (ln r_lo, d_lo) and (ln r_hi, d_hi).
    const xLo = Math.log(lo.records);
    const xHi = Math.log(hi.records);
    const x = xLo + ((0 - lo.logRatio) * (xHi - xLo)) / (hi.logRatio - lo.logRatio);
    crossings.push({ records: Math.exp(x), between: [lo.records, hi.records], from: lo.faster, to: hi.faster });
  }

  const minRecords = points[0].records;
  const maxRecords = points[points.length - 1].records;
  const firstToB = crossings.find((c) => c.to === 'B');
  if (firstToB !== undefined) {
    return {
      kind: 'crossing',
      records: firstToB.records,
      between: firstToB.between,
      fasterAtLargest: points[points.length - 1].faster,
      crossings,
      points,
    };
  }
  if (crossings.length === 0) {
    return points[0].faster === 'B'
      ? { kind: 'always', faster: 'B', minRecords, maxRecords, points }
      : { kind: 'never', faster: 'A', minRecords, maxRecords, points };
  }
  // B led at the smallest size and lost the lead without ever regaining it.
  const first = crossings[0];
  return { kind: 'until', records: first.records, between: first.between, crossings, points };
}

/** One-sentence English description of a break-even, e.g. for a chart caption. */
export function describeBreakEven(result: BreakEven, names: { a: string; b: string } = { a: 'A', b: 'B' }): string {
  const fmt = (records: number): string => Math.round(records).toLocaleString('en-US');
  const range = (r: { minRecords: number; maxRecords: number }): string =>
    `${fmt(r.minRecords)}–${fmt(r.maxRecords)} records`;
  switch (result.kind) {
    case 'crossing':
      return (
        `${names.b} becomes faster than ${names.a} at about ${fmt(result.records)} records ` +
        `(between the measured ${fmt(result.between[0])} and ${fmt(result.between[1])})` +
        (result.fasterAtLargest === 'B' ? '.' : `, but ${names.a} is faster again at the largest size.`)
      );
    case 'always':
      return `${names.b} is faster at every measured size (${range(result)}).`;
    case 'never':
      return `${names.b} is never faster than ${names.a} in the measured range (${range(result)}).`;
    case 'until':
      return `${names.b} is faster only below about ${fmt(result.records)} records; ${names.a} wins above that.`;
  }
}
