/** The spread chart's view model: every sample per configuration, jittered, with its outlier class. */

import { median } from '../stats';
import { cell, type TableModel } from './table';

export type OutlierClass = 'none' | 'mild' | 'severe';
export interface SpreadGroupInput {
  label: string;
  samplesMs: readonly number[];
  /** Outlier class of each sample (same order), as the stats module flagged it. */
  outliers?: readonly OutlierClass[];
  medianMs?: number;
}
export interface SpreadPoint {
  /** Index of the point's group in `labels`. */
  group: number;
  /** Group index plus a seeded jitter in −0.3 … 0.3. */
  x: number;
  y: number;
  outlier: OutlierClass;
}
export interface SpreadModel {
  labels: string[];
  medians: (number | undefined)[];
  points: SpreadPoint[];
}

/** A deterministic jitter in −width … width for sample `i` of group `g` (splitmix32-style hash). */
export function jitter(g: number, i: number, width = 0.3): number {
  let h = (Math.imul(g + 1, 0x9e3779b9) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  return (h / 0xffffffff) * 2 * width - width;
}

/** Places every sample at its group's x with a seeded jitter, carrying its outlier class. */
export function buildSpread(groups: readonly SpreadGroupInput[]): SpreadModel {
  const points: SpreadPoint[] = [];
  groups.forEach((g, gi) => {
    g.samplesMs.forEach((y, i) => {
      if (!Number.isFinite(y)) return;
      points.push({ group: gi, x: gi + jitter(gi, i), y, outlier: g.outliers?.[i] ?? 'none' });
    });
  });
  return { labels: groups.map((g) => g.label), medians: groups.map((g) => g.medianMs ?? finiteMedian(g.samplesMs)), points };
}

/** Median of the finite samples; undefined when there are none (nothing to draw). */
function finiteMedian(xs: readonly number[]): number | undefined {
  const finite = xs.filter(Number.isFinite);
  return finite.length ? median(finite) : undefined;
}

/** The data table behind the spread chart: every sample with its outlier class. */
export function spreadTable(m: SpreadModel): TableModel {
  return {
    caption: 'Every measured repetition, ms; outliers as flagged by the statistics',
    columns: ['Configuration', 'Sample ms', 'Outlier'],
    rows: m.points.map((p) => [m.labels[p.group], cell(p.y), p.outlier === 'none' ? '' : p.outlier]),
  };
}
