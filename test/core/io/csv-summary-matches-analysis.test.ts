import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyseRecord, type PointAnalysis } from '../../../src/core/experiment/analysis';
import { summaryCsv } from '../../../src/core/io/csv';
import { SCHEMA_VERSION, type RunRecord } from '../../../src/core/io/run-record';
import type { ExperimentConfig, RunConfig } from '../../../src/core/model/types';
import { BASE_CONFIG, ENVIRONMENT } from '../../helpers/run-records';
import { fakeRun, jitterOf } from '../../helpers/samples';

/** A stored run of `experiment` whose every repetition is fabricated by a simple cost model. */
function recordOf(experiment: ExperimentConfig): RunRecord {
  // Sequential 0.002 ms a record plus 3 ms; threads share 80 % of it, each adds 1.5 ms of overhead.
  const { repetitions } = fakeRun(experiment, (c: RunConfig, round) => {
    const seqMs = 3 + c.records * 0.002;
    const threads = c.strategy === 'pool' || c.strategy === 'main-async' ? c.workers : 1;
    const ms = c.strategy === 'worker-seq' ? seqMs : seqMs * (0.2 + 0.8 / threads) + 1.5 * threads;
    return { wallMs: ms * jitterOf(round, 0.02), phasesMs: { compute: ms * 0.7 } };
  });
  return {
    id: 'run-sweep',
    createdAt: '2025-01-31T12:00:00.000Z',
    label: 'sweep',
    schemaVersion: SCHEMA_VERSION,
    appVersion: '0.1.0',
    experiment,
    environment: ENVIRONMENT,
    status: 'complete',
    repetitions,
  };
}

function rows(record: RunRecord): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(summaryCsv([record]), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** What the analysis says of a point, in the summary's columns, as the CSV writes each number. */
function expectedCells(p: PointAnalysis): Record<string, string> {
  const cell = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  return {
    point_index: String(p.point.index),
    strategy: p.point.config.strategy,
    workers: String(p.point.config.workers),
    records: String(p.point.config.records),
    n: String(p.samples.length),
    median_ms: cell(p.summary?.median),
    ci95_lo_ms: cell(p.summary?.ci95[0]),
    ci95_hi_ms: cell(p.summary?.ci95[1]),
    mad_ms: cell(p.summary?.mad),
    mean_ms: cell(p.summary?.mean),
    sd_ms: cell(p.summary?.sd),
    min_ms: cell(p.summary?.min),
    max_ms: cell(p.summary?.max),
    cv: cell(p.summary?.cv),
    all_correct: String(p.measuredCorrect),
    baseline_n: String(p.baselineSamples.length),
    baseline_median_ms: cell(p.baselineSummary?.median),
    speedup: cell(p.speedup?.ratio),
    speedup_ci95_lo: cell(p.speedup?.ci95[0]),
    speedup_ci95_hi: cell(p.speedup?.ci95[1]),
    efficiency: cell(p.efficiency),
    karp_flatt: cell(p.karpFlatt),
  };
}

function pick(row: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

function expectSummaryEqualsAnalysis(record: RunRecord): Record<string, string>[] {
  const analysis = analyseRecord(record);
  const data = rows(record);
  expect(data).toHaveLength(analysis.points.length);
  for (const [i, p] of analysis.points.entries()) {
    const expected = expectedCells(p);
    expect(pick(data[i], Object.keys(expected)), p.point.label).toEqual(expected);
  }
  return data;
}

describe('summaryCsv and the analysis', () => {
  it('agree on every number of a strategy sweep; a single-thread strategy has efficiency = speedup and no Karp–Flatt', () => {
    const record = recordOf({
      base: { ...BASE_CONFIG, workers: 2, records: 300_000 },
      sweep: [{ param: 'strategy', values: ['main', 'worker-seq', 'pool', 'main-async'] }],
      warmups: 0,
      repetitions: 5,
    });
    const data = expectSummaryEqualsAnalysis(record);
    expect(data.map((r) => r.strategy)).toEqual(['main', 'worker-seq', 'pool', 'main-async']);
    for (const row of data) {
      expect(row.speedup, row.strategy).not.toBe('');
      if (row.strategy === 'main' || row.strategy === 'worker-seq') {
        expect(row.efficiency, row.strategy).toBe(row.speedup);
        expect(row.karp_flatt, row.strategy).toBe('');
      } else {
        expect(Number(row.efficiency), row.strategy).toBe(Number(row.speedup) / 2);
        expect(row.karp_flatt, row.strategy).not.toBe('');
      }
    }
  });

  it('agree on every number of a records × workers sweep', () => {
    const record = recordOf({
      base: { ...BASE_CONFIG, batchSize: 100 },
      sweep: [
        { param: 'records', values: [1_000, 100_000] },
        { param: 'workers', values: [1, 2, 4] },
      ],
      warmups: 0,
      repetitions: 4,
    });
    const data = expectSummaryEqualsAnalysis(record);
    expect(data.map((r) => `${r.records}×${r.workers}`)).toEqual(['1000×1', '1000×2', '1000×4', '100000×1', '100000×2', '100000×4']);
    // One pool worker is one thread: no Karp–Flatt; more workers have one.
    expect(data.map((r) => r.karp_flatt === '')).toEqual([true, false, false, true, false, false]);
  });
});
