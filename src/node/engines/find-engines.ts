import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findBrowser } from '../find-browser';

/** The three browser engines the app is tested and benchmarked in. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** Where an engine's pieces were found. */
export interface EngineLocation {
  engine: EngineName;
  /** The browser binary (Chromium, Firefox) or WebKit's MiniBrowser. */
  executablePath: string;
  /** WebKit only: the WebDriver server that launches MiniBrowser. */
  driverPath?: string;
  /** WebKit only: xvfb-run, since MiniBrowser needs a display. */
  xvfbRunPath?: string;
}

export const FIREFOX_HINT =
  'No Firefox found. Install Debian\'s `apt-get install firefox-esr` (gives /usr/bin/firefox-esr) or point FIREFOX_PATH at a Firefox binary (version 129 or newer, for WebDriver BiDi).';
export const WEBKIT_HINT =
  'No WebKit found. Install Debian\'s `apt-get install webkit2gtk-driver xvfb` (gives WebKitWebDriver, WebKitGTK\'s MiniBrowser and xvfb-run), or point WEBKIT_MINIBROWSER, WEBKIT_DRIVER and XVFB_RUN at them.';

type Exists = (path: string) => boolean;

function firstExisting(paths: (string | undefined)[], exists: Exists): string | undefined {
  return paths.find((p): p is string => typeof p === 'string' && p !== '' && exists(p));
}

function onPath(name: string, env: NodeJS.ProcessEnv, exists: Exists): string | undefined {
  return (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name)).find(exists);
}

/**
 * Finds an engine, or throws an Error whose message names what is missing and how to get it
 * (so a test or benchmark says exactly which engine it could not start, never skips quietly).
 */
export function findEngine(engine: EngineName, env: NodeJS.ProcessEnv = process.env, exists: Exists = existsSync): EngineLocation {
  if (engine === 'chromium') return { engine, executablePath: findBrowser(env).executablePath };
  if (engine === 'firefox') {
    if (env.FIREFOX_PATH && !exists(env.FIREFOX_PATH)) throw new Error(`FIREFOX_PATH is set to ${env.FIREFOX_PATH}, but no file is there. ${FIREFOX_HINT}`);
    const path = firstExisting([env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', onPath('firefox-esr', env, exists), onPath('firefox', env, exists)], exists);
    if (!path) throw new Error(FIREFOX_HINT);
    return { engine, executablePath: path };
  }
  const browser = firstExisting(
    [
      env.WEBKIT_MINIBROWSER,
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
    ],
    exists,
  );
  const driver = firstExisting([env.WEBKIT_DRIVER, '/usr/bin/WebKitWebDriver', onPath('WebKitWebDriver', env, exists)], exists);
  const xvfb = firstExisting([env.XVFB_RUN, '/usr/bin/xvfb-run', onPath('xvfb-run', env, exists)], exists);
  const missing = [!browser && 'MiniBrowser', !driver && 'WebKitWebDriver', !xvfb && 'xvfb-run'].filter(Boolean);
  if (missing.length > 0) throw new Error(`${WEBKIT_HINT} (missing: ${missing.join(', ')})`);
  return { engine, executablePath: browser!, driverPath: driver!, xvfbRunPath: xvfb! };
}

/** Parses a `--browser` value: one engine, a comma list, or `all`. */
export function parseEngineList(text: string): EngineName[] | { error: string } {
  const names = text === 'all' ? [...ENGINES] : text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(ENGINES as readonly string[]).includes(n));
  if (names.length === 0 || bad.length > 0) {
    return { error: `--browser must be chromium, firefox, webkit, a comma list of them, or all (got ${JSON.stringify(text)})` };
  }
  return [...new Set(names)] as EngineName[];
}
