/**
 * The experiment command's line: its usage text, the parser of its arguments and of a
 * config file's text. Pure (no browser), so all of it is unit-tested.
 */

import * as v from 'valibot';
import { DEFAULT_EXPERIMENT, DEFAULT_RUN_CONFIG, MAX_REPETITIONS } from '../core/model/config';
import { EXPORT_FORMAT } from '../core/io/json-io';
import { locateJsonError } from '../core/io/json-text';
import { ExperimentSchema, formatIssues } from '../core/io/run-record';
import type { ExperimentConfig } from '../core/model/types';
import { extname, resolve } from 'node:path';
import { LESSONS, type Budget } from '../lessons';
import { errorText } from '../core/view/format';

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
    return { ok: false, message: `${name}: not valid JSON: ${errorText(err)}` };
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
