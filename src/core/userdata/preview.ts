/**
 * A preview of a user's file from its first bytes: the header, the first rows as text and
 * each column's type (integer, decimal or text), so a person can pick the group-by column
 * and the numeric columns to aggregate before anything runs.
 */

import { readDecimalText } from './decimal';
import { INCOMPLETE, LF, MALFORMED, RecordReader, readerIssue } from './records';
import { readHeader } from './header';
import type { DataIssue, UserFormat, UserHeader } from './types';

/** A column's type as seen in the preview rows: empty cells do not count. */
export type ColumnType = 'integer' | 'decimal' | 'text';

/** What the preview shows. */
export interface UserPreview {
  ok: true;
  header: UserHeader;
  types: ColumnType[];
  /** The first rows, one string per column (missing NDJSON keys as empty). */
  rows: string[][];
  /** Whether the rows shown are all the file has. */
  complete: boolean;
}

/** The type of one cell: empty cells are undefined, otherwise the narrowest type that reads it. */
export function cellType(text: string): ColumnType | undefined {
  if (text.trim() === '') return undefined;
  if (readDecimalText(text) !== 'ok') return 'text';
  return /^\s*[+-]?\d+\s*$/.test(text) ? 'integer' : 'decimal';
}

const RANK: Record<ColumnType, number> = { integer: 0, decimal: 1, text: 2 };

/** The column types over some rows: the widest type any cell needs; a column with only empty cells is text. */
export function columnTypes(rows: readonly string[][], columns: number): ColumnType[] {
  const types: (ColumnType | undefined)[] = new Array(columns).fill(undefined);
  for (const row of rows) {
    for (let c = 0; c < columns; c++) {
      const t = cellType(row[c] ?? '');
      if (t !== undefined && (types[c] === undefined || RANK[t] > RANK[types[c]!])) types[c] = t;
    }
  }
  return types.map((t) => t ?? 'text');
}

function ndjsonCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Previews up to `maxRows` rows from `bytes`, the first bytes of a file (`atEof`: the whole
 * file). A malformed row within them is reported like any problem; 'need-more' when even
 * the header does not fit.
 */
export function previewFile(
  bytes: Uint8Array,
  format: UserFormat,
  atEof: boolean,
  maxRows = 50,
): UserPreview | DataIssue | 'need-more' {
  const header = readHeader(bytes, format, atEof);
  if (header === 'need-more' || !header.ok) return header;
  const rows: string[][] = [];
  let p = header.dataStart;
  let line = header.headerBreaks + 1;
  let complete = false;
  if (format === 'ndjson') {
    const decoder = new TextDecoder();
    while (rows.length < maxRows) {
      if (p >= bytes.length) {
        complete = atEof;
        break;
      }
      let nl = bytes.indexOf(LF, p);
      if (nl < 0 && !atEof) break;
      if (nl < 0) nl = bytes.length;
      const text = decoder.decode(bytes.subarray(p, nl)).trim();
      if (text !== '') {
        let obj: unknown;
        try {
          obj = JSON.parse(text);
        } catch {
          obj = undefined;
        }
        if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
          return { ok: false, code: 'bad-json', message: `line ${line} is not a JSON object (byte ${p})`, line, byteOffset: p };
        }
        rows.push(header.columns.map((c) => ndjsonCell((obj as Record<string, unknown>)[c])));
      }
      line++;
      p = nl + 1;
    }
  } else {
    const reader = new RecordReader(format);
    while (rows.length < maxRows) {
      if (p >= bytes.length) {
        complete = atEof;
        break;
      }
      const next = reader.read(bytes, p, bytes.length, atEof);
      if (next === INCOMPLETE) break;
      if (next === MALFORMED) {
        return readerIssue(reader, line - 1);
      }
      if (!reader.blank()) {
        const row: string[] = [];
        try {
          for (let k = 0; k < reader.fields; k++) row.push(reader.text(bytes, k));
        } catch {
          return { ok: false, code: 'invalid-utf8', message: `line ${line} is not valid UTF-8 (byte ${p})`, line, byteOffset: p };
        }
        rows.push(row);
      }
      line += reader.breaks;
      p = next;
    }
  }
  return { ok: true, header, types: columnTypes(rows, header.columns.length), rows, complete };
}
