/** The comparison's tables: the "show data" beside each comparison chart, and the copyable ratio table. */

import type { TableModel } from '../view/table';
import type { CompareMediansModel, CompareSpeedupModel, CompareTimeModel, RunComparison } from './compare';

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(3));

/** The ratio table as plain text cells. */
export function comparisonTable(c: RunComparison): TableModel {
  return {
    caption: 'Median wall time per matching configuration; speedup = median(before) ÷ median(after) with its 95 % bootstrap CI',
    columns: ['Configuration', 'Before n', 'Before median ms', 'After n', 'After median ms', 'After ÷ before time', 'Speedup', 'Speedup CI low', 'Speedup CI high'],
    rows: c.points.map((p) => [
      p.label,
      String(p.before?.n ?? 0),
      ms(p.before?.medianMs),
      String(p.after?.n ?? 0),
      ms(p.after?.medianMs),
      p.timeRatio === null ? '' : p.timeRatio.toFixed(3),
      p.speedup ? p.speedup.ratio.toFixed(3) : '',
      p.speedup ? p.speedup.ci95[0].toFixed(3) : '',
      p.speedup ? p.speedup.ci95[1].toFixed(3) : '',
    ]),
  };
}

export function compareSpeedupTable(m: CompareSpeedupModel): TableModel {
  return {
    caption: 'Speedup over each run’s own one-worker baseline',
    columns: ['Run', 'Workers', 'Speedup', '95% CI low', '95% CI high'],
    rows: m.series.flatMap((s) => s.points.map((p) => [s.label, String(p.workers), p.speedup.toFixed(3), p.ci95[0].toFixed(3), p.ci95[1].toFixed(3)])),
  };
}

export function compareTimeTable(m: CompareTimeModel): TableModel {
  return {
    caption: 'Median time per record count, both runs',
    columns: ['Series', 'Records', 'Median ms', '95% CI low ms', '95% CI high ms'],
    rows: m.series.flatMap((s) => s.points.map((p) => [s.label, String(p.records), ms(p.medianMs), ms(p.ci95Ms[0]), ms(p.ci95Ms[1])])),
  };
}

export function compareMediansTable(m: CompareMediansModel): TableModel {
  return {
    caption: 'Median wall time of each matching configuration, ms, with 95 % CI',
    columns: ['Configuration', 'Before ms', 'Before CI low', 'Before CI high', 'After ms', 'After CI low', 'After CI high'],
    rows: m.labels.map((label, i) => {
      const b = m.before[i];
      const a = m.after[i];
      return [label, ms(b?.medianMs), ms(b?.ci95Ms[0]), ms(b?.ci95Ms[1]), ms(a?.medianMs), ms(a?.ci95Ms[0]), ms(a?.ci95Ms[1])];
    }),
  };
}
