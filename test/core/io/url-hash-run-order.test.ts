/** A link keeps a fixed run order; the counterbalanced default is never written. */
import { describe, expect, it } from 'vitest';
import { defaultExperiment, type EnvFacts } from '../../../src/core/model/config';
import { decodeHash, encodeHash } from '../../../src/core/io/url-hash';

const env: EnvFacts = { hardwareConcurrency: 8, crossOriginIsolated: true };

describe('run order in links', () => {
  it('writes order=fixed only for a fixed order and reads it back', () => {
    expect(encodeHash(defaultExperiment())).not.toContain('order=');
    const fixed = { ...defaultExperiment(), fixedOrder: true };
    const hash = encodeHash(fixed);
    expect(hash).toContain('order=fixed');
    const decoded = decodeHash(hash, env);
    expect(decoded.experiment.fixedOrder).toBe(true);
    expect(decoded.notice).toBeUndefined();
  });

  it('names an unknown order and keeps the counterbalanced default', () => {
    const decoded = decodeHash('v=1&order=backwards', env);
    expect(decoded.experiment.fixedOrder).toBeUndefined();
    expect(decoded.notice).toContain('order "backwards" is not fixed or counterbalanced');
  });
});
