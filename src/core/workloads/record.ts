/**
 * The record model shared by the generator, the three formats and the jobs.
 *
 * A record: id u32, key u32, ts (integer ns, < 2^53 so a double holds it exactly),
 * price u32 ticks, size u32, cost u32 (work multiplier), and for varlen/csv a payload
 * of printable ASCII bytes.
 */

import { mix32 } from './prng';

/** Records as columns: what generateColumns returns and what every format encodes/decodes. */
export interface RecordColumns {
  id: Uint32Array<ArrayBuffer>;
  key: Uint32Array<ArrayBuffer>;
  /** Integer nanoseconds since the dataset start, each in [0, 2^53). */
  ts: Float64Array<ArrayBuffer>;
  price: Uint32Array<ArrayBuffer>;
  size: Uint32Array<ArrayBuffer>;
  cost: Uint32Array<ArrayBuffer>;
  /** One byte string per record for `varlen` / `csv`; null for `fixed`, which has no payload. */
  payload: Uint8Array<ArrayBuffer>[] | null;
}

/**
 * Largest cost a record may carry into a job (generated costs are 1 … 64). The jobs
 * reject larger ones: a corrupt cost of 2^32 − 1 would otherwise mean billions of work
 * rounds for one record, i.e. a hang. The formats themselves store any u32.
 */
export const MAX_COST = 64;

/** 2^32, the u32 modulus. */
export const TWO_POW_32 = 4294967296;
/** ts must stay below 2^53 so it is an exact integer in a double. */
export const TS_LIMIT = 9007199254740992;
/** ts hi word (ts / 2^32) must stay below 2^21 (2^21 · 2^32 = 2^53). */
export const TS_HI_LIMIT = 2097152;

/**
 * Scratch fields a format reader fills for one record. One instance per accumulator:
 * the hot loops write numbers into it instead of allocating an object per record.
 */
export class RecordFields {
  id = 0;
  key = 0;
  /** ts mod 2^32. */
  tsLo = 0;
  /** floor(ts / 2^32), < 2^21. */
  tsHi = 0;
  price = 0;
  size = 0;
  cost = 0;
  /** Payload byte range [payloadStart, payloadEnd) in the buffer read; empty for fixed. */
  payloadStart = 0;
  payloadEnd = 0;
  /** Scratch for the csv number parser. */
  num = 0;
}

/** Empty columns for n records (payload array of n empty arrays when withPayload). */
export function allocColumns(n: number, withPayload: boolean): RecordColumns {
  const payload: Uint8Array<ArrayBuffer>[] | null = withPayload ? new Array<Uint8Array<ArrayBuffer>>(n) : null;
  if (payload) for (let i = 0; i < n; i++) payload[i] = new Uint8Array(0);
  return {
    id: new Uint32Array(n),
    key: new Uint32Array(n),
    ts: new Float64Array(n),
    price: new Uint32Array(n),
    size: new Uint32Array(n),
    cost: new Uint32Array(n),
    payload,
  };
}

/** Stores the fields a reader put into r as record i of cols (the payload is the caller's: formats differ). */
export function storeFields(cols: RecordColumns, i: number, r: RecordFields): void {
  cols.id[i] = r.id;
  cols.key[i] = r.key;
  cols.ts[i] = r.tsHi * TWO_POW_32 + r.tsLo;
  cols.price[i] = r.price;
  cols.size[i] = r.size;
  cols.cost[i] = r.cost;
}

/** Number of records in columns, after checking every column has the same length. */
export function columnsLength(cols: RecordColumns): number {
  const n = cols.id.length;
  if (
    cols.key.length !== n ||
    cols.ts.length !== n ||
    cols.price.length !== n ||
    cols.size.length !== n ||
    cols.cost.length !== n ||
    (cols.payload !== null && cols.payload.length !== n)
  ) {
    throw new RangeError('RecordColumns: every column must have the same length');
  }
  return n;
}

/** Throws unless ts is an integer in [0, 2^53): the encoders' precondition. */
export function checkTs(ts: number, index: number): void {
  if (!(Number.isInteger(ts) && ts >= 0 && ts < TS_LIMIT)) {
    throw new RangeError(`record ${index}: ts must be an integer from 0 to 2^53−1 (got ${ts})`);
  }
}

/**
 * Order-sensitive 32-bit hash of payload bytes [start, end), 4 bytes per multiply.
 * Identical for varlen and csv, and an empty payload hashes to EMPTY_PAYLOAD_HASH, which
 * `fixed` uses, so the same records give the same checksum in every format.
 */
export function hashPayload(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  let q = start;
  const stop = end - 3;
  for (; q < stop; q += 4) {
    const w = bytes[q] | (bytes[q + 1] << 8) | (bytes[q + 2] << 16) | (bytes[q + 3] << 24);
    h = Math.imul(h ^ w, 0x9e3779b1);
    h ^= h >>> 15;
  }
  for (; q < end; q++) h = Math.imul(h ^ bytes[q], 0x01000193);
  return mix32(h);
}

/** The payload hash of an empty payload (every `fixed` record). */
export const EMPTY_PAYLOAD_HASH = hashPayload(new Uint8Array(0), 0, 0);
