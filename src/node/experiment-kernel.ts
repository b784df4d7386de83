/**
 * `npm run experiment -- --kernel FILE.js [--data FILE] [--answer PATH.json] …`
 *
 * Runs a person's kernel module in headless Chromium on the built app, through the page's
 * `__playground.runKernel` (the same state and engine as the kernel view): sequentially in
 * one worker and on a pool, over the built-in records or a data file (set on a file input,
 * so the workers read slices of it from disk). Writes finish()'s output, as canonical
 * JSON, to --answer. Exit status: 0 the parallel answer equals the sequential one; 1 it
 * does not, the kernel failed (its message and line are printed), the file has a problem
 * or the browser could not run; 2 bad arguments.
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { DATA_FILE_SHIPPINGS, FORMATS, SCHEDULINGS, SHIPPINGS, type Format, type Scheduling, type Shipping } from '../core/model/types';
import { DEFAULT_KERNEL_SPEC, type KernelRunRequest, type KernelRunResponse } from '../core/kernel';
import { USER_FORMATS, type UserFormat } from '../core/userdata';
import { MAX_RECORDS } from '../core/workloads';
import { openPlaygroundPage } from './playground-page';
import { writeRunFiles } from './run-files';
import { errorText } from '../core/view/format';

const TOOL = 'experiment';

export const KERNEL_USAGE = `usage: npm run experiment -- --kernel FILE.js [--data FILE [--data-format csv|tsv|ndjson]] [--answer PATH.json] [--out FILE.csv|FILE.json]
                              [--workers N] [--shipping S] [--scheduling static|dynamic] [--reps N] [--records N] [--format fixed|varlen|csv]

  --kernel FILE.js   a module exporting init(), record(acc, rec), merge(a, b) and finish(acc)
  --data FILE        run over a CSV, TSV or NDJSON file (records: objects of its columns); default: the built-in records
  --data-format F    csv, tsv or ndjson (default: from the extension)
  --answer PATH.json write finish()'s output of the sequential pass, as canonical JSON
  --out FILE         the run as History's exports write it: .csv the samples (+ FILE.summary.csv), .json the JSON export
  --workers N        workers of the parallel pass, 1…64 (default 2)
  --shipping S       built-in records: copy, transfer (default), shared, generate-in-worker; a file: file-slice (default), shared
  --scheduling S     static (default: one chunk per worker) or dynamic (4 chunks per worker, taken as workers free up)
  --reps N           repetitions, each a sequential and a parallel pass, 1…50 (default 3)
  --records N        built-in records, 0…${MAX_RECORDS} (default ${DEFAULT_KERNEL_SPEC.records})
  --format F         built-in record format: fixed, varlen or csv (default ${DEFAULT_KERNEL_SPEC.format})`;

export interface KernelOptions {
  kernel: string;
  data?: string;
  answer?: string;
  /** Where to write the run: .csv (samples + summary) or .json (History's export). */
  out?: string;
  /** The request without the source (read from the file when run). */
  request: Omit<KernelRunRequest, 'source'>;
}

const VALUE_FLAGS = ['--kernel', '--data', '--data-format', '--answer', '--out', '--workers', '--shipping', '--scheduling', '--reps', '--records', '--format'];
const EXTENSIONS: Record<string, UserFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

/** Whether argv asks for a kernel run. */
export function wantsKernelRun(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--kernel' || a.startsWith('--kernel='));
}

type Parsed = { ok: true; options: KernelOptions } | { ok: false; message: string };

function integerIn(name: string, text: string | undefined, fallback: number, lo: number, hi: number): number | string {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < lo || n > hi) return `${name} must be an integer from ${lo} to ${hi} (got "${text}")`;
  return n;
}

/** Parses kernel-mode arguments; a message names the argument at fault. */
export function parseKernelArgs(argv: readonly string[]): Parsed {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--group-by' || name === '--aggregate') {
      return { ok: false, message: `${name} belongs to the group job; a kernel reads every column itself: use --kernel or --group-by, not both` };
    }
    if (!VALUE_FLAGS.includes(name)) return { ok: false, message: `unknown argument "${arg}" with --kernel\n${KERNEL_USAGE}` };
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') return { ok: false, message: `${name} needs a value` };
    if (values.has(name)) return { ok: false, message: `${name} is given twice` };
    values.set(name, value);
  }
  const kernel = values.get('--kernel')!;
  if (!['.js', '.mjs'].includes(extname(kernel).toLowerCase())) return { ok: false, message: `--kernel must be a JavaScript module ending in .js or .mjs (got "${kernel}")` };
  const data = values.get('--data');
  let dataFormat: UserFormat | null = null;
  if (data !== undefined) {
    const text = values.get('--data-format') ?? EXTENSIONS[extname(data).toLowerCase()];
    if (text === undefined) return { ok: false, message: `--data-format is needed: the extension of ${data} is not .csv, .tsv, .tab, .ndjson or .jsonl` };
    if (!(USER_FORMATS as readonly string[]).includes(text)) return { ok: false, message: `--data-format must be csv, tsv or ndjson (got "${text}")` };
    dataFormat = text as UserFormat;
    for (const flag of ['--records', '--format']) {
      if (values.has(flag)) return { ok: false, message: `${flag} sets the built-in records; with --data the file is the input` };
    }
  } else if (values.has('--data-format')) {
    return { ok: false, message: '--data-format needs --data' };
  }
  const workers = integerIn('--workers', values.get('--workers'), 2, 1, 64);
  const repetitions = integerIn('--reps', values.get('--reps'), 3, 1, 50);
  const records = integerIn('--records', values.get('--records'), DEFAULT_KERNEL_SPEC.records, 0, MAX_RECORDS);
  for (const v of [workers, repetitions, records]) if (typeof v === 'string') return { ok: false, message: v };
  const format = values.get('--format') ?? DEFAULT_KERNEL_SPEC.format;
  if (!(FORMATS as readonly string[]).includes(format)) return { ok: false, message: `--format must be ${FORMATS.join(', ')} (got "${format}")` };
  const allowed = dataFormat ? DATA_FILE_SHIPPINGS : SHIPPINGS;
  const shipping = values.get('--shipping') ?? (dataFormat ? 'file-slice' : 'transfer');
  if (!(allowed as readonly string[]).includes(shipping)) {
    return { ok: false, message: `--shipping must be ${allowed.join(', ')} for ${dataFormat ? 'a data file' : 'the built-in records'} (got "${shipping}")` };
  }
  const scheduling = values.get('--scheduling') ?? 'static';
  if (!(SCHEDULINGS as readonly string[]).includes(scheduling)) return { ok: false, message: `--scheduling must be ${SCHEDULINGS.join(' or ')} (got "${scheduling}")` };
  const answer = values.get('--answer');
  if (answer !== undefined && extname(answer).toLowerCase() !== '.json') return { ok: false, message: `--answer must end in .json for a kernel (got "${answer}")` };
  const out = values.get('--out');
  if (out !== undefined && !['.csv', '.json'].includes(extname(out).toLowerCase())) return { ok: false, message: `--out must end in .csv or .json (got "${out}")` };
  const options: KernelOptions = {
    kernel,
    request: {
      dataFormat,
      spec: { ...DEFAULT_KERNEL_SPEC, records: records as number, format: format as Format },
      workers: workers as number,
      shipping: shipping as Shipping,
      scheduling: scheduling as Scheduling,
      repetitions: repetitions as number,
    },
  };
  if (data !== undefined) options.data = data;
  if (answer !== undefined) options.answer = answer;
  if (out !== undefined) options.out = out;
  return { ok: true, options };
}

function readable(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface KernelHandle {
  runKernel(inputId: string | null, request: KernelRunRequest): Promise<KernelRunResponse>;
}

/** Runs a kernel experiment from argv; returns the exit status. */
export async function runKernelExperiment(argv: readonly string[]): Promise<number> {
  const parsed = parseKernelArgs(argv);
  const { formatElapsed, log, Teardown } = await import('./bench/session');
  if (!parsed.ok) {
    log(TOOL, parsed.message);
    return 2;
  }
  const { options } = parsed;
  if (!readable(resolve(options.kernel))) {
    log(TOOL, `--kernel: cannot read ${options.kernel}`);
    return 2;
  }
  if (options.data !== undefined && !readable(resolve(options.data))) {
    log(TOOL, `--data: cannot read ${options.data}`);
    return 2;
  }
  for (const [flag, path] of [['--answer', options.answer], ['--out', options.out]] as const) {
    if (path !== undefined && !statSync(dirname(resolve(path)), { throwIfNoEntry: false })?.isDirectory()) {
      log(TOOL, `${flag}: the directory of ${path} does not exist`);
      return 2;
    }
  }
  const request: KernelRunRequest = { ...options.request, source: readFileSync(resolve(options.kernel), 'utf8') };
  const teardown = new Teardown(TOOL, () => log(TOOL, 'interrupted'));
  try {
    const page = await openPlaygroundPage(TOOL, teardown);
    if (!page) return 130;
    let inputId: string | null = null;
    if (options.data !== undefined) {
      inputId = 'experiment-kernel-data';
      await page.evaluate((id) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = id;
        input.hidden = true;
        document.body.append(input);
      }, inputId);
      await page.setInputFiles(`#${inputId}`, resolve(options.data));
    }
    const started = Date.now();
    const over = options.data ?? `${request.spec.records} built-in ${request.spec.format} records`;
    log(TOOL, `kernel ${options.kernel} over ${over}: sequential vs ${request.workers} workers, ${request.shipping}, ${request.scheduling}, ${request.repetitions} repetitions`);
    const result = await page.evaluate(
      ({ id, req }) => (window as unknown as { __playground: KernelHandle }).__playground.runKernel(id, req),
      { id: inputId, req: request },
    );
    if (!result.ok) {
      log(TOOL, `${options.kernel}: ${result.message}`);
      return 1;
    }
    log(
      TOOL,
      `${result.records} records; median sequential ${result.sequentialMs.toFixed(1)} ms, parallel ${result.parallelMs.toFixed(1)} ms (${result.chunks} chunks${result.redone ? `, ${result.redone} read again` : ''}; ${formatElapsed(Date.now() - started)} in all)`,
    );
    if (options.answer !== undefined) {
      writeFileSync(options.answer, `${result.answerJson}\n`);
      log(TOOL, `wrote ${options.answer}`);
    }
    if (options.out !== undefined) for (const path of writeRunFiles(options.out, result.record)) log(TOOL, `wrote ${path}`);
    if (!result.correct) {
      log(TOOL, `the parallel answer differs from the sequential one\n  sequential: ${result.answerJson}\n  parallel:   ${result.parallelJson}\n${result.explanation ?? ''}`);
      return 1;
    }
    log(TOOL, `parallel answer = sequential answer (hash ${result.hash})`);
    return 0;
  } catch (err) {
    log(TOOL, errorText(err));
    return teardown.interrupted ? 130 : 1;
  } finally {
    await teardown.run();
  }
}
