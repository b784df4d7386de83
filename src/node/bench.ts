/**
 * `npm run bench [-- --smoke] [--only id,…] [--out file.json]`
 *
 * The project's performance record: every figure of src/node/bench/figures.ts measured on
 * the BUILT app in headless Chromium (the bench page, bench/index.html → src/bench/, served
 * from dist/ with COOP/COEP), each a median over ≥ 15 interleaved trials with p10–p90, every
 * reference measured beside the engine in the same page. Writes bench/results.json after every
 * figure and, for a full run to the default output, rewrites BENCHMARKS.md.
 *
 * Exit status: 0 every figure measured (met or MISSED — misses are reported, not fatal);
 * 1 a figure could not be measured, or the build/browser failed; 2 bad arguments;
 * 130 interrupted.
 */

import { runIfEntryPoint } from './cli';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright';
import { DEFAULT_RUN_CONFIG } from '../core/model/config';
import type { RunRecord } from '../core/io/run-record';
import type { ExperimentConfig } from '../core/model/types';
import { LESSONS } from '../lessons';
import { lessonEnvOf } from '../lessons/judge-record';
import { initialJs } from './bench/bundle';
import {
  AA_CONFIGS,
  aaExperiment,
  aaExperimentsPerConfig,
  aaFigure,
  aaOutcome,
  lessonOutcome,
  lessonRunsPerLesson,
  lessonsFigure,
  type AaOutcome,
  type LessonOutcome,
} from './bench/calibration';
import { FIGURE_IDS, FIGURES, type FigureSpec, type PageJobId } from './bench/figures';
import { memoryOf, procAvailable, rendererPids, resetPeak, rssSampler } from './bench/memory';
import { benchmarksMarkdown, judge, terminalSummary, unavailable, type BenchResults, type EngineRun, type FigureResult, type RawFigure } from './bench/report';
import { cannotRun } from './bench/engines';
import { launchEngine, waitFor } from './engines/drivers';
import { parseEngineList, type EngineName } from './engines/find-engines';
import { ensureBuilt, formatElapsed, launchBrowser, log, MEASURING_ARGS, REPO_ROOT, serveDist, snapshotDist, Teardown } from './bench/session';

const TOOL = 'bench';
const DEFAULT_OUT = join(REPO_ROOT, 'bench', 'results.json');
const PARTIAL_OUT = join(REPO_ROOT, 'bench', 'results.partial.json');
const BENCHMARKS_MD = join(REPO_ROOT, 'BENCHMARKS.md');

const USAGE = `usage: npm run bench [-- --smoke] [--only <figure-id,…>] [--browser <engines>] [--out <file.json>]

Measures every performance figure on the built app in headless Chromium (or the engines
asked for) and writes bench/results.json; a full run to that default output also rewrites
BENCHMARKS.md.

  --smoke        3 trials, small sizes (< 90 s): checks every figure still measures;
                 writes bench/results.partial.json unless --out is given
  --only IDS     only these figures (comma-separated), written like --smoke's output:
                 ${FIGURE_IDS.join(', ')}
  --browser E    chromium (default), firefox, webkit, a comma list, or all: every figure
                 that can run in an engine runs there; one that cannot says why
  --out FILE     write the results here instead (BENCHMARKS.md is left alone)
  -h, --help     this text

Exit status: 0 every figure measured (targets met or MISSED: both are reported);
1 a figure could not be measured; 2 bad arguments; 130 interrupted.`;

export interface BenchOptions {
  smoke: boolean;
  only: string[] | null;
  out: string | null;
  /** Engines to measure in, in order (`--browser`; default Chromium alone). */
  browsers: EngineName[];
}

/** Parses the bench's arguments (pure). */
export function parseBenchArgs(argv: readonly string[]): { ok: true; help?: boolean; options: BenchOptions } | { ok: false; message: string } {
  const options: BenchOptions = { smoke: false, only: null, out: null, browsers: ['chromium'] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : i + 1 < argv.length && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (name === '--help' || name === '-h') return { ok: true, help: true, options };
    if (name === '--smoke') {
      if (eq > 0) return { ok: false, message: '--smoke takes no value' };
      options.smoke = true;
    } else if (name === '--only') {
      const v = value();
      if (!v) return { ok: false, message: `--only needs figure ids: ${FIGURE_IDS.join(', ')}` };
      const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !FIGURE_IDS.includes(id));
      if (unknown.length) return { ok: false, message: `--only: unknown figure ${unknown.map((u) => `"${u}"`).join(', ')}; valid ids: ${FIGURE_IDS.join(', ')}` };
      options.only = [...new Set([...(options.only ?? []), ...ids])];
    } else if (name === '--browser') {
      const v = value();
      if (!v) return { ok: false, message: '--browser needs chromium, firefox, webkit, a comma list of them, or all' };
      const engines = parseEngineList(v);
      if ('error' in engines) return { ok: false, message: engines.error };
      options.browsers = engines;
    } else if (name === '--out') {
      const v = value();
      if (!v) return { ok: false, message: '--out needs a file path' };
      if (!v.toLowerCase().endsWith('.json')) return { ok: false, message: `--out must end in .json (got "${v}")` };
      options.out = v;
    } else {
      return { ok: false, message: arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${arg}"` };
    }
  }
  return { ok: true, options };
}

interface BenchEnv {
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  sharedMemory: boolean;
  timerResolutionMs: number;
  userAgent: string;
  deviceMemoryGiB: number | null;
}

interface JobOptions {
  trials: number;
  warmups: number;
  smoke: boolean;
}

/** Unmeasured trials per job in a full run (the kernels need the JIT warm; big runs do not repeat cheaply). */
const FULL_WARMUPS: Record<PageJobId, number> = {
  'fixed-parse': 3,
  group: 3,
  ping: 2,
  workerpool: 2,
  'speedup-2w': 2,
  'batch-overhead': 2,
  ship: 1,
  'cold-pool': 2,
  'main-block': 1,
  'harness-overhead': 2,
  history: 1,
  'devtools-tracks': 2,
  'group-vs-hand': 3,
  'small-tasks': 2,
  'small-batch': 3,
  'cold-break-even': 1,
  'data-csv': 1,
};
const FULL_TRIALS = 15;
const SMOKE_TRIALS = 3;

declare global {
  interface Window {
    __bench?: {
      env: BenchEnv;
      run(job: PageJobId, opts: JobOptions): Promise<RawFigure>;
      memoryPrepare(opts: { records: number; shipping: string }): Promise<{ datasetBytes: number; estimatedBytes: number; copies: number }>;
      memoryTrial(): Promise<{ ok: boolean; wallMs: number; message?: string }>;
    };
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** Opens the bench page and waits for `window.__bench`; relays its progress lines to stderr. */
async function openBenchPage(browser: Browser, url: string): Promise<Page> {
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

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

/** The 10 M-record memory figure: a page of its own, its renderer read from /proc around every run. */
async function measureMemory(browser: Browser, url: string, smoke: boolean, trials: number): Promise<RawFigure> {
  if (!procAvailable()) throw new Error('needs Linux /proc to read the renderer process memory; not available here');
  // Playwright's Browser does not expose its process: Chromium is a descendant of this Node process.
  const rootPid = process.pid;
  const page = await openBenchPage(browser, url);
  try {
    // Chromium may hand the page a pre-started spare renderer, so "the new process" is not
    // reliable: sum every renderer of this browser. The others are idle, and each one's
    // peak is reset to its current RSS, so they add (almost) nothing above the baseline.
    const pids = rendererPids(rootPid);
    const notes: string[] = [`summed over the ${pids.length} renderer processes of the bench's browser (all but the measuring page idle)`];
    const cdp = await page.context().newCDPSession(page);
    const records = smoke ? 1_000_000 : 10_000_000;
    const series: Record<string, number[]> = { peakRatio: [], peakMB: [], wallMs: [], sharedRatio: [], generateInWorkerRatio: [] };
    let failedRuns = 0;
    let sampledOnly = false;
    let lastFailure = '';

    const oneRun = async (datasetBytes: number): Promise<{ ratio: number; peakBytes: number; wallMs: number } | null> => {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      const baseline = pids.reduce((s, p) => s + memoryOf(p).rss, 0);
      const reset = pids.map((p) => resetPeak(p)).every(Boolean);
      const sampler = rssSampler(pids);
      const run = await page.evaluate(() => window.__bench!.memoryTrial());
      const sampled = sampler.stop();
      const hwm = reset ? pids.reduce((s, p) => s + memoryOf(p).hwm, 0) : 0;
      if (!reset) sampledOnly = true;
      if (!run.ok) {
        failedRuns++;
        lastFailure = run.message ?? 'unknown failure';
        return null;
      }
      const peakBytes = Math.max(hwm, sampled) - baseline;
      return { ratio: peakBytes / datasetBytes, peakBytes, wallMs: run.wallMs };
    };

    const modes: Array<{ shipping: string; series: string; trials: number; warmups: number }> = [
      { shipping: 'transfer', series: 'peakRatio', trials, warmups: smoke ? 0 : 1 },
      { shipping: 'shared', series: 'sharedRatio', trials: smoke ? 1 : 3, warmups: 0 },
      { shipping: 'generate-in-worker', series: 'generateInWorkerRatio', trials: smoke ? 1 : 3, warmups: 0 },
    ];
    let datasetBytes = 0;
    let estimate = 0;
    for (const mode of modes) {
      const prep = await page.evaluate((o) => window.__bench!.memoryPrepare(o), { records, shipping: mode.shipping });
      datasetBytes = prep.datasetBytes;
      if (mode.shipping === 'transfer') estimate = prep.estimatedBytes;
      for (let k = 0; k < mode.warmups + mode.trials; k++) {
        const r = await oneRun(prep.datasetBytes);
        if (k < mode.warmups || !r) continue;
        series[mode.series].push(r.ratio);
        if (mode.shipping === 'transfer') {
          series.peakMB.push(r.peakBytes / 1e6);
          series.wallMs.push(r.wallMs);
        }
      }
      log(TOOL, `  memory: shipping ${mode.shipping} done`);
    }
    if (failedRuns) notes.push(`${failedRuns} runs did not complete: ${lastFailure}`);
    notes.push(
      sampledOnly
        ? 'the kernel refused to reset VmHWM: peaks are from a 20 ms VmRSS sampler and may miss short spikes'
        : 'peak = kernel VmHWM (reset before each run via /proc/<pid>/clear_refs), cross-checked with a 20 ms VmRSS sampler',
    );
    return {
      series,
      notes,
      info: {
        records,
        datasetMB: datasetBytes / 1e6,
        engineEstimateMB: estimate / 1e6,
        method: 'Linux /proc of the renderer process',
        failedRuns,
      },
    };
  } finally {
    await page.context().close();
  }
}

/** Where the app's readiness probe (an init script) leaves its timings. */
interface UiReady {
  enabledMs?: number;
  respondsMs?: number;
}

/**
 * Installed before any of the app's scripts: notes when the Run button first exists and is
 * enabled, then when the next main-thread task runs (a click could be handled from then on).
 * A string, so the bundler's helpers never end up in code serialised into the page.
 */
const UI_READY_PROBE = `(() => {
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
async function openAppPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (err) => log(TOOL, `  app page error: ${err.message}`));
  page.on('crash', () => log(TOOL, '  the app page crashed'));
  await page.addInitScript({ content: UI_READY_PROBE });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __uiReady?: UiReady }).__uiReady?.respondsMs !== undefined, null, { timeout: 30_000 });
  return page;
}

/** `ui-interactive`: navigation start → Run enabled and the main thread free, fresh context per trial. */
async function measureUiInteractive(browser: Browser, url: string, trials: number, warmups: number): Promise<RawFigure> {
  const series: Record<string, number[]> = { respondsMs: [], enabledMs: [], domContentLoadedMs: [] };
  for (let k = 0; k < warmups + trials; k++) {
    const page = await openAppPage(browser, url);
    try {
      const t = await page.evaluate(() => {
        const r = (window as unknown as { __uiReady: UiReady }).__uiReady;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { enabledMs: r.enabledMs!, respondsMs: r.respondsMs!, domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : NaN };
      });
      if (k < warmups) continue;
      series.respondsMs.push(t.respondsMs);
      series.enabledMs.push(t.enabledMs);
      if (Number.isFinite(t.domContentLoadedMs)) series.domContentLoadedMs.push(t.domContentLoadedMs);
    } finally {
      await page.context().close();
    }
  }
  return {
    series,
    notes: [`${warmups} unmeasured page load${warmups === 1 ? '' : 's'} first (HTTP and compile caches of the preview server warm); every trial a new browser context`],
    info: { page: 'index.html', warmups },
  };
}

interface FpsTrial {
  status: string;
  error?: string;
  frames: number;
  elapsedMs: number;
  maxGap: number;
}

/** Counts requestAnimationFrame callbacks while `__playground.run(experiment)` runs (a string: see UI_READY_PROBE). */
const FPS_PROBE = `async (exp) => {
  let frames = 0;
  let on = true;
  const t0 = performance.now();
  let last = t0;
  let maxGap = 0;
  const tick = (t) => {
    if (!on) return;
    frames++;
    maxGap = Math.max(maxGap, t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const out = await window.__playground.run(exp);
  const t1 = performance.now();
  on = false;
  maxGap = Math.max(maxGap, t1 - last);
  return { status: out.status, error: out.error, frames, elapsedMs: t1 - t0, maxGap };
}`;

/** `ui-fps-streaming`: rAF callbacks counted on the app page while `__playground.run` streams a sweep. */
async function measureUiFps(browser: Browser, url: string, smoke: boolean, trials: number): Promise<RawFigure> {
  const experiment = {
    base: { ...DEFAULT_RUN_CONFIG, records: smoke ? 10_000 : 20_000, poolLife: 'warm' },
    sweep: [{ param: 'workers', values: [1, 2] }],
    warmups: 0,
    repetitions: smoke ? 6 : 15,
  };
  const series: Record<string, number[]> = { fps: [], maxFrameGapMs: [], wallMs: [], frames: [] };
  const notes: string[] = [];
  for (let k = 0; k < trials; k++) {
    const page = await openAppPage(browser, url);
    try {
      await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined, null, { timeout: 30_000 });
      const r = await withTimeout(
        page.evaluate<FpsTrial>(`(${FPS_PROBE})(${JSON.stringify(experiment)})`),
        smoke ? 60_000 : 120_000,
        'the streaming sweep',
      );
      if (r.status !== 'complete') {
        throw new Error(`the sweep ended with status ${r.status}${r.error ? `: ${r.error}` : ''}`);
      }
      series.fps.push(r.frames / (r.elapsedMs / 1000));
      series.maxFrameGapMs.push(r.maxGap);
      series.wallMs.push(r.elapsedMs);
      series.frames.push(r.frames);
    } finally {
      await page.context().close();
    }
  }
  const runs = experiment.repetitions * 2;
  notes.push(`${runs} runs per sweep (${experiment.base.records.toLocaleString('en-US')} records, warm pool, workers [1, 2]); a fresh app page per trial`);
  return { series, notes, info: { page: 'index.html', records: experiment.base.records, runsPerSweep: runs } };
}

/** What `window.__playground.run` answers (src/ui/App.svelte). */
interface PlaygroundRun {
  status: string;
  error?: string;
  record: RunRecord | null;
}

/** The app page's environment facts (`window.__playground.env`). */
interface PlaygroundEnv {
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  timerResolutionMs: number;
}

/** Opens the built app and waits for `window.__playground`, the headless Run button. */
async function openPlayground(browser: Browser, url: string): Promise<Page> {
  const page = await openAppPage(browser, url);
  await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined, null, { timeout: 30_000 });
  return page;
}

/** One experiment through the Run button's path, bounded in time. */
function playgroundRun(page: Page, experiment: ExperimentConfig, smoke: boolean): Promise<PlaygroundRun> {
  return withTimeout(
    page.evaluate((exp) => (window as unknown as { __playground: { run(e: unknown): Promise<PlaygroundRun> } }).__playground.run(exp), experiment),
    smoke ? 120_000 : 300_000,
    'an experiment',
  );
}

/** `aa`: A/A experiments on the app page, counted by calibration.aaFigure. */
async function measureAa(browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  const page = await openPlayground(browser, url);
  const outcomes: AaOutcome[] = [];
  const failed: string[] = [];
  try {
    const k = aaExperimentsPerConfig(smoke);
    // Configurations interleaved experiment by experiment, so drift hits them alike.
    for (let i = 0; i < k; i++) {
      for (const config of AA_CONFIGS) {
        const run = await playgroundRun(page, aaExperiment(config, smoke), smoke);
        const outcome = run.status === 'complete' && run.record ? aaOutcome(config.name, run.record) : undefined;
        if (outcome) outcomes.push(outcome);
        else failed.push(`${config.name}: ${run.status}${run.error ? ` (${run.error})` : ''}`);
      }
      log(TOOL, `  aa: ${i + 1}/${k} rounds of ${AA_CONFIGS.length} configurations`);
    }
  } finally {
    await page.context().close();
  }
  return aaFigure(outcomes, failed);
}

/** `lessons`: every lesson's quick preset, run and judged by its own verdict. */
async function measureLessons(browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  const page = await openPlayground(browser, url);
  const outcomes: LessonOutcome[] = [];
  try {
    const env = lessonEnvOf(await page.evaluate(() => (window as unknown as { __playground: { env: PlaygroundEnv } }).__playground.env));
    const k = lessonRunsPerLesson(smoke);
    for (let i = 0; i < k; i++) {
      for (const lesson of LESSONS) {
        let outcome: LessonOutcome;
        try {
          const run = await playgroundRun(page, lesson.preset(env, 'quick'), smoke);
          outcome = lessonOutcome(lesson.id, run.status, run.error, run.record);
        } catch (err) {
          outcome = { lessonId: lesson.id, reproduced: false, reason: errorText(err) };
        }
        outcomes.push(outcome);
        log(TOOL, `  lessons: run ${i + 1}/${k}, lesson ${lesson.number}: ${outcome.reproduced ? 'reproduced' : `not reproduced (${outcome.reason})`}`);
      }
    }
  } finally {
    await page.context().close();
  }
  return lessonsFigure(outcomes);
}

/** What measuring in one engine needs from the run, and how it reports back. */
interface EngineRunContext {
  url: string;
  distDir: string;
  smoke: boolean;
  trials: number;
  figures: readonly FigureSpec[];
  teardown: Teardown;
  outPath: string;
  /** Registers an engine's run before its first figure (its `figures` array is then filled in place). */
  begin(run: EngineRun): void;
  /** Writes the results file (after every figure). */
  saved(): void;
}

/** Job options for one page job. */
function jobOptions(job: PageJobId, smoke: boolean, trials: number): JobOptions {
  return { trials, warmups: smoke ? 1 : FULL_WARMUPS[job], smoke };
}

/** Measures every figure in Chromium through Playwright (the only engine the Node-driven figures run in). */
async function measureInChromium(ctx: EngineRunContext): Promise<void> {
  const { url, smoke, trials, teardown } = ctx;
  const browser = await launchBrowser(MEASURING_ARGS);
  teardown.add('browser', () => browser.close());
  let page = await openBenchPage(browser, url);
  const env = await page.evaluate(() => window.__bench!.env);
  const run: EngineRun = {
    engine: 'chromium',
    version: `Chromium ${browser.version()}`,
    cores: env.hardwareConcurrency,
    crossOriginIsolated: env.crossOriginIsolated,
    sharedMemory: env.sharedMemory,
    timerResolutionMs: env.timerResolutionMs,
    userAgent: env.userAgent,
    figures: [],
  };
  ctx.begin(run);
  log(
    TOOL,
    `${ctx.figures.length} figures, ${trials} trials each${smoke ? ' (smoke: small sizes)' : ''}; ` +
      `${env.hardwareConcurrency} cores, ${run.version}, load average ${loadavg()[0].toFixed(2)}; results → ${relative(process.cwd(), ctx.outPath) || ctx.outPath}`,
  );
  if (!env.crossOriginIsolated) log(TOOL, 'warning: the bench page is not cross-origin isolated (no SharedArrayBuffer, 100 µs timers)');

  const jobResults = new Map<PageJobId, RawFigure | { error: string }>();
  const runJob = async (job: PageJobId): Promise<RawFigure | { error: string }> => {
    const cached = jobResults.get(job);
    if (cached) return cached;
    const opts = jobOptions(job, smoke, trials);
    let result: RawFigure | { error: string };
    try {
      if (page.isClosed()) page = await openBenchPage(browser, url);
      result = await withTimeout(page.evaluate(({ job, opts }) => window.__bench!.run(job, opts), { job, opts }), smoke ? 90_000 : 300_000, `job ${job}`);
    } catch (err) {
      result = { error: errorText(err) };
      // Whatever the job left running (workers, a hung evaluate) goes with the page.
      await page.context().close().catch(() => {});
      page = await openBenchPage(browser, url);
    }
    jobResults.set(job, result);
    return result;
  };

  for (const spec of ctx.figures) {
    if (teardown.interrupted) break;
    const t0 = Date.now();
    log(TOOL, `${spec.id}: ${spec.title}…`);
    let raw: RawFigure | { error: string };
    const why = cannotRun(spec, 'chromium', { sharedMemory: env.sharedMemory });
    if (why) {
      run.figures.push(unavailable(spec, 'chromium', why));
      ctx.saved();
      continue;
    }
    try {
      raw = await measure(spec, runJob, browser, url, ctx.distDir, smoke, trials);
    } catch (err) {
      raw = { error: errorText(err) };
    }
    // A figure cut short by Ctrl-C measured nothing: leave it out rather than record the teardown as its failure.
    if (teardown.interrupted) break;
    const figure: FigureResult = judge(spec, raw, Date.now() - t0);
    run.figures.push(figure);
    ctx.saved();
    log(TOOL, `${spec.id}: ${figure.verdict} (${formatElapsed(Date.now() - t0)})`);
  }
  await browser.close().catch(() => {});
}

/**
 * Measures every figure that can run in Firefox or WebKit through the cross-engine drivers
 * (src/node/engines/drivers.ts): the page jobs by evaluating `__bench.run` as an expression;
 * figures that need Chromium's machinery, or shared memory the engine lacks, say why.
 */
async function measureInEngine(engine: Exclude<EngineName, 'chromium'>, ctx: EngineRunContext): Promise<void> {
  const { url, smoke, trials, teardown } = ctx;
  log(TOOL, `${engine}: starting the browser`);
  let page = await launchEngine(engine);
  teardown.add(engine, () => page.close());
  const open = async () => {
    await page.goto(`${url}bench/`);
    await waitFor(page, 'window.__bench !== undefined', 'the bench page');
  };
  await open();
  const env = await page.eval<BenchEnv>('window.__bench.env');
  const run: EngineRun = {
    engine,
    version: page.version,
    cores: env.hardwareConcurrency,
    crossOriginIsolated: env.crossOriginIsolated,
    sharedMemory: env.sharedMemory,
    timerResolutionMs: env.timerResolutionMs,
    userAgent: env.userAgent,
    figures: [],
  };
  ctx.begin(run);
  log(TOOL, `${engine}: ${page.version}, ${env.hardwareConcurrency} cores reported, crossOriginIsolated ${env.crossOriginIsolated}, shared memory ${env.sharedMemory}`);
  const jobResults = new Map<PageJobId, RawFigure | { error: string }>();
  const runJob = async (job: PageJobId): Promise<RawFigure | { error: string }> => {
    const cached = jobResults.get(job);
    if (cached) return cached;
    const opts = jobOptions(job, smoke, trials);
    let result: RawFigure | { error: string };
    try {
      result = await withTimeout(page.eval<RawFigure>(`window.__bench.run(${JSON.stringify(job)}, ${JSON.stringify(opts)})`), smoke ? 90_000 : 300_000, `job ${job}`);
    } catch (err) {
      result = { error: errorText(err) };
      // Whatever the job left running goes with a fresh browser.
      await page.close().catch(() => {});
      page = await launchEngine(engine);
      await open();
    }
    jobResults.set(job, result);
    return result;
  };
  for (const spec of ctx.figures) {
    if (teardown.interrupted) break;
    const t0 = Date.now();
    const why = cannotRun(spec, engine, { sharedMemory: env.sharedMemory });
    if (why) {
      run.figures.push(unavailable(spec, engine, why));
      ctx.saved();
      log(TOOL, `${engine} ${spec.id}: cannot run — ${why}`);
      continue;
    }
    log(TOOL, `${engine} ${spec.id}: ${spec.title}…`);
    let raw: RawFigure | { error: string };
    try {
      if (spec.source.kind === 'page') raw = await runJob(spec.source.job);
      else if (spec.source.what === 'initial-js') raw = await measure(spec, runJob, undefined, url, ctx.distDir, smoke, trials);
      else raw = { error: `no way to measure ${spec.source.what} in ${engine}` };
    } catch (err) {
      raw = { error: errorText(err) };
    }
    if (teardown.interrupted) break;
    const figure = judge(spec, raw, Date.now() - t0);
    run.figures.push(figure);
    ctx.saved();
    log(TOOL, `${engine} ${spec.id}: ${figure.verdict} (${formatElapsed(Date.now() - t0)})`);
  }
  await page.close().catch(() => {});
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${TOOL}: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = parsed.options;
  const partial = options.smoke || options.only !== null;
  const outPath = options.out ? resolve(options.out) : partial ? PARTIAL_OUT : DEFAULT_OUT;
  const writesRecord = !partial && options.out === null;
  try {
    mkdirSync(dirname(outPath), { recursive: true });
  } catch (err) {
    process.stderr.write(`${TOOL}: --out: cannot create ${dirname(outPath)}: ${errorText(err)}\n`);
    return 2;
  }
  const figures = FIGURES.filter((f) => options.only === null || options.only.includes(f.id));
  const trials = options.smoke ? SMOKE_TRIALS : FULL_TRIALS;

  const teardown = new Teardown(TOOL);
  const started = Date.now();
  try {
    await ensureBuilt(TOOL, ['index.html', 'bench/index.html']);
    const dist = await snapshotDist(['index.html', 'bench/index.html']);
    teardown.add('copy of dist/', () => dist.remove());
    const served = await serveDist(dist.dir);
    teardown.add('preview server', () => served.close());
    const cpu = cpus();
    const results: BenchResults = {
      schemaVersion: 1,
      mode: options.smoke ? 'smoke' : 'full',
      only: options.only,
      complete: false,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
      trials,
      machine: {
        cores: 0,
        cpuModel: cpu[0]?.model.trim() ?? 'unknown',
        osCpus: cpu.length,
        totalMemGiB: totalmem() / 1024 ** 3,
        platform: `${process.platform} ${process.arch}`,
        node: process.version,
        browser: '',
        userAgent: '',
        crossOriginIsolated: false,
        loadAvgStart: loadavg(),
      },
      figures: [],
      engines: [],
    };
    const save = () => {
      results.durationMs = Date.now() - started;
      writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);
    };
    const ctx: EngineRunContext = {
      url: served.url,
      distDir: dist.dir,
      smoke: options.smoke,
      trials,
      figures,
      teardown,
      outPath,
      begin: (run) => {
        // The first engine is the record's main browser (schema 1 readers see its figures).
        if (results.engines!.length === 0) {
          results.figures = run.figures;
          results.machine.cores = run.cores;
          results.machine.browser = run.engine === 'chromium' ? run.version.replace(/^Chromium /, '') : run.version;
          results.machine.userAgent = run.userAgent;
          results.machine.crossOriginIsolated = run.crossOriginIsolated;
        }
        results.engines!.push(run);
        save();
      },
      saved: save,
    };
    for (const engine of options.browsers) {
      if (teardown.interrupted) break;
      try {
        if (engine === 'chromium') await measureInChromium(ctx);
        else await measureInEngine(engine, ctx);
      } catch (err) {
        // An engine that cannot start (not installed, driver failure) fails its figures, not the others.
        const why = errorText(err);
        log(TOOL, `${engine}: ${why}`);
        const run: EngineRun = { engine, version: engine, cores: 0, crossOriginIsolated: false, sharedMemory: false, timerResolutionMs: NaN, userAgent: '', figures: [] };
        if (!results.engines!.some((r) => r.engine === engine)) ctx.begin(run);
        const mine = results.engines!.find((r) => r.engine === engine)!;
        for (const spec of figures) {
          if (!mine.figures.some((f) => f.id === spec.id)) mine.figures.push(judge(spec, { error: `${engine} could not be driven: ${why}` }, 0));
        }
        save();
      }
    }
    if (teardown.interrupted) {
      log(TOOL, `interrupted: ${results.figures.length} figures written to ${outPath}`);
      return 130;
    }

    results.complete = true;
    results.machine.loadAvgEnd = loadavg();
    save();
    log(TOOL, `wrote ${outPath}`);
    if (writesRecord) {
      writeFileSync(BENCHMARKS_MD, benchmarksMarkdown(results));
      log(TOOL, `rewrote ${BENCHMARKS_MD}`);
    }
    process.stdout.write(`${terminalSummary(results)}\n`);
    const all = results.engines!.flatMap((r) => r.figures);
    const count = (status: FigureResult['status']) => all.filter((f) => f.status === status).length;
    const errors = count('error');
    log(
      TOOL,
      `done in ${formatElapsed(Date.now() - started)}: ${count('met')} met, ${count('missed')} MISSED, ${errors} not measured, ` +
        `${count('context')} context, ${count('unavailable')} cannot run in their engine`,
    );
    return errors > 0 ? 1 : 0;
  } catch (err) {
    log(TOOL, errorText(err));
    return teardown.interrupted ? 130 : 1;
  } finally {
    await teardown.run();
  }
}

/** Measures one figure's raw series, on the page or in Node. */
async function measure(
  spec: FigureSpec,
  runJob: (job: PageJobId) => Promise<RawFigure | { error: string }>,
  /** Chromium's; only the Node-driven figures other than initial-js use it. */
  browser: Browser | undefined,
  url: string,
  distDir: string,
  smoke: boolean,
  trials: number,
): Promise<RawFigure | { error: string }> {
  if (spec.source.kind === 'page') return runJob(spec.source.job);
  if (spec.source.what === 'initial-js') {
    const js = initialJs(distDir);
    return {
      series: { gzipKB: [js.gzipBytes / 1000], rawKB: [js.bytes / 1000] },
      notes: [`files: ${js.files.map((f) => `${f.path.replace(/^\/assets\//, '')} ${(f.gzipBytes / 1000).toFixed(1)} kB`).join(', ')}`],
      info: { files: js.files.length, deterministic: true },
    };
  }
  if (!browser) throw new Error(`${spec.id} needs Chromium`);
  if (spec.source.what === 'ui-interactive') {
    return withTimeout(measureUiInteractive(browser, url, smoke ? 2 : trials, smoke ? 1 : 2), smoke ? 60_000 : 300_000, 'the interactive figure');
  }
  if (spec.source.what === 'aa') return withTimeout(measureAa(browser, url, smoke), smoke ? 600_000 : 3_600_000, 'the A/A figure');
  if (spec.source.what === 'lessons') {
    return withTimeout(measureLessons(browser, url, smoke), smoke ? 900_000 : 5_400_000, 'the lessons figure');
  }
  if (spec.source.what === 'ui-fps') {
    return withTimeout(measureUiFps(browser, url, smoke, smoke ? 2 : trials), smoke ? 60_000 : 400_000, 'the frame-rate figure');
  }
  return withTimeout(measureMemory(browser, url, smoke, trials), smoke ? 120_000 : 400_000, 'the memory figure');
}

runIfEntryPoint(TOOL, import.meta.url, main);
