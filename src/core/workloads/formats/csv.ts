/**
 * `csv`: UTF-8 text, one record per line, no header, every line ends with '\n':
 *   id,key,ts,price,size,cost,payload\n
 * Numbers are unsigned decimal integers. The payload is printable ASCII without ',' or
 * '"', so no quoting exists and a line splits at its first six commas. Numbers are
 * parsed straight from the bytes: no String per record, no split().
 */

import { DataError } from '../../model/types';
import {
  allocColumns,
  checkTs,
  columnsLength,
  type RecordColumns,
  RecordFields,
  storeFields,
  TS_LIMIT,
  TWO_POW_32,
} from '../record';

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const U32_MAX = 0xffffffff;
const TS_MAX = TS_LIMIT - 1;
/** Fields per line. */
export const CSV_FIELDS = 7;
const NAMES = ['id', 'key', 'ts', 'price', 'size', 'cost', 'payload'];

/** Decimal digits of a non-negative integer < 2^53. */
export function decimalDigits(v: number): number {
  if (v < 1e9) return smallDigits(v);
  let hi = Math.floor(v / 1e9);
  if (v - hi * 1e9 < 0) hi -= 1; // the quotient may round up (see writeDecimal)
  return 9 + smallDigits(hi);
}

/** Decimal digits of an integer in [0, 10^9). */
function smallDigits(v: number): number {
  if (v < 1e4) return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
  if (v < 1e6) return v < 1e5 ? 5 : 6;
  return v < 1e7 ? 7 : v < 1e8 ? 8 : 9;
}

/** Writes an integer in [0, 10^9) as exactly `digits` digits ending at byte end (int32 arithmetic only). */
function writeSmall(out: Uint8Array, end: number, v: number, digits: number): void {
  for (let k = end - 1; k >= end - digits; k--) {
    const q = (v / 10) | 0;
    out[k] = 48 + v - q * 10;
    v = q;
  }
}

/** Writes v (an integer in [0, 2^53)) in decimal at p; returns the end. */
export function writeDecimal(out: Uint8Array, p: number, v: number): number {
  if (v < 1e9) {
    const end = p + smallDigits(v);
    writeSmall(out, end, v, end - p);
    return end;
  }
  // Split into parts below 10^9 so the digit loop stays in int32 arithmetic (a double
  // % is an fmod call). floor(v / 1e9) may round up by one for v near a multiple.
  let hi = Math.floor(v / 1e9);
  let lo = v - hi * 1e9;
  if (lo < 0) {
    hi -= 1;
    lo += 1e9;
  }
  const mid = p + smallDigits(hi);
  writeSmall(out, mid, hi, mid - p);
  writeSmall(out, mid + 9, lo, 9);
  return mid + 9;
}

/** Writes "id,key,ts,price,size,cost," at p; returns where the payload starts. */
export function writeCsvNumbers(
  out: Uint8Array,
  p: number,
  id: number,
  key: number,
  ts: number,
  price: number,
  size: number,
  cost: number,
): number {
  p = writeDecimal(out, p, id);
  out[p++] = COMMA;
  p = writeDecimal(out, p, key);
  out[p++] = COMMA;
  p = writeDecimal(out, p, ts);
  out[p++] = COMMA;
  p = writeDecimal(out, p, price);
  out[p++] = COMMA;
  p = writeDecimal(out, p, size);
  out[p++] = COMMA;
  p = writeDecimal(out, p, cost);
  out[p++] = COMMA;
  return p;
}

/** 1-based line number of byte `offset` (counts the newlines before it; error path only). */
export function lineNumberAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let q = bytes.indexOf(NEWLINE); q >= 0 && q < offset; q = bytes.indexOf(NEWLINE, q + 1)) line++;
  return line;
}

function csvError(bytes: Uint8Array, at: number, what: string): never {
  const line = lineNumberAt(bytes, at);
  throw new DataError(`csv line ${line}: ${what} (byte ${at})`, { line, byteOffset: at });
}

/**
 * Parses the decimal field `field` starting at q, up to its comma; leaves the value in
 * r.num and returns the byte after the comma. Every way out is bounded by the buffer.
 */
function parseField(bytes: Uint8Array, q: number, r: RecordFields, max: number, field: number): number {
  const n = bytes.length;
  const begin = q;
  let v = 0;
  for (;;) {
    if (q >= n) csvError(bytes, q, 'missing final newline (the data ends inside a line)');
    const c = bytes[q];
    if (c === COMMA) break;
    const d = c - 48;
    if (d < 0 || d > 9) {
      if (c === NEWLINE) csvError(bytes, q, `too few fields: ${field + 1} of ${CSV_FIELDS}`);
      csvError(bytes, q, `non-digit byte 0x${c.toString(16).padStart(2, '0')} in field ${NAMES[field]}`);
    }
    // v ≤ max < 2^53 before this step, so v·10 + d is exact or, if not, certainly > max.
    v = v * 10 + d;
    if (v > max) csvError(bytes, begin, `field ${NAMES[field]} is out of range (above ${max})`);
    q++;
  }
  if (q === begin) csvError(bytes, q, `empty field ${NAMES[field]}`);
  r.num = v;
  return q + 1;
}

/**
 * Reads and validates the line starting at p into r; returns the next line's start.
 * Throws DataError naming the line (and byte) on corrupt input.
 */
export function readCsv(bytes: Uint8Array, p: number, r: RecordFields): number {
  let q = parseField(bytes, p, r, U32_MAX, 0);
  r.id = r.num;
  q = parseField(bytes, q, r, U32_MAX, 1);
  r.key = r.num;
  q = parseField(bytes, q, r, TS_MAX, 2);
  const ts = r.num;
  const lo = ts >>> 0;
  r.tsLo = lo;
  r.tsHi = (ts - lo) / TWO_POW_32;
  q = parseField(bytes, q, r, U32_MAX, 3);
  r.price = r.num;
  q = parseField(bytes, q, r, U32_MAX, 4);
  r.size = r.num;
  q = parseField(bytes, q, r, U32_MAX, 5);
  r.cost = r.num;
  // The payload runs to the newline. A plain loop, not indexOf: TypedArray indexOf is a
  // runtime call whose overhead exceeds the whole scan of a short payload.
  const n = bytes.length;
  let end = q;
  for (;;) {
    if (end >= n) csvError(bytes, end, 'missing final newline (the data ends inside a line)');
    const c = bytes[end];
    if (c === NEWLINE) break;
    if (c === COMMA) csvError(bytes, end, `too many fields: a ',' inside the payload`);
    end++;
  }
  r.payloadStart = q;
  r.payloadEnd = end;
  return end + 1;
}

/** Encodes columns as csv bytes. Throws RangeError for a payload containing ',' or a newline. */
export function encodeCsv(cols: RecordColumns): Uint8Array<ArrayBuffer> {
  const n = columnsLength(cols);
  const payload = cols.payload;
  let total = 0;
  for (let i = 0; i < n; i++) {
    checkTs(cols.ts[i], i);
    const pl = payload ? payload[i] : null;
    if (pl && (pl.indexOf(COMMA) >= 0 || pl.indexOf(NEWLINE) >= 0)) {
      throw new RangeError(`record ${i}: a csv payload cannot contain ',' or a newline`);
    }
    total +=
      decimalDigits(cols.id[i]) +
      decimalDigits(cols.key[i]) +
      decimalDigits(cols.ts[i]) +
      decimalDigits(cols.price[i]) +
      decimalDigits(cols.size[i]) +
      decimalDigits(cols.cost[i]) +
      CSV_FIELDS +
      (pl ? pl.length : 0);
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (let i = 0; i < n; i++) {
    p = writeCsvNumbers(out, p, cols.id[i], cols.key[i], cols.ts[i], cols.price[i], cols.size[i], cols.cost[i]);
    const pl = payload ? payload[i] : null;
    if (pl) {
      out.set(pl, p);
      p += pl.length;
    }
    out[p++] = NEWLINE;
  }
  return out;
}

/** Decodes csv bytes into columns (payloads copied). Throws DataError on corrupt input. */
export function decodeCsv(bytes: Uint8Array): RecordColumns {
  let n = 0;
  for (let q = bytes.indexOf(NEWLINE); q >= 0; q = bytes.indexOf(NEWLINE, q + 1)) n++;
  // A trailing line without '\n' is counted so that readCsv reports it.
  if (bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE) n++;
  const cols = allocColumns(n, true);
  const payload = cols.payload!;
  const r = new RecordFields();
  for (let i = 0, p = 0; i < n; i++) {
    p = readCsv(bytes, p, r);
    storeFields(cols, i, r);
    payload[i] = bytes.slice(r.payloadStart, r.payloadEnd);
  }
  return cols;
}
