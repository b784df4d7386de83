/**
 * The two pages the bench drives in Chromium — the bench page (`window.__bench`, src/bench/)
 * and the built app (`window.__playground`, the headless Run button) — and the small helpers
 * every figure that drives them shares.
 */

import type { Browser, Page } from 'playwright';
import type { RunRecord } from '../../core/io/run-record';
import type { ExperimentConfig } from '../../core/model/types';
import type { BenchEnv } from '../../core/model/environment';
import { errorText } from '../../core/view/format';
import { withDeadline } from '../../core/experiment/deadline';
import type { PageEnv } from '../experiment';
import type { PageJobId } from './figures';
import type { RawFigure } from './report';
import { log } from './session';

export const TOOL = 'bench';

export type { BenchEnv };

export interface JobOptions {
  trials: number;
  warmups: number;
  smoke: boolean;
}

declare global {
  interface Window {
    __bench?: {
      env: BenchEnv;
      run(job: PageJobId, opts: JobOptions): Promise<RawFigure>;
      memoryPrepare(opts: { records: number; shipping: string }): Promise<{ datasetBytes: number; estimatedBytes: number; copies: number }>;
      memoryTrial(): Promise<{ ok: boolean; wallMs: number; message?: string }>;
      classroomLinks(count: number, appUrl: string): string[];
    };
  }
}

/** The first line of an error's text: Playwright appends a call log after it. */
export function errorLine(err: unknown): string {
  return errorText(err).split('\n')[0];
}

/** Opens the bench page and waits for `window.__bench`; relays its progress lines to stderr. */
export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench] ')) log(TOOL, `  ${text.slice(8)}`);
    else if (msg.type() === 'error') log(TOOL, `  page console error: ${text}`);
  });
  page.on('pageerror', (err) => log(TOOL, `  page error: ${err.message}`));
  page.on('crash', () => log(TOOL, '  the bench page crashed'));
  await page.goto(`${url}bench/`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 30_000 });
  return page;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(p, ms, `${what} did not finish within ${Math.round(ms / 1000)} s`);
}

/** Where the app's readiness probe (an init script) leaves its timings. */
export interface UiReady {
  enabledMs?: number;
  respondsMs?: number;
}

/**
 * Installed before any of the app's scripts: notes when the Run button first exists and is
 * enabled, then when the next main-thread task runs (a click could be handled from then on).
 * A string, so the bundler's helpers never end up in code serialised into the page.
 */
export const UI_READY_PROBE = `(() => {
  const ready = (window.__uiReady = {});
  const check = () => {
    const b = document.querySelector('[data-testid="run"]');
    if (!(b instanceof HTMLButtonElement) || b.disabled) return false;
    ready.enabledMs = performance.now();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ready.respondsMs = performance.now(); ch.port1.close(); };
    ch.port2.postMessage(0);
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

/** Opens the built app (index.html) in a fresh context with the readiness probe installed. */
export async function openAppPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (err) => log(TOOL, `  app page error: ${err.message}`));
  page.on('crash', () => log(TOOL, '  the app page crashed'));
  await page.addInitScript({ content: UI_READY_PROBE });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __uiReady?: UiReady }).__uiReady?.respondsMs !== undefined, null, { timeout: 30_000 });
  return page;
}

/** What `window.__playground.run` answers (src/ui/App.svelte). */
export interface PlaygroundRun {
  status: string;
  error?: string;
  record: RunRecord | null;
}

/** The app page's environment facts (`window.__playground.env`). */
export type PlaygroundEnv = PageEnv;

/** Opens the built app and waits for `window.__playground`, the headless Run button. */
export async function openPlayground(browser: Browser, url: string): Promise<Page> {
  const page = await openAppPage(browser, url);
  await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined, null, { timeout: 30_000 });
  return page;
}

/** One experiment through the Run button's path, bounded in time. */
export function playgroundRun(page: Page, experiment: ExperimentConfig, smoke: boolean): Promise<PlaygroundRun> {
  return withTimeout(
    page.evaluate((exp) => (window as unknown as { __playground: { run(e: unknown): Promise<PlaygroundRun> } }).__playground.run(exp), experiment),
    smoke ? 120_000 : 300_000,
    'an experiment',
  );
}
