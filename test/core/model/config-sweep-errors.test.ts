import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, cloneExperiment, fieldErrors, type EnvFacts } from '../../../src/core/model/config';
import type { SweepAxis } from '../../../src/core/model/types';

const env: EnvFacts = { hardwareConcurrency: 2, crossOriginIsolated: false };

function withSweep(sweep: SweepAxis[]) {
  const e = cloneExperiment(DEFAULT_EXPERIMENT);
  e.sweep = sweep;
  return fieldErrors(e, env);
}

describe('fieldErrors on sweeps', () => {
  it('accepts no sweep, one and two axes', () => {
    expect(withSweep([])).toEqual({});
    expect(
      withSweep([
        { param: 'records', values: [10, 1_000] },
        { param: 'shipping', values: ['copy', 'transfer'] },
      ]),
    ).toEqual({});
  });

  it('names the bad value and the allowed range', () => {
    expect(withSweep([{ param: 'records', values: [10, 1e12] }])).toEqual({
      'sweep.0': 'Swept Records: each value must be an integer from 0 to 50,000,000 (got 1,000,000,000,000)',
    });
    expect(withSweep([{ param: 'workers', values: [1, Number.NaN] }])).toEqual({
      'sweep.0': 'Swept Workers: each value must be an integer from 1 to 8 (got not a number)',
    });
    expect(withSweep([{ param: 'strategy', values: ['pool', 'gpu'] }])).toEqual({
      'sweep.0': 'Swept Strategy: each value must be one of main, main-async, worker-seq, pool (got "gpu")',
    });
  });

  it('rejects shared shipping in a sweep without isolation', () => {
    expect(withSweep([{ param: 'shipping', values: ['copy', 'shared'] }])).toEqual({
      'sweep.0':
        'Swept Shipping "shared" cannot run here: SharedArrayBuffer needs a cross-origin isolated page (COOP: same-origin and COEP: require-corp, from the server or the app’s service worker), and this page is not isolated; choose copy, transfer or generate-in-worker',
    });
  });

  it('rejects empty lists, repeats, a parameter swept twice and a third axis', () => {
    expect(withSweep([{ param: 'workers', values: [] }])).toEqual({ 'sweep.0': 'Swept Workers needs at least one value' });
    expect(withSweep([{ param: 'workers', values: [1, 2, 1] }])).toEqual({ 'sweep.0': 'Swept Workers: 1 appears twice' });
    expect(
      withSweep([
        { param: 'workers', values: [1] },
        { param: 'workers', values: [2] },
      ]),
    ).toEqual({ 'sweep.1': 'Workers is swept twice; pick another parameter' });
    expect(
      withSweep([
        { param: 'workers', values: [1] },
        { param: 'records', values: [2] },
        { param: 'workRounds', values: [2] },
      ]),
    ).toEqual({ sweep: 'At most 2 parameters can be swept' });
    expect(withSweep([{ param: 'workers', values: Array.from({ length: 33 }, (_, i) => i + 1) }])).toEqual({
      'sweep.0': 'Swept Workers takes at most 32 values',
    });
  });
});
