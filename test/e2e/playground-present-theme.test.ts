/**
 * Presentation mode (large type, only the chosen chart and the key numbers) and the theme
 * (light / dark / system following prefers-color-scheme). Done-when 4 of the UI issue, plus
 * the presentation-mode screenshots (9).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launch } from './browser';
import { CHART_IDS, expectPainted, fillForm, openApp, removeSweep, runToEnd, screenshot, horizontalOverflow } from './playground-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rootFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const dataTheme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));

/** Relative luminance of an rgb()/rgba() colour, 0 (black) … 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('playground: presentation mode and theme', () => {
  it('presents only the chosen chart and the key numbers, in large type', async () => {
    const app = await openApp(browser, baseUrl, { reducedMotion: 'reduce' }); // no chart animation: stable screenshots
    const { page } = app;
    try {
      await removeSweep(page);
      await fillForm(page, { records: 1000, workers: 2, warmups: 0, repetitions: 3 });
      expect(await runToEnd(page)).toBe('complete');
      const normalPx = await rootFontPx(page);

      const toggle = page.getByTestId('presentation-toggle').getByRole('button');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => document.documentElement.dataset.presentation)).toBe('on');
      const presentPx = await rootFontPx(page);
      console.log(`[present] root font ${normalPx}px → ${presentPx}px`);
      expect(presentPx).toBeGreaterThanOrEqual(normalPx * 1.4);

      // Only the key numbers and one chart (speedup by default); no form, no view tabs, no meter.
      expect(await page.getByTestId('result-cards').isVisible()).toBe(true);
      expect(await page.getByTestId('card-speedup').isVisible()).toBe(true);
      expect(await page.locator('form.controls').count()).toBe(0);
      expect(await page.getByTestId('view-playground').count()).toBe(0);
      expect(await page.getByTestId('jank-meter').count()).toBe(0);
      const shown = async () => {
        const out: string[] = [];
        for (const id of CHART_IDS) if ((await page.getByTestId(`chart-${id}`).count()) > 0) out.push(id);
        return out;
      };
      expect(await shown()).toEqual(['speedup']);
      await expectPainted(page, 'speedup');
      // The presented chart is big and whole on the first screen of a 1280×720 projector.
      const box = (await page.getByTestId('chart-speedup').locator('[role="img"]').boundingBox())!;
      console.log(`[present] chart at y ${Math.round(box.y)}, ${Math.round(box.width)}×${Math.round(box.height)} px`);
      expect(box.height).toBeGreaterThan(720 * 0.4);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
      await screenshot(page, 'presentation-1280x720', { fullPage: false });

      // Another chart: the timeline.
      await page.getByLabel('Chart to present').selectOption('timeline');
      expect(await shown()).toEqual(['timeline']);
      await expectPainted(page, 'timeline');
      await screenshot(page, 'presentation-timeline-1280x720', { fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await expectPainted(page, 'timeline');
      // Chart.js resizes its canvas on the next ResizeObserver callback, which a loaded machine
      // delays: wait for the layout to settle; a real overflow stays and still fails.
      await expect.poll(() => horizontalOverflow(page), { message: 'presentation mode sticks out sideways on a phone', timeout: 5000 }).toBe(0);
      await screenshot(page, 'presentation-timeline-390x844', { fullPage: false });
      await page.getByLabel('Chart to present').selectOption('speedup');
      await expectPainted(page, 'speedup');
      await screenshot(page, 'presentation-390x844', { fullPage: true });
      await page.setViewportSize({ width: 1280, height: 720 });

      // Run from presentation mode; Escape cancels there too (the form is hidden).
      expect(await runToEnd(page, undefined, page.getByTestId('present-run'))).toBe('complete');
      await expectPainted(page, 'speedup');

      // Back to normal: everything returns, type size too.
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.presentation)).toBeUndefined();
      expect(await rootFontPx(page)).toBe(normalPx);
      expect(await shown()).toEqual([...CHART_IDS]);
      expect(await page.locator('form.controls').count()).toBe(1);
      expect(app.watch.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('light and dark set data-theme; system follows prefers-color-scheme', async () => {
    const app = await openApp(browser, baseUrl, { colorScheme: 'light' });
    const { page } = app;
    try {
      const themes = page.getByTestId('theme-toggle');
      // System is the default: no data-theme, and the page follows the emulated preference.
      expect(await themes.getByLabel('System').isChecked()).toBe(true);
      expect(await dataTheme(page)).toBeNull();
      const systemLight = await bodyBackground(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => bodyBackground(page)).not.toBe(systemLight);
      const systemDark = await bodyBackground(page);
      expect(luminance(systemDark)).toBeLessThan(luminance(systemLight));
      expect(await dataTheme(page)).toBeNull();

      // Light wins over a dark system preference…
      await themes.getByLabel('Light').check();
      expect(await dataTheme(page)).toBe('light');
      expect(await bodyBackground(page)).toBe(systemLight);
      // …and dark over a light one.
      await page.emulateMedia({ colorScheme: 'light' });
      await themes.getByLabel('Dark').check();
      expect(await dataTheme(page)).toBe('dark');
      expect(await bodyBackground(page)).toBe(systemDark);

      // The choice survives a reload; system again removes data-theme and follows the media query.
      await page.reload();
      await page.getByTestId('run').waitFor();
      expect(await dataTheme(page)).toBe('dark');
      expect(await themes.getByLabel('Dark').isChecked()).toBe(true);
      await themes.getByLabel('System').check();
      expect(await dataTheme(page)).toBeNull();
      expect(await bodyBackground(page)).toBe(systemLight);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => bodyBackground(page)).toBe(systemDark);
      console.log(`[theme] light background ${systemLight}, dark background ${systemDark}`);
      expect(app.watch.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
