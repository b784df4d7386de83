import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { summaryCsv } from '../../../src/core/io/csv';
import { efficiency, karpFlatt, speedup, summarize } from '../../../src/core/stats';
import type { RunRecord } from '../../../src/core/io/run-record';
import { makeRecord } from '../../helpers/run-records';

function rows(records: RunRecord[]): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(summaryCsv(records), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const walls = (r: RunRecord, point: number, role: 'measured' | 'baseline') =>
  r.repetitions.filter((x) => x.pointIndex === point && x.role === role).map((x) => x.sample.wallMs);
/** Every baseline repetition of the run: all points share one worker-seq configuration, and the analysis pools it. */
const sharedBaseline = (r: RunRecord) => r.repetitions.filter((x) => x.role === 'baseline').map((x) => x.sample.wallMs);

describe('summaryCsv', () => {
  it('has one row per configuration point, each number the stats functions give for its samples', () => {
    const record = makeRecord({ points: 3, repetitions: 5 });
    const data = rows([record]);
    expect(data.map((r) => r.point_index)).toEqual(['0', '1', '2']);
    for (const [p, row] of data.entries()) {
      const measured = walls(record, p, 'measured');
      const baseline = sharedBaseline(record);
      const s = summarize(measured);
      const sp = speedup(baseline, measured);
      const workers = 2 ** p;
      expect(row.workers).toBe(String(workers));
      expect(Number(row.n)).toBe(5);
      expect(Number(row.median_ms)).toBe(s.median);
      expect(Number(row.ci95_lo_ms)).toBe(s.ci95[0]);
      expect(Number(row.ci95_hi_ms)).toBe(s.ci95[1]);
      expect(Number(row.mad_ms)).toBe(s.mad);
      expect(Number(row.mean_ms)).toBe(s.mean);
      expect(Number(row.sd_ms)).toBe(s.sd);
      expect(Number(row.min_ms)).toBe(s.min);
      expect(Number(row.max_ms)).toBe(s.max);
      expect(Number(row.cv)).toBe(s.cv);
      expect(row.all_correct).toBe('true');
      expect(Number(row.baseline_n)).toBe(15);
      expect(Number(row.baseline_median_ms)).toBe(summarize(baseline).median);
      expect(Number(row.speedup)).toBe(sp.ratio);
      expect(Number(row.speedup_ci95_lo)).toBe(sp.ci95[0]);
      expect(Number(row.speedup_ci95_hi)).toBe(sp.ci95[1]);
      expect(Number(row.efficiency)).toBe(efficiency(sp.ratio, workers));
      // Karp–Flatt is undefined for one worker: an empty cell, not 0 or NaN.
      expect(row.karp_flatt).toBe(p === 0 ? '' : String(karpFlatt(sp.ratio, workers)));
    }
  });

  it('leaves the speedup cells empty when a point has no baseline, and says when a sample was wrong', () => {
    const record = makeRecord({ points: 1, repetitions: 3, baseline: false });
    record.repetitions[1].sample.correct = false;
    const [row] = rows([record]);
    expect(row.n).toBe('3');
    expect(row.all_correct).toBe('false');
    expect(row.baseline_n).toBe('0');
    for (const c of ['baseline_median_ms', 'speedup', 'speedup_ci95_lo', 'speedup_ci95_hi', 'efficiency', 'karp_flatt']) {
      expect(row[c], c).toBe('');
    }
  });

  it('finds a shared baseline recorded once under another point by its configuration', () => {
    const record = makeRecord({ points: 2, repetitions: 3 });
    // Both points share one baseline config; the runner recorded it under point 0 only.
    record.repetitions = record.repetitions.filter((r) => r.role === 'measured' || r.pointIndex === 0);
    const [p0, p1] = rows([record]);
    expect(p1.baseline_n).toBe('3');
    expect(p1.baseline_median_ms).toBe(p0.baseline_median_ms);
  });

  it('gives an empty speedup when a 0 ms sample makes the ratio meaningless', () => {
    const record = makeRecord({ points: 1, repetitions: 2 });
    record.repetitions[0].sample.wallMs = 0;
    const [row] = rows([record]);
    expect(row.median_ms).not.toBe('');
    expect(row.speedup).toBe('');
  });
});
