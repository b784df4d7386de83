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
import { openPlaygroundPage } from './playground-page';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as v from 'valibot';
import { DEFAULT_EXPERIMENT, DEFAULT_RUN_CONFIG, fieldErrors, MAX_REPETITIONS } from '../core/model/config';
import { samplesCsv, summaryCsv } from '../core/io/csv';
import { shareLink, shareOfRun } from '../core/io/share-link';
import { runTrace, traceJson } from '../core/io/trace-events';
import { EXPORT_FORMAT, exportJson, locateJsonError } from '../core/io/json-io';
import { ExperimentSchema, formatIssues, type RunRecord } from '../core/io/run-record';
import type { ExperimentConfig } from '../core/model/types';
import { LESSONS, lessonById, type Budget } from '../lessons';

const TOOL = 'experiment';

/** Lists ids comma-separated in lines of at most `width` characters, indented by `indent`. */
function wrapIds(ids: readonly string[], indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const id of ids) {
    const next = line ? `${line}, ${id}` : id;
    if (indent + next.length > width && line) {
      lines.push(`${line},`);
      line = id;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

/** The address `npm start` serves the app at: where a printed share link points. */
export const SHARE_APP_URL = 'http://localhost:4173/';

export const USAGE = `usage: npm run experiment -- --preset <lesson-id | config.json> [--quick | --thorough] [--reps N] --out <file.csv | file.json>
                      [--trace <trace.json>] [--share]

Runs one experiment in headless Chromium on the built app (built first when dist/ is
missing or stale), exactly as the Run button does, and writes its samples.

  --preset ID|FILE  a lesson id:
${wrapIds(LESSONS.map((l) => l.id), 20, 92)}
                    or a .json file holding an experiment config: {"base": {…RunConfig fields…},
                    "sweep": [{"param": "workers", "values": [1, 2]}], "warmups": 1, "repetitions": 5};
                    base fields left out take the playground's defaults
  --quick           the lesson's quick budget (default)
  --thorough        the lesson's thorough budget (more points and repetitions)
  --reps N          measured repetitions per point, an integer 1…${MAX_REPETITIONS} (overrides the preset)
  --out FILE        .csv: one row per sample (the UI's CSV export) plus FILE.summary.csv;
                    .json: the UI's JSON export of the run
  --trace FILE      also write a Chrome trace (.json) of one measured repetition per point,
                    the History view's "Download trace": open it in ui.perfetto.dev or DevTools
  --share           print the run's share link (the History view's "Copy share link") on stdout,
                    addressed to ${SHARE_APP_URL} (npm start); swap the address for your host's
  -h, --help        this text

Exit status: 0 complete and every digest correct; 1 failed, cancelled or a wrong digest;
2 bad arguments; 130 interrupted.`;

/** What the command line asks for. */
export interface ExperimentOptions {
  preset: { kind: 'lesson'; id: string } | { kind: 'config'; path: string };
  budget: Budget;
  /** --quick or --thorough was given explicitly. */
  budgetGiven: boolean;
  reps?: number;
  out: string;
  format: 'csv' | 'json';
  /** Where to write the Chrome trace, when asked for. */
  trace?: string;
  /** Print the share link on stdout. */
  share?: boolean;
}

export type ArgsResult = { ok: true; help: true } | { ok: true; help?: false; options: ExperimentOptions } | { ok: false; message: string };

const VALUE_FLAGS = ['--preset', '--reps', '--out', '--trace'] as const;
const SWITCHES = ['--quick', '--thorough', '--share', '--help', '-h'] as const;

/** A preset value names a config file when it looks like a path; otherwise it is a lesson id. */
function looksLikePath(value: string): boolean {
  return /\.json$/i.test(value) || value.includes('/') || value.includes('\\');
}

/**
 * Parses the command line (without node and the script). Pure: the lesson ids are passed in,
 * nothing is read. Every refusal names the argument and what it allows.
 */
export function parseExperimentArgs(argv: readonly string[], lessonIds: readonly string[]): ArgsResult {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      if (value === undefined || value === '') return { ok: false, message: `${name} needs a value` };
      if (values.has(name)) return { ok: false, message: `${name} is given twice` };
      values.set(name, value);
    } else if ((SWITCHES as readonly string[]).includes(name)) {
      if (eq > 0) return { ok: false, message: `${name} takes no value (got "${arg}")` };
      switches.add(name === '-h' ? '--help' : name);
    } else if (arg.startsWith('-')) {
      return { ok: false, message: `unknown option ${name}` };
    } else {
      return { ok: false, message: `unexpected argument "${arg}" (give the preset with --preset)` };
    }
  }
  if (switches.has('--help')) return { ok: true, help: true };

  if (switches.has('--quick') && switches.has('--thorough')) {
    return { ok: false, message: '--quick and --thorough cannot be used together: pick one budget' };
  }
  const presetValue = values.get('--preset');
  if (presetValue === undefined) return { ok: false, message: '--preset is required: a lesson id or a config .json file' };
  let preset: ExperimentOptions['preset'];
  if (looksLikePath(presetValue)) {
    preset = { kind: 'config', path: presetValue };
  } else if (lessonIds.includes(presetValue)) {
    preset = { kind: 'lesson', id: presetValue };
  } else {
    return {
      ok: false,
      message: `--preset: unknown lesson id "${presetValue}"; valid ids: ${lessonIds.join(', ')} (or a path to a config .json)`,
    };
  }
  const budgetGiven = switches.has('--quick') || switches.has('--thorough');
  if (preset.kind === 'config' && budgetGiven) {
    const flag = switches.has('--quick') ? '--quick' : '--thorough';
    return { ok: false, message: `${flag} applies to lesson presets only: a config .json sets its own points (use --reps for repetitions)` };
  }

  let reps: number | undefined;
  const repsText = values.get('--reps');
  if (repsText !== undefined) {
    reps = /^\d+$/.test(repsText) ? Number(repsText) : NaN;
    if (!(Number.isInteger(reps) && reps >= 1 && reps <= MAX_REPETITIONS)) {
      return { ok: false, message: `--reps must be an integer from 1 to ${MAX_REPETITIONS} (got "${repsText}")` };
    }
  }

  const out = values.get('--out');
  if (out === undefined) return { ok: false, message: '--out is required: the .csv or .json file to write' };
  const ext = extname(out).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') return { ok: false, message: `--out must end in .csv or .json (got "${out}")` };

  const options: ExperimentOptions = {
    preset,
    budget: switches.has('--thorough') ? 'thorough' : 'quick',
    budgetGiven,
    out,
    format: ext === '.csv' ? 'csv' : 'json',
  };
  if (reps !== undefined) options.reps = reps;
  if (switches.has('--share')) options.share = true;
  const trace = values.get('--trace');
  if (trace !== undefined) {
    if (extname(trace).toLowerCase() !== '.json') return { ok: false, message: `--trace must end in .json (got "${trace}")` };
    if (resolve(trace) === resolve(out)) return { ok: false, message: `--trace must name another file than --out (both are "${out}")` };
    options.trace = trace;
  }
  return { ok: true, options };
}

/**
 * Reads an experiment config from JSON text. Pure. Base fields left out (or the whole
 * base) take the playground's defaults (DEFAULT_RUN_CONFIG), `sweep` defaults to none and warmups /
 * repetitions to the playground's; anything else must match the stored-record schema
 * exactly. Refusals name the JSON problem (line and column) or the field.
 */
export function parseExperimentConfigText(text: string, name: string): { ok: true; experiment: ExperimentConfig } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const where = locateJsonError(text);
    if (where) {
      const before = text.slice(0, where.at);
      const line = before.split('\n').length;
      const column = where.at - before.lastIndexOf('\n');
      return { ok: false, message: `${name}: not valid JSON at line ${line}, column ${column}: ${where.problem}` };
    }
    return { ok: false, message: `${name}: not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return { ok: false, message: `${name}: expected an object with an experiment config ({"base": {…}, "sweep": […], …}), got ${kind}` };
  }
  const obj = value as Record<string, unknown>;
  if (obj.format === EXPORT_FORMAT) {
    return { ok: false, message: `${name}: this is a runs export, not an experiment config (take "experiment" from one of its runs)` };
  }
  const base = obj.base;
  const filled = {
    sweep: [],
    warmups: DEFAULT_EXPERIMENT.warmups,
    repetitions: DEFAULT_EXPERIMENT.repetitions,
    ...obj,
    base: base === undefined ? { ...DEFAULT_RUN_CONFIG } : typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...DEFAULT_RUN_CONFIG, ...base } : base,
  };
  const parsed = v.safeParse(ExperimentSchema, filled);
  if (!parsed.success) {
    return { ok: false, message: `${name}: not an experiment config: ${formatIssues(parsed.issues, [], 5).join('; ')}` };
  }
  return { ok: true, experiment: parsed.output };
}

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

/** `<dir>/<name>.summary.csv` beside `<dir>/<name>.csv`. */
export function summaryPathOf(csvPath: string): string {
  return join(dirname(csvPath), `${basename(csvPath, extname(csvPath))}.summary.csv`);
}

/** Writes the record with the UI's serialisers; returns the paths written. */
function writeOutputs(options: ExperimentOptions, record: RunRecord): string[] {
  const written: string[] = [];
  if (options.format === 'json') {
    writeFileSync(options.out, exportJson([record]));
    written.push(options.out);
  } else {
    const summary = summaryPathOf(options.out);
    writeFileSync(options.out, samplesCsv([record]));
    writeFileSync(summary, summaryCsv([record]));
    written.push(options.out, summary);
  }
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
async function readProgress(page: import('playwright').Page): Promise<string | undefined> {
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

async function main(argv: readonly string[]): Promise<number> {
  if (wantsDataRun(argv)) return runDataExperiment(argv);
  const parsed = parseExperimentArgs(argv, LESSONS.map((l) => l.id));
  if (!parsed.ok) {
    process.stderr.write(`${TOOL}: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n\n${DATA_USAGE}\n`);
    return 0;
  }
  const options = parsed.options;
  const bad = (message: string) => {
    process.stderr.write(`${TOOL}: ${message}\n`);
    return 2;
  };

  let fromFile: ExperimentConfig | undefined;
  if (options.preset.kind === 'config') {
    const path = options.preset.path;
    let text: string;
    try {
      if (!statSync(path).isFile()) return bad(`--preset: cannot read ${path}: not a file`);
      text = readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return bad(`--preset: cannot read ${path}${code ? ` (${code})` : ''}`);
    }
    const config = parseExperimentConfigText(text, path);
    if (!config.ok) return bad(`--preset: ${config.message}`);
    fromFile = config.experiment;
  }
  for (const [flag, path] of [['--out', options.out], ['--trace', options.trace]] as const) {
    if (path === undefined) continue;
    const dir = dirname(resolve(path));
    try {
      if (!statSync(dir).isDirectory()) return bad(`${flag}: ${dir} is not a directory`);
    } catch {
      return bad(`${flag}: the directory ${dir} does not exist`);
    }
  }

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
    const built = buildExperiment(options, env, fromFile);
    if (!built.ok) return bad(`--preset: ${built.message}`);
    if (teardown.interrupted) return 130;

    const what = options.preset.kind === 'lesson' ? `lesson ${options.preset.id} (${options.budget})` : basename(options.preset.path);
    log(TOOL, `running ${what}: ${built.experiment.repetitions} repetition${built.experiment.repetitions === 1 ? "" : "s"} per point on ${env.hardwareConcurrency} cores (crossOriginIsolated ${env.crossOriginIsolated})`);
    cancelInPage = () => void page.click('[data-testid="progress-cancel"]', { timeout: 2000 }).catch(() => {});
    const started = Date.now();
    let lastLine = '';
    let lastPrinted = 0;
    const ticker = setInterval(() => {
      void readProgress(page).then((progress) => {
        const line = progress ?? 'running…';
        const now = Date.now();
        if (line !== lastLine || now - lastPrinted >= 15_000) {
          log(TOOL, `${line} (${formatElapsed(now - started)} elapsed)`);
          lastLine = line;
          lastPrinted = now;
        }
      });
    }, 3000);
    let result: PageRunResult;
    try {
      result = await page.evaluate(
        (experiment) => (window as unknown as { __playground: PlaygroundHandle }).__playground.run(experiment),
        built.experiment,
      );
    } finally {
      clearInterval(ticker);
    }
    log(TOOL, `the run ended ${result.status} after ${formatElapsed(Date.now() - started)}`);

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
    log(TOOL, err instanceof Error ? err.message : String(err));
    return teardown.interrupted ? 130 : 1;
  } finally {
    await teardown.run();
  }
}

runIfEntryPoint(TOOL, import.meta.url, main);
