import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from '../../../src/core/model/types';
import { dataRunView, formatFromName, paysFrom, prefixSweepChart, type PrefixRow, type UserAnswer } from '../../../src/core/userdata';

function phases(over: Partial<Record<Phase, number>>): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((p) => [p, over[p] ?? 0])) as Record<Phase, number>;
}

const answer: UserAnswer = {
  key: 'city',
  aggregates: ['amount'],
  numericKeys: false,
  rows: [
    ['a', '1', '1', '1', '1'],
    ['b', '5', '9', '1', '3'],
    ['c', '5', '2', '0', '2'],
    ['d', '2', '4', '2', '2'],
  ],
  records: 13,
};

describe('dataRunView', () => {
  it('lists the keys with the most records first, ties in answer order, and the medians, speedup, throughput and phases', () => {
    const seq = [40, 50, 60].map((wallMs) => ({ wallMs, phasesMs: phases({ compute: wallMs }), redone: 0 }));
    const par = [20, 25, 30].map((wallMs, i) => ({ wallMs, phasesMs: phases({ shipIn: 1, compute: wallMs - 2, merge: 1 }), redone: i === 2 ? 1 : 0 }));
    const v = dataRunView({ answer, fileBytes: 5_000_000, workers: 2, spawnMs: 12, sequential: seq, parallel: par, correct: true }, 3);
    expect(v.columns).toEqual(['city', 'count', 'amount_sum', 'amount_min', 'amount_max']);
    expect(v.topRows.map((r) => r[0])).toEqual(['b', 'c', 'd']);
    expect(v.keys).toBe(4);
    expect(v.records).toBe(13);
    expect(v.sequential.median).toBe(50);
    expect(v.parallel.median).toBe(25);
    expect(v.speedup?.ratio).toBe(2);
    expect(v.sequentialMBps).toBe(100);
    expect(v.parallelMBps).toBe(200);
    expect(v.phasesMs).toEqual([
      { phase: 'shipIn', ms: 1 },
      { phase: 'compute', ms: 23 },
      { phase: 'merge', ms: 1 },
    ]);
    expect(v.redone).toBe(1);
    expect(v.stalledReads).toBe(0);
    expect(v.spawnMs).toBe(12);
    expect(v.workers).toBe(2);
  });

  it('counts the file reads that stalled in every pass, sequential, parallel and the page\'s own', () => {
    const pass = (wallMs: number, stalledReads?: number) => ({ wallMs, phasesMs: phases({ compute: wallMs }), redone: 0, ...(stalledReads === undefined ? {} : { stalledReads }) });
    const v = dataRunView({ answer, fileBytes: 1000, workers: 2, spawnMs: 1, sequential: [pass(10, 1), pass(10)], parallel: [pass(5, 0), pass(5, 2)], main: [pass(20, 1)], correct: true });
    expect(v.stalledReads).toBe(4);
  });

  it('gives no speedup when a time is below the timer', () => {
    const pass = [{ wallMs: 0, phasesMs: phases({}), redone: 0 }];
    const v = dataRunView({ answer, fileBytes: 10, workers: 2, spawnMs: 1, sequential: pass, parallel: pass, correct: false, message: 'x' });
    expect(v.speedup).toBeUndefined();
    expect(v.message).toBe('x');
  });
});

describe('formatFromName', () => {
  it('reads the extension in any case, and nothing else', () => {
    expect(formatFromName('a.CSV')).toBe('csv');
    expect(formatFromName('dir.v2/x.tab')).toBe('tsv');
    expect(formatFromName('log.jsonl')).toBe('ndjson');
    expect(formatFromName('x.ndjson')).toBe('ndjson');
    expect(formatFromName('data.txt')).toBeUndefined();
    expect(formatFromName('csv')).toBeUndefined();
  });
});

describe('paysFrom', () => {
  const row = (records: number, low: number): PrefixRow => ({ bytes: records * 10, workers: 2, records, sequentialMs: 1, parallelMs: 1, sequentialCi95: [1, 1], parallelCi95: [1, 1], speedup: { ratio: low + 0.1, ci95: [low, low + 0.2] } });
  it('is the smallest prefix from which every interval lies above 1', () => {
    expect(paysFrom([row(10, 0.5), row(100, 1.05), row(1000, 0.99), row(10_000, 1.2), row(100_000, 1.5)])?.records).toBe(10_000);
    expect(paysFrom([row(10, 1.1), row(100, 1.2)])?.records).toBe(10);
    expect(paysFrom([row(10, 1.1), row(100, 1)])).toBeUndefined();
    expect(paysFrom([])).toBeUndefined();
  });
});

describe('prefixSweepChart', () => {
  it('draws the sequential line and the parallel one over the records, with their intervals', () => {
    const rows: PrefixRow[] = [
      { bytes: 1000, workers: 2, records: 100, sequentialMs: 4, parallelMs: 6, sequentialCi95: [3, 5], parallelCi95: [5, 7] },
      { bytes: 10_000, workers: 2, records: 1000, sequentialMs: 40, parallelMs: 25, sequentialCi95: [38, 42], parallelCi95: [24, 27] },
    ];
    const m = prefixSweepChart(rows);
    expect(m.series.map((s) => s.label)).toEqual(['1 worker (sequential)', '2 workers']);
    expect(m.series[0].points).toEqual([
      { records: 100, medianMs: 4, ci95Ms: [3, 5] },
      { records: 1000, medianMs: 40, ci95Ms: [38, 42] },
    ]);
    expect(m.series[1].points.map((p) => p.medianMs)).toEqual([6, 25]);
  });
});
