import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, cloneExperiment, fieldErrors, type EnvFacts } from '../../../src/core/model/config';
import type { ExperimentConfig } from '../../../src/core/model/types';

const env2: EnvFacts = { hardwareConcurrency: 2, crossOriginIsolated: true };
const env16: EnvFacts = { hardwareConcurrency: 16, crossOriginIsolated: false };

function withBase(patch: Record<string, unknown>): ExperimentConfig {
  const e = cloneExperiment(DEFAULT_EXPERIMENT);
  Object.assign(e.base, patch);
  return e;
}

describe('fieldErrors', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(fieldErrors(cloneExperiment(DEFAULT_EXPERIMENT), env2)).toEqual({});
  });

  it('names records and its range for -1, 1e12, 1.5 and NaN', () => {
    const msg = 'Records must be an integer from 0 to 50,000,000';
    for (const records of [-1, 1e12, 1.5, Number.NaN, 50_000_001]) {
      expect(fieldErrors(withBase({ records }), env2)).toEqual({ records: msg });
    }
    expect(fieldErrors(withBase({ records: 0 }), env2)).toEqual({});
    expect(fieldErrors(withBase({ records: 50_000_000 }), env2)).toEqual({});
  });

  it('caps workers at max(8, 2 × cores)', () => {
    expect(fieldErrors(withBase({ workers: 0 }), env2)).toEqual({ workers: 'Workers must be an integer from 1 to 8' });
    expect(fieldErrors(withBase({ workers: 9 }), env2)).toEqual({ workers: 'Workers must be an integer from 1 to 8' });
    expect(fieldErrors(withBase({ workers: 32 }), env16)).toEqual({});
    expect(fieldErrors(withBase({ workers: 33 }), env16)).toEqual({ workers: 'Workers must be an integer from 1 to 32' });
    const env64: EnvFacts = { hardwareConcurrency: 128, crossOriginIsolated: true };
    expect(fieldErrors(withBase({ workers: 65 }), env64)).toEqual({ workers: 'Workers must be an integer from 1 to 64' });
  });

  it('says shared shipping needs cross-origin isolation', () => {
    expect(fieldErrors(withBase({ shipping: 'shared' }), env2)).toEqual({});
    expect(fieldErrors(withBase({ shipping: 'shared' }), env16)).toEqual({
      shipping:
        'Shipping "shared" cannot run here: SharedArrayBuffer needs a cross-origin isolated page (COOP: same-origin and COEP: require-corp, from the server or the app’s service worker), and this page is not isolated; choose copy, transfer or generate-in-worker',
    });
  });

  it('lists the choices of a choice field', () => {
    expect(fieldErrors(withBase({ job: 'sort', format: 'xml' }), env2)).toEqual({
      job: 'Job must be one of parse, group, group-naive',
      format: 'Format must be one of fixed, varlen, csv',
    });
  });

  it('checks every numeric RunConfig field with its range', () => {
    const errors = fieldErrors(
      withBase({
        seed: -1,
        distinctKeys: 0,
        keySkew: 4.5,
        payloadBytes: 2000,
        costSkew: 1.01,
        workRounds: 100_001,
        serialFraction: 0.96,
        batchSize: 0,
        faultAtRecord: -3,
      }),
      env2,
    );
    expect(errors).toEqual({
      seed: 'Seed must be an integer from 0 to 4,294,967,295',
      distinctKeys: 'Distinct keys must be an integer from 1 to 1,048,576',
      keySkew: 'Key skew must be a number from 0 to 4',
      payloadBytes: 'Payload must be an integer from 0 to 1,024',
      costSkew: 'Cost skew must be a number from 0 to 1',
      workRounds: 'Work per record must be an integer from 0 to 100,000',
      serialFraction: 'Serial fraction must be a number from 0 to 0.95',
      batchSize: 'Batch size must be an integer from 1 to 50,000,000',
      faultAtRecord: 'Fault at record must be an integer from 0 to 4,294,967,295',
    });
  });

  it('limits a dynamic batch to the largest record count run', () => {
    // Records not swept: the base's count is the largest run.
    const unswept = withBase({ scheduling: 'dynamic', records: 5_000, batchSize: 10_000 });
    unswept.sweep = [{ param: 'workers', values: [1, 2] }];
    expect(fieldErrors(unswept, env2)).toEqual({
      batchSize: 'Batch size must be an integer from 1 to 5,000',
    });
    const swept = withBase({ scheduling: 'dynamic', records: 5_000, batchSize: 10_000 });
    swept.sweep = [{ param: 'records', values: [1_000, 20_000] }];
    expect(fieldErrors(swept, env2)).toEqual({});
  });

  it('checks warm-ups (0…20) and repetitions (1…200)', () => {
    const e = cloneExperiment(DEFAULT_EXPERIMENT);
    e.warmups = 21;
    e.repetitions = 0;
    expect(fieldErrors(e, env2)).toEqual({
      warmups: 'Warm-ups must be an integer from 0 to 20',
      repetitions: 'Repetitions must be an integer from 1 to 200',
    });
    e.warmups = 0;
    e.repetitions = 200;
    expect(fieldErrors(e, env2)).toEqual({});
  });
});
