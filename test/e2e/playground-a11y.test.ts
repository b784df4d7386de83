/**
 * axe-core finds no serious or critical violation on the main view (before and after a run),
 * the Analyse view, presentation mode, and the Lessons and History views when they exist.
 * Done-when 7 of the UI issue.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright';
import { launch } from './browser';
import { fillForm, openApp, removeSweep, runToEnd, seriousA11yViolations, type OpenedPage } from './playground-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;
let app: OpenedPage;

beforeAll(async () => {
  browser = await launch();
  // One page for the whole file, in the order a person would go: main, run, views, present.
  app = await openApp(browser, baseUrl, { reducedMotion: 'reduce' });
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

async function expectNoSerious(what: string): Promise<void> {
  const violations = await seriousA11yViolations(app.page, what);
  console.log(`[a11y] ${what}: ${violations.length} serious/critical violations`);
  for (const v of violations) console.log(`[a11y]   ${v}`);
  expect(violations).toEqual([]);
}

/** Opens a view by its tab; false when this build has no such tab. */
async function openView(id: string): Promise<boolean> {
  const tab = app.page.getByTestId(`view-${id}`);
  if ((await tab.count()) === 0) return false;
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
  await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
  return true;
}

describe('playground: accessibility (axe-core, serious and critical)', () => {
  it('main view before a run', async () => {
    await expectNoSerious('main view, before a run');
  });

  it('main view after a run, data tables open', async () => {
    const { page } = app;
    await removeSweep(page);
    await fillForm(page, { records: 1000, workers: 2, warmups: 0, repetitions: 3 });
    expect(await runToEnd(page)).toBe('complete');
    for (const summary of await page.locator('details.data summary').all()) await summary.click();
    await expectNoSerious('main view, after a run');
  });

  it('Analyse view', async () => {
    expect(await openView('analyse'), 'the Analyse tab is missing').toBe(true);
    await app.page.locator('input[type="file"]').first().waitFor({ state: 'attached' });
    await expectNoSerious('Analyse view');
  });

  it('Lessons view', async (ctx) => {
    if (!(await openView('lessons'))) ctx.skip('No Lessons tab in this build yet: the Lessons view is not wired into App.svelte');
    await expectNoSerious('Lessons view');
  });

  it('Sources view', async () => {
    expect(await openView('sources'), 'the Sources tab is missing').toBe(true);
    await app.page.getByTestId('sources-view').waitFor();
    await expectNoSerious('Sources view');
  });

  it('History view', async (ctx) => {
    if (!(await openView('history'))) ctx.skip('No History tab in this build yet: the History view is not wired into App.svelte');
    await expectNoSerious('History view');
  });

  it('presentation mode', async () => {
    await openView('playground');
    await app.page.getByTestId('presentation-toggle').getByRole('button').click();
    await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset.presentation)).toBe('on');
    await expectNoSerious('presentation mode');
    await app.page.getByTestId('presentation-toggle').getByRole('button').click();
    expect(app.watch.errors).toEqual([]);
  });
});
