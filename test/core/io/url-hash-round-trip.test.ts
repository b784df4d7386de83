import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_EXPERIMENT, cloneExperiment, fieldErrors, type EnvFacts } from '../../../src/core/model/config';
import { decodeHash, encodeHash } from '../../../src/core/io/url-hash';
import {
  FORMATS,
  JOBS,
  POOL_LIVES,
  SCHEDULINGS,
  SHIPPINGS,
  STRATEGIES,
  VARLEN_SPLITS,
  type ExperimentConfig,
  type RunConfig,
  type SweepAxis,
} from '../../../src/core/model/types';

const env: EnvFacts = { hardwareConcurrency: 8, crossOriginIsolated: true };

// `+ 0` turns −0 into 0: the hash writes both as "0".
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);

const runConfig: fc.Arbitrary<RunConfig> = fc.record(
  {
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    records: fc.integer({ min: 0, max: 50_000_000 }),
    format: fc.constantFrom(...FORMATS),
    distinctKeys: fc.integer({ min: 1, max: 1_048_576 }),
    keySkew: num(0, 4),
    payloadBytes: fc.integer({ min: 0, max: 1024 }),
    costSkew: num(0, 1),
    job: fc.constantFrom(...JOBS),
    workRounds: fc.integer({ min: 0, max: 100_000 }),
    faultAtRecord: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    strategy: fc.constantFrom(...STRATEGIES),
    workers: fc.integer({ min: 1, max: 16 }),
    shipping: fc.constantFrom(...SHIPPINGS),
    scheduling: fc.constantFrom(...SCHEDULINGS),
    batchSize: fc.integer({ min: 1, max: 50_000_000 }),
    poolLife: fc.constantFrom(...POOL_LIVES),
    varlenSplit: fc.constantFrom(...VARLEN_SPLITS),
    serialFraction: num(0, 0.95),
  },
  { requiredKeys: RUN_KEYS() },
);

function RUN_KEYS(): (keyof RunConfig)[] {
  return Object.keys(DEFAULT_EXPERIMENT.base) as (keyof RunConfig)[];
}

const axis: fc.Arbitrary<SweepAxis> = fc.oneof(
  fc.record({ param: fc.constant('records' as const), values: fc.uniqueArray(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ param: fc.constant('workers' as const), values: fc.uniqueArray(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ param: fc.constant('workRounds' as const), values: fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ param: fc.constant('serialFraction' as const), values: fc.uniqueArray(num(0, 0.95), { minLength: 1, maxLength: 4 }) }),
  fc.record({ param: fc.constant('format' as const), values: fc.uniqueArray(fc.constantFrom(...FORMATS), { minLength: 1 }) }),
  fc.record({ param: fc.constant('shipping' as const), values: fc.uniqueArray(fc.constantFrom(...SHIPPINGS), { minLength: 1 }) }),
  fc.record({ param: fc.constant('strategy' as const), values: fc.uniqueArray(fc.constantFrom(...STRATEGIES), { minLength: 1 }) }),
);

const experiment: fc.Arbitrary<ExperimentConfig> = fc
  .record(
    {
      base: runConfig,
      sweep: fc.uniqueArray(axis, { maxLength: 2, selector: (a) => a.param }),
      warmups: fc.integer({ min: 0, max: 20 }),
      repetitions: fc.integer({ min: 1, max: 200 }),
      shuffleSeed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      lessonId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    },
    { requiredKeys: ['base', 'sweep', 'warmups', 'repetitions'] },
  )
  .filter((e) => Object.keys(fieldErrors(e, env)).length === 0);

describe('url hash round trip', () => {
  it('decodes every valid experiment back exactly, without a notice', () => {
    fc.assert(
      fc.property(experiment, (e) => {
        const hash = encodeHash(e);
        const decoded = decodeHash(`#${hash}`, env);
        expect(decoded.notice).toBeUndefined();
        expect(decoded.experiment).toEqual(e);
      }),
      { numRuns: 400 },
    );
  });

  it('writes only v=1 for the defaults, and only changed fields otherwise', () => {
    expect(encodeHash(cloneExperiment(DEFAULT_EXPERIMENT))).toBe('v=1');
    const e = cloneExperiment(DEFAULT_EXPERIMENT);
    e.base.records = 1_000_000;
    e.base.shipping = 'copy';
    e.sweep = [{ param: 'records', values: [10, 1000] }];
    e.repetitions = 9;
    expect(encodeHash(e)).toBe('v=1&records=1000000&ship=copy&reps=9&sweep=records:10,1000');
    e.sweep = [];
    expect(encodeHash(e)).toBe('v=1&records=1000000&ship=copy&reps=9&sweep=none');
  });

  it('reads hand-written links with exponent numbers and full parameter names', () => {
    const { experiment: e, notice } = decodeHash('#v=1&records=1e6&sweep=batchSize:10,100', env);
    expect(notice).toBeUndefined();
    expect(e.base.records).toBe(1_000_000);
    expect(e.sweep).toEqual([{ param: 'batchSize', values: [10, 100] }]);
  });
});
