/**
 * Shared steps of the playground e2e tests (test/e2e/playground-*.test.ts): open the built
 * app in a fresh context with a CSP-violation recorder, fill the form as a person would,
 * run and wait for the run's end state, inspect charts, and write screenshots.
 *
 * The page exposes the run's state as `data-run-status` on the results section
 * ('idle' | 'running' | 'complete' | 'partial' | 'cancelled' | 'failed').
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { watchPage } from './browser';

/** Generous: the machine is shared with other test runs. */
export const UI_TIMEOUT = 20_000;
export const RUN_TIMEOUT = 90_000;

export const CHART_IDS = ['speedup', 'time', 'phases', 'timeline', 'spread'] as const;
export type ChartTestId = (typeof CHART_IDS)[number];

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Foreign requests and console errors, collected from the moment the page opens. */
  watch: { foreignRequests: string[]; errors: string[] };
  /** CSP violations the page reported (securitypolicyviolation events). */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Opens the app in a new browser context (fresh storage, so no theme or history leaks between
 * tests). `hash` is appended to the base URL ('#v=1&…').
 */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  opts: {
    hash?: string;
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** 'reduce' turns chart animations off, so a screenshot never catches a chart mid-way. */
    reducedMotion?: 'reduce' | 'no-preference';
  } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 720 },
    ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
    ...(opts.reducedMotion ? { reducedMotion: opts.reducedMotion } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const origin = new URL(baseUrl).origin;
  const watch = watchPage(page, origin);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective}: ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(baseUrl + (opts.hash ?? ''));
  await page.getByTestId('run').waitFor({ state: 'visible' });
  return {
    context,
    page,
    origin,
    watch,
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
    close: () => context.close(),
  };
}

/** Replaces a text field's content (Playwright fill: focus, set the value, one input event). */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.fill(text);
}

export const recordsField = (page: Page) => page.locator('#records-exact');
export const workersField = (page: Page) => page.locator('#workers-exact');
export const runButton = (page: Page) => page.getByTestId('run');
export const results = (page: Page) => page.getByTestId('results');

/** Removes every sweep axis. */
export async function removeSweep(page: Page): Promise<void> {
  const remove = page.locator('[data-testid^="sweep-"][data-testid$="-remove"]');
  while ((await remove.count()) > 0) await remove.first().click();
}

/** Sweeps exactly one parameter over the given values (a comma list as typed). */
export async function setSweep(page: Page, param: string, values: string): Promise<void> {
  await removeSweep(page);
  await page.getByTestId('add-axis').click();
  await page.locator('#sweep-0-param').selectOption(param);
  await typeInto(page.locator('#sweep-0-values'), values);
}

/** Opens the form's "More settings" disclosure (shipping, scheduling, data and work, measurement), as a person clicks it. */
export async function openAdvanced(page: Page): Promise<void> {
  const details = page.getByTestId('advanced');
  if (await details.evaluate((d: HTMLDetailsElement) => d.open)) return;
  await details.locator('summary').click();
  await expect.poll(() => details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
}

/** Sets the common "small experiment" fields in one go. Only the keys given are touched. */
export async function fillForm(
  page: Page,
  f: {
    records?: number | string;
    workers?: number | string;
    strategy?: string;
    job?: string;
    poolLife?: string;
    workRounds?: number;
    warmups?: number;
    repetitions?: number;
  },
): Promise<void> {
  if (f.job !== undefined) await page.locator('#job').selectOption(f.job);
  if (f.strategy !== undefined) await page.locator('#strategy').selectOption(f.strategy);
  if (f.poolLife !== undefined) await page.locator('#poolLife').selectOption(f.poolLife);
  if (f.records !== undefined) await typeInto(recordsField(page), String(f.records));
  if (f.workers !== undefined) await typeInto(workersField(page), String(f.workers));
  if (f.workRounds !== undefined || f.warmups !== undefined || f.repetitions !== undefined) await openAdvanced(page);
  if (f.workRounds !== undefined) await typeInto(page.locator('#workRounds'), String(f.workRounds));
  if (f.warmups !== undefined) await typeInto(page.locator('#warmups'), String(f.warmups));
  if (f.repetitions !== undefined) await typeInto(page.locator('#repetitions'), String(f.repetitions));
}

/** The run's state as the page shows it. */
export async function runStatus(page: Page): Promise<string | null> {
  return results(page).getAttribute('data-run-status');
}

/** Waits until the results section reports one of `statuses`. */
export async function waitForStatus(page: Page, statuses: string[], timeout = RUN_TIMEOUT): Promise<string> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const s = document.querySelector('[data-testid="results"]')?.getAttribute('data-run-status');
      return s && wanted.includes(s) ? s : false;
    },
    statuses,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Clicks `button` (Run by default) and waits for that run to start and end; returns the final
 * status. Status changes are recorded by a MutationObserver, so a run that starts and ends
 * between two polls is still seen.
 */
export async function runToEnd(page: Page, timeout = RUN_TIMEOUT, button: Locator = runButton(page)): Promise<string> {
  await expect.poll(() => button.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="results"]')!;
    const w = window as unknown as { __statuses: string[]; __statusObs?: MutationObserver };
    w.__statusObs?.disconnect();
    w.__statuses = [];
    w.__statusObs = new MutationObserver(() => w.__statuses.push(el.getAttribute('data-run-status') ?? ''));
    w.__statusObs.observe(el, { attributes: true, attributeFilter: ['data-run-status'] });
  });
  await button.click();
  const handle = await page.waitForFunction(
    () => {
      const seen = (window as unknown as { __statuses: string[] }).__statuses;
      const i = seen.indexOf('running');
      const end = i >= 0 ? seen.slice(i + 1).find((s) => s !== 'running') : undefined;
      return end ?? false;
    },
    null,
    { timeout, polling: 50 },
  );
  const status = (await handle.jsonValue()) as string;
  if (status === 'failed') {
    const why = await page.getByTestId('run-error').textContent();
    throw new Error(`The run failed: ${why}`);
  }
  return status;
}

/** Whether a chart's canvas has at least `min` non-transparent pixels (chart.js drew on it). */
export async function paintedPixels(page: Page, chart: ChartTestId): Promise<number> {
  const canvas = page.getByTestId(`chart-${chart}`).locator('canvas');
  await canvas.waitFor({ state: 'attached' });
  return canvas.evaluate((c: HTMLCanvasElement) => {
    if (c.width === 0 || c.height === 0) return 0;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
    return n;
  });
}

/** Waits until a chart's canvas is painted (chart.js draws after its lazy chunk loads). */
export async function expectPainted(page: Page, chart: ChartTestId, min = 200): Promise<number> {
  let n = 0;
  await expect
    .poll(async () => (n = await paintedPixels(page, chart)), { timeout: UI_TIMEOUT, message: `chart ${chart} has no pixels` })
    .toBeGreaterThanOrEqual(min);
  return n;
}

/** Opens a chart's "Show data" disclosure; returns its caption and row count. */
export async function openDataTable(page: Page, chart: ChartTestId): Promise<{ caption: string; rows: number }> {
  const panel = page.getByTestId(`chart-${chart}`);
  const details = panel.locator('details.data');
  await details.locator('summary').click();
  await expect.poll(() => details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
  const table = details.locator('table');
  await table.waitFor({ state: 'visible' });
  return {
    caption: (await table.locator('caption').textContent())?.trim() ?? '',
    rows: await table.locator('tbody tr').count(),
  };
}

/** axe-core violations of impact serious or critical, as readable lines. */
export async function seriousA11yViolations(page: Page, what: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map(
    (v) => `[${what}] ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** Writes a full-page PNG to screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean; locator?: Locator } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  if (opts.locator) await opts.locator.screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  return path;
}

/**
 * Longest requestAnimationFrame round trip (ms) seen while `during` runs: a frame is requested,
 * and the time until it fires is measured, over and over. A blocked main thread shows up here.
 */
export async function startRafProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __raf?: { max: number; samples: number; stop: boolean } };
    const probe = { max: 0, samples: 0, stop: false };
    w.__raf = probe;
    const loop = () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const dt = performance.now() - t0;
        probe.samples++;
        if (dt > probe.max) probe.max = dt;
        if (!probe.stop) loop();
      });
    };
    loop();
  });
}

export async function stopRafProbe(page: Page): Promise<{ max: number; samples: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __raf?: { max: number; samples: number; stop: boolean } };
    const p = w.__raf!;
    p.stop = true;
    return { max: p.max, samples: p.samples };
  });
}

/** Reads all the form's text and select values, keyed by id, for exact comparison. */
export async function formValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const form = document.querySelector('form.controls')!;
    for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))) {
      if (!el.id) continue;
      out[el.id] = el instanceof HTMLInputElement && el.type === 'checkbox' ? String(el.checked) : el.value;
    }
    return out;
  });
}

/** How many px the page is wider than the viewport (0 when nothing sticks out sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
