/**
 * The code view on the built app, under its real Content-Security-Policy: a kernel link only
 * fills the editor, Run gives matching answers from the kernel workers (whose own policy
 * allows the blob: import), the editor's styles apply, and nothing violates the page's policy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright';
import { kernelHash, STARTER_KERNELS } from '../../src/core/kernel';
import { launch } from './browser';
import { openApp, RUN_TIMEOUT } from './playground-helpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the code view, built', () => {
  it('shows a linked kernel without running it, runs it on Run, and keeps to the policy', async () => {
    const app = await openApp(browser, baseUrl);
    const { page } = app;
    try {
      const starter = STARTER_KERNELS.find((s) => s.id === 'field-hash')!;
      const link = kernelHash(starter.source);
      if (!link.ok) throw new Error(link.message);
      await page.evaluate((hash) => (location.hash = hash), link.hash);
      await page.getByTestId('kernel-notice').waitFor();
      expect(await page.getByTestId('kernel-notice').textContent()).toMatch(/came from a link/);
      await page.locator('.cm-content').waitFor();
      expect(await page.locator('.cm-content').textContent()).toContain("const FIELD = 'key';");
      // CodeMirror's own styles (a constructed style sheet in its shadow root) took effect: the gutter sits beside the code.
      expect(await page.locator('.cm-gutters').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
      // Nothing ran, so the result area shows nothing (the markup may leave a space between its blocks).
      expect((await page.getByTestId('kernel-result').textContent())?.trim()).toBe('');

      await page.getByTestId('kernel-records').fill('20000');
      await page.getByTestId('kernel-run').click();
      await page.getByTestId('kernel-verdict').waitFor({ timeout: RUN_TIMEOUT });
      expect(await page.getByTestId('kernel-verdict').textContent()).toMatch(/Parallel answer = sequential answer/);
      expect(await page.getByTestId('kernel-answer').textContent()).toContain('"records": 20000');
      expect(await app.cspViolations()).toEqual([]);
      expect(app.watch.errors).toEqual([]);
      expect(app.watch.foreignRequests).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
