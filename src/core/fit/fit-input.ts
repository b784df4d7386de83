/**
 * "Analyse your own numbers": scaling data measured anywhere else (a CSV of worker count
 * against throughput or time) → the same fits the playground applies to its own runs.
 *
 *   text → parseScalingCsv (here) → ScalingTable → analyseScaling (fit-analysis.ts)
 *        → ScalingAnalysis → fittedCsv, fitCurves (fit-export.ts)
 *
 * Pure: no DOM, no Node APIs. This module reads the file; the shapes and limits are in
 * scaling-types.ts, the cell and header checks in scaling-cells.ts. Expected failures are
 * values ({ok: false, code, message, line, column}), never exceptions.
 */

import Papa from 'papaparse';
import { formatBytes } from '../view/format';
import { guessDelimiter, lineAt, lineStarts, LINE_BREAK, maskComments, readHeader, readMeasure, readWorkers, refuse, utf8Bytes } from './scaling-cells';
import { MAX_DATA_ROWS, MAX_FILE_BYTES, MIN_DISTINCT_N, type ColumnRef, type ScalingDelimiter, type ScalingInputError, type ScalingMeasure, type ScalingParseResult, type ScalingRow } from './scaling-types';

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
  const read: TableSoFar = { delimiter: guessDelimiter(masked), headerLine: 0, measure: 'throughput', notes: [], rows: [] };
  let failure: ScalingInputError | undefined;

  Papa.parse<string[]>(masked, {
    delimiter: read.delimiter,
    skipEmptyLines: 'greedy',
    step(result, parser) {
      const problem = readRow(read, result, rowLine(result, masked, starts));
      if (problem) {
        failure = problem;
        parser.abort();
      }
    },
  });

  if (failure) return failure;
  return finishTable(read);
}

/** What the rows read so far have established: the header and its columns, and the data rows. */
interface TableSoFar {
  delimiter: ScalingDelimiter;
  header?: string[];
  headerLine: number;
  nCol?: ColumnRef;
  measureCol?: ColumnRef;
  measure: ScalingMeasure;
  notes: string[];
  rows: ScalingRow[];
}

/** The 1-based line a parsed row starts on (quoted cells may hold line breaks). */
function rowLine(result: Papa.ParseStepResult<string[]>, masked: string, starts: readonly number[]): number {
  // The cursor is just past the row's own line break (none at the end of the file, or
  // when an unclosed quote ran to the end).
  const cursor = result.meta.cursor;
  const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
  const terminated = !unclosed && cursor > 0 && /[\r\n]/.test(masked[cursor - 1]);
  const endLine = lineAt(starts, cursor) - (terminated ? 1 : 0);
  const inner = result.data.reduce((acc, f) => acc + (f.match(LINE_BREAK)?.length ?? 0), 0);
  return endLine - inner;
}

/** Reads one parsed row into `read`: the header, or one data row; returns the refusal that stops the file. */
function readRow(read: TableSoFar, result: Papa.ParseStepResult<string[]>, line: number): ScalingInputError | undefined {
  const fields = result.data;
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const what =
      quoteError.code === 'MissingQuotes'
        ? 'a quoted cell (one that starts with ") never closes.'
        : 'a quoted cell has text after its closing quote; inside quotes, write "" for a quote character.';
    return refuse('bad-quotes', what, line);
  }

  if (read.header === undefined) {
    read.header = fields;
    read.headerLine = line;
    const decided = readHeader(fields, line, read.delimiter, read.notes);
    if (!decided.ok) return decided;
    read.nCol = decided.nCol;
    read.measureCol = decided.measureCol;
    read.measure = decided.measure;
    return undefined;
  }
  const { header, nCol, measureCol, measure } = read;
  if (!nCol || !measureCol) return undefined;

  if (read.rows.length === MAX_DATA_ROWS) {
    return refuse(
      'too-many-rows',
      `more than ${MAX_DATA_ROWS.toLocaleString('en-US')} data rows; the limit is ${MAX_DATA_ROWS.toLocaleString('en-US')}.`,
      line,
    );
  }
  // Cells past the header's width are an error unless empty (a trailing delimiter).
  if (fields.slice(header.length).some((f) => f.trim() !== '')) {
    const hint =
      read.delimiter === ','
        ? ' A decimal comma? Use "." for decimals, or quote the cell.'
        : ' Is a cell missing its header, or does a cell contain the delimiter?';
    return refuse(
      'field-count',
      `the row has ${fields.length} fields but the header (line ${read.headerLine}) has ${header.length}.${hint}`,
      line,
    );
  }
  const n = readWorkers(fields[nCol.index - 1], fields.length, line, nCol);
  if (!n.ok) return n;
  const value = readMeasure(fields[measureCol.index - 1], fields.length, line, measureCol, measure);
  if (!value.ok) return value;
  read.rows.push(measure === 'throughput' ? { line, n: n.value, throughput: value.value } : { line, n: n.value, timeMs: value.value });
  return undefined;
}

/** The table, once every row is read: refused without a header or with too few distinct worker counts. */
function finishTable(read: TableSoFar): ScalingParseResult {
  const { header, nCol, measureCol, rows } = read;
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
  return { ok: true, rows, measure: read.measure, delimiter: read.delimiter, columns: { n: nCol, measure: measureCol }, notes: read.notes };
}
