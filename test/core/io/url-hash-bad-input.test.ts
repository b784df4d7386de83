import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, cloneExperiment, type EnvFacts } from '../../../src/core/model/config';
import { decodeHash } from '../../../src/core/io/url-hash';
import { SWEEP_PARAMS } from '../../../src/core/model/types';

const env: EnvFacts = { hardwareConcurrency: 2, crossOriginIsolated: false };
const defaults = cloneExperiment(DEFAULT_EXPERIMENT);

describe('decodeHash on bad input', () => {
  it('gives the defaults silently for an empty or foreign hash', () => {
    expect(decodeHash('', env)).toEqual({ experiment: defaults, fromLink: false });
    expect(decodeHash('#', env)).toEqual({ experiment: defaults, fromLink: false });
    expect(decodeHash('#results', env)).toEqual({ experiment: defaults, fromLink: false });
  });

  it('rejects a link without a version or from another version', () => {
    expect(decodeHash('#records=10', env)).toEqual({
      experiment: defaults,
      notice: 'The settings in this link were not used: it has no version (v=1). Showing the defaults.',
      fromLink: true,
    });
    expect(decodeHash('#v=2&records=10', env).notice).toBe(
      'The settings in this link were not used: it is version v=2, and this app reads v=1. Showing the defaults.',
    );
  });

  it('keeps the good fields and names each bad one', () => {
    const d = decodeHash('#v=1&records=1e12&workers=64&ship=shared&job=group-naive&colour=red', env);
    expect(d.experiment).toEqual({ ...defaults, base: { ...defaults.base, job: 'group-naive' } });
    expect(d.notice).toBe(
      'Some settings in this link were not used, and their defaults are shown: unknown setting "colour"; ' +
        'Records must be an integer from 0 to 50,000,000 (got "1e12"); ' +
        'Workers must be an integer from 1 to 8 (got "64"); ' +
        'Shipping "shared" cannot run here: SharedArrayBuffer needs a cross-origin isolated page (COOP: same-origin and COEP: require-corp, from the server or the app’s service worker), and this page is not isolated; choose copy, transfer or generate-in-worker (got "shared").',
    );
  });

  it('says why a text value is wrong', () => {
    expect(decodeHash('#v=1&reps=abc', env).notice).toBe(
      'Some settings in this link were not used, and their defaults are shown: Repetitions must be an integer from 1 to 200 (got "abc").',
    );
  });

  it('drops a bad sweep and keeps the default one', () => {
    const d = decodeHash('#v=1&sweep=workers:1,2,99', env);
    expect(d.experiment.sweep).toEqual(defaults.sweep);
    expect(d.notice).toBe(
      'Some settings in this link were not used, and their defaults are shown: Swept Workers: each value must be an integer from 1 to 8 (got 99).',
    );
    expect(decodeHash('#v=1&sweep=colour:red', env).notice).toBe(
      `Some settings in this link were not used, and their defaults are shown: sweep "colour:red" is not parameter:value,value,… with a parameter of ${SWEEP_PARAMS.join(', ')}.`,
    );
  });

  it('survives broken percent-encoding', () => {
    const d = decodeHash('#v=1&lesson=%E0%A4%A', env);
    expect(d.experiment).toEqual(defaults);
    expect(d.notice).toBe(
      'Some settings in this link were not used, and their defaults are shown: "lesson=%E0%A4%A" is not readable.',
    );
  });
});
