/**
 * Measuring the figures in one engine: Chromium through Playwright (every figure), Firefox and
 * WebKit through the cross-engine drivers (src/node/engines/drivers.ts: the bench page's jobs
 * and the bundle size; figures that need Chromium's machinery, or shared memory the engine
 * lacks, say why).
 */

import { loadavg } from 'node:os';
import { relative } from 'node:path';
import type { Browser } from 'playwright';
import { launchEngine, waitFor } from '../engines/drivers';
import type { EngineName } from '../engines/find-engines';
import { measureAa, measureClassroom, measureLessons, measureUiFps, measureUiInteractive } from './app-figures';
import { initialJs } from './bundle';
import { cannotRun } from './engines';
import type { FigureSpec, PageJobId } from './figures';
import { measureLiveFigure, type LiveFigureId } from './live-latency';
import { measureMemory } from './memory';
import { errorLine, openBenchPage, TOOL, withTimeout, type BenchEnv, type JobOptions } from './pages';
import { judge, unavailable, type EngineRun, type FigureResult, type RawFigure } from './report';
import { formatElapsed, launchBrowser, log, MEASURING_ARGS, type Teardown } from './session';

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
export const FULL_TRIALS = 15;
export const SMOKE_TRIALS = 3;

/** What measuring in one engine needs from the run, and how it reports back. */
export interface EngineRunContext {
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

type JobOutcome = RawFigure | { error: string };

/**
 * One engine's page-job runner: each job measured once and remembered (several figures read
 * the same job), bounded in time; a job that fails or hangs takes its page with it, so
 * whatever it left running (workers, a hung evaluation) cannot disturb the next job.
 */
function pageJobRunner(
  ctx: Pick<EngineRunContext, 'smoke' | 'trials'>,
  evaluate: (job: PageJobId, opts: JobOptions) => Promise<RawFigure>,
  replacePage: () => Promise<void>,
): (job: PageJobId) => Promise<JobOutcome> {
  const results = new Map<PageJobId, JobOutcome>();
  return async (job) => {
    const cached = results.get(job);
    if (cached) return cached;
    const opts: JobOptions = { trials: ctx.trials, warmups: ctx.smoke ? 1 : FULL_WARMUPS[job], smoke: ctx.smoke };
    let result: JobOutcome;
    try {
      result = await withTimeout(evaluate(job, opts), ctx.smoke ? 90_000 : 300_000, `job ${job}`);
    } catch (err) {
      result = { error: errorLine(err) };
      await replacePage();
    }
    results.set(job, result);
    return result;
  };
}

/** The engine's facts as a results record's run, before its figures. */
function engineRun(engine: EngineName, version: string, env: BenchEnv): EngineRun {
  return {
    engine,
    version,
    cores: env.hardwareConcurrency,
    crossOriginIsolated: env.crossOriginIsolated,
    sharedMemory: env.sharedMemory,
    timerResolutionMs: env.timerResolutionMs,
    userAgent: env.userAgent,
    figures: [],
  };
}

/** Measures each figure in turn with `measureOne`, recording "cannot run here" and saving after every figure. */
async function measureFigures(
  engine: EngineName,
  ctx: EngineRunContext,
  run: EngineRun,
  sharedMemory: boolean,
  measureOne: (spec: FigureSpec) => Promise<JobOutcome>,
): Promise<void> {
  const prefix = engine === 'chromium' ? '' : `${engine} `;
  for (const spec of ctx.figures) {
    if (ctx.teardown.interrupted) break;
    const t0 = Date.now();
    const why = cannotRun(spec, engine, { sharedMemory });
    if (why) {
      run.figures.push(unavailable(spec, engine, why));
      ctx.saved();
      log(TOOL, `${prefix}${spec.id}: cannot run — ${why}`);
      continue;
    }
    log(TOOL, `${prefix}${spec.id}: ${spec.title}…`);
    let raw: JobOutcome;
    try {
      raw = await measureOne(spec);
    } catch (err) {
      raw = { error: errorLine(err) };
    }
    // A figure cut short by Ctrl-C measured nothing: leave it out rather than record the teardown as its failure.
    if (ctx.teardown.interrupted) break;
    const figure: FigureResult = judge(spec, raw, Date.now() - t0);
    run.figures.push(figure);
    ctx.saved();
    log(TOOL, `${prefix}${spec.id}: ${figure.verdict} (${formatElapsed(Date.now() - t0)})`);
  }
}

/** Measures every figure in Chromium through Playwright (the only engine the Node-driven figures run in). */
export async function measureInChromium(ctx: EngineRunContext): Promise<void> {
  const { url, smoke, trials, teardown } = ctx;
  const browser = await launchBrowser(MEASURING_ARGS);
  teardown.add('browser', () => browser.close());
  let page = await openBenchPage(browser, url);
  const env = await page.evaluate(() => window.__bench!.env);
  const run = engineRun('chromium', `Chromium ${browser.version()}`, env);
  ctx.begin(run);
  log(
    TOOL,
    `${ctx.figures.length} figures, ${trials} trials each${smoke ? ' (smoke: small sizes)' : ''}; ` +
      `${env.hardwareConcurrency} cores, ${run.version}, load average ${loadavg()[0].toFixed(2)}; results → ${relative(process.cwd(), ctx.outPath) || ctx.outPath}`,
  );
  if (!env.crossOriginIsolated) log(TOOL, 'warning: the bench page is not cross-origin isolated (no SharedArrayBuffer, 100 µs timers)');
  const runJob = pageJobRunner(
    ctx,
    async (job, opts) => {
      if (page.isClosed()) page = await openBenchPage(browser, url);
      return page.evaluate(({ job, opts }) => window.__bench!.run(job, opts), { job, opts });
    },
    async () => {
      await page.context().close().catch(() => {});
      page = await openBenchPage(browser, url);
    },
  );
  await measureFigures('chromium', ctx, run, env.sharedMemory, (spec) => measure(spec, runJob, browser, ctx));
  await browser.close().catch(() => {});
}

/** Measures every figure that can run in Firefox or WebKit through the cross-engine drivers. */
export async function measureInEngine(engine: Exclude<EngineName, 'chromium'>, ctx: EngineRunContext): Promise<void> {
  log(TOOL, `${engine}: starting the browser`);
  let page = await launchEngine(engine);
  ctx.teardown.add(engine, () => page.close());
  const open = async () => {
    await page.goto(`${ctx.url}bench/`);
    await waitFor(page, 'window.__bench !== undefined', 'the bench page');
  };
  await open();
  const env = await page.eval<BenchEnv>('window.__bench.env');
  const run = engineRun(engine, page.version, env);
  ctx.begin(run);
  log(TOOL, `${engine}: ${page.version}, ${env.hardwareConcurrency} cores reported, crossOriginIsolated ${env.crossOriginIsolated}, shared memory ${env.sharedMemory}`);
  const runJob = pageJobRunner(
    ctx,
    (job, opts) => page.eval<RawFigure>(`window.__bench.run(${JSON.stringify(job)}, ${JSON.stringify(opts)})`),
    async () => {
      // Whatever the job left running goes with a fresh browser.
      await page.close().catch(() => {});
      page = await launchEngine(engine);
      await open();
    },
  );
  await measureFigures(engine, ctx, run, env.sharedMemory, async (spec) => {
    if (spec.source.kind === 'page' || spec.source.what === 'initial-js') return measure(spec, runJob, undefined, ctx);
    return { error: `no way to measure ${spec.source.what} in ${engine}` };
  });
  await page.close().catch(() => {});
}

/** Measures one figure's raw series, on the page or in Node. */
async function measure(
  spec: FigureSpec,
  runJob: (job: PageJobId) => Promise<JobOutcome>,
  /** Chromium's; only the Node-driven figures other than initial-js use it. */
  browser: Browser | undefined,
  ctx: Pick<EngineRunContext, 'url' | 'distDir' | 'smoke' | 'trials'>,
): Promise<JobOutcome> {
  const { url, smoke, trials } = ctx;
  if (spec.source.kind === 'page') return runJob(spec.source.job);
  if (spec.source.what === 'initial-js') {
    const js = initialJs(ctx.distDir);
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
  if (spec.source.what === 'classroom') {
    return withTimeout(measureClassroom(browser, url, smoke ? 2 : trials), smoke ? 90_000 : 400_000, 'the classroom figure');
  }
  if (spec.source.what === 'live') {
    return withTimeout(measureLiveFigure(spec.id as LiveFigureId, browser, url, smoke), smoke ? 60_000 : 600_000, `the ${spec.id} figure`);
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
