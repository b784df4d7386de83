/**
 * `varlen`: MARC-like length-prefixed binary records, resynchronisable at any byte.
 *
 * A record is: header (36 bytes) + payload (printable ASCII) + terminator 0x1D.
 *   0  length  3 groups  total bytes of the record, terminator included (37 … 2^21−1)
 *   3  id      5 groups
 *   8  key     5 groups
 *   13 ts      8 groups  (< 2^53)
 *   21 price   5 groups
 *   26 size    5 groups
 *   31 cost    5 groups
 *   36 payload (length − 37 bytes)
 *   length−1   0x1D
 * A "group" is 7 bits of the value with the high bit set (0x80 | bits), least significant
 * group first. So no byte other than the terminator can ever be 0x1D (0x1D has the high
 * bit clear, and the payload is printable ASCII): a record starts at byte 0 or right
 * after a 0x1D, always. A serial reader jumps by the length; a parallel reader cut at an
 * arbitrary byte scans forward to the next 0x1D and is exactly on a boundary.
 */

import { DataError } from '../../model/types';
import {
  allocColumns,
  checkTs,
  columnsLength,
  type RecordColumns,
  RecordFields,
  storeFields,
  TWO_POW_32,
} from '../record';

/** The record terminator (ASCII "group separator", as in MARC). */
export const VARLEN_TERMINATOR = 0x1d;
/** Bytes before the payload. */
export const VARLEN_HEADER_BYTES = 36;
/** Smallest record: header + empty payload + terminator. */
export const VARLEN_MIN_RECORD_BYTES = VARLEN_HEADER_BYTES + 1;
/** Largest record the 3-group length field can describe. */
export const VARLEN_MAX_RECORD_BYTES = 2 ** 21 - 1;

const FIELDS = ['length', 'id', 'key', 'ts', 'price', 'size', 'cost'] as const;
const FIELD_AT = [0, 3, 8, 13, 21, 26, 31];
const FIELD_GROUPS = [3, 5, 5, 8, 5, 5, 5];
/** Writes the 36-byte header at p and returns the payload's start (p + 36). */
export function writeVarlenHeader(
  out: Uint8Array,
  p: number,
  total: number,
  id: number,
  key: number,
  ts: number,
  price: number,
  size: number,
  cost: number,
): number {
  out[p] = 0x80 | (total & 0x7f);
  out[p + 1] = 0x80 | ((total >>> 7) & 0x7f);
  out[p + 2] = 0x80 | ((total >>> 14) & 0x7f);
  put5(out, p + 3, id);
  put5(out, p + 8, key);
  const lo = ts >>> 0;
  const hi = (ts / TWO_POW_32) >>> 0;
  out[p + 13] = 0x80 | (lo & 0x7f);
  out[p + 14] = 0x80 | ((lo >>> 7) & 0x7f);
  out[p + 15] = 0x80 | ((lo >>> 14) & 0x7f);
  out[p + 16] = 0x80 | ((lo >>> 21) & 0x7f);
  out[p + 17] = 0x80 | (lo >>> 28) | ((hi & 0x07) << 4);
  out[p + 18] = 0x80 | ((hi >>> 3) & 0x7f);
  out[p + 19] = 0x80 | ((hi >>> 10) & 0x7f);
  out[p + 20] = 0x80 | ((hi >>> 17) & 0x7f);
  put5(out, p + 21, price);
  put5(out, p + 26, size);
  put5(out, p + 31, cost);
  return p + VARLEN_HEADER_BYTES;
}

function put5(out: Uint8Array, q: number, v: number): void {
  out[q] = 0x80 | (v & 0x7f);
  out[q + 1] = 0x80 | ((v >>> 7) & 0x7f);
  out[q + 2] = 0x80 | ((v >>> 14) & 0x7f);
  out[q + 3] = 0x80 | ((v >>> 21) & 0x7f);
  out[q + 4] = 0x80 | (v >>> 28);
}

/** The u32 in the 5 groups at q (record at p), or a DataError. */
function get5(bytes: Uint8Array, q: number, p: number, field: number): number {
  const b0 = bytes[q];
  const b1 = bytes[q + 1];
  const b2 = bytes[q + 2];
  const b3 = bytes[q + 3];
  const b4 = bytes[q + 4];
  if ((b0 & b1 & b2 & b3 & b4 & 0x80) === 0 || b4 > 0x8f) fieldError(bytes, p, field);
  return ((b0 & 0x7f) | ((b1 & 0x7f) << 7) | ((b2 & 0x7f) << 14) | ((b3 & 0x7f) << 21) | ((b4 & 0x0f) << 28)) >>> 0;
}

/** Locates and reports a bad group in field `field` of the record at p. */
function fieldError(bytes: Uint8Array, p: number, field: number): never {
  const at = p + FIELD_AT[field];
  const groups = FIELD_GROUPS[field];
  for (let g = 0; g < groups; g++) {
    const b = bytes[at + g];
    if ((b & 0x80) === 0) {
      throw new DataError(
        `varlen: record at byte ${p}: byte 0x${hex2(b)} at byte ${at + g} in field ${FIELDS[field]} lacks the high bit`,
        { byteOffset: at + g },
      );
    }
  }
  const top = at + groups - 1;
  throw new DataError(`varlen: record at byte ${p}: field ${FIELDS[field]} is out of range (top group 0x${hex2(bytes[top])} at byte ${top})`, {
    byteOffset: top,
  });
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/**
 * Checks the record at p has a readable length, fits in the buffer and has its terminator
 * where the length says; returns the length. The shared core of the index pass and the reader.
 */
function recordLength(bytes: Uint8Array, p: number): number {
  const n = bytes.length;
  if (p + 3 > n) truncated(bytes, p);
  const b0 = bytes[p];
  const b1 = bytes[p + 1];
  const b2 = bytes[p + 2];
  if ((b0 & b1 & b2 & 0x80) === 0) fieldError(bytes, p, 0);
  const len = (b0 & 0x7f) | ((b1 & 0x7f) << 7) | ((b2 & 0x7f) << 14);
  if (len < VARLEN_MIN_RECORD_BYTES) {
    throw new DataError(`varlen: record at byte ${p}: length ${len} is below the minimum ${VARLEN_MIN_RECORD_BYTES}`, {
      byteOffset: p,
    });
  }
  if (p + len > n) {
    if (bytes.indexOf(VARLEN_TERMINATOR, p) < 0) truncated(bytes, p);
    throw new DataError(`varlen: record at byte ${p}: length ${len} runs past the end of the data (${n} bytes)`, {
      byteOffset: p,
    });
  }
  const t = p + len - 1;
  if (bytes[t] !== VARLEN_TERMINATOR) {
    throw new DataError(
      `varlen: record at byte ${p}: no terminator at byte ${t}, where its length ${len} says it ends (found 0x${hex2(bytes[t])})`,
      { byteOffset: t },
    );
  }
  return len;
}

function truncated(bytes: Uint8Array, p: number): never {
  throw new DataError(
    `varlen: truncated last record at byte ${p}: ${bytes.length - p} bytes left and no terminator`,
    { byteOffset: p },
  );
}

/**
 * Reads and fully validates the record starting at p into r; returns the next record's
 * start. Throws DataError (with the byte offset) on any corruption.
 */
export function readVarlen(bytes: Uint8Array, p: number, r: RecordFields): number {
  const len = recordLength(bytes, p);
  r.id = get5(bytes, p + 3, p, 1);
  r.key = get5(bytes, p + 8, p, 2);
  const q = p + 13;
  const t0 = bytes[q];
  const t1 = bytes[q + 1];
  const t2 = bytes[q + 2];
  const t3 = bytes[q + 3];
  const t4 = bytes[q + 4];
  const t5 = bytes[q + 5];
  const t6 = bytes[q + 6];
  const t7 = bytes[q + 7];
  if ((t0 & t1 & t2 & t3 & t4 & t5 & t6 & t7 & 0x80) === 0 || t7 > 0x8f) fieldError(bytes, p, 3);
  r.tsLo = ((t0 & 0x7f) | ((t1 & 0x7f) << 7) | ((t2 & 0x7f) << 14) | ((t3 & 0x7f) << 21) | ((t4 & 0x0f) << 28)) >>> 0;
  r.tsHi = ((t4 & 0x7f) >>> 4) | ((t5 & 0x7f) << 3) | ((t6 & 0x7f) << 10) | ((t7 & 0x0f) << 17);
  r.price = get5(bytes, p + 21, p, 4);
  r.size = get5(bytes, p + 26, p, 5);
  r.cost = get5(bytes, p + 31, p, 6);
  const start = p + VARLEN_HEADER_BYTES;
  const end = p + len - 1;
  // A plain loop, not indexOf: TypedArray.prototype.indexOf is a runtime call whose
  // overhead exceeds the whole scan of a short payload.
  for (let k = start; k < end; k++) {
    if (bytes[k] === VARLEN_TERMINATOR) {
      throw new DataError(
        `varlen: record at byte ${p}: unexpected terminator at byte ${k} inside the payload (its length says it ends at byte ${end})`,
        { byteOffset: k },
      );
    }
  }
  r.payloadStart = start;
  r.payloadEnd = end;
  return p + len;
}

/**
 * The serial index pass: every record's start offset, found by jumping from length to
 * length and checking each terminator is where the length says. Throws DataError.
 */
export function indexVarlen(bytes: Uint8Array): Uint32Array<ArrayBuffer> {
  const n = bytes.length;
  // Every record is at least 37 bytes, so this bounds the count.
  const starts = new Uint32Array(Math.floor(n / VARLEN_MIN_RECORD_BYTES) + 1);
  let k = 0;
  for (let p = 0; p < n; p += recordLength(bytes, p)) starts[k++] = p;
  return starts.slice(0, k);
}

/** Encodes columns as `varlen` bytes. Throws RangeError for a payload containing 0x1D or too long. */
export function encodeVarlen(cols: RecordColumns): Uint8Array<ArrayBuffer> {
  const n = columnsLength(cols);
  const payload = cols.payload;
  let total = 0;
  for (let i = 0; i < n; i++) {
    checkTs(cols.ts[i], i);
    const pl = payload ? payload[i] : null;
    const len = VARLEN_MIN_RECORD_BYTES + (pl ? pl.length : 0);
    if (len > VARLEN_MAX_RECORD_BYTES) throw new RangeError(`record ${i}: payload too long for varlen (${len} bytes)`);
    if (pl && pl.indexOf(VARLEN_TERMINATOR) >= 0) throw new RangeError(`record ${i}: a varlen payload cannot contain 0x1D`);
    total += len;
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const pl = payload ? payload[i] : null;
    const len = VARLEN_MIN_RECORD_BYTES + (pl ? pl.length : 0);
    const q = writeVarlenHeader(out, p, len, cols.id[i], cols.key[i], cols.ts[i], cols.price[i], cols.size[i], cols.cost[i]);
    if (pl) out.set(pl, q);
    out[p + len - 1] = VARLEN_TERMINATOR;
    p += len;
  }
  return out;
}

/** Decodes `varlen` bytes into columns (payloads copied). Throws DataError on corrupt input. */
export function decodeVarlen(bytes: Uint8Array): RecordColumns {
  const starts = indexVarlen(bytes);
  const n = starts.length;
  const cols = allocColumns(n, true);
  const payload = cols.payload!;
  const r = new RecordFields();
  for (let i = 0; i < n; i++) {
    readVarlen(bytes, starts[i], r);
    storeFields(cols, i, r);
    payload[i] = bytes.slice(r.payloadStart, r.payloadEnd);
  }
  return cols;
}
