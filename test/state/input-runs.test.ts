import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyseRecord } from '../../src/core/experiment/analysis';
import { samplesCsv, summaryCsv } from '../../src/core/io/csv';
import { buildTimeline } from '../../src/core/view/timeline-data';
import { summaryLine, validateRecord } from '../../src/core/io/run-record';
import { PHASES, type Digest, type Phase, type Span } from '../../src/core/model/types';
import { median } from '../../src/core/stats';
import type { KernelPassTiming, KernelRunResult } from '../../src/engine/kernel';
import type { UserMeasurement, UserSample } from '../../src/engine/userdata-measure';
import { dataFileRecord, kernelRecord, type DataFilePoint } from '../../src/state/input-runs';
import { ENVIRONMENT } from '../helpers/run-records';

const DIGEST: Digest = { records: 1000, checksum: '0123456789abcdef', tableHash: 'fedcba9876543210' };
const NOW = new Date('2026-12-05T12:00:00.000Z');

function phases(compute: number): Record<Phase, number> {
  const out = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  out.compute = compute;
  return out;
}

function pass(role: UserSample['role'], wallMs: number, startedAtMs: number): UserSample {
  return {
    role,
    wallMs,
    phasesMs: phases(wallMs * 0.8),
    chunks: role === 'parallel' ? 2 : 1,
    redone: 0,
    recordsPerWorker: role === 'parallel' ? [500, 500] : [1000],
    digest: DIGEST,
    correct: true,
    startedAtMs,
    spans: [],
    stalledReads: 0,
  };
}

/** A measurement of `records` records: sequential passes at `seq` ms, parallel at `par`, main at `main`. */
function measurement(records: number, seq: number[], par: number[], main: number[] = []): UserMeasurement {
  return {
    ok: true,
    answer: { key: 'region', aggregates: ['amount'], numericKeys: false, rows: [['east', '600'], ['west', '400']], records },
    reference: DIGEST,
    spawnMs: 12,
    sequential: seq.map((ms, i) => pass('sequential', ms, i * 100)),
    parallel: par.map((ms, i) => pass('parallel', ms, i * 100 + 50)),
    main: main.map((ms, i) => pass('main', ms, i * 100 + 80)),
    correct: true,
  };
}

const FILE = { name: 'sales.tsv', size: 123_456 };
const COMMON = {
  file: FILE,
  format: 'tsv' as const,
  job: 'group' as const,
  groupBy: 'region',
  aggregate: ['amount', 'qty'],
  shipping: 'file-slice' as const,
  scheduling: 'static' as const,
  warmups: 1,
  repetitions: 3,
  environment: ENVIRONMENT,
  now: NOW,
};

function csvRows(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('a data-file run as a stored run', () => {
  it('is a valid record whose analysis gives the measured medians and their ratio', () => {
    const record = dataFileRecord({
      ...COMMON,
      workers: 2,
      mainThread: false,
      axis: null,
      status: 'complete',
      points: [{ coords: {}, measurement: measurement(1000, [100, 90, 110], [60, 50, 55]) }],
    });
    expect(validateRecord(record).ok).toBe(true);
    expect(record.input).toEqual({ kind: 'data-file', file: { name: 'sales.tsv', bytes: 123_456, format: 'tsv' }, job: 'group', groupBy: 'region', aggregate: ['amount', 'qty'] });
    expect(record.label).toBe('Your data: sales.tsv — group by region, 2 workers');
    expect(record.createdAt).toBe('2026-12-05T12:00:00.000Z');
    expect(record.repetitions.map((r) => [r.role, r.repetition, r.config.strategy, r.config.workers, r.sample.wallMs])).toEqual([
      ['baseline', 0, 'worker-seq', 1, 100],
      ['baseline', 1, 'worker-seq', 1, 90],
      ['baseline', 2, 'worker-seq', 1, 110],
      ['measured', 0, 'pool', 2, 60],
      ['measured', 1, 'pool', 2, 50],
      ['measured', 2, 'pool', 2, 55],
    ]);
    const [point] = analyseRecord(record).points;
    expect(point.summary?.median).toBe(55);
    expect(point.baselineSummary?.median).toBe(100);
    expect(point.speedup?.ratio).toBe(100 / 55);
    expect(point.efficiency).toBe(100 / 55 / 2);
    expect(point.throughputRecordsPerSec).toBe(1000 / 0.055);
    expect(summaryLine(record.experiment, record.repetitions.length, record.input)).toBe(
      'pool ×2 · your data sales.tsv (123 kB, tsv) · group by region · 1,000 records · 6 samples',
    );
  });

  it('writes the input columns and leaves the generated dataset’s columns empty in both CSV files', () => {
    const record = dataFileRecord({
      ...COMMON,
      workers: 2,
      mainThread: true,
      axis: null,
      status: 'complete',
      points: [{ coords: {}, measurement: measurement(1000, [100, 90, 110], [60, 50, 55], [120, 130, 125]) }],
    });
    const summary = csvRows(summaryCsv([record]));
    expect(summary.map((r) => [r.strategy, r.workers, r.median_ms, r.speedup, r.efficiency])).toEqual([
      ['pool', '2', '55', String(100 / 55), String(100 / 55 / 2)],
      ['main', '2', '125', String(100 / 125), String(100 / 125)],
    ]);
    for (const row of [...summary, ...csvRows(samplesCsv([record]))]) {
      expect([row.input, row.input_file, row.input_bytes, row.group_by, row.aggregate, row.kernel_hash]).toEqual(['data-file', 'sales.tsv', '123456', 'region', 'amount qty', '']);
      expect([row.format, row.job, row.shipping, row.records]).toEqual(['tsv', 'group', 'file-slice', '1000']);
      expect([row.seed, row.distinct_keys, row.key_skew, row.payload_bytes, row.cost_skew, row.work_rounds, row.batch_size, row.varlen_split, row.serial_fraction]).toEqual(['', '', '', '', '', '', '', '', '']);
    }
  });

  it('stores a workers sweep as a workers axis whose points share one pooled baseline', () => {
    const points: DataFilePoint[] = [
      { coords: { workers: 1 }, measurement: measurement(1000, [100, 100], [104, 106]) },
      { coords: { workers: 2 }, measurement: measurement(1000, [98, 102], [60, 58]) },
      { coords: { workers: 4 }, measurement: measurement(1000, [101, 99], [52, 50]) },
    ];
    const record = dataFileRecord({ ...COMMON, workers: 2, mainThread: false, axis: 'workers', status: 'complete', points, repetitions: 2 });
    expect(record.experiment.sweep).toEqual([{ param: 'workers', values: [1, 2, 4] }]);
    expect(validateRecord(record).ok).toBe(true);
    const analysis = analyseRecord(record);
    const baseline = median([100, 100, 98, 102, 101, 99]);
    expect(analysis.points.map((p) => [p.point.config.workers, p.baselineSamples.length, p.summary?.median, p.speedup?.ratio])).toEqual([
      [1, 6, 105, baseline / 105],
      [2, 6, 59, baseline / 59],
      [4, 6, 51, baseline / 51],
    ]);
    expect(analysis.workerScaling).toHaveLength(1);
    expect(record.label).toBe('Your data: sales.tsv — group by region, workers sweep');
  });

  it('stores a records sweep over prefixes with each prefix’s record count, and a cancelled one as cancelled', () => {
    const points: DataFilePoint[] = [
      { coords: { records: 100 }, measurement: measurement(100, [10, 11], [12, 13]) },
      { coords: { records: 1000 }, measurement: measurement(1000, [100, 90], [60, 50]) },
    ];
    const record = dataFileRecord({ ...COMMON, workers: 2, mainThread: false, axis: 'records', status: 'cancelled', points, repetitions: 2 });
    expect(record.status).toBe('cancelled');
    expect(record.experiment.base.records).toBe(1000);
    expect(record.experiment.sweep).toEqual([{ param: 'records', values: [100, 1000] }]);
    const analysis = analyseRecord(record);
    expect(analysis.points.map((p) => [p.point.config.records, p.summary?.median, p.baselineSummary?.median])).toEqual([
      [100, 12.5, 10.5],
      [1000, 55, 95],
    ]);
    expect(analysis.recordsScaling).toHaveLength(1);
  });
});

function timing(wallMs: number, answerHash: string, startedAtMs: number): KernelPassTiming {
  const spans: Span[] = [
    { worker: 0, kind: 'compute', startMs: startedAtMs + 1, endMs: startedAtMs + 3, records: 2500 },
    { worker: 1, kind: 'compute', startMs: startedAtMs + 1, endMs: startedAtMs + 4, records: 2500 },
    { worker: 0, kind: 'merge', startMs: startedAtMs + 4, endMs: startedAtMs + 4.5 },
  ];
  return { wallMs, phasesMs: phases(wallMs / 2), records: 5000, recordsPerWorker: [2500, 2500], startedAtMs, answerHash, spans };
}

function kernelResult(pairs: [number, string, number, string][]): KernelRunResult {
  return {
    ok: true,
    sequential: { json: '{"n":5000}', hash: pairs[0][1] },
    parallel: { json: '{"n":5000}', hash: pairs[0][3] },
    correct: pairs.every(([, a, , b]) => a === b),
    records: 5000,
    chunks: 2,
    redone: 0,
    repetitions: pairs.map(([s, sh, p, ph], i) => ({ sequential: timing(s, sh, i * 10), parallel: timing(p, ph, i * 10 + 5) })),
    sandbox: { removed: ['fetch'], kept: [] },
  };
}

describe('a kernel run as a stored run', () => {
  const SOURCE = 'export function init() { return 0 }\nexport function record(a) { return a + 1 }\nexport function merge(a, b) { return a + b }\nexport function finish(a) { return { n: a } }\n';
  const SPEC = { seed: 1, records: 5000, format: 'csv' as const, distinctKeys: 1000, keySkew: 0, payloadBytes: 32, costSkew: 0 };
  const H = 'aaaaaaaaaaaaaaaa';

  it('keeps the code, marks a parallel answer that differs as incorrect, and writes job "kernel"', () => {
    const record = kernelRecord({
      source: SOURCE,
      over: { spec: SPEC },
      workers: 2,
      shipping: 'transfer',
      scheduling: 'static',
      warmups: 0,
      repetitions: 2,
      axis: null,
      status: 'complete',
      environment: ENVIRONMENT,
      now: NOW,
      points: [{ coords: {}, result: kernelResult([[40, H, 30, H], [42, H, 28, 'bbbbbbbbbbbbbbbb']]) }],
    });
    expect(validateRecord(record).ok).toBe(true);
    expect(record.input?.kind === 'kernel' && record.input.source).toBe(SOURCE);
    const [point] = analyseRecord(record).points;
    expect(point.summary?.median).toBe(29);
    expect(point.baselineSummary?.median).toBe(41);
    expect(point.incorrectSamples).toBe(1);
    expect(point.allCorrect).toBe(false);
    // Each pass keeps its workers' spans, so the timeline can draw a kernel run.
    expect(record.repetitions.map((r) => r.sample.spans.length)).toEqual([3, 3, 3, 3]);
    expect(buildTimeline(record.repetitions[1].sample.spans, record.repetitions[1].sample.startedAtMs).bars.map((b) => b.kind)).toEqual(['compute', 'merge', 'compute']);
    const rows = csvRows(summaryCsv([record]));
    expect(rows).toHaveLength(1);
    // The built-in dataset's fields apply (the kernel read those records); the job does not.
    expect([rows[0].job, rows[0].seed, rows[0].format, rows[0].distinct_keys, rows[0].work_rounds, rows[0].input, rows[0].kernel_hash.length]).toEqual([
      'kernel',
      '1',
      'csv',
      '1000',
      '',
      'kernel',
      16,
    ]);
    expect(rows[0].all_correct).toBe('false');
  });
});
