import { describe, expect, it } from 'vitest';
import { ConfigError, type DatasetSpec, type JobSpec } from '../../../src/core/model/types';
import {
  createAccumulator,
  estimateBytes,
  generate,
  MAX_DISTINCT_KEYS,
  MAX_KEY_SKEW,
  MAX_PAYLOAD_BYTES,
  MAX_RECORDS,
  MAX_SEED,
  MAX_WORK_ROUNDS,
  runSequential,
  validateDatasetSpec,
  validateJobSpec,
} from '../../../src/core/workloads';
import { smallSpec, thrown } from './workloads-test-helpers';

function datasetError(overrides: Record<string, unknown>): ConfigError {
  const e = thrown(() => validateDatasetSpec({ ...smallSpec(), ...overrides } as DatasetSpec));
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

function jobError(spec: Record<string, unknown>): ConfigError {
  const e = thrown(() => validateJobSpec({ job: 'parse', workRounds: 0, ...spec } as JobSpec));
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('spec validation', () => {
  it('exports the limits', () => {
    expect([MAX_RECORDS, MAX_DISTINCT_KEYS, MAX_WORK_ROUNDS, MAX_KEY_SKEW, MAX_PAYLOAD_BYTES, MAX_SEED]).toEqual([
      50_000_000, 1_048_576, 100_000, 4, 1024, 4_294_967_295,
    ]);
  });

  it('accepts valid specs, including every bound', () => {
    expect(() => validateDatasetSpec(smallSpec())).not.toThrow();
    expect(() =>
      validateDatasetSpec(smallSpec({ records: 0, seed: 0, distinctKeys: 1, keySkew: 0, payloadBytes: 0, costSkew: 0 })),
    ).not.toThrow();
    expect(() =>
      validateDatasetSpec(
        smallSpec({ records: MAX_RECORDS, seed: MAX_SEED, distinctKeys: MAX_DISTINCT_KEYS, keySkew: 4, payloadBytes: 1024, costSkew: 1 }),
      ),
    ).not.toThrow();
    expect(() => validateJobSpec({ job: 'group-naive', workRounds: MAX_WORK_ROUNDS, faultAtRecord: 0 })).not.toThrow();
  });

  it('records: negative, fractional, NaN, too many', () => {
    const e = datasetError({ records: -1 });
    expect(e.message).toBe('records must be an integer from 0 to 50,000,000 (got -1)');
    expect([e.field, e.allowed, e.got]).toEqual(['records', 'an integer from 0 to 50,000,000', -1]);
    expect(datasetError({ records: 1.5 }).message).toBe('records must be an integer from 0 to 50,000,000 (got 1.5)');
    expect(datasetError({ records: NaN }).message).toBe('records must be an integer from 0 to 50,000,000 (got NaN)');
    expect(datasetError({ records: 50_000_001 }).message).toBe(
      'records must be an integer from 0 to 50,000,000 (got 50000001)',
    );
    expect(datasetError({ records: '10' }).message).toBe('records must be an integer from 0 to 50,000,000 (got "10")');
  });

  it('seed: not an integer in [0, 2^32 − 1]', () => {
    for (const seed of [-1, 2 ** 32, 0.5, Infinity]) {
      const e = datasetError({ seed });
      expect(e.field).toBe('seed');
      expect(e.allowed).toBe('an integer from 0 to 4,294,967,295');
    }
    expect(datasetError({ seed: Infinity }).message).toBe('seed must be an integer from 0 to 4,294,967,295 (got Infinity)');
  });

  it('distinctKeys: ≤ 0, too many, fractional', () => {
    for (const distinctKeys of [0, -3, 1_048_577, 2.5]) {
      const e = datasetError({ distinctKeys });
      expect([e.field, e.allowed, e.got]).toEqual(['distinctKeys', 'an integer from 1 to 1,048,576', distinctKeys]);
    }
  });

  it('keySkew: negative, above 4, NaN', () => {
    for (const keySkew of [-0.1, 4.01, NaN]) {
      const e = datasetError({ keySkew });
      expect([e.field, e.allowed]).toEqual(['keySkew', 'a number from 0 to 4']);
    }
    expect(datasetError({ keySkew: 5 }).message).toBe('keySkew must be a number from 0 to 4 (got 5)');
  });

  it('payloadBytes: outside 0 … 1024', () => {
    for (const payloadBytes of [-1, 1025, 3.5, NaN]) {
      const e = datasetError({ payloadBytes });
      expect([e.field, e.allowed]).toEqual(['payloadBytes', 'an integer from 0 to 1,024']);
    }
  });

  it('costSkew: outside [0, 1]', () => {
    for (const costSkew of [-0.01, 1.01, NaN]) {
      const e = datasetError({ costSkew });
      expect([e.field, e.allowed]).toEqual(['costSkew', 'a number from 0 to 1']);
    }
  });

  it('format: unknown', () => {
    const e = datasetError({ format: 'json' });
    expect(e.message).toBe('format must be one of "fixed", "varlen", "csv" (got "json")');
  });

  it('job: unknown', () => {
    expect(jobError({ job: 'sort' }).message).toBe('job must be one of "parse", "group", "group-naive" (got "sort")');
  });

  it('workRounds: negative, too many, fractional', () => {
    for (const workRounds of [-1, 100_001, 0.5, NaN]) {
      const e = jobError({ workRounds });
      expect([e.field, e.allowed]).toEqual(['workRounds', 'an integer from 0 to 100,000']);
    }
    expect(jobError({ workRounds: 100_001 }).message).toBe('workRounds must be an integer from 0 to 100,000 (got 100001)');
  });

  it('faultAtRecord: present but not a u32', () => {
    const e = jobError({ faultAtRecord: -1 });
    expect([e.field, e.allowed]).toEqual(['faultAtRecord', 'an integer from 0 to 4,294,967,295']);
  });

  it('entry points validate before working', () => {
    const bad = smallSpec({ records: -5 });
    expect(() => generate(bad)).toThrow(ConfigError);
    expect(() => estimateBytes(bad)).toThrow(ConfigError);
    expect(() => runSequential({ ...bad, job: 'parse', workRounds: 0 })).toThrow(ConfigError);
    expect(() => createAccumulator({ job: 'parse', workRounds: -1 })).toThrow(ConfigError);
  });
});
