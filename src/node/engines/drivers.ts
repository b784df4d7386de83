/**
 * One small interface over three ways of driving a real browser, so the same end-to-end test
 * or benchmark runs in each engine:
 * - Chromium: Playwright (the system Chromium, never a download);
 * - Firefox: puppeteer-core over WebDriver BiDi (the stock Firefox, no geckodriver);
 * - WebKit: WebKitGTK's WebDriver server launching MiniBrowser under xvfb-run, spoken to as
 *   plain W3C WebDriver over HTTP.
 * Scripts are JavaScript expressions (strings), so nothing depends on how a driver serialises
 * functions; results come back as JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../find-browser';
import { findEngine, type EngineName } from './find-engines';
import { errorText } from '../../core/view/format';

export interface EngineLaunchOptions {
  /** 'block' starts the browser with service workers off (to test the un-isolated path). */
  serviceWorkers?: 'allow' | 'block';
  viewport?: { width: number; height: number };
}

/** One page in one freshly started browser with an empty profile. */
export interface EnginePage {
  readonly engine: EngineName;
  /** The engine's own version string, e.g. "Chromium 156.0…", "Firefox 153.8.0", "WebKitGTK 2.50.1". */
  readonly version: string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Evaluates a JavaScript expression in the page; a promise is awaited; the result must be JSON. */
  eval<T>(expression: string): Promise<T>;
  screenshot(path: string): Promise<void>;
  /** Console errors and uncaught exceptions the driver itself saw (WebKit's driver sees none). */
  driverErrors(): string[];
  close(): Promise<void>;
}

/** Calls `fn` in the page with JSON arguments. `fn` must not close over anything. */
export function call<T>(page: EnginePage, fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
  return page.eval<T>(`(${fn.toString()})(...${JSON.stringify(args)})`);
}

/** Polls `expression` in the page until it is truthy; returns its value. */
export async function waitFor<T>(page: EnginePage, expression: string, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await page.eval<T>(expression);
      if (last) return last as T;
    } catch (err) {
      // A navigation in progress destroys the context the script ran in; try again.
      last = errorText(err);
    }
    if (Date.now() > deadline) throw new Error(`${page.engine}: timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

/** Starts `engine` with an empty profile and one page. Throws naming what is missing. */
export async function launchEngine(engine: EngineName, opts: EngineLaunchOptions = {}): Promise<EnginePage> {
  const where = findEngine(engine);
  const viewport = opts.viewport ?? DEFAULT_VIEWPORT;
  if (engine === 'chromium') return launchChromium(where.executablePath, viewport, opts.serviceWorkers ?? 'allow');
  if (engine === 'firefox') return launchFirefox(where.executablePath, viewport, opts.serviceWorkers ?? 'allow');
  if (opts.serviceWorkers === 'block') throw new Error('Blocking service workers is not offered for WebKit here');
  return launchWebKit(where.executablePath, where.driverPath!, where.xvfbRunPath!, viewport);
}

async function launchChromium(executablePath: string, viewport: { width: number; height: number }, serviceWorkers: 'allow' | 'block'): Promise<EnginePage> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport, serviceWorkers });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    engine: 'chromium',
    version: `Chromium ${browser.version()}`,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    eval: (expression) => page.evaluate(expression),
    screenshot: async (path) => void (await page.screenshot({ path })),
    driverErrors: () => [...errors],
    close: () => browser.close(),
  };
}

async function launchFirefox(executablePath: string, viewport: { width: number; height: number }, serviceWorkers: 'allow' | 'block'): Promise<EnginePage> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: viewport,
    extraPrefsFirefox: {
      'dom.serviceWorkers.enabled': serviceWorkers === 'allow',
      // A closed network: no update, telemetry or captive-portal checks.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(errorText(e)));
  const version = (await browser.version()).replace(/^firefox\//i, 'Firefox ');
  return {
    engine: 'firefox',
    version,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    eval: (expression) => page.evaluate(expression) as Promise<never>,
    screenshot: async (path) => void (await page.screenshot({ path })),
    driverErrors: () => [...errors],
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Ends a detached child's whole process group (xvfb-run, Xvfb, the driver, MiniBrowser). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function launchWebKit(miniBrowser: string, driverPath: string, xvfbRun: string, viewport: { width: number; height: number }): Promise<EnginePage> {
  const port = await freePort();
  const child = spawn(xvfbRun, ['-a', '-s', `-screen 0 ${viewport.width + 100}x${viewport.height + 200}x24`, driverPath, `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const wd = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { value: T & { error?: string; message?: string } };
    if (!res.ok) throw new Error(`WebKit WebDriver ${method} ${path}: ${json.value?.error ?? res.status}: ${json.value?.message ?? ''}`);
    return json.value;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const status = await wd<{ ready?: boolean }>('GET', '/status');
      if (status.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode} before it listened`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error('WebKitWebDriver did not start within 20 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let sessionId: string;
  let version: string;
  try {
    const session = await wd<{ sessionId: string; capabilities: { browserVersion?: string } }>('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } } },
    });
    sessionId = session.sessionId;
    version = `WebKitGTK ${session.capabilities.browserVersion ?? '?'}`;
    await wd('POST', `/session/${sessionId}/timeouts`, { script: 600_000, pageLoad: 60_000 });
    await wd('POST', `/session/${sessionId}/window/rect`, { width: viewport.width, height: viewport.height }).catch(() => undefined);
  } catch (err) {
    killGroup(child);
    throw err;
  }
  const s = `/session/${sessionId}`;
  return {
    engine: 'webkit',
    version,
    goto: async (url) => void (await wd('POST', `${s}/url`, { url })),
    reload: async () => void (await wd('POST', `${s}/refresh`, {})),
    eval: async <T>(expression: string): Promise<T> => {
      const script =
        'const done = arguments[arguments.length - 1];' +
        `Promise.resolve().then(() => (${expression})).then(` +
        '(v) => done({ ok: true, v: v === undefined ? null : v }),' +
        '(e) => done({ ok: false, e: String((e && (e.stack || e.message)) || e) }));';
      const out = await wd<{ ok: boolean; v?: T; e?: string }>('POST', `${s}/execute/async`, { script, args: [] });
      if (!out.ok) throw new Error(`in WebKit: ${out.e}`);
      return out.v as T;
    },
    screenshot: async (path) => {
      const png = await wd<string>('GET', `${s}/screenshot`);
      writeFileSync(path, Buffer.from(png, 'base64'));
    },
    driverErrors: () => [],
    close: async () => {
      await wd('DELETE', s).catch(() => undefined);
      killGroup(child);
    },
  };
}
