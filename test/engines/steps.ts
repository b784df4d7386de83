/**
 * Steps of the cross-engine tests, written once over the EnginePage interface
 * (src/node/engines/drivers.ts) so Chromium, Firefox and WebKit run exactly the same checks.
 * In-page code is plain JavaScript in strings: no driver serialises functions the same way.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitFor, type EnginePage } from '../../src/node/engines/drivers';
import type { ExperimentConfig } from '../../src/core/model/types';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../screenshots/engines/', import.meta.url));

export { waitFor } from '../../src/node/engines/drivers';

/**
 * Records page errors, unhandled rejections, console.error calls and CSP violations from now
 * on, in every engine (WebKit's driver reports none of them itself).
 */
export async function installRecorder(page: EnginePage): Promise<void> {
  await page.eval(`(() => {
    if (window.__ppRecorder) return true;
    const r = { errors: [], csp: [] };
    window.__ppRecorder = r;
    addEventListener('error', (e) => r.errors.push('error: ' + (e.message || e.type)));
    addEventListener('unhandledrejection', (e) => r.errors.push('unhandled rejection: ' + String(e.reason && (e.reason.message || e.reason))));
    document.addEventListener('securitypolicyviolation', (e) => r.csp.push(e.violatedDirective + ': ' + (e.blockedURI || '(inline)')));
    const original = console.error.bind(console);
    console.error = (...args) => { r.errors.push('console.error: ' + args.map(String).join(' ')); original(...args); };
    return true;
  })()`);
}

export async function recorded(page: EnginePage): Promise<{ errors: string[]; csp: string[] }> {
  return page.eval(`window.__ppRecorder ? { errors: window.__ppRecorder.errors.slice(), csp: window.__ppRecorder.csp.slice() } : { errors: ['recorder not installed'], csp: [] }`);
}

/** Opens the app and waits until it is mounted (the Run button exists). */
export async function openApp(page: EnginePage, url: string): Promise<void> {
  await page.goto(url);
  await waitFor(page, `!!document.querySelector('[data-testid="run"]')`, 'the app to mount');
  await installRecorder(page);
}

export async function click(page: EnginePage, testId: string): Promise<void> {
  const ok = await page.eval<boolean>(`(() => { const el = document.querySelector('[data-testid="${testId}"]'); if (!el || el.disabled) return false; el.click(); return true; })()`);
  if (!ok) throw new Error(`${page.engine}: [data-testid="${testId}"] is missing or disabled`);
}

/** Puts a file made of `content` on a file input, as choosing it in the file picker would. */
export async function chooseFile(page: EnginePage, testId: string, name: string, content: string, type: string): Promise<void> {
  await page.eval(`(() => {
    const input = document.querySelector('[data-testid="${testId}"]');
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  })()`);
}

export async function text(page: EnginePage, testId: string): Promise<string> {
  return page.eval<string>(`(document.querySelector('[data-testid="${testId}"]') || {}).textContent || ''`);
}

/** What the page detected about itself, and what it shows. */
export interface PageFacts {
  isolated: boolean;
  sharedArrayBuffer: boolean;
  hardwareConcurrency: number;
  shownIsolated: string;
  shownSab: string;
  serviceWorker: string | null;
}

export function pageFacts(page: EnginePage): Promise<PageFacts> {
  return page.eval(`(() => {
    let sab = false;
    try { sab = typeof SharedArrayBuffer === 'function' && new SharedArrayBuffer(8).byteLength === 8; } catch (e) { sab = false; }
    const t = (id) => (document.querySelector('[data-testid="' + id + '"]') || {}).textContent || '';
    const sw = document.querySelector('[data-testid="env-sw"]');
    return { isolated: crossOriginIsolated === true, sharedArrayBuffer: sab, hardwareConcurrency: navigator.hardwareConcurrency,
      shownIsolated: t('env-isolated').trim(), shownSab: t('env-sab').trim(), serviceWorker: sw ? sw.getAttribute('data-state') : null };
  })()`);
}

/** Clicks Run and waits for the run's end state; returns it with the correctness card's state. */
export async function runFromButton(page: EnginePage, timeoutMs = 120_000): Promise<{ status: string; correct: boolean; error: string }> {
  await waitFor(page, `!document.querySelector('[data-testid="run"]').disabled`, 'Run to be enabled');
  await page.eval(`(() => {
    const el = document.querySelector('[data-testid="results"]');
    window.__ppStatuses = [];
    new MutationObserver(() => window.__ppStatuses.push(el.getAttribute('data-run-status'))).observe(el, { attributes: true, attributeFilter: ['data-run-status'] });
    return true;
  })()`);
  await click(page, 'run');
  const status = await waitFor<string>(
    page,
    `(() => { const s = window.__ppStatuses || []; const i = s.indexOf('running'); return i >= 0 ? (s.slice(i + 1).find((x) => x !== 'running') || false) : false; })()`,
    'the run to end',
    timeoutMs,
  );
  const card = await page.eval<{ good: boolean; error: string }>(`(() => {
    const c = document.querySelector('[data-testid="card-correct"]');
    const e = document.querySelector('[data-testid="run-error"]');
    return { good: !!c && c.classList.contains('good'), error: e ? e.textContent : '' };
  })()`);
  return { status, correct: card.good, error: card.error };
}

/** One run through the app's own run path (RunState → engine → storage), as the experiment CLI does. */
export interface RunOutcome {
  status: string;
  error: string | null;
  samples: number;
  allCorrect: boolean;
  messages: string[];
}

export function runExperiment(page: EnginePage, experiment: ExperimentConfig): Promise<RunOutcome> {
  return page.eval(`window.__playground.run(${JSON.stringify(experiment)}).then((r) => {
    const reps = (r.record && r.record.repetitions) || [];
    return { status: r.status, error: r.error || null, samples: reps.length,
      allCorrect: reps.length > 0 && reps.every((x) => x.sample.correct === true),
      messages: reps.filter((x) => x.sample.message).map((x) => x.sample.message) };
  })`);
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}${name}.png`;
}
