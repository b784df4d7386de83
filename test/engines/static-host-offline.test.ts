/**
 * The built app copied to a plain static server — no headers at all, under a sub-path, as a
 * project site or a school's web space serves it — in Chromium and Firefox:
 * - the service worker makes the page cross-origin isolated after at most one reload, and a
 *   `shared` + dynamic run completes correctly;
 * - with service workers blocked the page works un-isolated and says what is missing and why;
 * - after one online visit the server goes away (no network), the page reloads from the
 *   offline copy, and a default run and lesson 1 complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RUN_CONFIG } from '../../src/core/model/config';
import type { ExperimentConfig } from '../../src/core/model/types';
import { launchEngine, type EnginePage } from '../../src/node/engines/drivers';
import { click, installRecorder, openApp, pageFacts, recorded, runExperiment, runFromButton, screenshotPath, text, waitFor } from './steps';
import { startStaticHost, type StaticHost } from './static-host';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SUB_PATH = '/playground/';

const sharedDynamic: ExperimentConfig = {
  base: { ...DEFAULT_RUN_CONFIG, records: 50_000, workers: 2, strategy: 'pool', shipping: 'shared', scheduling: 'dynamic', batchSize: 5_000 },
  sweep: [],
  warmups: 0,
  repetitions: 2,
};

/** Opens the app and waits for isolation; returns how many times index.html was fetched. */
async function openIsolated(page: EnginePage, host: StaticHost): Promise<{ loads: number; reloaded: boolean }> {
  const before = host.requests.filter((p) => p === SUB_PATH || p.endsWith('/index.html')).length;
  await page.goto(host.url);
  await waitFor(page, `crossOriginIsolated === true && !!document.querySelector('[data-testid="run"]')`, 'an isolated, mounted page', 30_000);
  const reloaded = await page.eval<boolean>(`performance.getEntriesByType('navigation')[0].type === 'reload'`);
  const loads = host.requests.filter((p) => p === SUB_PATH || p.endsWith('/index.html')).length - before;
  return { loads, reloaded };
}

for (const engine of ['chromium', 'firefox'] as const) {
  describe.sequential(`a plain static host under ${SUB_PATH}, in ${engine}`, () => {
    let host: StaticHost;

    beforeAll(async () => {
      host = await startStaticHost(DIST, SUB_PATH);
    });
    afterAll(async () => {
      await host?.stop();
    });

    it('becomes cross-origin isolated after at most one reload and runs shared + dynamic correctly', async () => {
      const page = await launchEngine(engine);
      try {
        const { loads, reloaded } = await openIsolated(page, host);
        console.log(`[static host] ${engine}: isolated after ${loads} load(s) of the page (reload: ${reloaded})`);
        // Served from the network at most twice: the first visit and the one reload (the second may come from the worker's cache).
        expect(loads).toBeLessThanOrEqual(2);
        await openApp(page, host.url); // an ordinary reload stays isolated, with no further reload
        expect(await page.eval<boolean>(`crossOriginIsolated`)).toBe(true);
        expect(await page.eval<string>(`performance.getEntriesByType('navigation')[0].type`)).not.toBe('reload');
        await waitFor(page, `document.querySelector('[data-testid="env-sw"]').getAttribute('data-state') === 'controlling'`, 'the service worker to control the page');
        const out = await runExperiment(page, sharedDynamic);
        expect(out.error).toBeNull();
        expect(out.status).toBe('complete');
        expect(out.allCorrect, out.messages.join('; ')).toBe(true);
        const r = await recorded(page);
        expect(r.csp).toEqual([]);
        expect(r.errors).toEqual([]);
        expect(page.driverErrors()).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);

    it('with service workers blocked, works un-isolated and says what is missing and why', async () => {
      const page = await launchEngine(engine, { serviceWorkers: 'block' });
      try {
        await openApp(page, host.url);
        const facts = await pageFacts(page);
        expect(facts.isolated).toBe(false);
        expect(facts.shownIsolated).toBe('no');
        expect(facts.shownSab).toBe('no');
        expect(await text(page, 'env-isolation-note')).toMatch(/Not isolated: the server sends no COOP\/COEP headers/);
        expect(await page.eval<boolean>(`document.querySelector('#shipping option[value="shared"]').disabled`)).toBe(true);
        expect(await text(page, 'shipping-unavailable')).toMatch(/SharedArrayBuffer needs a cross-origin isolated page/);
        const run = await runFromButton(page);
        expect(run.status).toBe('complete');
        expect(run.correct).toBe(true);
        await page.screenshot(screenshotPath(`${engine}-static-host-no-service-worker`));
        const r = await recorded(page);
        expect(r.csp).toEqual([]);
        expect(r.errors).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);

    it('after one online visit, loads and runs with the network gone: a default run and lesson 1', async () => {
      const page = await launchEngine(engine);
      try {
        await openIsolated(page, host);
        await waitFor(page, `navigator.serviceWorker.controller !== null`, 'the service worker to control the page');
        await host.stop();
        try {
          const requestsBefore = host.requests.length;
          await openApp(page, host.url);
          expect(host.requests.length, 'nothing reached the (stopped) server').toBe(requestsBefore);
          expect(await page.eval<boolean>(`crossOriginIsolated`)).toBe(true);
          const run = await runFromButton(page);
          expect(run.status).toBe('complete');
          expect(run.correct).toBe(true);
          await click(page, 'view-lessons');
          await waitFor(page, `!!document.querySelector('[data-testid="lesson-list"]')`, 'the lesson list (a lazily loaded view, from the cache)');
          await click(page, 'lesson-item-overhead-small-batches');
          await waitFor(page, `!!document.querySelector('[data-testid="lesson-run"]') && !document.querySelector('[data-testid="lesson-run"]').disabled`, 'lesson 1');
          await click(page, 'lesson-run');
          const status = await waitFor<string>(
            page,
            `(() => { const s = document.querySelector('[data-testid="lesson-status-overhead-small-batches"]').getAttribute('data-status'); return s === 'reproduced' || s === 'not-reproduced' ? s : (document.querySelector('[data-testid="lesson-problem"]') ? 'problem: ' + document.querySelector('[data-testid="lesson-problem"]').textContent : false); })()`,
            'lesson 1’s verdict',
            120_000,
          );
          expect(['reproduced', 'not-reproduced']).toContain(status);
          await page.screenshot(screenshotPath(`${engine}-offline-lesson-1`));
          const r = await recorded(page);
          expect(r.errors).toEqual([]);
          expect(r.csp).toEqual([]);
        } finally {
          await host.start();
        }
      } finally {
        await page.close();
      }
    }, 240_000);
  });
}

describe.sequential('a new version deployed to the static host, in chromium', () => {
  let host: StaticHost;
  let root: string;

  beforeAll(async () => {
    // A copy of the build that can be "redeployed" in place.
    root = mkdtempSync(join(tmpdir(), 'pp-deploy-'));
    cpSync(DIST, root, { recursive: true });
    host = await startStaticHost(root, SUB_PATH);
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers a reload, holds it back during a run, and swaps the code only when accepted', async () => {
    const page = await launchEngine('chromium');
    try {
      await openIsolated(page, host);
      await installRecorder(page);
      await waitFor(page, `navigator.serviceWorker.controller !== null`, 'the service worker to control the page');
      // Deploy: any change to sw.js (here, a new precache revision) is a new version.
      const sw = join(root, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8') + '\n// deployed again\n');
      // Start a run that lasts, then let the browser find the update.
      const longRun = runExperiment(page, { ...sharedDynamic, base: { ...sharedDynamic.base, records: 3_000_000, shipping: 'transfer', scheduling: 'static' }, repetitions: 6 });
      await waitFor(page, `document.querySelector('[data-testid="results"]').getAttribute('data-run-status') === 'running'`, 'the run to start');
      await page.eval(`navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)`);
      const during = await waitFor<string>(page, `(document.querySelector('[data-testid="update-banner"]') || {}).textContent || ''`, 'the update banner', 30_000);
      const stillRunning = await page.eval<boolean>(`document.querySelector('[data-testid="results"]').getAttribute('data-run-status') === 'running'`);
      console.log(`[update] banner seen ${stillRunning ? 'during' : 'after'} the run: ${during.trim()}`);
      if (stillRunning) {
        expect(during).toContain('nothing changes under a running experiment');
        expect(await page.eval<boolean>(`!document.querySelector('[data-testid="update-reload"]')`)).toBe(true);
      }
      const out = await longRun;
      expect(out.status).toBe('complete');
      expect(out.allCorrect).toBe(true);
      // The page still runs the old code until the person accepts.
      await waitFor(page, `!!document.querySelector('[data-testid="update-reload"]')`, 'the reload button after the run');
      // Installed and waiting: nothing has been swapped yet.
      expect(await page.eval<boolean>(`navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)`)).toBe(true);
      expect((await recorded(page)).errors).toEqual([]);
      await click(page, 'update-reload');
      await waitFor(page, `!!document.querySelector('[data-testid="run"]') && !document.querySelector('[data-testid="update-banner"]') && crossOriginIsolated`, 'the reloaded page');
      // The waiting worker took over: none waits any more, and it controls the reloaded page.
      const reg = await page.eval<{ waiting: boolean; controlled: boolean }>(
        `navigator.serviceWorker.getRegistration().then((r) => ({ waiting: !!r.waiting, controlled: navigator.serviceWorker.controller !== null }))`,
      );
      expect(reg).toEqual({ waiting: false, controlled: true });
      expect(page.driverErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
