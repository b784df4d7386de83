/**
 * `npm run experiment -- --preset <lesson-id | config.json> [--quick | --thorough] [--reps N] --out <file.csv | file.json> [--trace <trace.json>] [--share]`
 *
 * Runs one experiment headless, through exactly the path the Run button takes: it builds
 * dist/ when stale, serves it (COOP/COEP from vite.config.ts), opens it in headless Chromium
 * and calls the page's `window.__playground.run(experiment)` — the same RunState, engine and
 * storage. The record it returns is written with the UI's own serialisers: samplesCsv (+ a
 * sibling `<name>.summary.csv` from summaryCsv) or exportJson.
 *
 * Exit status: 0 complete and every sample correct; 1 the run failed or was cancelled, a
 * sample's digest mismatched, or the browser/build could not run; 2 bad arguments (the
 * message names the argument); 130 interrupted (Ctrl-C: the run is cancelled, whatever
 * finished is still written).
 */

import type { Environment } from '../core/model/environment';
import { runIfEntryPoint } from './cli';
import { DATA_USAGE, runDataExperiment, wantsDataRun } from './experiment-data';
import { parseExperimentArgs, parseExperimentConfigText, SHARE_APP_URL, USAGE, type ExperimentOptions } from './experiment-args';
import { KERNEL_USAGE, runKernelExperiment, wantsKernelRun } from './experiment-kernel';
import { openPlaygroundPage } from './playground-page';
import { summaryPathOf, writeRunFiles } from './run-files';
export { summaryPathOf };
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from 'playwright';
import { fieldErrors } from '../core/model/config';
import { shareLink, shareOfRun } from '../core/io/share-link';
import { runTrace, traceJson } from '../core/io/trace-events';
import type { RunRecord } from '../core/io/run-record';
import type { ExperimentConfig } from '../core/model/types';
import { LESSONS, lessonById } from '../lessons';
import { errorText } from '../core/view/format';

export * from './experiment-args';

const TOOL = 'experiment';

/** The environment facts the page reports (`window.__playground.env`). */
export type PageEnv = Pick<Environment, 'hardwareConcurrency' | 'crossOriginIsolated' | 'timerResolutionMs'>;

/**
 * The experiment to run: the lesson's preset for this page's environment and budget, or the
 * config file's; --reps replaces the repetitions. Then the form's own validation with this
 * page's facts (worker cap, cross-origin isolation), so a bad value is refused by name before
 * anything runs.
 */
export function buildExperiment(
  options: ExperimentOptions,
  env: PageEnv,
  fromFile?: ExperimentConfig,
): { ok: true; experiment: ExperimentConfig } | { ok: false; message: string } {
  let experiment: ExperimentConfig;
  let source: string;
  if (options.preset.kind === 'lesson') {
    const lesson = lessonById(options.preset.id);
    if (!lesson) return { ok: false, message: `--preset: unknown lesson id "${options.preset.id}"` };
    experiment = lesson.preset(env, options.budget);
    source = `lesson ${lesson.id}`;
  } else {
    if (!fromFile) return { ok: false, message: `--preset: ${options.preset.path} was not read` };
    experiment = structuredClone(fromFile);
    source = basename(options.preset.path);
  }
  if (options.reps !== undefined) experiment.repetitions = options.reps;
  const errors = Object.entries(fieldErrors(experiment, env));
  if (errors.length > 0) {
    return { ok: false, message: `${source}: ${errors.map(([field, msg]) => `${field}: ${msg}`).join('; ')}` };
  }
  return { ok: true, experiment };
}

/** Why the finished run is a failure (exit 1), or undefined when it is complete and correct. */
export function runProblem(status: string, error: string | undefined, record: RunRecord | null): string | undefined {
  if (status !== 'complete') return `the run ended ${status}${error ? `: ${error}` : ''}`;
  if (!record) return 'the run completed but the page returned no record';
  const wrong = record.repetitions.filter((r) => !r.sample.correct);
  if (wrong.length > 0) {
    const first = wrong[0];
    const why = (first.sample as { message?: string }).message;
    return (
      `${wrong.length} of ${record.repetitions.length} samples have a digest that differs from the sequential reference ` +
      `(first: point ${first.pointIndex}, ${first.role}, repetition ${first.repetition}${why ? `: ${why}` : ''})`
    );
  }
  return undefined;
}

/** Writes the record (and its trace, when asked); returns the paths written. */
function writeOutputs(options: ExperimentOptions, record: RunRecord): string[] {
  const written = writeRunFiles(options.out, record);
  const trace = options.trace !== undefined ? runTrace(record) : null;
  if (options.trace !== undefined && trace) {
    writeFileSync(options.trace, traceJson(trace));
    written.push(options.trace);
  }
  return written;
}

interface PageRunResult {
  status: string;
  error?: string;
  record: RunRecord | null;
}

interface PlaygroundHandle {
  env: PageEnv;
  run(experiment: ExperimentConfig): Promise<PageRunResult>;
}

/** Reads the page's progress bar (the same one a person sees); undefined while there is none. */
async function readProgress(page: Page): Promise<string | undefined> {
  const read = page.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('[data-testid="progress"] progress');
    const text = document.querySelector('[data-testid="progress"] .text')?.textContent ?? '';
    return bar ? { done: bar.value, total: bar.max, text: text.replace(/\s+/g, ' ').trim() } : undefined;
  });
  // A main-thread strategy blocks the page: never let a progress read hold anything up.
  const giveUp = new AbortController();
  const p = await Promise.race([read.catch(() => undefined), delay(1000, undefined, { signal: giveUp.signal }).catch(() => undefined)]);
  giveUp.abort();
  if (!p) return undefined;
  return p.text || undefined;
}

/** Reads and checks `--preset FILE` (undefined for a lesson preset), or says what is wrong with it. */
function readPresetFile(options: ExperimentOptions): { ok: true; experiment?: ExperimentConfig } | { ok: false; message: string } {
  if (options.preset.kind !== 'config') return { ok: true };
  const path = options.preset.path;
  let text: string;
  try {
    if (!statSync(path).isFile()) return { ok: false, message: `--preset: cannot read ${path}: not a file` };
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: `--preset: cannot read ${path}${code ? ` (${code})` : ''}` };
  }
  const config = parseExperimentConfigText(text, path);
  return config.ok ? { ok: true, experiment: config.experiment } : { ok: false, message: `--preset: ${config.message}` };
}

/** Why an output path cannot be written (its directory is missing), before anything runs. */
function outputDirProblem(options: ExperimentOptions): string | undefined {
  for (const [flag, path] of [['--out', options.out], ['--trace', options.trace]] as const) {
    if (path === undefined) continue;
    const dir = dirname(resolve(path));
    try {
      if (!statSync(dir).isDirectory()) return `${flag}: ${dir} is not a directory`;
    } catch {
      return `${flag}: the directory ${dir} does not exist`;
    }
  }
  return undefined;
}

/** Runs the experiment through the page's Run path, printing its progress bar's line as it changes (at least every 15 s). */
async function runWithProgress(
  page: Page,
  experiment: ExperimentConfig,
  say: (line: string) => void,
  elapsed: (ms: number) => string,
): Promise<PageRunResult> {
  const started = Date.now();
  let lastLine = '';
  let lastPrinted = 0;
  const ticker = setInterval(() => {
    void readProgress(page).then((progress) => {
      const line = progress ?? 'running…';
      const now = Date.now();
      if (line !== lastLine || now - lastPrinted >= 15_000) {
        say(`${line} (${elapsed(now - started)} elapsed)`);
        lastLine = line;
        lastPrinted = now;
      }
    });
  }, 3000);
  try {
    const result = await page.evaluate((exp) => (window as unknown as { __playground: PlaygroundHandle }).__playground.run(exp), experiment);
    say(`the run ended ${result.status} after ${elapsed(Date.now() - started)}`);
    return result;
  } finally {
    clearInterval(ticker);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (wantsKernelRun(argv)) return runKernelExperiment(argv);
  if (wantsDataRun(argv)) return runDataExperiment(argv);
  const parsed = parseExperimentArgs(argv, LESSONS.map((l) => l.id));
  if (!parsed.ok) {
    process.stderr.write(`${TOOL}: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n\n${DATA_USAGE}\n\n${KERNEL_USAGE}\n`);
    return 0;
  }
  const options = parsed.options;
  const bad = (message: string) => {
    process.stderr.write(`${TOOL}: ${message}\n`);
    return 2;
  };
  const preset = readPresetFile(options);
  if (!preset.ok) return bad(preset.message);
  const dirProblem = outputDirProblem(options);
  if (dirProblem) return bad(dirProblem);

  // Loaded here, not at the top: the pure functions above are unit-tested without a browser stack.
  const { formatElapsed, log, Teardown } = await import('./bench/session');
  let cancelInPage: (() => void) | undefined;
  const teardown = new Teardown(TOOL, () => {
    log(TOOL, 'interrupted: cancelling the run (Ctrl-C again to stop at once)');
    cancelInPage?.();
  });
  try {
    const page = await openPlaygroundPage(TOOL, teardown);
    if (!page) return 130;
    const env = await page.evaluate(() => (window as unknown as { __playground: PlaygroundHandle }).__playground.env);
    const built = buildExperiment(options, env, preset.experiment);
    if (!built.ok) return bad(`--preset: ${built.message}`);
    if (teardown.interrupted) return 130;

    const what = options.preset.kind === 'lesson' ? `lesson ${options.preset.id} (${options.budget})` : basename(options.preset.path);
    const reps = built.experiment.repetitions;
    log(TOOL, `running ${what}: ${reps} repetition${reps === 1 ? '' : 's'} per point on ${env.hardwareConcurrency} cores (crossOriginIsolated ${env.crossOriginIsolated})`);
    cancelInPage = () => void page.click('[data-testid="progress-cancel"]', { timeout: 2000 }).catch(() => {});
    const result = await runWithProgress(page, built.experiment, (line) => log(TOOL, line), formatElapsed);
    if (result.record) {
      for (const path of writeOutputs(options, result.record)) log(TOOL, `wrote ${path}`);
      if (options.share) process.stdout.write(`${shareLink(SHARE_APP_URL, shareOfRun(result.record))}\n`);
    }
    if (teardown.interrupted) return 130;
    const problem = runProblem(result.status, result.error, result.record);
    if (problem) {
      log(TOOL, problem);
      return 1;
    }
    return 0;
  } catch (err) {
    log(TOOL, errorText(err));
    return teardown.interrupted ? 130 : 1;
  } finally {
    await teardown.run();
  }
}

runIfEntryPoint(TOOL, import.meta.url, main);
