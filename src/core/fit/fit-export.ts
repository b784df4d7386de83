/** What the fits of a scaling file give back: the fitted CSV and the curves the chart draws. */

import { formatNumber } from '../io/csv';
import { amdahlSpeedup, uslThroughput } from '../stats';
import { fitSucceeded, type ScalingAnalysis } from './scaling-types';

// ---------------------------------------------------------------------------------------
// Export and chart curves

/** Columns of fittedCsv, in order. */
export const FITTED_CSV_COLUMNS = ['n', 'measured', 'amdahl_fitted', 'usl_fitted', 'karp_flatt'] as const;

/**
 * The analysis as CSV (RFC 4180: comma, CRLF after every row, '.' decimals, shortest
 * round-trip digits): one row per n; `measured`, `amdahl_fitted` and `usl_fitted` are
 * throughputs (runs/s for time input; Amdahl's as λ × fitted speedup); `karp_flatt`
 * is e; a value that does not apply is an empty cell.
 */
export function fittedCsv(analysis: ScalingAnalysis): string {
  const amdahl = fitSucceeded(analysis.amdahl) ? analysis.amdahl : undefined;
  const usl = fitSucceeded(analysis.usl) ? analysis.usl : undefined;
  const karp = new Map(analysis.karpFlatt.map((k) => [k.n, k.e]));
  const cell = (x: number | undefined) => (x === undefined ? '' : formatNumber(x));
  const lines = [FITTED_CSV_COLUMNS.join(',')];
  analysis.points.forEach((p, i) => {
    lines.push(
      [cell(p.n), cell(p.throughput), cell(amdahl?.fitted[i].throughput), cell(usl?.fitted[i]), cell(karp.get(p.n))].join(','),
    );
  });
  return lines.map((l) => `${l}\r\n`).join('');
}

/** A point of the fitted curves, for drawing. */
export interface FitCurvePoint {
  n: number;
  amdahl?: number;
  usl?: number;
}

/**
 * The fitted models as throughput at `samples` evenly spaced n from n_min to n_max (plus
 * every measured n), for a smooth chart line.
 */
export function fitCurves(analysis: ScalingAnalysis, samples = 120): FitCurvePoint[] {
  const { nMin } = analysis;
  const nMax = analysis.points[analysis.points.length - 1].n;
  const xs = new Set(analysis.points.map((p) => p.n));
  for (let i = 0; i <= samples; i++) xs.add(nMin + ((nMax - nMin) * i) / samples);
  const amdahl = fitSucceeded(analysis.amdahl) ? analysis.amdahl : undefined;
  const usl = fitSucceeded(analysis.usl) ? analysis.usl : undefined;
  return [...xs]
    .sort((a, b) => a - b)
    .map((n) => ({
      n,
      ...(amdahl ? { amdahl: amdahl.lambda * amdahlSpeedup(amdahl.p, n) } : {}),
      ...(usl ? { usl: uslThroughput(usl, n) } : {}),
    }));
}
