/**
 * Reading a scaling file's text: line numbers, comment lines, the delimiter guess, the header's
 * columns, and each cell as a checked number. Every refusal names the line and column.
 */

import Papa from 'papaparse';
import { COLUMN_ALIASES, type ColumnRef, type ScalingDelimiter, type ScalingInputError, type ScalingInputErrorCode, type ScalingMeasure, DELIMITERS } from './scaling-types';
import { plural } from '../view/format';

// ---------------------------------------------------------------------------------------
// Parsing

export const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
export const LINE_BREAK = /\r\n|\r|\n/g;
export const COMMENT_LINE = /^[ \t]*#/;

export function refuse(
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
export function quoteCell(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export function columnText(c: ColumnRef): string {
  return `column ${c.index} (${c.name})`;
}

/** UTF-8 length of a string without allocating (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Bytes(text: string): number {
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
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(LINE_BREAK)) starts.push(m.index + m[0].length);
  return starts;
}

/** 1-based line holding character `offset`. */
export function lineAt(starts: readonly number[], offset: number): number {
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
export function maskComments(text: string): string {
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

export function guessDelimiter(masked: string): ScalingDelimiter {
  const guess = Papa.parse<string[]>(guessSample(masked), {
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy',
    preview: 10,
  });
  const found = DELIMITERS.find((d) => d === guess.meta.delimiter);
  return found ?? ',';
}

export function findColumns(header: readonly string[], names: readonly string[]): ColumnRef[] {
  const found: ColumnRef[] = [];
  header.forEach((cell, i) => {
    const name = cell.trim();
    if ((names as readonly string[]).includes(name.toLowerCase())) found.push({ name, index: i + 1 });
  });
  return found;
}

export function aliasText(names: readonly string[]): string {
  return `"${names[0]}" (or ${names.slice(1).join(', ')})`;
}

type CellCheck = { ok: true; value: number } | ScalingInputError;

function readNumber(cell: string | undefined, fields: number, line: number, column: ColumnRef): CellCheck {
  if (cell === undefined) {
    return refuse(
      'empty-cell',
      `the value is missing: the row ends after ${plural(fields, 'field')}.`,
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
export function readWorkers(cell: string | undefined, fields: number, line: number, column: ColumnRef): CellCheck {
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

export function readMeasure(
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

export type HeaderDecision =
  | { ok: true; nCol: ColumnRef; measureCol: ColumnRef; measure: ScalingMeasure }
  | ScalingInputError;

/** Decides from the header row which columns hold n and the measure, and which measure it is. */
export function readHeader(fields: readonly string[], line: number, delimiter: ScalingDelimiter, notes: string[]): HeaderDecision {
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
