/**
 * `npm run bench [-- --smoke] [--only id,…] [--browser engines] [--out file.json]`
 *
 * The project's performance record: every figure of src/node/bench/figures.ts measured on
 * the BUILT app in headless Chromium (the bench page, bench/index.html → src/bench/, served
 * from dist/ with COOP/COEP), or in the engines asked for, each a median over ≥ 15
 * interleaved trials with p10–p90, every reference measured beside the engine in the same
 * page. Writes bench/results.json after every figure and, for a full run to the default
 * output, rewrites BENCHMARKS.md.
 *
 * Exit status: 0 every figure measured (met or MISSED — misses are reported, not fatal);
 * 1 a figure could not be measured, or the build/browser failed; 2 bad arguments;
 * 130 interrupted.
 */

import { runIfEntryPoint } from './cli';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseBenchArgs, USAGE, type BenchOptions } from './bench/args';
import { FULL_TRIALS, measureInChromium, measureInEngine, SMOKE_TRIALS, type EngineRunContext } from './bench/engine-runs';
import { FIGURES, type FigureSpec } from './bench/figures';
import { errorLine, TOOL } from './bench/pages';
import { judge, terminalSummary, type BenchResults, type EngineRun, type FigureResult } from './bench/report';
import { benchmarksMarkdown } from './bench/report-markdown';
import { ensureBuilt, formatElapsed, log, REPO_ROOT, serveDist, snapshotDist, Teardown } from './bench/session';
import type { EngineName } from './engines/find-engines';

export { parseBenchArgs, type BenchOptions };

const DEFAULT_OUT = join(REPO_ROOT, 'bench', 'results.json');
const PARTIAL_OUT = join(REPO_ROOT, 'bench', 'results.partial.json');
const BENCHMARKS_MD = join(REPO_ROOT, 'BENCHMARKS.md');

/** An empty results record for this machine; the first engine measured fills in its browser. */
function newResults(options: BenchOptions, trials: number, started: number): BenchResults {
  const cpu = cpus();
  return {
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
}

/** Registers an engine's run; the first engine is the record's main browser (schema 1 readers see its figures). */
function beginEngine(results: BenchResults, run: EngineRun): void {
  if (results.engines!.length === 0) {
    results.figures = run.figures;
    results.machine.cores = run.cores;
    results.machine.browser = run.engine === 'chromium' ? run.version.replace(/^Chromium /, '') : run.version;
    results.machine.userAgent = run.userAgent;
    results.machine.crossOriginIsolated = run.crossOriginIsolated;
  }
  results.engines!.push(run);
}

/** An engine that could not start (not installed, driver failure) fails its own figures, not the others'. */
function engineFailed(results: BenchResults, ctx: EngineRunContext, engine: EngineName, figures: readonly FigureSpec[], why: string): void {
  log(TOOL, `${engine}: ${why}`);
  if (!results.engines!.some((r) => r.engine === engine)) {
    ctx.begin({ engine, version: engine, cores: 0, crossOriginIsolated: false, sharedMemory: false, timerResolutionMs: NaN, userAgent: '', figures: [] });
  }
  const mine = results.engines!.find((r) => r.engine === engine)!;
  for (const spec of figures) {
    if (!mine.figures.some((f) => f.id === spec.id)) mine.figures.push(judge(spec, { error: `${engine} could not be driven: ${why}` }, 0));
  }
  ctx.saved();
}

/** The closing summary line; the exit status is 1 when any figure could not be measured. */
function finish(results: BenchResults, started: number): number {
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
  try {
    mkdirSync(dirname(outPath), { recursive: true });
  } catch (err) {
    process.stderr.write(`${TOOL}: --out: cannot create ${dirname(outPath)}: ${errorLine(err)}\n`);
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
    const results = newResults(options, trials, started);
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
        beginEngine(results, run);
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
        engineFailed(results, ctx, engine, figures, errorLine(err));
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
    if (!partial && options.out === null) {
      writeFileSync(BENCHMARKS_MD, benchmarksMarkdown(results));
      log(TOOL, `rewrote ${BENCHMARKS_MD}`);
    }
    return finish(results, started);
  } catch (err) {
    log(TOOL, errorLine(err));
    return teardown.interrupted ? 130 : 1;
  } finally {
    await teardown.run();
  }
}

runIfEntryPoint(TOOL, import.meta.url, main);
