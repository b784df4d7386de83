/**
 * Your code and Your data on the built app in Chromium, Firefox and WebKit, driven as a person
 * would: the kernel's sandbox seen from inside the kernel (no storage, network or workers), the
 * starter kernels correct in every shipping mode the engine has (shared refused with its reason
 * where there is no SharedArrayBuffer), a non-associative merge shown with both answers, an
 * endless kernel cancelled, a throwing one located; a tricky CSV grouped with file-slice on 2
 * workers to the exact answer, and the run saved to History. One page load per engine.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { kernelHash, STARTER_KERNELS } from '../../src/core/kernel';
import { launchEngine, type EnginePage } from '../../src/node/engines/drivers';
import { ENGINES } from '../../src/node/engines/find-engines';
import { chooseFile, click, openApp, pageFacts, recorded, screenshotPath, text, waitFor, type PageFacts } from './steps';
import { SANDBOX_PROBE_KERNEL, SANDBOXED_VIEW } from '../helpers/sandbox-probe';

const baseUrl = inject('baseUrl');
const RUN_TIMEOUT_MS = 60_000;

/** "The first two ids seen", merged later-chunk-first: associative in no useful sense. */
const FIRST_TWO = `export function init() { return []; }
export function record(a, r) { if (a.length < 2) a.push(r.id); }
export function merge(a, b) { return [...b, ...a].slice(0, 2); }
export function finish(a) { return a; }
`;
const ENDLESS = `export function init() { return 0; }
export function record() { for (;;) {} }
export function merge(a) { return a; }
export function finish(a) { return a; }
`;
const THROWS = `export function init() { return 0; }
export function record() { throw new RangeError('no such record'); }
export function merge(a) { return a; }
export function finish(a) { return a; }
`;
const TRICKY_CSV = 'city,note,amount,qty\r\n"Zürich, CH","said ""hi""",1.25,2\r\n日本,"line1\r\nline2",-2.5,1\r\n🙂,"a\nb",0.125,4\r\n日本,,7,3\r\n';

function linkOf(source: string): string {
  const link = kernelHash(source);
  if (!link.ok) throw new Error(link.message);
  return link.hash;
}

/** Puts `source` in the editor the way a link does (it does not run). */
async function loadKernel(page: EnginePage, source: string): Promise<void> {
  await page.eval(`(() => { location.hash = ${JSON.stringify(linkOf(source))}; return true; })()`);
  await waitFor(page, `/came from a link/.test((document.querySelector('[data-testid="kernel-notice"]') || {}).textContent || '')`, 'the linked kernel');
}

/** Sets a form control's value (by test id, or `#id`) as typing or choosing would. */
async function setValue(page: EnginePage, target: string, value: string): Promise<void> {
  const selector = target.startsWith('#') ? target : `[data-testid="${target}"]`;
  await page.eval(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    el.value = ${JSON.stringify(value)};
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    return true;
  })()`);
}

/** Clicks Run in the code view and waits for a verdict, a failure or an error; returns which and its text. */
async function runKernelView(page: EnginePage): Promise<{ kind: string; text: string }> {
  await click(page, 'kernel-run');
  return waitFor(
    page,
    `(() => {
      if (document.querySelector('[data-testid="kernel-run"]').disabled) return false;
      for (const kind of ['kernel-verdict', 'kernel-failure', 'kernel-error']) {
        const el = document.querySelector('[data-testid="' + kind + '"]');
        if (el) return { kind, text: el.textContent };
      }
      return false;
    })()`,
    'the kernel run to end',
    RUN_TIMEOUT_MS,
  );
}

for (const engine of ENGINES) {
  describe.sequential(`your code and your data in ${engine}`, () => {
    let page: EnginePage;
    let facts: PageFacts;

    beforeAll(async () => {
      page = await launchEngine(engine);
      await openApp(page, baseUrl);
      facts = await pageFacts(page);
    }, 60_000);

    afterAll(async () => {
      await page?.close();
    });

    it('gives the kernel no storage, network or workers, seen from inside the kernel', async () => {
      await loadKernel(page, SANDBOX_PROBE_KERNEL);
      await setValue(page, 'kernel-records', '2000');
      const end = await runKernelView(page);
      expect(end.kind, end.text).toBe('kernel-verdict');
      const seen = JSON.parse(await text(page, 'kernel-answer')) as Record<string, string>;
      console.log(`[engines] ${engine} kernel sandbox, as the kernel sees it: ${JSON.stringify(seen)}`);
      expect(seen).toEqual(SANDBOXED_VIEW);
      // Nothing was kept, so the view has nothing to warn about.
      expect(await text(page, 'kernel-sandbox')).toBe('');
    }, 90_000);

    it('runs every starter kernel correctly in each shipping mode this engine has; shared is not offered without SharedArrayBuffer', async () => {
      const offered = await page.eval<string[]>(`[...document.querySelectorAll('[data-testid="kernel-shipping"] option')].map((o) => o.value)`);
      expect(offered.includes('shared'), `${engine}: shared offered ⇔ SharedArrayBuffer`).toBe(facts.sharedArrayBuffer && facts.isolated);
      const lines: string[] = [];
      for (const starter of STARTER_KERNELS) {
        await loadKernel(page, starter.source);
        for (const shipping of offered) {
          await setValue(page, 'kernel-shipping', shipping);
          const end = await runKernelView(page);
          lines.push(`${starter.id} ${shipping}: ${end.text.slice(0, 40)}`);
          expect(end.kind, `${starter.id} ${shipping}: ${end.text}`).toBe('kernel-verdict');
          expect(end.text, `${starter.id} ${shipping}`).toMatch(/^Parallel answer = sequential answer/);
        }
      }
      console.log(`[engines] ${engine} starters:\n  ${lines.join('\n  ')}`);
      await setValue(page, 'kernel-shipping', 'transfer');
    }, 240_000);

    it('shows both answers and why for a merge that depends on order; locates a throw', async () => {
      await loadKernel(page, FIRST_TWO);
      const wrong = await runKernelView(page);
      expect(wrong.kind).toBe('kernel-verdict');
      expect(wrong.text).toMatch(/differs from the sequential one/);
      expect(JSON.parse(await text(page, 'kernel-answer'))).toEqual([0, 1]);
      expect(JSON.parse(await text(page, 'kernel-parallel-answer'))).not.toEqual([0, 1]);
      expect(await text(page, 'kernel-explanation')).toMatch(/associative|order/);

      await loadKernel(page, THROWS);
      const thrown = await runKernelView(page);
      expect(thrown.kind).toBe('kernel-failure');
      expect(thrown.text).toMatch(/record\(\) failed \(line 2, column \d+\): RangeError: no such record/);
    }, 90_000);

    it('cancels a kernel that never returns: the view says so within 100 ms of Cancel', async () => {
      await loadKernel(page, ENDLESS);
      await click(page, 'kernel-run');
      // Let both workers reach record(): the pass starts its workers and loads the module first.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await page.eval<boolean>(`document.querySelector('[data-testid="kernel-cancel"]').disabled`)).toBe(false);
      // Timed inside the page, so the driver's round trips do not count.
      await page.eval(`(() => {
        window.__ppCancel = { at: performance.now(), doneMs: null };
        const result = document.querySelector('[data-testid="kernel-result"]');
        const done = () => /Cancelled: every kernel worker was terminated/.test(result.textContent) && (window.__ppCancel.doneMs = performance.now() - window.__ppCancel.at);
        new MutationObserver(() => { if (window.__ppCancel.doneMs === null) done(); }).observe(result, { childList: true, subtree: true, characterData: true });
        document.querySelector('[data-testid="kernel-cancel"]').click();
        return true;
      })()`);
      const cancelMs = await waitFor<number>(page, `window.__ppCancel.doneMs === null ? false : window.__ppCancel.doneMs`, 'the cancel', 10_000);
      console.log(`[engines] ${engine}: Cancel → "Cancelled" shown in ${cancelMs.toFixed(1)} ms`);
      expect(cancelMs).toBeLessThan(100);
      expect(await page.eval<boolean>(`document.querySelector('[data-testid="kernel-run"]').disabled`)).toBe(false);
      await page.screenshot(screenshotPath(`${engine}-your-code`));
    }, 60_000);

    it('groups a tricky CSV with file-slice on 2 workers to the exact answer, and saves the run to History', async () => {
      await click(page, 'view-playground');
      await waitFor(page, `!!document.querySelector('[data-testid="mode-data"]')`, 'the playground');
      await click(page, 'mode-data');
      await waitFor(page, `!!document.querySelector('[data-testid="data-file"]')`, 'Your data');
      await chooseFile(page, 'data-file', 'sales.csv', TRICKY_CSV, 'text/csv');
      await waitFor(page, `!!document.querySelector('[data-testid="data-preview"]') && !document.querySelector('[data-testid="data-run"]').disabled`, 'the preview');
      const types = await page.eval<string[]>(`[...document.querySelectorAll('[data-testid="data-type"]')].map((e) => e.textContent)`);
      expect(types).toEqual(['text', 'text', 'decimal', 'integer']);
      // Total only the amount; keep file-slice on 2 workers (the defaults).
      await page.eval(`(() => { document.querySelectorAll('[data-testid="data-aggregate"]')[1].click(); return true; })()`);
      await setValue(page, '#data-repetitions', '2');
      await click(page, 'data-run');
      await waitFor(page, `!!document.querySelector('[data-testid="data-result"]') || !!document.querySelector('[data-testid="data-problem"]')`, 'the data run', RUN_TIMEOUT_MS);
      expect(await text(page, 'data-problem')).toBe('');
      expect(await text(page, 'data-digest')).toContain('Parallel answer = sequential answer');
      const rows = await page.eval<string[][]>(
        `[...document.querySelectorAll('[data-testid="data-answer"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))`,
      );
      expect(rows).toEqual([
        ['日本', '2', '4.500', '-2.500', '7.000'],
        ['Zürich, CH', '1', '1.250', '1.250', '1.250'],
        ['🙂', '1', '0.125', '0.125', '0.125'],
      ]);
      const saved = await waitFor<string>(page, `(document.querySelector('[data-testid="data-saved"]') || {}).textContent || false`, 'the saved note');
      expect(saved).toBe('Saved to History as “Your data: sales.csv — group by city, 2 workers”.');
      await page.screenshot(screenshotPath(`${engine}-your-data`));
    }, 90_000);

    it('ran without page errors or CSP violations', async () => {
      const r = await recorded(page);
      expect(r.csp).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(page.driverErrors()).toEqual([]);
    });
  });
}
