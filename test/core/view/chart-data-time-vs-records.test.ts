import { describe, expect, it } from 'vitest';
import { buildTimeVsRecords, timeVsRecordsTable, type TimeRow } from '../../../src/core/view/chart-data';

describe('buildTimeVsRecords', () => {
  const rows: TimeRow[] = [
    { workers: 2, records: 1000, medianMs: 30, ci95Ms: [28, 33] },
    { workers: 1, records: 1000, medianMs: 10, ci95Ms: [9, 12] },
    { workers: 1, records: 10, medianMs: 5, ci95Ms: [4, 6] },
    { workers: 2, records: 10, medianMs: 25, ci95Ms: [24, 27] },
    { workers: 2, records: 0, medianMs: 20, ci95Ms: [19, 21] },
  ];

  it('makes one sorted series per worker count and drops what a log axis cannot show', () => {
    const m = buildTimeVsRecords(rows, { records: 12345.6, workers: 2 });
    expect(m.series.map((s) => s.label)).toEqual(['1 worker', '2 workers']);
    expect(m.series[0]!.points).toEqual([
      { records: 10, medianMs: 5, ci95Ms: [4, 6] },
      { records: 1000, medianMs: 10, ci95Ms: [9, 12] },
    ]);
    expect(m.omitted).toBe(1);
    expect(m.breakEven).toEqual({ records: 12345.6, label: 'Break-even ≈ 12,346 records (2 workers vs 1)' });
  });

  it('omits a break-even that does not exist', () => {
    expect(buildTimeVsRecords(rows, { records: Number.POSITIVE_INFINITY }).breakEven).toBeUndefined();
    expect(buildTimeVsRecords(rows, null).breakEven).toBeUndefined();
  });

  it('keeps a CI that does not contain the median from inverting the bar', () => {
    const m = buildTimeVsRecords([{ workers: 1, records: 5, medianMs: 10, ci95Ms: [11, 9] }]);
    expect(m.series[0]!.points[0]).toEqual({ records: 5, medianMs: 10, ci95Ms: [10, 10] });
  });

  it('tabulates every point', () => {
    const t = timeVsRecordsTable(buildTimeVsRecords(rows, { records: 500 }));
    expect(t.columns).toEqual(['Series', 'Records', 'Median ms', '95% CI low ms', '95% CI high ms']);
    expect(t.rows[0]).toEqual(['1 worker', '10', '5.000', '4.000', '6.000']);
    expect(t.rows).toHaveLength(4);
    expect(t.caption).toBe(
      'Median time per record count; Break-even ≈ 500 records; 1 row with 0 records or 0 ms not drawn on the log axes',
    );
  });
});
