import { describe, expect, it } from 'vitest';
import {
  COMPARE_CONFIG_FIELDS,
  CSV_CONFIG_FIELDS,
  DEFAULT_RUN_CONFIG,
  FIELDS,
  RUN_CONFIG_FIELDS,
  URL_KEYS,
} from '../../../src/core/model/config';
import { SAMPLE_COLUMNS, SAMPLE_COLUMN_DOCS } from '../../../src/core/io/csv';
import * as v from 'valibot';
import { RunConfigSchema } from '../../../src/core/io/run-record-schema';
import { configProblems } from '../../../src/core/model/config';

// The literal lists below are the formats as published (links in the wild, CSV files people
// keep): the field table must keep deriving exactly these.
describe('the run configuration field table', () => {
  it('covers every RunConfig field, and each has a default', () => {
    expect([...RUN_CONFIG_FIELDS].sort()).toEqual([...Object.keys(DEFAULT_RUN_CONFIG), 'faultAtRecord'].sort());
  });

  it('derives the URL keys', () => {
    expect(URL_KEYS).toEqual({
      job: 'job',
      format: 'format',
      records: 'records',
      seed: 'seed',
      distinctKeys: 'keys',
      keySkew: 'skew',
      payloadBytes: 'payload',
      costSkew: 'costskew',
      workRounds: 'work',
      strategy: 'strategy',
      workers: 'workers',
      shipping: 'ship',
      scheduling: 'sched',
      batchSize: 'batch',
      poolLife: 'pool',
      varlenSplit: 'split',
      serialFraction: 'serial',
      faultAtRecord: 'fault',
      warmups: 'warmups',
      repetitions: 'reps',
      shuffleSeed: 'shuffle',
    });
    expect(new Set(Object.values(URL_KEYS)).size).toBe(Object.keys(URL_KEYS).length);
  });

  it('derives the CSV configuration columns, in their order, each documented', () => {
    expect(CSV_CONFIG_FIELDS.map((f) => FIELDS[f].csv.column)).toEqual([
      'strategy',
      'workers',
      'records',
      'format',
      'job',
      'shipping',
      'scheduling',
      'batch_size',
      'pool_life',
      'varlen_split',
      'distinct_keys',
      'key_skew',
      'payload_bytes',
      'cost_skew',
      'work_rounds',
      'serial_fraction',
      'seed',
      'fault_at_record',
    ]);
    const block = SAMPLE_COLUMNS.slice(SAMPLE_COLUMNS.indexOf('strategy'), SAMPLE_COLUMNS.indexOf('fault_at_record') + 1);
    expect(block).toEqual(CSV_CONFIG_FIELDS.map((f) => FIELDS[f].csv.column));
    expect(SAMPLE_COLUMN_DOCS.batch_size).toEqual({ unit: 'records', meaning: 'Records per batch under dynamic scheduling.' });
  });

  it('derives the order a comparison lists the settings in', () => {
    expect(COMPARE_CONFIG_FIELDS).toEqual([
      'strategy',
      'workers',
      'records',
      'job',
      'format',
      'shipping',
      'scheduling',
      'batchSize',
      'poolLife',
      'varlenSplit',
      'distinctKeys',
      'keySkew',
      'payloadBytes',
      'costSkew',
      'workRounds',
      'serialFraction',
      'seed',
      'faultAtRecord',
    ]);
  });

  it('derives the defaults, which pass their own rules', () => {
    expect(DEFAULT_RUN_CONFIG).toEqual({
      seed: 1,
      records: 200_000,
      format: 'fixed',
      distinctKeys: 1_000,
      keySkew: 0,
      payloadBytes: 32,
      costSkew: 0,
      job: 'group',
      workRounds: 20,
      strategy: 'pool',
      workers: 2,
      shipping: 'transfer',
      scheduling: 'static',
      batchSize: 10_000,
      poolLife: 'cold',
      varlenSplit: 'index',
      serialFraction: 0,
    });
    expect(configProblems(DEFAULT_RUN_CONFIG, { hardwareConcurrency: 2, crossOriginIsolated: true })).toEqual([]);
  });

  it('derives the stored schema: every field, its stored bounds (wider than the form), nothing else', () => {
    const ok = (c: unknown) => v.safeParse(RunConfigSchema, c).success;
    expect(ok(DEFAULT_RUN_CONFIG)).toBe(true);
    expect(ok({ ...DEFAULT_RUN_CONFIG, faultAtRecord: 7 })).toBe(true);
    expect(ok({ ...DEFAULT_RUN_CONFIG, extra: 1 })).toBe(false);
    const { seed: _seed, ...noSeed } = DEFAULT_RUN_CONFIG;
    expect(ok(noSeed)).toBe(false);
    // Wider than the form: a run recorded with 100 workers or 10⁸ records still loads.
    expect(ok({ ...DEFAULT_RUN_CONFIG, workers: 100, records: 100_000_000 })).toBe(true);
    for (const [field, beyond] of [['workers', 1025], ['records', 1_000_000_001], ['keySkew', 64.5], ['serialFraction', 1.01], ['distinctKeys', 0], ['batchSize', -1]] as const) {
      expect(ok({ ...DEFAULT_RUN_CONFIG, [field]: beyond }), field).toBe(false);
    }
    expect(ok({ ...DEFAULT_RUN_CONFIG, workers: 2.5 })).toBe(false);
    expect(ok({ ...DEFAULT_RUN_CONFIG, shipping: 'file-slice' })).toBe(true);
    expect(ok({ ...DEFAULT_RUN_CONFIG, shipping: 'carrier-pigeon' })).toBe(false);
  });
});
