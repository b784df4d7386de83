/**
 * Reading a user's file record by record, straight from its UTF-8 bytes.
 *
 * CSV follows RFC 4180: fields separated by commas, records ended by LF or CRLF (the last
 * one may have no line end), a field in double quotes may hold commas, line breaks (LF,
 * CR, CRLF) and doubled quotes (`""` is one `"`). A quote inside an unquoted field is
 * refused (`stray-quote`): the split relies on every quote character being part of the
 * quoting, so that counting quotes tells whether a byte is inside a quoted field.
 * TSV is tab-separated with no quoting at all (the IANA definition): a field cannot hold
 * a tab or a line break, and a quote is ordinary text. NDJSON has one JSON object per
 * line. Blank lines are skipped in every format. An optional UTF-8 byte-order mark at the
 * very start is skipped.
 *
 * Only the key and the aggregated fields of a record are ever decoded; numeric fields are
 * read from the bytes without making strings.
 */

import { formatNumber } from '../io/csv';
import { readDecimal, readDecimalText, scratch } from './decimal';
import { addValue, groupFor, type GroupIndex, type GroupPartial, type PendingIssue } from './partial';
import { NO_GROUP, type DataIssue, type UserFormat, type UserHeader, type UserJob } from './types';

export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;
const COMMA = 0x2c;
const TAB = 0x09;

/** read() ran out of bytes before the record ended (and more of the file exists). */
export const INCOMPLETE = -1;
/** read() met malformed input: see reader.issueCode / issueAt. */
export const MALFORMED = -2;

export const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a format quotes fields (and so whether quote parity matters when splitting). */
export function quotes(format: UserFormat): boolean {
  return format === 'csv';
}

/**
 * Reads one CSV/TSV record at a time into reusable field arrays (no allocation per record).
 * `breaks` counts the line feeds the record consumed (inside quotes and its own line end).
 */
export class RecordReader {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** 0 unquoted, 1 quoted, 2 quoted with doubled quotes inside. */
  readonly kinds: number[] = [];
  fields = 0;
  breaks = 0;
  issueCode: 'unclosed-quote' | 'stray-quote' | 'after-quote' = 'unclosed-quote';
  issueAt = 0;
  issueBreaks = 0;
  private readonly delimiter: number;
  private readonly quoting: boolean;

  constructor(format: UserFormat) {
    this.delimiter = format === 'tsv' ? TAB : COMMA;
    this.quoting = quotes(format);
  }

  private push(start: number, end: number, kind: number): void {
    const k = this.fields++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.kinds[k] = kind;
  }

  private fail(code: RecordReader['issueCode'], at: number, breaks: number): number {
    this.issueCode = code;
    this.issueAt = at;
    this.issueBreaks = breaks;
    return MALFORMED;
  }

  /**
   * Reads the record starting at p (bytes up to `end`; `atEof`: no bytes exist beyond
   * `end`). Returns the offset after the record, INCOMPLETE or MALFORMED.
   */
  read(bytes: Uint8Array, p: number, end: number, atEof: boolean): number {
    this.fields = 0;
    this.breaks = 0;
    const delimiter = this.delimiter;
    const quoting = this.quoting;
    let i = p;
    for (;;) {
      if (quoting && i < end && bytes[i] === QUOTE) {
        const open = i;
        const openBreaks = this.breaks;
        let kind = 1;
        i++;
        for (;;) {
          if (i >= end) return atEof ? this.fail('unclosed-quote', open, openBreaks) : INCOMPLETE;
          const c = bytes[i];
          if (c === QUOTE) {
            if (i + 1 >= end && !atEof) return INCOMPLETE;
            if (i + 1 < end && bytes[i + 1] === QUOTE) {
              kind = 2;
              i += 2;
              continue;
            }
            break;
          }
          if (c === LF) this.breaks++;
          i++;
        }
        this.push(open + 1, i, kind);
        i++;
        if (i >= end) {
          if (!atEof) return INCOMPLETE;
          return end;
        }
        const c = bytes[i];
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === LF) {
          this.breaks++;
          return i + 1;
        }
        if (c === CR) {
          if (i + 1 >= end) return atEof ? end : INCOMPLETE;
          if (bytes[i + 1] === LF) {
            this.breaks++;
            return i + 2;
          }
        }
        return this.fail('after-quote', i, this.breaks);
      }
      const s = i;
      while (i < end) {
        const c = bytes[i];
        if (c === delimiter || c === LF) break;
        if (quoting && c === QUOTE) return this.fail('stray-quote', i, this.breaks);
        i++;
      }
      if (i >= end) {
        if (!atEof) return INCOMPLETE;
        this.push(s, end > s && bytes[end - 1] === CR ? end - 1 : end, 0);
        return end;
      }
      if (bytes[i] === delimiter) {
        this.push(s, i, 0);
        i++;
        continue;
      }
      this.push(s, i > s && bytes[i - 1] === CR ? i - 1 : i, 0);
      this.breaks++;
      return i + 1;
    }
  }

  /** True when the record just read is a blank line (one empty unquoted field). */
  blank(): boolean {
    return this.fields === 1 && this.kinds[0] === 0 && this.starts[0] === this.ends[0];
  }

  /** Field k of the record just read, decoded (doubled quotes undone). Throws on invalid UTF-8. */
  text(bytes: Uint8Array, k: number): string {
    const s = this.starts[k];
    const e = this.ends[k];
    let ascii = true;
    for (let i = s; i < e; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    let t = '';
    if (ascii && e - s < 64) for (let i = s; i < e; i++) t += String.fromCharCode(bytes[i]);
    else t = utf8.decode(bytes.subarray(s, e));
    return this.kinds[k] === 2 ? t.replaceAll('""', '"') : t;
  }
}

export function issue(code: DataIssue['code'], message: string, line: number, byteOffset: number): DataIssue {
  return { ok: false, code, message: `${message} (line ${line}, byte ${byteOffset})`, line, byteOffset };
}

const READER_WORDS: Record<RecordReader['issueCode'], string> = {
  'unclosed-quote': 'a quoted field is never closed: its opening quote',
  'stray-quote': 'a quote inside an unquoted field (quote the whole field and double the quote)',
  'after-quote': 'a closing quote must be followed by a comma or a line end',
};

/** The reader's problem as a DataIssue; `breaksBefore`: line feeds before the record. */
export function readerIssue(reader: RecordReader, breaksBefore: number): DataIssue {
  const line = breaksBefore + reader.issueBreaks + 1;
  return issue(reader.issueCode, READER_WORDS[reader.issueCode], line, reader.issueAt);
}

/** Picks the key and aggregated columns by name; a name not in the header gets a message listing the columns. */
export function makeJob(header: UserHeader, groupBy: string | undefined, aggregate: readonly string[]): UserJob | DataIssue {
  const index = (name: string): number => header.columns.indexOf(name);
  for (const name of groupBy === undefined ? aggregate : [groupBy, ...aggregate]) {
    if (index(name) < 0) {
      return {
        ok: false,
        code: 'unknown-column',
        message: `no column "${name}" in the header; the columns are ${header.columns.map((c) => `"${c}"`).join(', ')}`,
        line: header.headerBreaks,
        byteOffset: 0,
      };
    }
  }
  return {
    format: header.format,
    columns: header.columns,
    dataStart: header.dataStart,
    headerBreaks: header.headerBreaks,
    groupBy: groupBy === undefined ? NO_GROUP : index(groupBy),
    aggregate: aggregate.map(index),
  };
}

/** The reader's problem as a chunk-relative PendingIssue (`breaks`: line feeds from the chunk start to the record). */
export function pendingFromReader(reader: RecordReader, breaks: number): PendingIssue {
  return {
    code: reader.issueCode,
    detail: READER_WORDS[reader.issueCode],
    byteOffset: reader.issueAt,
    breaksBefore: breaks + reader.issueBreaks,
  };
}

/**
 * Adds the CSV/TSV record just read (starting at byte `at`) to the partial. Returns a
 * PendingIssue for a wrong field count, a non-numeric value or invalid UTF-8 in the key.
 */
export function addCsvRecord(
  job: UserJob,
  partial: GroupPartial,
  reader: RecordReader,
  index: GroupIndex,
  bytes: Uint8Array,
  at: number,
  breaks: number,
): PendingIssue | null {
  if (reader.fields !== job.columns.length) {
    return {
      code: 'field-count',
      detail: `the record has ${reader.fields} fields; the header has ${job.columns.length}`,
      byteOffset: at,
      breaksBefore: breaks,
      rowInChunk: partial.records,
    };
  }
  const grouped = job.groupBy !== NO_GROUP;
  const ks = grouped ? reader.starts[job.groupBy] : 0;
  const ke = grouped ? reader.ends[job.groupBy] : 0;
  let g = index.find(bytes, ks, ke);
  if (g === null) {
    try {
      g = index.add(bytes, ks, ke, grouped ? reader.text(bytes, job.groupBy) : '');
    } catch {
      return invalidKey(job, ks, breaks, partial.records);
    }
  }
  for (let c = 0; c < job.aggregate.length; c++) {
    const f = job.aggregate[c];
    const read = readDecimal(bytes, reader.starts[f], reader.ends[f]);
    if (read === 'ok') addValue(g.columns[c], scratch);
    else if (read !== 'empty') {
      return valueIssue(job, read, f, reader.starts[f], breaks, partial.records, () => reader.text(bytes, f));
    }
  }
  g.count++;
  partial.records++;
  return null;
}

function invalidKey(job: UserJob, at: number, breaks: number, row: number): PendingIssue {
  return {
    code: 'invalid-utf8',
    detail: 'the key is not valid UTF-8',
    byteOffset: at,
    breaksBefore: breaks,
    rowInChunk: row,
    column: job.columns[job.groupBy],
  };
}

function valueIssue(
  job: UserJob,
  read: 'not-numeric' | 'exponent',
  column: number,
  at: number,
  breaks: number,
  row: number,
  text: () => string,
): PendingIssue {
  let shown: string;
  try {
    shown = text();
  } catch {
    shown = '(invalid UTF-8)';
  }
  if (shown.length > 40) shown = `${shown.slice(0, 40)}…`;
  return {
    code: read,
    detail:
      read === 'exponent'
        ? `"${shown}" in column "${job.columns[column]}" uses exponent notation; write it as a plain decimal (e.g. 1500 for 1.5e3)`
        : `"${shown}" in column "${job.columns[column]}" is not a number (allowed: digits with an optional sign and decimal point)`,
    byteOffset: at,
    breaksBefore: breaks,
    rowInChunk: row,
    column: job.columns[column],
  };
}

/** An NDJSON value as group-key text: strings as they are, numbers in plain decimal, null/missing empty. */
function keyText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

/**
 * Adds the NDJSON line bytes[s, e) to the partial. JSON numbers are doubles: their
 * shortest decimal spelling is summed exactly (a number written with more digits than a
 * double holds is read as that double; write it as a string to keep every digit).
 */
export function addJsonRecord(
  job: UserJob,
  partial: GroupPartial,
  bytes: Uint8Array,
  s: number,
  e: number,
  breaks: number,
): PendingIssue | null {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes.subarray(s, e)));
  } catch {
    return { code: 'bad-json', detail: 'the line is not valid JSON', byteOffset: s, breaksBefore: breaks, rowInChunk: partial.records };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { code: 'bad-json', detail: 'the line is not a JSON object', byteOffset: s, breaksBefore: breaks, rowInChunk: partial.records };
  }
  const obj = value as Record<string, unknown>;
  const keyName = job.columns[job.groupBy]; // undefined for the parse job: one group, key ''
  const key = keyName === undefined ? '' : keyText(Object.hasOwn(obj, keyName) ? obj[keyName] : undefined);
  const g = groupFor(partial, key, job.aggregate.length);
  for (let c = 0; c < job.aggregate.length; c++) {
    const name = job.columns[job.aggregate[c]];
    const v = Object.hasOwn(obj, name) ? obj[name] : undefined;
    if (v === null || v === undefined) continue;
    const text = typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : '\u0000';
    const read = readDecimalText(text);
    if (read === 'ok') addValue(g.columns[c], scratch);
    else if (read !== 'empty') {
      return valueIssue(job, read, job.aggregate[c], s, breaks, partial.records, () => (typeof v === 'string' ? v : JSON.stringify(v)));
    }
  }
  g.count++;
  partial.records++;
  return null;
}
