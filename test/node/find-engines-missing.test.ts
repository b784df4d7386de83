import { describe, expect, it } from 'vitest';
import { findEngine, parseEngineList } from '../../src/node/engines/find-engines';

describe('findEngine', () => {
  it('names a Firefox given by FIREFOX_PATH that is not there, and how to get one', () => {
    expect(() => findEngine('firefox', { FIREFOX_PATH: '/nowhere/firefox' })).toThrow(
      /FIREFOX_PATH is set to \/nowhere\/firefox, but no file is there\. No Firefox found\. Install Debian's `apt-get install firefox-esr`/,
    );
  });

  it('names each missing WebKit piece and the packages that bring them', () => {
    const onlyXvfb = (p: string) => p === '/opt/bin/xvfb-run';
    expect(() => findEngine('webkit', { PATH: '/opt/bin' }, onlyXvfb)).toThrow(
      /apt-get install webkit2gtk-driver xvfb.*\(missing: MiniBrowser, WebKitWebDriver\)$/,
    );
    expect(() => findEngine('webkit', { PATH: '' }, () => false)).toThrow(/\(missing: MiniBrowser, WebKitWebDriver, xvfb-run\)$/);
  });

  it('finds WebKit’s pieces in the standard places or on PATH', () => {
    const have = new Set(['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/local/bin/WebKitWebDriver', '/usr/bin/xvfb-run']);
    expect(findEngine('webkit', { PATH: '/usr/local/bin' }, (p) => have.has(p))).toEqual({
      engine: 'webkit',
      executablePath: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      driverPath: '/usr/local/bin/WebKitWebDriver',
      xvfbRunPath: '/usr/bin/xvfb-run',
    });
  });

  it('finds firefox-esr before firefox', () => {
    expect(findEngine('firefox', { PATH: '' }, (p) => p === '/usr/bin/firefox-esr' || p === '/usr/bin/firefox')).toEqual({
      engine: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
    });
    expect(() => findEngine('firefox', { PATH: '' }, () => false)).toThrow(/No Firefox found/);
  });

  it('names a Chromium given by CHROME_PATH that is not there', () => {
    expect(() => findEngine('chromium', { CHROME_PATH: '/nowhere/chrome' })).toThrow(/CHROME_PATH is set to \/nowhere\/chrome, but no file is there/);
  });
});

describe('parseEngineList', () => {
  it('takes one engine, a comma list or all', () => {
    expect(parseEngineList('webkit')).toEqual(['webkit']);
    expect(parseEngineList('firefox, chromium,firefox')).toEqual(['firefox', 'chromium']);
    expect(parseEngineList('all')).toEqual(['chromium', 'firefox', 'webkit']);
  });

  it('refuses anything else, naming the allowed values', () => {
    expect(parseEngineList('safari')).toEqual({ error: '--browser must be chromium, firefox, webkit, a comma list of them, or all (got "safari")' });
    expect(parseEngineList('')).toHaveProperty('error');
  });
});
