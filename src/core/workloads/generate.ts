/**
 * The seeded dataset generator. Record i is a pure function of (spec, i): every value
 * comes from the counter-based hash of (seed, i, lane), so a shard is generated without
 * generating the records before it, and the same spec gives the same bytes in every realm.
 */

import type { DatasetSpec } from '../model/types';
import { FIXED_RECORD_BYTES, HOST_LITTLE_ENDIAN, viewOf, writeFixedRecord } from './formats/fixed';
import { VARLEN_MIN_RECORD_BYTES, VARLEN_TERMINATOR, writeVarlenHeader } from './formats/varlen';
import { CSV_FIELDS, decimalDigits, writeCsvNumbers } from './formats/csv';
import { laneHash, mix32b, recordBase, seedKey, uniformBelow } from './prng';
import { allocColumns, MAX_COST, TWO_POW_32, type RecordColumns } from './record';
import { validateDatasetSpec } from './validate';
import { zipfRank, zipfThresholds } from './zipf';

// Lanes of a record's random values. Payload word j uses lane LANE_PAYLOAD + j.
const LANE_KEY = 0;
const LANE_JITTER = 1;
const LANE_PRICE = 2;
const LANE_SIZE = 3;
const LANE_PAYLOAD_LEN = 4;
const LANE_PAYLOAD = 5;
/** laneHash(base, lane) = mix32b(base + LANE_OFFSET[lane]) for the fixed lanes. */
const LANE_OFFSET = Int32Array.from({ length: LANE_PAYLOAD }, (_, lane) => Math.imul(lane + 1, 0x632be5ab));

/** Nanoseconds between consecutive records' nominal timestamps; jitter is 0 … TS_STEP−1. */
export const TS_STEP = 1000;
/** price is an integer in [1, PRICE_LIMIT). */
export const PRICE_LIMIT = 2 ** 24;
/** size is an integer in [1, SIZE_LIMIT). */
export const SIZE_LIMIT = 2 ** 16;
/** cost is an integer in [1, 1 + MAX_EXTRA_COST] = [1, MAX_COST]. */
export const MAX_EXTRA_COST = MAX_COST - 1;

/**
 * Payload alphabet: printable ASCII 0x20 … 0x7E without ',' and '"' (93 characters), so
 * csv needs no quoting and no payload byte is ever 0x1D, '\n' or has the high bit set.
 */
export const PAYLOAD_ALPHABET: Uint8Array = (() => {
  const chars: number[] = [];
  for (let c = 0x20; c <= 0x7e; c++) if (c !== 0x2c && c !== 0x22) chars.push(c);
  return Uint8Array.from(chars);
})();
// Byte → character; maps 256 values onto 93 (each character 2 or 3 times: a slight,
// deterministic bias that is irrelevant for a workload payload).
const PAYLOAD_CHAR = Uint8Array.from({ length: 256 }, (_, b) => PAYLOAD_ALPHABET[(b * PAYLOAD_ALPHABET.length) >>> 8]);

/** The bijective u32 scramble of a key rank z: keys are sparse u32 values, so grouping needs a real hash table. */
export function keyOfRank(z: number): number {
  // mix32b is a bijection with mix32b(0) = 0; the offset means rank z < 2^20 never yields
  // key 0 (that would need z = 2^32 − 0x9e3779b9). Key 0 is still legal data and handled.
  return mix32b((z + 0x9e3779b9) | 0);
}

/**
 * The generator for one spec: everything derived from the spec once, then `at(i)` fills
 * the fields of record i. Results land in fields rather than a returned object or
 * number, so the hot loops allocate nothing and no u32 is boxed on a call boundary.
 */
class RecordGen {
  readonly sk: number;
  readonly records: number;
  readonly keys: number;
  readonly zipf: Float64Array | null;
  readonly costScale: number;
  /** 2·payloadBytes + 1: payload length is uniform in [0, 2·payloadBytes]. */
  readonly payloadSpan: number;
  // Record i after at(i):
  base = 0;
  key = 0;
  ts = 0;
  price = 0;
  size = 0;
  cost = 0;
  payloadLength = 0;

  constructor(spec: DatasetSpec) {
    this.sk = seedKey(spec.seed);
    this.records = spec.records;
    this.keys = spec.distinctKeys;
    this.zipf = spec.keySkew > 0 ? zipfThresholds(spec.distinctKeys, spec.keySkew) : null;
    this.costScale = MAX_EXTRA_COST * spec.costSkew;
    this.payloadSpan = spec.format === 'fixed' ? 1 : 2 * spec.payloadBytes + 1;
  }

  at(i: number): void {
    // The mixers of prng.ts written out inline (recordBase, laneHash, keyOfRank): this is
    // the generator's hot path, and inlining by hand does not depend on the JIT's
    // inlining budget. prng.test checks the two stay identical.
    let x = Math.imul(i, 0x9e3779b1) ^ this.sk; // recordBase = mix32(i·φ ^ sk)
    x ^= x >>> 16;
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    x ^= x >>> 16;
    this.base = x >>> 0;

    let y = (x + LANE_OFFSET[LANE_KEY]) | 0; // laneHash(base, LANE_KEY) = mix32b(base + offset)
    y ^= y >>> 16;
    y = Math.imul(y, 0x7feb352d);
    y ^= y >>> 15;
    y = Math.imul(y, 0x846ca68b);
    y ^= y >>> 16;
    // K ≤ 2^20, so uniformBelow is exact.
    let z = this.zipf !== null ? zipfRank(this.zipf, y >>> 0) : uniformBelow(y >>> 0, this.keys);
    z = (z + 0x9e3779b9) | 0; // keyOfRank(z) = mix32b(z + 0x9e3779b9)
    z ^= z >>> 16;
    z = Math.imul(z, 0x7feb352d);
    z ^= z >>> 15;
    z = Math.imul(z, 0x846ca68b);
    z ^= z >>> 16;
    this.key = z >>> 0;

    y = (x + LANE_OFFSET[LANE_JITTER]) | 0;
    y ^= y >>> 16;
    y = Math.imul(y, 0x7feb352d);
    y ^= y >>> 15;
    y = Math.imul(y, 0x846ca68b);
    y ^= y >>> 16;
    // Integer ns: i·1000 + jitter < 5·10^10 + 1000 < 2^53 for i < MAX_RECORDS: exact in a double.
    this.ts = i * TS_STEP + uniformBelow(y >>> 0, TS_STEP);

    y = (x + LANE_OFFSET[LANE_PRICE]) | 0;
    y ^= y >>> 16;
    y = Math.imul(y, 0x7feb352d);
    y ^= y >>> 15;
    y = Math.imul(y, 0x846ca68b);
    y ^= y >>> 16;
    // The top 24 bits, 0 mapped to 1: price in [1, 2^24).
    this.price = y >>> 8 || 1;

    y = (x + LANE_OFFSET[LANE_SIZE]) | 0;
    y ^= y >>> 16;
    y = Math.imul(y, 0x7feb352d);
    y ^= y >>> 15;
    y = Math.imul(y, 0x846ca68b);
    y ^= y >>> 16;
    // The top 16 bits, 0 mapped to 1: size in [1, 2^16).
    this.size = y >>> 16 || 1;

    this.cost = this.costAt(i);
    this.payloadLength = this.payloadLengthOf(this.base);
  }

  /**
   * cost(i) = 1 + floor(63 · costSkew · (i / records)^3). The cubic puts the expensive
   * records at the end of the data: with static equal chunks the last worker gets most of
   * the work and the others sit idle, which dynamic batches fix (lesson "uneven work").
   * r·r·r rather than Math.pow keeps it exactly reproducible in every engine.
   */
  costAt(i: number): number {
    const r = i / this.records;
    return 1 + Math.floor(this.costScale * (r * r * r));
  }

  /** Payload length of the record with this base hash (0 for fixed). */
  payloadLengthOf(base: number): number {
    return this.payloadSpan > 1 ? uniformBelow(laneHash(base, LANE_PAYLOAD_LEN), this.payloadSpan) : 0;
  }
}

/** Writes the len payload bytes of the record with this base hash at p (4 bytes per hash). */
function writePayload(out: Uint8Array, p: number, base: number, len: number): void {
  let j = 0;
  for (; j + 4 <= len; j += 4) {
    const u = laneHash(base, LANE_PAYLOAD + (j >>> 2));
    out[p + j] = PAYLOAD_CHAR[u & 0xff];
    out[p + j + 1] = PAYLOAD_CHAR[(u >>> 8) & 0xff];
    out[p + j + 2] = PAYLOAD_CHAR[(u >>> 16) & 0xff];
    out[p + j + 3] = PAYLOAD_CHAR[u >>> 24];
  }
  if (j < len) {
    const u = laneHash(base, LANE_PAYLOAD + (j >>> 2));
    for (let k = 0; j < len; j++, k += 8) out[p + j] = PAYLOAD_CHAR[(u >>> k) & 0xff];
  }
}

function checkRange(spec: DatasetSpec, start: number, end: number): void {
  validateDatasetSpec(spec);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > spec.records) {
    throw new RangeError(`record range [${start}, ${end}) is not within [0, ${spec.records}]`);
  }
}

/** Records [start, end) of shard shardIndex of shardCount: start = floor(shardIndex · records / shardCount). */
export function shardRange(records: number, shardIndex: number, shardCount: number): { start: number; end: number } {
  if (!Number.isSafeInteger(records) || records < 0) throw new RangeError(`records must be a non-negative integer (got ${records})`);
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`shardCount must be an integer ≥ 1 (got ${shardCount})`);
  if (!Number.isInteger(shardIndex) || shardIndex < 0 || shardIndex >= shardCount) {
    throw new RangeError(`shardIndex must be an integer from 0 to ${shardCount - 1} (got ${shardIndex})`);
  }
  // The products must be exact for the shards to tile [0, records) with no gap or overlap.
  if (!Number.isSafeInteger(shardCount * records)) throw new RangeError('shardCount × records exceeds 2^53');
  return {
    start: Math.floor((shardIndex * records) / shardCount),
    end: Math.floor(((shardIndex + 1) * records) / shardCount),
  };
}

/** Records [start, end) of spec as columns (payloads for varlen/csv, null for fixed). */
export function generateColumns(spec: DatasetSpec, start: number, end: number): RecordColumns {
  checkRange(spec, start, end);
  const g = new RecordGen(spec);
  const n = end - start;
  const withPayload = spec.format !== 'fixed';
  const cols = allocColumns(n, false);
  const payload: Uint8Array<ArrayBuffer>[] | null = withPayload ? new Array<Uint8Array<ArrayBuffer>>(n) : null;
  for (let k = 0; k < n; k++) {
    const i = start + k;
    g.at(i);
    cols.id[k] = i;
    cols.key[k] = g.key;
    cols.ts[k] = g.ts;
    cols.price[k] = g.price;
    cols.size[k] = g.size;
    cols.cost[k] = g.cost;
    if (payload) {
      const bytes = new Uint8Array(g.payloadLength);
      writePayload(bytes, 0, g.base, g.payloadLength);
      payload[k] = bytes;
    }
  }
  cols.payload = payload;
  return cols;
}

/**
 * The encoded bytes of records [start, end) in spec.format. The result owns its whole
 * ArrayBuffer (byteOffset 0, exact length), so it can be transferred as is.
 */
export function generateRange(spec: DatasetSpec, start: number, end: number): Uint8Array<ArrayBuffer> {
  checkRange(spec, start, end);
  const g = new RecordGen(spec);
  switch (spec.format) {
    case 'fixed':
      return generateFixed(g, start, end);
    case 'varlen':
      return generateVarlen(g, start, end);
    case 'csv':
      return generateCsv(g, start, end);
  }
}

/** Shard shardIndex of shardCount of the dataset (see shardRange); the shards concatenate to generate(spec). */
export function generateShard(spec: DatasetSpec, shardIndex: number, shardCount: number): Uint8Array<ArrayBuffer> {
  validateDatasetSpec(spec);
  const { start, end } = shardRange(spec.records, shardIndex, shardCount);
  return generateRange(spec, start, end);
}

/** The whole dataset's bytes. */
export function generate(spec: DatasetSpec): Uint8Array<ArrayBuffer> {
  validateDatasetSpec(spec);
  return generateRange(spec, 0, spec.records);
}

function generateFixed(g: RecordGen, start: number, end: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array((end - start) * FIXED_RECORD_BYTES);
  writeFixedRecords(g, start, end, out, 0);
  return out;
}

/** Writes records [start, end) as `fixed` into out from byte `at` (a multiple of 4). */
function writeFixedRecords(g: RecordGen, start: number, end: number, out: Uint8Array, at: number): void {
  if (HOST_LITTLE_ENDIAN && (out.byteOffset + at) % 4 === 0) {
    // Aligned u32 stores straight into the buffer; the reserved word is written 0.
    const w = new Uint32Array(out.buffer, out.byteOffset + at, (end - start) * 8);
    for (let i = start, o = 0; i < end; i++, o += 8) {
      g.at(i);
      const ts = g.ts;
      w[o] = i;
      w[o + 1] = g.key;
      w[o + 2] = ts >>> 0;
      w[o + 3] = (ts / TWO_POW_32) >>> 0;
      w[o + 4] = g.price;
      w[o + 5] = g.size;
      w[o + 6] = g.cost;
      w[o + 7] = 0;
    }
  } else {
    const view = viewOf(out);
    for (let i = start, p = at; i < end; i++, p += FIXED_RECORD_BYTES) {
      g.at(i);
      writeFixedRecord(view, p, i, g.key, g.ts, g.price, g.size, g.cost);
    }
  }
}

/**
 * Records [start, end) of a `fixed` dataset written into `out` from byte `at`: the same
 * bytes generateRange returns, without a buffer of their own (the engine generates each
 * worker's share straight into the buffer it ships).
 */
export function generateFixedInto(spec: DatasetSpec, start: number, end: number, out: Uint8Array, at: number): void {
  checkRange(spec, start, end);
  if (spec.format !== 'fixed') throw new RangeError(`generateFixedInto: format must be fixed (got ${spec.format})`);
  if (!Number.isInteger(at) || at < 0 || at + (end - start) * FIXED_RECORD_BYTES > out.length) {
    throw new RangeError(`generateFixedInto: ${end - start} records do not fit at byte ${at} of ${out.length}`);
  }
  writeFixedRecords(new RecordGen(spec), start, end, out, at);
}

function generateVarlen(g: RecordGen, start: number, end: number): Uint8Array<ArrayBuffer> {
  // Pass 1: exact size (the payload length is one hash per record).
  let total = 0;
  for (let i = start; i < end; i++) total += VARLEN_MIN_RECORD_BYTES + g.payloadLengthOf(recordBase(g.sk, i));
  const out = new Uint8Array(total);
  for (let i = start, p = 0; i < end; i++) {
    g.at(i);
    const len = g.payloadLength;
    const recordBytes = VARLEN_MIN_RECORD_BYTES + len;
    const q = writeVarlenHeader(out, p, recordBytes, i, g.key, g.ts, g.price, g.size, g.cost);
    writePayload(out, q, g.base, len);
    out[q + len] = VARLEN_TERMINATOR;
    p += recordBytes;
  }
  return out;
}

// Widest decimal forms of the fields whose digits are not cheap to know in advance.
const KEY_DIGITS_MAX = 10; // u32
const PRICE_DIGITS_MAX = 8; // < 2^24
const SIZE_DIGITS_MAX = 5; // < 2^16

function generateCsv(g: RecordGen, start: number, end: number): Uint8Array<ArrayBuffer> {
  // Pass 1: a tight upper bound per line (exact digits for id, cost and payload; widest
  // for key, price, size; ts bounded by its jitter-free maximum). Pass 2 writes; if the
  // bound was not met exactly, the bytes are copied to an exact-size buffer (transient
  // peak memory ≈ bound + size).
  let bound = 0;
  for (let i = start; i < end; i++) {
    bound +=
      decimalDigits(i) +
      KEY_DIGITS_MAX +
      decimalDigits(i * TS_STEP + TS_STEP - 1) +
      PRICE_DIGITS_MAX +
      SIZE_DIGITS_MAX +
      decimalDigits(g.costAt(i)) +
      CSV_FIELDS +
      g.payloadLengthOf(recordBase(g.sk, i));
  }
  const out = new Uint8Array(bound);
  let p = 0;
  for (let i = start; i < end; i++) {
    g.at(i);
    p = writeCsvNumbers(out, p, i, g.key, g.ts, g.price, g.size, g.cost);
    const len = g.payloadLength;
    writePayload(out, p, g.base, len);
    p += len;
    out[p++] = 0x0a;
  }
  return p === bound ? out : out.slice(0, p);
}

/**
 * Bytes of generate(spec): exact for `fixed`, a safe upper bound for `varlen` and `csv`
 * (every payload at its longest, every number at its widest). For the memory guard.
 * Generating csv may transiently hold about twice its final size (see generateCsv).
 */
export function estimateBytes(spec: DatasetSpec): number {
  validateDatasetSpec(spec);
  const n = spec.records;
  if (n === 0) return 0;
  const maxPayload = 2 * spec.payloadBytes;
  switch (spec.format) {
    case 'fixed':
      return n * FIXED_RECORD_BYTES;
    case 'varlen':
      return n * (VARLEN_MIN_RECORD_BYTES + maxPayload);
    case 'csv': {
      const g = new RecordGen({ ...spec, keySkew: 0 }); // only costAt is used: skip the Zipf table
      const line =
        decimalDigits(n - 1) +
        KEY_DIGITS_MAX +
        decimalDigits((n - 1) * TS_STEP + TS_STEP - 1) +
        PRICE_DIGITS_MAX +
        SIZE_DIGITS_MAX +
        decimalDigits(g.costAt(n - 1)) +
        CSV_FIELDS +
        maxPayload;
      return n * line;
    }
  }
}
