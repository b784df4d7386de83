/**
 * The built app open in headless Chromium, ready to be driven: what `npm run experiment`
 * needs for a preset and for a data file alike.
 */

import type { Page } from 'playwright';
import type { Teardown } from './bench/session';

/**
 * Builds dist/ when stale, serves a copy with the isolation headers, opens it in headless
 * Chromium and waits until the page exposes window.__playground. Every piece is handed to
 * `teardown`. Returns undefined when interrupted on the way; page errors land in `pageErrors`.
 */
export async function openPlaygroundPage(tool: string, teardown: Teardown, pageErrors: string[] = []): Promise<Page | undefined> {
  const { ensureBuilt, launchBrowser, serveDist, snapshotDist } = await import('./bench/session');
  await ensureBuilt(tool, ['index.html']);
  const dist = await snapshotDist(['index.html']);
  teardown.add('copy of dist/', () => dist.remove());
  const served = await serveDist(dist.dir);
  teardown.add('preview server', () => served.close());
  const browser = await launchBrowser();
  teardown.add('browser', () => browser.close());
  if (teardown.interrupted) return undefined;
  const page = await browser.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(served.url);
  await page.waitForFunction(() => '__playground' in window, null, { timeout: 30_000 }).catch(() => {
    throw new Error(`the page at ${served.url} never exposed window.__playground${pageErrors.length ? ` (page error: ${pageErrors[0]})` : ''}`);
  });
  return page;
}
