/**
 * `npm run experiment -- --data FILE --group-by COLUMN [--aggregate COL[,COL…]] [--answer PATH.csv]
 *   [--data-format csv|tsv|ndjson] [--workers N] [--shipping file-slice|shared] [--reps N] [--out FILE]`
 *
 * Groups a user's data file in headless Chromium on the built app, through the engine's
 * pool (the page's `__playground.runData`): the file is set on a file input, so the page
 * gets a File backed by the disk and every worker reads its own slice. Writes the answer
 * CSV (the key column, count, then <col>_sum, <col>_min, <col>_max; one row per key,
 * sorted by key) and, measured with --reps, the run as History's exports (--out).
 * Exit status: 0 the parallel answer equals the sequential one; 1 it does
 * not, the file has a problem (its line and byte are printed) or the browser could not
 * run; 2 bad arguments.
 */

import { statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { DATA_FILE_SHIPPINGS, type Shipping } from '../core/model/types';
import { formatFromName, USER_FORMATS, type UserFormat } from '../core/userdata';
import type { DataRunRequest, DataRunResponse } from '../core/userdata';
import { MAX_USER_REPETITIONS, STALLED_READ_MS } from '../core/userdata';
import { openPlaygroundPage } from './playground-page';
import { writeRunFiles } from './run-files';
import { errorText } from '../core/view/format';

const TOOL = 'experiment';

/** Repetitions when --out asks for the measured run without --reps. */
const DEFAULT_OUT_REPETITIONS = 5;

export const DATA_USAGE = `usage: npm run experiment -- --data FILE --group-by COLUMN [--aggregate COL[,COL…]] [--answer PATH.csv]
                              [--data-format csv|tsv|ndjson] [--workers N] [--shipping file-slice|shared]
                              [--reps N] [--out FILE.csv|FILE.json]

  --data FILE        a CSV, TSV or NDJSON file with a header (NDJSON: the keys of the first object)
  --data-format F    csv, tsv or ndjson (default: from the extension .csv, .tsv/.tab, .ndjson/.jsonl)
  --group-by COLUMN  the key column
  --aggregate LIST   numeric columns to sum, min and max, comma-separated
  --answer PATH.csv  write the answer: the key column, count, <col>_sum, <col>_min, <col>_max per column
  --workers N        workers in the pool, 1…64 (default 2)
  --shipping S       file-slice (default: each worker reads its own slice of the file) or shared
  --reps N           measure: a warm-up, then N interleaved sequential and parallel passes, 1…${MAX_USER_REPETITIONS}
                     (default: one run; with --out, ${DEFAULT_OUT_REPETITIONS})
  --out FILE         the measured run as History's exports write it: .csv the samples (+ FILE.summary.csv), .json the JSON export`;

/** Parsed data-mode options. */
export interface DataOptions {
  data: string;
  request: DataRunRequest;
  answer?: string;
  out?: string;
}

const VALUE_FLAGS = ['--data', '--data-format', '--group-by', '--aggregate', '--answer', '--workers', '--shipping', '--reps', '--out'];

/** Whether argv asks for a data-file run. */
export function wantsDataRun(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--data' || a.startsWith('--data='));
}

/** Parses data-mode arguments; a message names the argument at fault. */
export function parseDataArgs(argv: readonly string[]): { ok: true; options: DataOptions } | { ok: false; message: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--kernel') return { ok: false, message: '--kernel runs a kernel over the file (npm run experiment -- --kernel FILE.js --data FILE); it does not combine with --group-by / --aggregate' };
    if (!VALUE_FLAGS.includes(name)) return { ok: false, message: `unknown argument "${arg}" with --data\n${DATA_USAGE}` };
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') return { ok: false, message: `${name} needs a value` };
    values.set(name, value);
  }
  const data = values.get('--data')!;
  const formatText = values.get('--data-format') ?? formatFromName(data);
  if (formatText === undefined) {
    return { ok: false, message: `--data-format is needed: the extension of ${data} is not .csv, .tsv, .tab, .ndjson or .jsonl` };
  }
  if (!(USER_FORMATS as readonly string[]).includes(formatText)) {
    return { ok: false, message: `--data-format must be csv, tsv or ndjson (got "${formatText}")` };
  }
  const groupBy = values.get('--group-by');
  if (groupBy === undefined) return { ok: false, message: '--group-by is required with --data: the key column' };
  const aggregate = (values.get('--aggregate') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const workersText = values.get('--workers') ?? '2';
  const workers = Number(workersText);
  if (!/^\d+$/.test(workersText) || workers < 1 || workers > 64) {
    return { ok: false, message: `--workers must be an integer from 1 to 64 (got "${workersText}")` };
  }
  const shipping = (values.get('--shipping') ?? 'file-slice') as Shipping;
  if (!DATA_FILE_SHIPPINGS.includes(shipping)) {
    return { ok: false, message: `--shipping must be ${DATA_FILE_SHIPPINGS.join(' or ')} for a data file (got "${shipping}")` };
  }
  const answer = values.get('--answer');
  if (answer !== undefined && extname(answer).toLowerCase() !== '.csv') {
    return { ok: false, message: `--answer must end in .csv (got "${answer}")` };
  }
  const out = values.get('--out');
  if (out !== undefined && !['.csv', '.json'].includes(extname(out).toLowerCase())) return { ok: false, message: `--out must end in .csv or .json (got "${out}")` };
  const repsText = values.get('--reps');
  const reps = repsText === undefined ? (out !== undefined ? DEFAULT_OUT_REPETITIONS : undefined) : Number(repsText);
  if (repsText !== undefined && (!/^\d+$/.test(repsText) || reps! < 1 || reps! > MAX_USER_REPETITIONS)) {
    return { ok: false, message: `--reps must be an integer from 1 to ${MAX_USER_REPETITIONS} (got "${repsText}")` };
  }
  const options: DataOptions = { data, request: { format: formatText as UserFormat, groupBy, aggregate, workers, shipping } };
  if (reps !== undefined) options.request.repetitions = reps;
  if (answer !== undefined) options.answer = answer;
  if (out !== undefined) options.out = out;
  return { ok: true, options };
}

interface DataHandle {
  runData(inputId: string, request: DataRunRequest): Promise<DataRunResponse>;
}

/** Runs a data-file experiment from argv; returns the exit status. */
export async function runDataExperiment(argv: readonly string[]): Promise<number> {
  const parsed = parseDataArgs(argv);
  const { formatElapsed, log, Teardown } = await import('./bench/session');
  if (!parsed.ok) {
    log(TOOL, parsed.message);
    return 2;
  }
  const { options } = parsed;
  const dataPath = resolve(options.data);
  try {
    if (!statSync(dataPath).isFile()) throw new Error('not a file');
  } catch {
    log(TOOL, `--data: cannot read ${options.data}`);
    return 2;
  }
  for (const [flag, path] of [['--answer', options.answer], ['--out', options.out]] as const) {
    if (path !== undefined && !statSync(dirname(resolve(path)), { throwIfNoEntry: false })?.isDirectory()) {
      log(TOOL, `${flag}: the directory of ${path} does not exist`);
      return 2;
    }
  }
  const teardown = new Teardown(TOOL, () => log(TOOL, 'interrupted'));
  try {
    const page = await openPlaygroundPage(TOOL, teardown);
    if (!page) return 130;
    const inputId = 'experiment-data-file';
    await page.evaluate((id) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = id;
      input.hidden = true;
      document.body.append(input);
    }, inputId);
    await page.setInputFiles(`#${inputId}`, dataPath);
    const started = Date.now();
    const r = options.request;
    const measured = r.repetitions !== undefined ? `, ${r.repetitions} repetitions` : '';
    log(TOOL, `grouping ${options.data} (${r.format}) by "${r.groupBy}" on ${r.workers} workers, ${r.shipping}${measured}`);
    const result = await page.evaluate(
      ({ id, request }) => (window as unknown as { __playground: DataHandle }).__playground.runData(id, request),
      { id: inputId, request: options.request },
    );
    if (!result.ok) {
      log(TOOL, `${options.data}: ${result.message}`);
      return 1;
    }
    log(
      TOOL,
      `${result.records} records, ${result.keys} keys in ${measured ? 'a median of ' : ''}${result.wallMs.toFixed(1)} ms (${result.chunks} chunks, ${result.redone} parsed again; ${formatElapsed(Date.now() - started)} with the reference)`,
    );
    if (result.stalledReads > 0) {
      log(TOOL, `note: the browser stopped delivering the file ${result.stalledReads} time(s) (a window not there after ${STALLED_READ_MS / 1000} s); those bytes were read again (the answer is whole), but the times include the wait`);
    }
    if (options.out !== undefined && result.record) for (const path of writeRunFiles(options.out, result.record)) log(TOOL, `wrote ${path}`);
    if (options.answer !== undefined) {
      writeFileSync(options.answer, result.answerCsv);
      log(TOOL, `wrote ${options.answer}`);
    }
    if (!result.correct) {
      log(TOOL, result.message ?? 'the parallel answer differs from the sequential one');
      return 1;
    }
    log(TOOL, `parallel answer = sequential answer (digest ${result.digest.checksum})`);
    return 0;
  } catch (err) {
    log(TOOL, errorText(err));
    return teardown.interrupted ? 130 : 1;
  } finally {
    await teardown.run();
  }
}
