/**
 * A new user's path through the playground, and the privacy/security guarantees of a full run.
 * Done-when 1 and 8 of the UI issue, plus the main-view and timeline screenshots (9).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launch } from './browser';
import {
  CHART_IDS,
  type ChartTestId,
  RUN_TIMEOUT,
  expectPainted,
  fillForm,
  horizontalOverflow,
  openApp,
  openDataTable,
  removeSweep,
  runToEnd,
  screenshot,
  setSweep,
} from './playground-helpers';

const baseUrl = inject('baseUrl');

async function expectChartWithData(page: Page, id: ChartTestId): Promise<void> {
  const pixels = await expectPainted(page, id);
  const table = await openDataTable(page, id);
  expect(table.rows, `chart ${id}: "${table.caption}"`).toBeGreaterThan(0);
  console.log(`[new user] chart ${id}: ${pixels} painted pixels, ${table.rows} table rows — ${table.caption}`);
}
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('playground: a new user', () => {
  it('sets 1,000 records and 2 workers, runs, reads the cards, sees every chart and its data', async () => {
    const app = await openApp(browser, baseUrl, { reducedMotion: 'reduce' }); // no chart animation: stable screenshots
    const { page } = app;
    try {
      await screenshot(page, 'main-view-1280x720-before-run', { fullPage: false });
      // The default experiment sweeps records from 1,000 to 1 M: this user removes the sweep.
      expect(await page.locator('#sweep-0-param').inputValue()).toBe('records');
      await expect.poll(() => page.locator('#sweep-0-values').inputValue()).toBe('1000, 10000, 100000, 1000000');
      await removeSweep(page);
      await fillForm(page, { records: 1000, workers: 2, warmups: 0, repetitions: 3 });

      expect(await runToEnd(page)).toBe('complete');

      // Cards: speedup (with efficiency in its detail) and a correct answer.
      const speedup = page.getByTestId('card-speedup');
      await expect.poll(() => speedup.locator('dd.big').textContent()).toMatch(/\d/);
      const speedupText = (await speedup.textContent()) ?? '';
      expect(speedupText).toMatch(/efficiency \d+(\.\d+)?\s?%/);
      expect(speedupText).toMatch(/on 2 workers/);
      const correct = page.getByTestId('card-correct');
      expect(await correct.locator('dd.big').textContent()).toMatch(/✓\s*Yes/);
      expect(await page.getByTestId('card-median').locator('dd.big').textContent()).toMatch(/\d/);

      // Every chart that a single configuration feeds drew something, and its data table has rows.
      for (const id of CHART_IDS.filter((c) => c !== 'time')) await expectChartWithData(page, id);
      // Time vs records needs a records sweep, and says so (not just "run an experiment").
      expect(await page.getByTestId('chart-time').locator('canvas').count()).toBe(0);
      expect(await page.getByTestId('chart-time').textContent()).toMatch(/needs a sweep over Records/);

      // The same user then sweeps a small records range: now every chart has data.
      await setSweep(page, 'records', '1000, 10000');
      expect(await runToEnd(page)).toBe('complete');
      expect(await page.getByTestId('card-correct').locator('dd.big').textContent()).toMatch(/✓\s*Yes/);
      for (const id of CHART_IDS) await expectChartWithData(page, id);

      await screenshot(page, 'main-view-1280x720', { fullPage: true });
      await screenshot(page, 'timeline-1280x720', { locator: page.getByTestId('chart-timeline') });
      await page.setViewportSize({ width: 390, height: 844 });
      await expectPainted(page, 'timeline');
      expect(await horizontalOverflow(page), 'the main view sticks out sideways on a phone').toBe(0);
      await screenshot(page, 'main-view-390x844', { fullPage: true });
      await screenshot(page, 'timeline-390x844', { locator: page.getByTestId('chart-timeline') });
    } finally {
      await app.close();
    }
  });

  it('requests nothing from another origin during a full run, logs no errors, violates no CSP, is cross-origin isolated', async () => {
    const app = await openApp(browser, baseUrl);
    const { page } = app;
    try {
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
      // A workers sweep (1, 2, 4: 4 oversubscribes 2 cores), small so it is quick; shared-memory shipping too.
      await setSweep(page, 'workers', '1, 2, 4');
      await fillForm(page, { records: 20_000, warmups: 1, repetitions: 2 });
      await page.locator('#shipping').selectOption('shared');
      expect(await runToEnd(page, RUN_TIMEOUT)).toBe('complete');
      for (const id of CHART_IDS.filter((c) => c !== 'time')) await expectPainted(page, id);
      // The lazily loaded views count too.
      await page.getByTestId('view-analyse').click();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.getByTestId('view-playground').click();
      await page.getByTestId('run').waitFor();

      expect(app.watch.foreignRequests).toEqual([]);
      expect(app.watch.errors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
