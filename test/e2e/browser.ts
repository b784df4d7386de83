import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from '../../src/node/find-browser';

/** Launches the discovered headless Chromium (CHROME_PATH, /usr/bin/chromium, Playwright's own). */
export async function launch(): Promise<Browser> {
  const { executablePath } = findBrowser();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Collects every request a page makes to another origin, and its console errors. */
export function watchPage(page: Page, origin: string): { foreignRequests: string[]; errors: string[] } {
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { foreignRequests, errors };
}
