/**
 * The records a kernel's record(acc, rec) sees, as plain objects.
 *
 * Built-in records: { id, key, ts, price, size, cost, payload } decoded from any of the
 * three formats (payload is a string of printable ASCII; '' for `fixed`, which has none).
 * A user's file: one object per record, the header's column names as keys, every CSV/TSV
 * field as a string; an NDJSON line is passed as the object it holds.
 */

import type { Format } from '../model/types';
import { decode } from '../workloads';
import { emptyPartial, type GroupPartial } from '../userdata/partial';
import { ChunkCounter, type ChunkResult } from '../userdata/split';
import { CR, INCOMPLETE, LF, MALFORMED, pendingFromReader, quotes, RecordReader } from '../userdata/records';
import type { UserJob } from '../userdata';

/** One built-in record as a kernel sees it. */
export interface BuiltInRecord {
  id: number;
  key: number;
  /** Integer nanoseconds since the dataset start. */
  ts: number;
  price: number;
  size: number;
  cost: number;
  payload: string;
}

/** The names of the built-in record's fields, for the editor's hints and the README. */
export const BUILT_IN_FIELDS: readonly (keyof BuiltInRecord)[] = ['id', 'key', 'ts', 'price', 'size', 'cost', 'payload'];

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** Calls visit for every record of a record-aligned buffer, in order; returns the record count. */
export function visitBuiltIn(format: Format, bytes: Uint8Array, visit: (rec: BuiltInRecord) => void): number {
  const cols = decode(format, bytes);
  const n = cols.id.length;
  for (let i = 0; i < n; i++) {
    visit({
      id: cols.id[i],
      key: cols.key[i],
      ts: cols.ts[i],
      price: cols.price[i],
      size: cols.size[i],
      cost: cols.cost[i],
      payload: cols.payload ? ascii(cols.payload[i]) : '',
    });
  }
  return n;
}

/** The parts of a file's job a kernel needs: how to read records, not what to group. */
export type FileShape = Pick<UserJob, 'format' | 'columns' | 'dataStart' | 'headerBreaks'>;

/**
 * Visits the records that begin in chunk [start, end) of a user's file, under an entry
 * quote state (the same rule and resynchronisation as the group job: core/userdata/split.ts).
 * `bytes` holds file offsets base … base + bytes.length − 1 from start − 1 (or from
 * dataStart for the first chunk); `atEof`: they reach the end of the file. Returns
 * 'need-more' when the last record runs past the bytes. The result carries the record
 * count and a problem of the file, if any, in the group job's ChunkResult shape, so the
 * page checks guesses and places problems with the same code.
 */
export function visitFileChunk(
  shape: FileShape,
  bytes: Uint8Array,
  base: number,
  start: number,
  end: number,
  enteredInQuotes: boolean,
  atEof: boolean,
  visit: (rec: Record<string, unknown>) => void,
): ChunkResult | 'need-more' {
  const first = start === shape.dataStart;
  const counter = new ChunkCounter(start, end, quotes(shape.format), enteredInQuotes, first, first ? undefined : bytes[start - 1 - base]);
  counter.feed(bytes, base, end);
  const partial: GroupPartial = emptyPartial();
  const status = shape.format === 'ndjson'
    ? visitJson(shape, partial, bytes, base, counter.startAt(), end, atEof, counter.breaksBefore, visit)
    : visitDelimited(shape, partial, bytes, base, counter.startAt(), end, atEof, counter.breaksBefore, visit);
  if (status === 'need-more') return status;
  return { quoteParity: counter.parity as 0 | 1, lineBreaks: counter.breaks, start, end, enteredInQuotes, partial };
}

function visitDelimited(
  shape: FileShape,
  partial: GroupPartial,
  bytes: Uint8Array,
  base: number,
  p: number,
  stop: number,
  atEof: boolean,
  breaks: number,
  visit: (rec: Record<string, unknown>) => void,
): 'done' | 'need-more' {
  const reader = new RecordReader(shape.format);
  const names = shape.columns;
  let q = p - base;
  const end = stop - base;
  while (q < end) {
    const next = reader.read(bytes, q, bytes.length, atEof);
    if (next === INCOMPLETE) return 'need-more';
    if (next === MALFORMED) {
      const pending = pendingFromReader(reader, breaks);
      partial.issue = { ...pending, byteOffset: base + pending.byteOffset, rowInChunk: partial.records };
      return 'done';
    }
    if (!reader.blank()) {
      if (reader.fields !== names.length) {
        partial.issue = {
          code: 'field-count',
          detail: `the record has ${reader.fields} fields; the header has ${names.length}`,
          byteOffset: base + q,
          breaksBefore: breaks,
          rowInChunk: partial.records,
        };
        return 'done';
      }
      const rec: Record<string, unknown> = {};
      try {
        for (let k = 0; k < names.length; k++) rec[names[k]] = reader.text(bytes, k);
      } catch {
        partial.issue = { code: 'invalid-utf8', detail: 'the record is not valid UTF-8', byteOffset: base + q, breaksBefore: breaks, rowInChunk: partial.records };
        return 'done';
      }
      visit(rec);
      partial.records++;
    }
    breaks += reader.breaks;
    q = next;
  }
  return 'done';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function visitJson(
  _shape: FileShape,
  partial: GroupPartial,
  bytes: Uint8Array,
  base: number,
  p: number,
  stop: number,
  atEof: boolean,
  breaks: number,
  visit: (rec: Record<string, unknown>) => void,
): 'done' | 'need-more' {
  let q = p - base;
  const end = stop - base;
  while (q < end) {
    let nl = bytes.indexOf(LF, q);
    if (nl < 0) {
      if (!atEof) return 'need-more';
      nl = bytes.length;
    }
    let e = nl;
    if (e > q && bytes[e - 1] === CR) e--;
    if (e > q) {
      let value: unknown;
      try {
        value = JSON.parse(utf8.decode(bytes.subarray(q, e)));
      } catch {
        value = undefined;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        partial.issue = { code: 'bad-json', detail: 'the line is not a JSON object', byteOffset: base + q, breaksBefore: breaks, rowInChunk: partial.records };
        return 'done';
      }
      visit(value as Record<string, unknown>);
      partial.records++;
    }
    breaks++;
    q = nl + 1;
  }
  return 'done';
}
