import { describe, expect, it } from 'vitest';
import { browserOf, machineLine } from '../../../src/core/io/machine';
import { ENVIRONMENT } from '../../helpers/run-records';

describe('browserOf', () => {
  it('names the browser and major version of common user agents', () => {
    const cases: [string, ReturnType<typeof browserOf>][] = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', { name: 'Chrome', major: 131 }],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86', { name: 'Edge', major: 131 }],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0', { name: 'Firefox', major: 133 }],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15', { name: 'Safari', major: 18 }],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1', { name: 'Safari', major: 18 }],
      ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0', { name: 'Opera', major: 115 }],
      ['curl/8.5.0', { name: 'unknown browser' }],
    ];
    for (const [ua, expected] of cases) expect(browserOf(ua)).toEqual(expected);
  });

  it('describes a machine in one line', () => {
    expect(machineLine(ENVIRONMENT)).toBe('2 cores reported · Chrome 140 · cross-origin isolated · timer step 0.005 ms');
    expect(machineLine({ ...ENVIRONMENT, hardwareConcurrency: 1, crossOriginIsolated: false })).toBe(
      '1 core reported · Chrome 140 · not cross-origin isolated · timer step 0.005 ms',
    );
  });
});
