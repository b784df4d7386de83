import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../src/node/bench';

describe('npm run bench -- --browser', () => {
  it('defaults to Chromium alone', () => {
    expect(parseBenchArgs(['--smoke'])).toEqual({ ok: true, options: { smoke: true, only: null, out: null, browsers: ['chromium'] } });
  });

  it('takes one engine, a comma list in the order given, or all', () => {
    const browsers = (argv: string[]) => {
      const r = parseBenchArgs(argv);
      return r.ok ? r.options.browsers : r.message;
    };
    expect(browsers(['--browser', 'webkit'])).toEqual(['webkit']);
    expect(browsers(['--browser=firefox,chromium'])).toEqual(['firefox', 'chromium']);
    expect(browsers(['--browser', 'all'])).toEqual(['chromium', 'firefox', 'webkit']);
  });

  it('names the allowed values for an unknown engine or a missing one', () => {
    expect(parseBenchArgs(['--browser', 'safari'])).toEqual({
      ok: false,
      message: '--browser must be chromium, firefox, webkit, a comma list of them, or all (got "safari")',
    });
    expect(parseBenchArgs(['--browser'])).toEqual({ ok: false, message: '--browser needs chromium, firefox, webkit, a comma list of them, or all' });
  });
});
