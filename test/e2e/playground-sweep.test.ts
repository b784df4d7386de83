/**
 * A records sweep shows where more workers start to pay: the break-even marker on the
 * time-vs-records chart. Done-when 3 of the UI issue, plus the sweep-result screenshots (9).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright';
import { launch } from './browser';
import { RUN_TIMEOUT, expectPainted, fillForm, openApp, openDataTable, runToEnd, screenshot, setSweep } from './playground-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('playground: records sweep', () => {
  it('marks the break-even record count on the time-vs-records chart', async () => {
    const app = await openApp(browser, baseUrl, { reducedMotion: 'reduce' }); // no chart animation: stable screenshots
    const { page } = app;
    try {
      // Small inputs lose (two cold workers to spawn against one); at 1 M records with 100
      // rounds of work per record, and each worker generating its own share, 2 workers win on
      // an idle 2-core machine. (Warm-ups are pointless with a cold pool: every run spawns.)
      await setSweep(page, 'records', '1000, 10000, 100000, 1000000');
      await fillForm(page, { workers: 2, poolLife: 'cold', workRounds: 100, warmups: 0, repetitions: 3 });
      await page.locator('#shipping').selectOption('generate-in-worker');
      expect(await page.locator('#records-note').textContent()).toMatch(/Swept/);
      expect(await runToEnd(page, RUN_TIMEOUT)).toBe('complete');

      const pixels = await expectPainted(page, 'time');
      const table = await openDataTable(page, 'time');
      console.log(`[sweep] time vs records: ${pixels} painted pixels, ${table.rows} rows — caption: ${table.caption}`);
      for (const row of await page.getByTestId('chart-time').locator('tbody tr').allTextContents()) console.log(`[sweep]   ${row}`);
      // 2 workers and the sequential baseline at 4 record counts.
      expect(table.rows).toBe(8);
      const label = (await page.getByTestId('chart-time').locator('[role="img"]').getAttribute('aria-label')) ?? '';
      const desc = (await page.getByTestId('chart-time').locator('.desc').textContent()) ?? '';
      if (/Break-even/.test(table.caption)) {
        console.log(`[sweep] break-even found: ${label}`);
        expect(table.caption).toMatch(/Break-even ≈ [\d,]+ records \(2 workers vs 1\)/);
        // The chart's own description (its accessible label) names it as well.
        expect(label).toMatch(/Break-even ≈ [\d,]+ records/);
      } else {
        // No crossing on this (loaded) machine: the chart must say why, visibly and in its data.
        console.log(`[sweep] NO break-even on this run; the chart says: ${desc}`);
        expect(table.caption).toMatch(/No break-even: the 2-worker run (is never faster|is faster at every|is faster only below)/);
        expect(desc).toMatch(/No break-even: /);
        expect(label).toMatch(/No break-even: /);
      }
      await screenshot(page, 'sweep-result-1280x720', { fullPage: false, locator: page.getByTestId('results') });
      await page.setViewportSize({ width: 390, height: 844 });
      await expectPainted(page, 'time');
      await screenshot(page, 'sweep-result-390x844', { locator: page.getByTestId('chart-time') });
      expect(app.watch.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
