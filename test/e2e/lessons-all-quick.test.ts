/**
 * Every lesson, quick budget, in the built app, through the UI as a person would: open
 * Lessons, open each lesson, press "Run this lesson", wait for the verdict. Each must come
 * out with a computed verdict (reproduced, or not reproduced with a reason), and lessons
 * 1, 2, 5, 6 and 7 — whose effects are large on any 2-core machine — must reproduce.
 * Times, headlines and numbers are printed so they land in the CI log.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright';
import { LESSONS } from '../../src/lessons';
import { launch, watchPage } from './browser';

const baseUrl = inject('baseUrl');

/** Lessons whose claim must hold on a quiet 2-core machine (large effects, CI-based criteria). */
const MUST_REPRODUCE = ['overhead-small-batches', 'speedup-not-efficiency', 'group-by-vs-n-plus-1', 'concurrency-not-parallelism', 'copy-transfer-share'];
/** Quick presets are sized for ≤ 20 s on 2 cores; this is the hard stop per lesson on a busy machine. */
const LESSON_TIMEOUT_MS = 90_000;

interface Measured {
  number: number;
  id: string;
  seconds: number;
  status: string;
  headline: string;
  numbers: string[];
  reason: string | null;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: { foreignRequests: string[]; errors: string[] };
const measured: Measured[] = [];
const fileStartedAt = Date.now();

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watch = watchPage(page, new URL(baseUrl).origin);
  await page.goto(baseUrl);
  await page.getByTestId('view-lessons').click();
  await page.getByTestId('lesson-list').waitFor();
});

afterAll(async () => {
  const total = (Date.now() - fileStartedAt) / 1000;
  const lines = measured.map(
    (m) => `  ${String(m.number).padStart(2)}. ${m.id.padEnd(28)} ${m.seconds.toFixed(1).padStart(5)} s  ${m.status}`,
  );
  console.log(`[lessons quick] summary, ${total.toFixed(0)} s for the file:\n${lines.join('\n')}`);
  await context?.close();
  await browser?.close();
});

describe('lessons: every lesson in quick mode, in the built app', () => {
  it('lists ten lessons, none run yet', async () => {
    await expect.poll(() => page.locator('[data-testid^="lesson-item-"]').count()).toBe(10);
    expect(await page.locator('[data-testid^="lesson-status-"][data-status="not-run"]').count()).toBe(10);
  });

  for (const lesson of LESSONS) {
    it(
      `${lesson.number}. ${lesson.title}: runs and gives a computed verdict${MUST_REPRODUCE.includes(lesson.id) ? ' — reproduced' : ''}`,
      async () => {
        await page.getByTestId(`lesson-item-${lesson.id}`).click();
        const lessonPage = page.locator(`[data-testid="lesson-page"][data-lesson="${lesson.id}"]`);
        await lessonPage.waitFor();
        expect(await page.getByTestId('lesson-budget-quick').isChecked()).toBe(true);
        const run = page.getByTestId('lesson-run');
        await expect.poll(() => run.isEnabled()).toBe(true);

        const started = Date.now();
        await run.click();
        const status = page.getByTestId(`lesson-status-${lesson.id}`);
        // The verdict replaces "Running…" in the list when the run ends; a failed run shows a problem instead.
        const judged = page.locator(`[data-testid="lesson-status-${lesson.id}"]:is([data-status="reproduced"], [data-status="not-reproduced"])`);
        const problem = lessonPage.getByTestId('lesson-problem');
        await judged.or(problem).waitFor({ timeout: LESSON_TIMEOUT_MS });
        const seconds = (Date.now() - started) / 1000;
        if (await problem.count()) throw new Error(`${lesson.id} gave no verdict after ${seconds.toFixed(1)} s: ${await problem.textContent()}`);
        const verdict = lessonPage.getByTestId('lesson-verdict');
        await verdict.waitFor();
        const got: Measured = {
          number: lesson.number,
          id: lesson.id,
          seconds,
          status: (await verdict.getAttribute('data-status')) ?? '',
          headline: (await verdict.getByTestId('lesson-verdict-headline').textContent()) ?? '',
          numbers: await verdict.locator('[data-testid="lesson-verdict-numbers"] > div').evaluateAll((rows) =>
            rows.map((r) => `${r.querySelector('dt')?.textContent ?? ''}: ${r.querySelector('dd')?.textContent ?? ''}`),
          ),
          reason: (await verdict.getByTestId('lesson-verdict-reason').count()) ? await verdict.getByTestId('lesson-verdict-reason').textContent() : null,
        };
        measured.push(got);
        console.log(
          [
            `[lesson ${lesson.number} ${lesson.id}] quick run ${seconds.toFixed(1)} s → ${got.status}`,
            `  ${got.headline}`,
            ...got.numbers.map((n) => `    ${n}`),
            ...(got.reason ? [`  ${got.reason}`] : []),
          ].join('\n'),
        );

        expect(await status.getAttribute('data-status')).toBe(got.status);
        expect(['reproduced', 'not-reproduced']).toContain(got.status);
        expect(got.headline.length).toBeGreaterThan(10);
        if (got.status === 'not-reproduced') expect(got.reason ?? '', 'a not-reproduced verdict says why').toMatch(/^Why not: .{10,}/);
        if (MUST_REPRODUCE.includes(lesson.id)) {
          expect(got.status, `${lesson.id}: ${got.headline} ${got.reason ?? ''}`).toBe('reproduced');
          expect(got.numbers.length).toBeGreaterThan(0);
        }
        // The lesson's own chart drew the run.
        await lessonPage.locator(`[data-testid="chart-${lesson.chart}"] canvas`).waitFor();
      },
      LESSON_TIMEOUT_MS + 30_000,
    );
  }

  it('ran every lesson without page errors, and every lesson shows its verdict in the list', async () => {
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(await page.locator('[data-testid^="lesson-status-"][data-status="not-run"]').count()).toBe(0);
  });

  it('after a reload, restores every lesson from its stored run, judged again to the same verdict', async () => {
    await page.reload();
    await page.getByTestId('view-lessons').click();
    await page.getByTestId('lesson-list').waitFor();
    for (const m of measured) {
      const status = page.getByTestId(`lesson-status-${m.id}`);
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe(m.status);
      await page.getByTestId(`lesson-item-${m.id}`).click();
      const verdict = page.locator(`[data-testid="lesson-page"][data-lesson="${m.id}"] [data-testid="lesson-verdict"]`);
      expect(await verdict.getByTestId('lesson-verdict-headline').textContent(), m.id).toBe(m.headline);
      expect(await verdict.textContent()).toContain('From the stored quick run');
    }
  });
});
