import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Where a Chromium for headless runs was found, and how. */
export interface BrowserLocation {
  executablePath: string;
  source: 'CHROME_PATH' | 'system' | 'playwright';
}

export const INSTALL_HINT =
  'No Chromium found. Install one with `apt-get install chromium` (Debian/Ubuntu, gives /usr/bin/chromium) ' +
  'or `npx playwright install chromium`, or point CHROME_PATH at a Chrome/Chromium binary.';

/**
 * Finds a Chromium in the order CHROME_PATH, /usr/bin/chromium, Playwright's own download.
 * Throws with an install hint when none exists, so no test runner hangs looking for one.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserLocation {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there. ${INSTALL_HINT}`);
    return { executablePath: fromEnv, source: 'CHROME_PATH' };
  }
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', source: 'system' };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright') as { chromium: { executablePath(): string } };
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { executablePath: own, source: 'playwright' };
  } catch {
    // playwright not installed or no browser downloaded: fall through to the hint
  }
  throw new Error(INSTALL_HINT);
}

/**
 * Flags for headless Chromium here: root needs --no-sandbox; the networking flags stop it
 * reaching for update and sync hosts on a closed network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
