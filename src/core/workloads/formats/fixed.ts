/**
 * `fixed`: 32 bytes per record, little-endian u32 words:
 *   0 id · 4 key · 8 ts lo · 12 ts hi · 16 price · 20 size · 24 cost · 28 reserved (0).
 * Record k starts at byte 32·k, so any byte range splits by arithmetic alone.
 */

import { DataError } from '../../model/types';
import {
  allocColumns,
  checkTs,
  columnsLength,
  type RecordColumns,
  RecordFields,
  storeFields,
  TS_HI_LIMIT,
  TWO_POW_32,
} from '../record';

/** Bytes per `fixed` record. */
export const FIXED_RECORD_BYTES = 32;

/** True on little-endian hosts (all current browsers' platforms): typed-array writes match the format. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A DataView over exactly the bytes of a Uint8Array (which may be a view into a larger or shared buffer). */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Writes one record at byte p of view. */
export function writeFixedRecord(
  view: DataView,
  p: number,
  id: number,
  key: number,
  ts: number,
  price: number,
  size: number,
  cost: number,
): void {
  view.setUint32(p, id, true);
  view.setUint32(p + 4, key, true);
  view.setUint32(p + 8, ts >>> 0, true);
  // ts / 2^32 is exact (power-of-two division), truncation = floor for ts ≥ 0.
  view.setUint32(p + 12, (ts / TWO_POW_32) >>> 0, true);
  view.setUint32(p + 16, price, true);
  view.setUint32(p + 20, size, true);
  view.setUint32(p + 24, cost, true);
  view.setUint32(p + 28, 0, true);
}

/**
 * Reads the record at byte p (a multiple of 32) into r and returns the next record's offset.
 * Throws DataError for a truncated record, ts ≥ 2^53 or a non-zero reserved word.
 */
export function readFixed(view: DataView, p: number, r: RecordFields): number {
  const end = p + FIXED_RECORD_BYTES;
  if (end > view.byteLength) {
    throw new DataError(
      `fixed: truncated record at byte ${p}: only ${view.byteLength - p} of ${FIXED_RECORD_BYTES} bytes`,
      { byteOffset: p },
    );
  }
  const tsHi = view.getUint32(p + 12, true);
  if (tsHi >= TS_HI_LIMIT) {
    throw new DataError(`fixed: record at byte ${p}: ts is not below 2^53 (hi word ${tsHi})`, { byteOffset: p + 12 });
  }
  if (view.getUint32(p + 28, true) !== 0) {
    throw new DataError(`fixed: record at byte ${p}: reserved word is not 0 (misaligned or corrupt data)`, {
      byteOffset: p + 28,
    });
  }
  r.id = view.getUint32(p, true);
  r.key = view.getUint32(p + 4, true);
  r.tsLo = view.getUint32(p + 8, true);
  r.tsHi = tsHi;
  r.price = view.getUint32(p + 16, true);
  r.size = view.getUint32(p + 20, true);
  r.cost = view.getUint32(p + 24, true);
  r.payloadStart = end;
  r.payloadEnd = end;
  return end;
}

/** Encodes columns as `fixed` bytes (the payload, if any, is dropped: fixed has none). */
export function encodeFixed(cols: RecordColumns): Uint8Array<ArrayBuffer> {
  const n = columnsLength(cols);
  const out = new Uint8Array(n * FIXED_RECORD_BYTES);
  const view = viewOf(out);
  for (let i = 0; i < n; i++) {
    checkTs(cols.ts[i], i);
    writeFixedRecord(view, i * FIXED_RECORD_BYTES, cols.id[i], cols.key[i], cols.ts[i], cols.price[i], cols.size[i], cols.cost[i]);
  }
  return out;
}

/** Decodes `fixed` bytes into columns (payload null). Throws DataError on corrupt input. */
export function decodeFixed(bytes: Uint8Array): RecordColumns {
  const n = Math.ceil(bytes.length / FIXED_RECORD_BYTES);
  const cols = allocColumns(n, false);
  const view = viewOf(bytes);
  const r = new RecordFields();
  for (let i = 0, p = 0; i < n; i++) {
    p = readFixed(view, p, r);
    storeFields(cols, i, r);
  }
  return cols;
}
