/**
 * Every lesson presented on a projector fits one screen: each lesson is run once (quick
 * budget) in presentation mode, then shown at 1280×720, 1366×768 and 1920×1080 in light and
 * dark. At each, the chart's canvas, the verdict's headline and the Run button lie wholly inside
 * the viewport, nothing scrolls vertically, body type is at least 24 px and the background is
 * pure black or white; a screenshot of each goes to screenshots/. While each run is going, its
 * Cancel button is on screen too. axe-core finds nothing serious or critical while presenting.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright';
import { LESSONS } from '../../src/lessons';
import { launch } from './browser';
import { expectPainted, openApp, screenshot, seriousA11yViolations, type OpenedPage } from './playground-helpers';

const baseUrl = inject('baseUrl');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
/** Quick presets are sized for ≤ 20 s on 2 cores; this is the hard stop per lesson on a busy machine. */
const LESSON_TIMEOUT_MS = 90_000;

let browser: Browser;
let app: OpenedPage;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, baseUrl, { viewport: SIZES[0], colorScheme: 'light', reducedMotion: 'reduce' });
  page = app.page;
  await page.getByTestId('view-lessons').click();
  await page.getByTestId(`lesson-item-${LESSONS[0].id}`).click();
  await page.getByTestId('presentation-toggle').getByRole('button').click();
  await page.waitForFunction(() => document.documentElement.dataset.presentation === 'on');
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** How far a box sticks out of the viewport (0 when it lies wholly inside). */
async function outside(what: Locator): Promise<number> {
  const box = await what.boundingBox();
  if (!box) return Number.POSITIVE_INFINITY;
  const { width, height } = page.viewportSize()!;
  return Math.max(0, -box.x, -box.y, box.x + box.width - width, box.y + box.height - height);
}

const twoFrames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('presentation: every lesson on one screen, at three projector sizes, light and dark', () => {
  for (const lesson of LESSONS) {
    it(
      `lesson ${lesson.number} (${lesson.id})`,
      async () => {
        await page.setViewportSize(SIZES[0]);
        await page.emulateMedia({ colorScheme: 'light' });
        const lessonPage = page.locator(`[data-testid="lesson-page"][data-lesson="${lesson.id}"]`);
        await lessonPage.waitFor();
        // The question is the title.
        expect(await lessonPage.getByTestId('lesson-title').textContent()).toBe(lesson.question);

        const run = lessonPage.getByTestId('lesson-run');
        await expect.poll(() => run.isEnabled()).toBe(true);
        await run.click();
        const cancel = lessonPage.getByTestId('progress').getByRole('button', { name: /cancel/i });
        await cancel.waitFor({ state: 'visible', timeout: 5_000 });
        expect(await outside(cancel), 'Cancel sticks out of the screen').toBe(0);
        const verdict = lessonPage.getByTestId('lesson-verdict');
        const problem = lessonPage.getByTestId('lesson-problem');
        await verdict.or(problem).waitFor({ timeout: LESSON_TIMEOUT_MS });
        if (await problem.count()) throw new Error(`${lesson.id} gave no verdict: ${await problem.textContent()}`);

        const chartId = lesson.chart;
        for (const size of SIZES) {
          for (const scheme of SCHEMES) {
            await page.setViewportSize(size);
            await page.emulateMedia({ colorScheme: scheme });
            await expectPainted(page, chartId);
            await twoFrames();
            const where = `${lesson.id} at ${size.width}×${size.height} ${scheme}`;
            const canvas = lessonPage.locator(`[data-testid="chart-${chartId}"] canvas`);
            const headline = lessonPage.getByTestId('lesson-verdict-headline');
            expect(await outside(canvas), `${where}: the chart sticks out`).toBe(0);
            expect(await outside(headline), `${where}: the verdict headline sticks out`).toBe(0);
            expect(await outside(run), `${where}: Run sticks out`).toBe(0);
            const canvasBox = (await canvas.boundingBox())!;
            expect(canvasBox.height, `${where}: the chart is small`).toBeGreaterThan(size.height * 0.4);
            const page_ = await page.evaluate(() => ({
              scroll: document.documentElement.scrollHeight - document.documentElement.clientHeight,
              bodyPx: parseFloat(getComputedStyle(document.body).fontSize),
              background: getComputedStyle(document.body).backgroundColor,
            }));
            expect(page_.scroll, `${where}: the page scrolls vertically`).toBe(0);
            expect(page_.bodyPx, `${where}: body type`).toBeGreaterThanOrEqual(24);
            expect(page_.background, `${where}: background`).toBe(scheme === 'dark' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)');
            await screenshot(page, `present-${String(lesson.number).padStart(2, '0')}-${lesson.id}-${size.width}x${size.height}-${scheme}`, {
              fullPage: false,
            });
          }
        }
        console.log(`[present] ${lesson.id}: ${(await verdict.getAttribute('data-status')) ?? ''}, fits at every size`);

        // On to the next lesson with the presenter's own control.
        if (lesson.number < LESSONS.length) await lessonPage.getByTestId('lesson-next').click();
      },
      LESSON_TIMEOUT_MS + 60_000,
    );
  }

  it('axe finds nothing serious or critical while presenting, light or dark', async () => {
    await page.setViewportSize(SIZES[0]);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await seriousA11yViolations(page, `presenting, ${scheme}`);
      for (const v of violations) console.log(`[a11y] ${v}`);
      expect(violations).toEqual([]);
    }
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.foreignRequests).toEqual([]);
  });
});
