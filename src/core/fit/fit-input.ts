/**
 * "Analyse your own numbers": scaling data measured anywhere else (a CSV of worker count
 * against throughput or time) → the same fits the playground applies to its own runs.
 *
 *   text → parseScalingCsv → ScalingTable → analyseScaling → ScalingAnalysis → fittedCsv
 *
 * Pure: no DOM, no Node APIs. Every formula lives in ./stats; this module only reads the
 * file, takes medians over repetitions, forms speedups and calls the fits. Expected
 * failures are values ({ok: false, code, message, line, column}); the fits' refusals
 * (StatsError) become {error} entries of the analysis, never exceptions.
 */

import Papa from 'papaparse';
import { formatNumber } from '../io/csv';
import { formatBytes } from '../view/format';
import {
  StatsError,
  amdahlSpeedup,
  fitAmdahlThroughput,
  fitUsl,
  karpFlatt,
  medianSorted,
  sortAscending,
  uslThroughput,
  type UslFit,
} from '../stats';

// ---------------------------------------------------------------------------------------
// Limits and column names

/** Largest file accepted, in UTF-8 bytes: 5 MiB. Check File.size against it before reading. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most data rows accepted (header, blank and comment lines not counted). */
export const MAX_DATA_ROWS = 10_000;
/** Fewest distinct worker counts: the USL has three parameters (σ, κ, λ). */
export const MIN_DISTINCT_N = 3;
/** The delimiters tried, in papaparse's order of preference. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Accepted header names (case-insensitive, trimmed), the canonical name first. */
export const COLUMN_ALIASES = {
  n: ['n', 'workers', 'threads', 'cores', 'processes'],
  throughput: ['throughput', 'rate', 'x'],
  time_ms: ['time_ms', 'time', 'ms', 'elapsed_ms'],
} as const;

// ---------------------------------------------------------------------------------------
// Types

/** What the measure column holds. */
export type ScalingMeasure = 'throughput' | 'time_ms';
/** A delimiter the parser recognises. */
export type ScalingDelimiter = (typeof DELIMITERS)[number];

/** A column of the file: its header text as written and its 1-based position. */
export interface ColumnRef {
  name: string;
  index: number;
}

/** One data row; `line` is 1-based, as an editor shows it. */
export interface ScalingRow {
  line: number;
  n: number;
  throughput?: number;
  timeMs?: number;
}

/** A file that parsed: its rows and how it was read. */
export interface ScalingTable {
  ok: true;
  rows: ScalingRow[];
  measure: ScalingMeasure;
  delimiter: ScalingDelimiter;
  /** The columns used. */
  columns: { n: ColumnRef; measure: ColumnRef };
  /** Things the reader decided that the user should know (e.g. which column it used). */
  notes: string[];
}

/** Why a file was refused. */
export type ScalingInputErrorCode =
  | 'too-large'
  | 'too-many-rows'
  | 'no-header'
  | 'missing-column'
  | 'ambiguous-column'
  | 'field-count'
  | 'bad-quotes'
  | 'empty-cell'
  | 'not-a-number'
  | 'negative-value'
  | 'bad-worker-count'
  | 'zero-time'
  | 'too-few-points';

/** A refused file: `message` names the line and column when there is one. */
export interface ScalingInputError {
  ok: false;
  code: ScalingInputErrorCode;
  message: string;
  /** 1-based line in the file. */
  line?: number;
  column?: ColumnRef;
}

export type ScalingParseResult = ScalingTable | ScalingInputError;

/** One worker count: the median of its rows. */
export interface AnalysedPoint {
  n: number;
  /** Rows measured at this n (repetitions). */
  repetitions: number;
  /** Median throughput; for time input 1000 / median time_ms, in runs per second. */
  throughput: number;
  /** Median time in ms (time input only). */
  timeMs?: number;
  /** Relative to the smallest n: T(n_min)/T(n) or X(n)/X(n_min); absent when X(n_min) is 0. */
  speedup?: number;
}

/** A fit that could not be made, and why. */
export interface FitFailure {
  error: string;
}

/** Amdahl's law fitted to the throughputs, X(n) = λ / ((1 − p) + p/n). */
export interface AmdahlSummary {
  /** Parallel fraction in [0, 1]. */
  p: number;
  /** Fitted throughput at n = 1 (a parameter, not a row of the file). */
  lambda: number;
  /** Highest speedup over n = 1 any load can reach: 1/(1 − p); Infinity when p = 1. */
  ceiling: number;
  /** 1 − SSE/SST on the throughputs (descriptive). */
  r2: number;
  /** Model speedup over n = 1 and throughput (λ × speedup) at each point, in point order. */
  fitted: { n: number; speedup: number; throughput: number }[];
}

/** Karp–Flatt's serial fraction at one worker count. */
export interface KarpFlattPoint {
  n: number;
  speedup: number;
  e: number;
}

/** Everything the fits say about one file. */
export interface ScalingAnalysis {
  measure: ScalingMeasure;
  /** Unit of `throughput`: 'runs/s' for time input, otherwise whatever the file's unit was. */
  throughputUnit: string;
  /** Smallest load n: the baseline of the points' `speedup`. */
  nMin: number;
  /** One per distinct n, ascending. */
  points: AnalysedPoint[];
  amdahl: AmdahlSummary | FitFailure;
  /** Per n ≠ 1, against the measured n = 1 row or else Amdahl's fitted λ (see notes). */
  karpFlatt: KarpFlattPoint[];
  usl: UslFit | FitFailure;
  /** What the numbers mean and what was assumed, in plain sentences. */
  notes: string[];
}

/** Narrows a fit result to its success. */
export function fitSucceeded<T extends object>(fit: T | FitFailure): fit is T {
  return !('error' in fit);
}

// ---------------------------------------------------------------------------------------
// Parsing

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const LINE_BREAK = /\r\n|\r|\n/g;
const COMMENT_LINE = /^[ \t]*#/;

function refuse(
  code: ScalingInputErrorCode,
  message: string,
  line?: number,
  column?: ColumnRef,
): ScalingInputError {
  const where = line === undefined ? '' : column === undefined ? `Line ${line}: ` : `Line ${line}, ${columnText(column)}: `;
  return {
    ok: false,
    code,
    message: where + message,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/** A cell as quoted in a message: JSON escapes show line breaks and tabs; long cells are cut. */
function quoteCell(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function columnText(c: ColumnRef): string {
  return `column ${c.index} (${c.name})`;
}

/** UTF-8 length of a string without allocating (lone surrogates count 3, as TextEncoder writes U+FFFD). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Offsets at which each line starts; a line break is CRLF, CR or LF. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(LINE_BREAK)) starts.push(m.index + m[0].length);
  return starts;
}

/** 1-based line holding character `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Blanks comment lines (first non-blank character `#`) and a leading byte-order mark with
 * spaces of the same length, so papaparse skips them as empty lines while every character
 * keeps its offset (and so its line number). Lines inside a multi-line quoted cell that
 * start with `#` would be blanked too; scaling data has no such cells.
 */
function maskComments(text: string): string {
  const body = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  return body.replace(/[^\r\n]+/g, (line) => (COMMENT_LINE.test(line) ? ' '.repeat(line.length) : line));
}

/** Up to 10 meaningful lines: what papaparse's delimiter guess should look at. */
function guessSample(masked: string): string {
  const lines: string[] = [];
  for (const line of masked.split(LINE_BREAK)) {
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length === 10) break;
  }
  return lines.join('\n');
}

function guessDelimiter(masked: string): ScalingDelimiter {
  const guess = Papa.parse<string[]>(guessSample(masked), {
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy',
    preview: 10,
  });
  const found = DELIMITERS.find((d) => d === guess.meta.delimiter);
  return found ?? ',';
}

function findColumns(header: readonly string[], names: readonly string[]): ColumnRef[] {
  const found: ColumnRef[] = [];
  header.forEach((cell, i) => {
    const name = cell.trim();
    if ((names as readonly string[]).includes(name.toLowerCase())) found.push({ name, index: i + 1 });
  });
  return found;
}

function aliasText(names: readonly string[]): string {
  return `"${names[0]}" (or ${names.slice(1).join(', ')})`;
}

type CellCheck = { ok: true; value: number } | ScalingInputError;

function readNumber(cell: string | undefined, fields: number, line: number, column: ColumnRef): CellCheck {
  if (cell === undefined) {
    return refuse(
      'empty-cell',
      `the value is missing: the row ends after ${fields} ${fields === 1 ? 'field' : 'fields'}.`,
      line,
      column,
    );
  }
  const text = cell.trim();
  if (text === '') return refuse('empty-cell', 'the cell is empty.', line, column);
  if (!NUMBER_TEXT.test(text)) {
    const hint = text.includes(',') ? ' Use "." as the decimal separator and no thousands separators.' : '';
    return refuse('not-a-number', `${quoteCell(text)} is not a number.${hint}`, line, column);
  }
  return { ok: true, value: Number(text) };
}

/**
 * n is any finite load > 0: a worker count, or a load measured as average active sessions or
 * utilisation, which is fractional and often below 1.
 */
function readWorkers(cell: string | undefined, fields: number, line: number, column: ColumnRef): CellCheck {
  const read = readNumber(cell, fields, line, column);
  if (!read.ok) return read;
  if (!Number.isFinite(read.value) || read.value <= 0) {
    return refuse(
      'bad-worker-count',
      `${quoteCell((cell ?? '').trim())} is not a load: n must be > 0 (a worker count such as 4, or an average load such as 0.5).`,
      line,
      column,
    );
  }
  return read;
}

function readMeasure(
  cell: string | undefined,
  fields: number,
  line: number,
  column: ColumnRef,
  measure: ScalingMeasure,
): CellCheck {
  const read = readNumber(cell, fields, line, column);
  if (!read.ok) return read;
  const text = (cell ?? '').trim();
  if (measure === 'throughput') {
    if (read.value < 0) return refuse('negative-value', `${quoteCell(text)} is negative: a throughput must be ≥ 0.`, line, column);
    return read;
  }
  if (read.value < 0) return refuse('negative-value', `${quoteCell(text)} is negative: a time must be > 0 ms.`, line, column);
  if (read.value === 0) {
    return refuse(
      'zero-time',
      'a time of 0 ms gives no throughput and no speedup (was the run shorter than the timer can resolve?).',
      line,
      column,
    );
  }
  return read;
}

/** The refusal for a file of `bytes` bytes, or undefined if it is small enough (check File.size before reading). */
export function checkFileSize(bytes: number): ScalingInputError | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  const count = (b: number) => `${b.toLocaleString('en-US')} bytes`;
  return refuse(
    'too-large',
    `The file is ${formatBytes(bytes)} (${count(bytes)}); the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MiB (${count(MAX_FILE_BYTES)}).`,
  );
}

/**
 * Reads a scaling CSV: a header row naming `n` (or workers, threads, cores, processes) and
 * `throughput` (or rate, x) or `time_ms` (or time, ms, elapsed_ms), case-insensitive; other
 * columns are ignored. Delimiter: comma, semicolon, tab or pipe, guessed by papaparse.
 * Blank lines and `#` comment lines are skipped. Repeated n values are repetitions.
 */
export function parseScalingCsv(text: string): ScalingParseResult {
  const tooLarge = checkFileSize(utf8Bytes(text));
  if (tooLarge) return tooLarge;
  const masked = maskComments(text);
  const starts = lineStarts(text);
  const delimiter = guessDelimiter(masked);

  let header: string[] | undefined;
  let headerLine = 0;
  let nCol: ColumnRef | undefined;
  let measureCol: ColumnRef | undefined;
  let measure: ScalingMeasure = 'throughput';
  const notes: string[] = [];
  const rows: ScalingRow[] = [];
  let failure: ScalingInputError | undefined;

  Papa.parse<string[]>(masked, {
    delimiter,
    skipEmptyLines: 'greedy',
    step(result, parser) {
      const fields = result.data;
      // The cursor is just past the row's own line break (none at the end of the file, or
      // when an unclosed quote ran to the end); quoted cells may hold line breaks.
      const cursor = result.meta.cursor;
      const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
      const terminated = !unclosed && cursor > 0 && /[\r\n]/.test(masked[cursor - 1]);
      const endLine = lineAt(starts, cursor) - (terminated ? 1 : 0);
      const inner = fields.reduce((acc, f) => acc + (f.match(LINE_BREAK)?.length ?? 0), 0);
      const line = endLine - inner;
      const stop = (error: ScalingInputError) => {
        failure = error;
        parser.abort();
      };
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const what =
          quoteError.code === 'MissingQuotes'
            ? 'a quoted cell (one that starts with ") never closes.'
            : 'a quoted cell has text after its closing quote; inside quotes, write "" for a quote character.';
        stop(refuse('bad-quotes', what, line));
        return;
      }

      if (header === undefined) {
        header = fields;
        headerLine = line;
        const decided = readHeader(fields, line, delimiter, notes);
        if (!decided.ok) return stop(decided);
        ({ nCol, measureCol, measure } = decided);
        return;
      }
      if (!nCol || !measureCol) return;

      if (rows.length === MAX_DATA_ROWS) {
        return stop(
          refuse(
            'too-many-rows',
            `more than ${MAX_DATA_ROWS.toLocaleString('en-US')} data rows; the limit is ${MAX_DATA_ROWS.toLocaleString('en-US')}.`,
            line,
          ),
        );
      }
      // Cells past the header's width are an error unless empty (a trailing delimiter).
      if (fields.slice(header.length).some((f) => f.trim() !== '')) {
        const hint =
          delimiter === ','
            ? ' A decimal comma? Use "." for decimals, or quote the cell.'
            : ' Is a cell missing its header, or does a cell contain the delimiter?';
        return stop(
          refuse(
            'field-count',
            `the row has ${fields.length} fields but the header (line ${headerLine}) has ${header.length}.${hint}`,
            line,
          ),
        );
      }
      const n = readWorkers(fields[nCol.index - 1], fields.length, line, nCol);
      if (!n.ok) return stop(n);
      const value = readMeasure(fields[measureCol.index - 1], fields.length, line, measureCol, measure);
      if (!value.ok) return stop(value);
      rows.push(measure === 'throughput' ? { line, n: n.value, throughput: value.value } : { line, n: n.value, timeMs: value.value });
    },
  });

  if (failure) return failure;
  if (header === undefined || !nCol || !measureCol) {
    return refuse('no-header', 'The file has no header row: expected a first line such as "n,throughput" or "n,time_ms".');
  }
  const distinct = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  if (distinct.length < MIN_DISTINCT_N) {
    const what =
      rows.length === 0
        ? 'There are no data rows below the header'
        : `Only ${distinct.length} distinct worker ${distinct.length === 1 ? 'count' : 'counts'} (n = ${distinct.join(', ')})`;
    return refuse(
      'too-few-points',
      `${what}: the fits need at least ${MIN_DISTINCT_N} distinct values of n (the USL has three parameters σ, κ, λ).`,
    );
  }
  return { ok: true, rows, measure, delimiter, columns: { n: nCol, measure: measureCol }, notes };
}

type HeaderDecision =
  | { ok: true; nCol: ColumnRef; measureCol: ColumnRef; measure: ScalingMeasure }
  | ScalingInputError;

function readHeader(fields: readonly string[], line: number, delimiter: ScalingDelimiter, notes: string[]): HeaderDecision {
  const found = fields.map((f) => quoteCell(f.trim())).join(', ');
  if (fields.every((f) => NUMBER_TEXT.test(f.trim()))) {
    return refuse(
      'no-header',
      `the first row must be a header naming the columns, such as "n,throughput"; found only numbers (${found}).`,
      line,
    );
  }
  const single = fields.length === 1 ? ' Columns must be separated by a comma, semicolon, tab or pipe (|).' : '';
  const nCols = findColumns(fields, COLUMN_ALIASES.n);
  const xCols = findColumns(fields, COLUMN_ALIASES.throughput);
  const tCols = findColumns(fields, COLUMN_ALIASES.time_ms);
  if (nCols.length === 0) {
    return refuse(
      'missing-column',
      `no worker-count column: expected ${aliasText(COLUMN_ALIASES.n)}; found ${found}.${single}`,
      line,
    );
  }
  if (xCols.length === 0 && tCols.length === 0) {
    return refuse(
      'missing-column',
      `no measure column: expected ${aliasText(COLUMN_ALIASES.throughput)} or ${aliasText(COLUMN_ALIASES.time_ms)}; found ${found}.${single}`,
      line,
    );
  }
  for (const cols of [nCols, xCols.length > 0 ? xCols : tCols]) {
    if (cols.length > 1) {
      return refuse(
        'ambiguous-column',
        `${columnText(cols[0])} and ${columnText(cols[1])} name the same quantity; keep one of them.`,
        line,
        cols[1],
      );
    }
  }
  const measure: ScalingMeasure = xCols.length > 0 ? 'throughput' : 'time_ms';
  const measureCol = measure === 'throughput' ? xCols[0] : tCols[0];
  if (xCols.length > 0 && tCols.length > 0) {
    notes.push(
      `Both a throughput column (${columnText(xCols[0])}) and a time column (${columnText(tCols[0])}) are present: using throughput; the time column is ignored.`,
    );
  }
  if (delimiter !== ',') {
    notes.push(`Read as ${delimiter === '\t' ? 'tab' : delimiter === ';' ? 'semicolon' : 'pipe'}-separated values.`);
  }
  return { ok: true, nCol: nCols[0], measureCol, measure };
}

// ---------------------------------------------------------------------------------------
// Analysis

function round4(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : '∞';
}

function failure(err: unknown): FitFailure {
  if (err instanceof StatsError) return { error: err.message };
  throw err;
}

/**
 * Medians per n, speedups over the smallest n, and the fits: Amdahl and the USL on the
 * throughputs with the one-worker throughput λ fitted (any loads n > 0, no n = 1 row
 * needed), Karp–Flatt per n ≠ 1. Time input becomes throughput 1000 / time_ms (runs per second).
 */
export function analyseScaling(table: ScalingTable): ScalingAnalysis {
  const { measure } = table;
  const notes = [...table.notes];
  const byN = new Map<number, number[]>();
  for (const row of table.rows) {
    const value = measure === 'throughput' ? row.throughput : row.timeMs;
    if (value === undefined) continue;
    const list = byN.get(row.n);
    if (list) list.push(value);
    else byN.set(row.n, [value]);
  }
  const ns = [...byN.keys()].sort((a, b) => a - b);
  const points: AnalysedPoint[] = ns.map((n) => {
    const values = byN.get(n) ?? [];
    const median = medianSorted(sortAscending(values));
    return measure === 'throughput'
      ? { n, repetitions: values.length, throughput: median }
      : { n, repetitions: values.length, throughput: 1000 / median, timeMs: median };
  });
  const nMin = ns[0];
  const base = points[0];

  const repeated = points.filter((p) => p.repetitions > 1);
  if (repeated.length > 0) {
    const list = repeated.map((p) => `${p.repetitions} at n = ${p.n}`).join(', ');
    notes.push(`Repeated worker counts (${list} rows): each n uses the median of its rows.`);
  }

  // Speedup over the smallest n. For time, T(n_min)/T(n) directly (not via 1000/T).
  const baseline = nMin === 1 ? 'n = 1' : `n_min = ${nMin}, the smallest n in the file`;
  if (measure === 'time_ms') {
    notes.push('Throughput is 1000 / time_ms: runs per second.');
    for (const p of points) p.speedup = (base.timeMs as number) / (p.timeMs as number);
    notes.push(`Speedup is T(${nMin}) / T(n): relative to ${baseline}.`);
  } else if (base.throughput > 0) {
    for (const p of points) p.speedup = p.throughput / base.throughput;
    notes.push(`Speedup is X(n) / X(${nMin}): relative to ${baseline}.`);
  } else {
    notes.push(`The throughput at n = ${nMin} is 0, so no speedups over it can be formed.`);
  }
  const one = points.find((p) => p.n === 1);
  if (!one) {
    notes.push(
      `There is no measurement at n = 1: the one-worker throughput λ is a fitted parameter of Amdahl's law and of the USL, never read off a row.`,
    );
  }

  // Amdahl (fitAmdahlThroughput) on the throughputs, λ = X(1) fitted, so any loads n > 0 will do.
  let amdahl: AmdahlSummary | FitFailure;
  try {
    const fit = fitAmdahlThroughput(points.map((p) => ({ n: p.n, throughput: p.throughput })));
    amdahl = {
      p: fit.p,
      lambda: fit.lambda,
      ceiling: fit.ceiling,
      r2: fit.r2,
      fitted: points.map((p, i) => ({ n: p.n, speedup: amdahlSpeedup(fit.p, p.n), throughput: fit.fitted[i] })),
    };
  } catch (err) {
    amdahl = failure(err);
  }

  const superlinear = points.filter((p) => p.speedup !== undefined && p.speedup > p.n / nMin);
  if (superlinear.length > 0) {
    const list = superlinear.map((p) => `${round4(p.speedup as number)}× at n = ${p.n}`).join(', ');
    notes.push(
      `Superlinear speedup (${list}): more than the added workers allow under Amdahl's law, so p is pushed towards 1` +
        (one ? " and Karp–Flatt's e is negative there" : '') +
        '. Usually a cache effect, or the parallel version does less work (a different algorithm).',
    );
  }

  // Karp–Flatt (karpFlatt) needs S(n) = X(n) / X(1): the measured n = 1 row when there is one,
  // otherwise Amdahl's fitted λ (Karp–Flatt's e is Amdahl's serial fraction, so its λ is the consistent one).
  const karp: KarpFlattPoint[] = [];
  const x1 = one ? one.throughput : fitSucceeded(amdahl) ? amdahl.lambda : undefined;
  if (x1 !== undefined && x1 > 0) {
    if (!one) notes.push(`Karp–Flatt's speedups are X(n) / λ, with λ = ${round4(x1)} fitted by Amdahl's law.`);
    for (const p of points) {
      if (p.n === 1) continue;
      const s = p.throughput / x1;
      if (s === 0) {
        notes.push(`Karp–Flatt skips n = ${p.n}: its throughput is 0.`);
        continue;
      }
      // For time input the throughput is 1000 / time, so with a measured n = 1 this is T(1) / T(n) exactly.
      const speedup = one && measure === 'time_ms' ? (one.timeMs as number) / (p.timeMs as number) : s;
      karp.push({ n: p.n, speedup, e: karpFlatt(speedup, p.n) as number });
    }
  } else {
    notes.push('Karp–Flatt is not computed: there is no positive throughput at n = 1, measured or fitted.');
  }

  let usl: UslFit | FitFailure;
  try {
    usl = fitUsl(points.map((p) => ({ n: p.n, throughput: p.throughput })));
  } catch (err) {
    usl = failure(err);
  }

  return {
    measure,
    throughputUnit: measure === 'time_ms' ? 'runs/s' : 'as in the file',
    nMin,
    points,
    amdahl,
    karpFlatt: karp,
    usl,
    notes,
  };
}

// ---------------------------------------------------------------------------------------
// Export and chart curves

/** Columns of fittedCsv, in order. */
export const FITTED_CSV_COLUMNS = ['n', 'measured', 'amdahl_fitted', 'usl_fitted', 'karp_flatt'] as const;

/**
 * The analysis as CSV (RFC 4180: comma, CRLF after every row, '.' decimals, shortest
 * round-trip digits): one row per n; `measured`, `amdahl_fitted` and `usl_fitted` are
 * throughputs (runs/s for time input; Amdahl's as λ × fitted speedup); `karp_flatt`
 * is e; a value that does not apply is an empty cell.
 */
export function fittedCsv(analysis: ScalingAnalysis): string {
  const amdahl = fitSucceeded(analysis.amdahl) ? analysis.amdahl : undefined;
  const usl = fitSucceeded(analysis.usl) ? analysis.usl : undefined;
  const karp = new Map(analysis.karpFlatt.map((k) => [k.n, k.e]));
  const cell = (x: number | undefined) => (x === undefined ? '' : formatNumber(x));
  const lines = [FITTED_CSV_COLUMNS.join(',')];
  analysis.points.forEach((p, i) => {
    lines.push(
      [cell(p.n), cell(p.throughput), cell(amdahl?.fitted[i].throughput), cell(usl?.fitted[i]), cell(karp.get(p.n))].join(','),
    );
  });
  return lines.map((l) => `${l}\r\n`).join('');
}

/** A point of the fitted curves, for drawing. */
export interface FitCurvePoint {
  n: number;
  amdahl?: number;
  usl?: number;
}

/**
 * The fitted models as throughput at `samples` evenly spaced n from n_min to n_max (plus
 * every measured n), for a smooth chart line.
 */
export function fitCurves(analysis: ScalingAnalysis, samples = 120): FitCurvePoint[] {
  const { nMin } = analysis;
  const nMax = analysis.points[analysis.points.length - 1].n;
  const xs = new Set(analysis.points.map((p) => p.n));
  for (let i = 0; i <= samples; i++) xs.add(nMin + ((nMax - nMin) * i) / samples);
  const amdahl = fitSucceeded(analysis.amdahl) ? analysis.amdahl : undefined;
  const usl = fitSucceeded(analysis.usl) ? analysis.usl : undefined;
  return [...xs]
    .sort((a, b) => a - b)
    .map((n) => ({
      n,
      ...(amdahl ? { amdahl: amdahl.lambda * amdahlSpeedup(amdahl.p, n) } : {}),
      ...(usl ? { usl: uslThroughput(usl, n) } : {}),
    }));
}
