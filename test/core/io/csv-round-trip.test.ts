import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SAMPLE_COLUMNS, samplesCsv } from '../../../src/core/io/csv';
import type { RunRecord } from '../../../src/core/io/run-record';
import { PHASES, type RepetitionRecord } from '../../../src/core/model/types';
import { makeRecord } from '../../helpers/run-records';

/** What each column must hold, written independently of csv.ts: the value as a reader sees it. */
function expectedRow(record: RunRecord, rep: RepetitionRecord): Record<string, string | number | boolean | undefined> {
  const c = rep.config;
  const s = rep.sample;
  const env = record.environment;
  const phases = Object.fromEntries(
    PHASES.map((p) => [`${p.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}_ms`, s.phasesMs[p]]),
  );
  return {
    run_id: record.id,
    label: record.label,
    lesson_id: record.lessonId,
    created_at: new Date(record.createdAt).toISOString(),
    status: record.status,
    point_index: rep.pointIndex,
    role: rep.role,
    repetition: rep.repetition,
    strategy: c.strategy,
    workers: c.workers,
    records: c.records,
    format: c.format,
    job: c.job,
    shipping: c.shipping,
    scheduling: c.scheduling,
    batch_size: c.batchSize,
    pool_life: c.poolLife,
    varlen_split: c.varlenSplit,
    distinct_keys: c.distinctKeys,
    key_skew: c.keySkew,
    payload_bytes: c.payloadBytes,
    cost_skew: c.costSkew,
    work_rounds: c.workRounds,
    serial_fraction: c.serialFraction,
    seed: c.seed,
    fault_at_record: c.faultAtRecord,
    wall_ms: s.wallMs,
    ...phases,
    throughput_records_per_s: c.records / (s.wallMs / 1000),
    digest_records: s.digest.records,
    digest_checksum: s.digest.checksum,
    digest_table_hash: s.digest.tableHash,
    correct: s.correct,
    user_agent: env.userAgent,
    hardware_concurrency: env.hardwareConcurrency,
    cross_origin_isolated: env.crossOriginIsolated,
    shared_array_buffer: env.sharedArrayBuffer,
    measured_cores: env.measuredCores,
    timer_resolution_ms: env.timerResolutionMs,
    device_memory_gib: env.deviceMemoryGiB,
    app_version: env.appVersion,
    // Generated records: the input columns say so and name no file, column or kernel.
    input: 'generated',
    input_file: undefined,
    input_bytes: undefined,
    group_by: undefined,
    aggregate: undefined,
    kernel_hash: undefined,
  };
}

/** How a typed value reads back from a cell. */
function readBack(expected: string | number | boolean | undefined, cell: string): unknown {
  if (expected === undefined) return cell === '' ? undefined : cell;
  if (typeof expected === 'number') return Number(cell);
  if (typeof expected === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  return cell;
}

describe('samplesCsv', () => {
  it('reads back through papaparse with the same value in every column of every row', () => {
    const a = makeRecord({ id: 'run-a', points: 3, repetitions: 2 });
    const b = makeRecord({
      id: 'run-b',
      label: 'second',
      createdAt: '2025-02-01T09:30:00+02:00',
      baseline: false,
      overrides: { lessonId: 'overhead', status: 'partial', environment: { ...a.environment, deviceMemoryGiB: undefined } },
    });
    delete b.environment.deviceMemoryGiB;
    b.repetitions[0] = { ...b.repetitions[0], config: { ...b.repetitions[0].config, faultAtRecord: 77 } };

    const parsed = Papa.parse<Record<string, string>>(samplesCsv([a, b]), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...SAMPLE_COLUMNS]);

    const expected = [a, b].flatMap((r) => r.repetitions.map((rep) => expectedRow(r, rep)));
    expect(parsed.data).toHaveLength(expected.length);
    expect(Object.keys(expected[0]).sort()).toEqual([...SAMPLE_COLUMNS].sort());
    parsed.data.forEach((row, i) => {
      for (const column of SAMPLE_COLUMNS) {
        expect({ row: i, column, value: readBack(expected[i][column], row[column]) }).toEqual({
          row: i,
          column,
          value: expected[i][column],
        });
      }
    });
    // The +02:00 creation time is written in UTC.
    expect(parsed.data.at(-1)!.created_at).toBe('2025-02-01T07:30:00.000Z');
  });
});
