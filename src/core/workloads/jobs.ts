/**
 * The jobs: `parse`, `group` and `group-naive`, as accumulators over byte ranges.
 *
 * An accumulator folds records into an order-independent checksum (and, for the group
 * jobs, a hash table by key); finishAccumulator turns it into a PartialResult of numbers
 * and typed arrays that can be transferred between realms and merged in any order.
 * The hot loops allocate nothing per record: format readers fill one RecordFields
 * scratch object, the table lives in typed arrays.
 */

import { DataError, type Format, type JobKind, type JobSpec } from '../model/types';
import { nextRecordStart } from './formats/codec';
import { lineNumberAt, readCsv } from './formats/csv';
import { FIXED_RECORD_BYTES, HOST_LITTLE_ENDIAN, readFixed, viewOf } from './formats/fixed';
import { readVarlen } from './formats/varlen';
import { mix32, mix32b } from './prng';
import { EMPTY_PAYLOAD_HASH, hashPayload, MAX_COST, RecordFields, TS_HI_LIMIT } from './record';
import type { PartialResult } from './partial';
import { validateJobSpec } from './validate';
import { E_COUNT, E_MAX_PRICE, E_MAX_SIZE, E_MIN_PRICE, E_MIN_SIZE, E_SUM_PRICE, E_SUM_SIZE, GroupHashTable } from './group-table';
// ---------------------------------------------------------------------------------------
// Accumulator
// ---------------------------------------------------------------------------------------

/** Mutable per-task state of one job; create with createAccumulator. Not transferable: finish it. */
class AccumulatorState {
  records = 0;
  /** Checksum lanes, kept as int32 sums (mod 2^32). */
  sumA = 0;
  sumB = 0;
  readonly r = new RecordFields();
  constructor(
    readonly job: JobKind,
    readonly workRounds: number,
    /** The id that throws, or −1 (no u32 id equals −1). */
    readonly faultAt: number,
    readonly table: GroupHashTable | null,
  ) {}
}

/** An accumulator of one job over any number of byte ranges. */
export type Accumulator = AccumulatorState;

/**
 * A fresh accumulator for job. expectedKeys (e.g. the dataset's distinctKeys) presizes
 * the group table so it does not grow in the hot loop; it grows anyway if exceeded.
 */
export function createAccumulator(job: JobSpec, expectedKeys = 0): Accumulator {
  validateJobSpec(job);
  const table = job.job === 'parse' ? null : new GroupHashTable(Math.max(0, Math.min(expectedKeys, 2 ** 24)));
  return new AccumulatorState(job.job, job.workRounds, job.faultAtRecord ?? -1, table);
}

/**
 * Folds one decoded record into the checksum: a 64-bit hash in two independent u32 lanes
 * over every field and the payload hash (one multiply-xorshift step per field, unrelated
 * constants per lane), then workRounds · cost rounds of integer mixing seeded from it and
 * folded back into lane A (so the work cannot be optimised away). The lanes are summed
 * mod 2^32: the checksum is independent of record order.
 *
 * This is the definition. The two `fixed` word loops below write the same steps out again,
 * with the fields in locals: through shared helper functions (inlined by the JIT) every
 * loop ran 10–30% slower in Chromium. Tests keep the copies equal (fixed = varlen = csv
 * digests; the word loops = this path on an unaligned view).
 */
function foldRecord(acc: AccumulatorState, bytes: Uint8Array, r: RecordFields): void {
  const id = r.id;
  if (id === acc.faultAt) throw new Error('injected fault at record ' + id);
  const ph = hashPayload(bytes, r.payloadStart, r.payloadEnd);
  // Two lanes with unrelated constants, one multiply-xorshift step per field each,
  // written out by hand: this runs once per record and must not depend on inlining.
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  a = Math.imul(a ^ id, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ id, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ r.key, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ r.key, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ r.tsLo, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ r.tsLo, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ r.tsHi, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ r.tsHi, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ r.price, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ r.price, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ r.size, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ r.size, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ r.cost, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ r.cost, 0x85ebca77); b ^= b >>> 13;
  a = mix32(a ^ ph);
  b = mix32b(b ^ ph);
  const rounds = acc.workRounds * r.cost;
  if (rounds > 0) a = (a + workMix(a, b, rounds)) | 0;
  acc.sumA = (acc.sumA + a) | 0;
  acc.sumB = (acc.sumB + b) | 0;
  acc.records++;
}

/**
 * The per-record work: `rounds` (> 0) xorshift-multiply steps seeded from both lanes, a
 * serial dependency chain of about 1 ns a step; returns what to add to lane A. The step is
 * a bijection on u32, so an odd start never reaches the fixed point 0. Callers test
 * rounds > 0 themselves: with the call behind a branch never taken at 0 work rounds, the
 * `fixed` loops ran ~1.7× faster than with the call (and its loop) in the expression.
 */
function workMix(a: number, b: number, rounds: number): number {
  let x = (a ^ b) | 1;
  for (let k = rounds; k > 0; k--) {
    x ^= x >>> 15;
    x = Math.imul(x, 0x2c1b3c6d);
  }
  return x;
}

/** The record a reader just put into acc.r (it started at byte `start`): checked, folded, added to table if given. */
function foldReadRecord(acc: AccumulatorState, format: Format, bytes: Uint8Array, start: number, table: GroupHashTable | null): void {
  const r = acc.r;
  if (r.cost > MAX_COST) costError(format, bytes, start, r.cost);
  foldRecord(acc, bytes, r);
  if (table !== null) table.add(r.key, r.price, r.size);
}

/**
 * Processes exactly the records whose start offset lies in [byteStart, byteEnd) of bytes
 * (a plain Uint8Array or a view over a SharedArrayBuffer) and returns how many. If
 * byteStart is not a record boundary it skips to the next one (nextRecordStart); the
 * record starting last before byteEnd is read to its end, even past byteEnd. So byte
 * cuts at arbitrary offsets, processed this way, see every record exactly once.
 * Throws DataError on corrupt data, Error on an injected fault.
 */
export function processRange(acc: Accumulator, format: Format, bytes: Uint8Array, byteStart: number, byteEnd: number): number {
  if (!Number.isInteger(byteStart) || !Number.isInteger(byteEnd) || byteStart < 0 || byteEnd < 0) {
    throw new RangeError(`byte range [${byteStart}, ${byteEnd}) must be non-negative integers`);
  }
  const end = Math.min(byteEnd, bytes.length);
  if (byteStart >= end) return 0;
  const first = nextRecordStart(format, bytes, byteStart);
  if (first >= end) return 0;
  if (acc.job === 'group-naive') return processNaive(acc, format, bytes, first, end);
  return scan(acc, format, bytes, first, end, acc.table);
}

/** One pass over the records starting in [p, end): fold each, and add it to table if given. */
function scan(acc: AccumulatorState, format: Format, bytes: Uint8Array, p: number, end: number, table: GroupHashTable | null): number {
  const r = acc.r;
  const before = acc.records;
  // One loop per format keeps each loop's reader call monomorphic.
  switch (format) {
    case 'fixed':
      scanFixed(acc, bytes, p, end, table);
      break;
    case 'varlen':
      while (p < end) {
        const start = p;
        p = readVarlen(bytes, p, r);
        foldReadRecord(acc, format, bytes, start, table);
      }
      break;
    case 'csv':
      while (p < end) {
        const start = p;
        p = readCsv(bytes, p, r);
        foldReadRecord(acc, format, bytes, start, table);
      }
      break;
  }
  return acc.records - before;
}

/**
 * `fixed` records: the word loops below when the bytes can be read as host u32 words
 * (little-endian host, 4-byte-aligned view: every buffer the engine makes); otherwise the
 * generic reader, which computes the same fold, more slowly.
 */
function scanFixed(acc: AccumulatorState, bytes: Uint8Array, p: number, end: number, table: GroupHashTable | null): void {
  if (HOST_LITTLE_ENDIAN && (bytes.byteOffset & 3) === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
    if (table === null) {
      parseFixedWords(acc, bytes, words, p, end);
    } else {
      const view = viewOf(bytes);
      for (;;) {
        p = groupFixedWords(acc, bytes, words, p, end, table);
        if (p >= end) break;
        // A record with a new key: added by the generic path, then back to the word loop.
        const start = p;
        p = readFixed(view, p, acc.r);
        foldReadRecord(acc, 'fixed', bytes, start, table);
      }
    }
    return;
  }
  const view = viewOf(bytes);
  while (p < end) {
    const start = p;
    p = readFixed(view, p, acc.r);
    foldReadRecord(acc, 'fixed', bytes, start, table);
  }
}

/**
 * The checks readFixed makes, on words: false when the record at byte p is truncated, has
 * ts ≥ 2^53 or a non-zero reserved word. The caller then lets readFixed throw the exact
 * DataError. (The cost check is separate: readFixed accepts any cost, the jobs do not.)
 */
function fixedRecordOk(words: Uint32Array, p: number, byteLength: number): boolean {
  const q = p >>> 2;
  return p + FIXED_RECORD_BYTES <= byteLength && words[q + 3] < TS_HI_LIMIT && words[q + 7] === 0;
}

/**
 * `parse` over `fixed` words: readFixed + foldRecord with the fields in locals and the
 * constant empty-payload hash, the shape the JIT compiles best (the benchmark compares
 * it with a hand-written DataView loop).
 */
function parseFixedWords(acc: AccumulatorState, bytes: Uint8Array, words: Uint32Array, p: number, end: number): void {
  const byteLength = bytes.byteLength;
  const { workRounds, faultAt } = acc;
  let sumA = acc.sumA;
  let sumB = acc.sumB;
  let records = acc.records;
  for (; p < end; p += FIXED_RECORD_BYTES) {
    if (!fixedRecordOk(words, p, byteLength)) readFixed(viewOf(bytes), p, acc.r);
    const q = p >>> 2;
    const id = words[q];
    const cost = words[q + 6];
    if (cost > MAX_COST) costError('fixed', bytes, p, cost);
    if (id === faultAt) throw new Error('injected fault at record ' + id);
    const key = words[q + 1], tsLo = words[q + 2], tsHi = words[q + 3], price = words[q + 4], size = words[q + 5];
    let a = 0x243f6a88;
    let b = 0x85a308d3;
    a = Math.imul(a ^ id, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ id, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ key, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ key, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ tsLo, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ tsLo, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ tsHi, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ tsHi, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ price, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ price, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ size, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ size, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ cost, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ cost, 0x85ebca77); b ^= b >>> 13;
    a = mix32(a ^ EMPTY_PAYLOAD_HASH) | 0;
    b = mix32b(b ^ EMPTY_PAYLOAD_HASH) | 0;
    const rounds = workRounds * cost;
    if (rounds > 0) a = (a + workMix(a, b, rounds)) | 0;
    sumA = (sumA + a) | 0;
    sumB = (sumB + b) | 0;
    records++;
  }
  acc.sumA = sumA;
  acc.sumB = sumB;
  acc.records = records;
}

/**
 * `group` over `fixed` words: the parse loop plus the table update of GroupHashTable.add,
 * written out, with the table's arrays in constants (the JIT then keeps them in registers;
 * re-reading them after every insert made the loop ~2× slower). A record with a key not yet
 * in the table stops the loop before it is counted; the caller adds that record through the
 * generic path (which may reallocate the table) and calls again. Returns where it stopped.
 * A separate loop from parseFixedWords: one loop with the table behind a flag ran `parse`
 * ~2× slower in a worker that only ever parses (measured in Chromium).
 */
function groupFixedWords(acc: AccumulatorState, bytes: Uint8Array, words: Uint32Array, p: number, end: number, table: GroupHashTable): number {
  const byteLength = bytes.byteLength;
  const { workRounds, faultAt } = acc;
  const { slotKey, slotEntry, entries, mask, shift } = table;
  let sumA = acc.sumA;
  let sumB = acc.sumB;
  let records = acc.records;
  for (; p < end; p += FIXED_RECORD_BYTES) {
    if (!fixedRecordOk(words, p, byteLength)) readFixed(viewOf(bytes), p, acc.r);
    const q = p >>> 2;
    const key = words[q + 1];
    // The lookup of GroupHashTable.entryOf, without the insert.
    let s = Math.imul(key, 0x9e3779b1) >>> shift;
    let o = slotEntry[s] - 1;
    while (o >= 0 && slotKey[s] !== key) {
      s = (s + 1) & mask;
      o = slotEntry[s] - 1;
    }
    if (o < 0) break;
    const id = words[q];
    const price = words[q + 4];
    const size = words[q + 5];
    const cost = words[q + 6];
    if (cost > MAX_COST) costError('fixed', bytes, p, cost);
    if (id === faultAt) throw new Error('injected fault at record ' + id);
    const tsLo = words[q + 2], tsHi = words[q + 3];
    let a = 0x243f6a88;
    let b = 0x85a308d3;
    a = Math.imul(a ^ id, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ id, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ key, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ key, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ tsLo, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ tsLo, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ tsHi, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ tsHi, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ price, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ price, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ size, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ size, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ cost, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ cost, 0x85ebca77); b ^= b >>> 13;
    a = mix32(a ^ EMPTY_PAYLOAD_HASH) | 0;
    b = mix32b(b ^ EMPTY_PAYLOAD_HASH) | 0;
    const rounds = workRounds * cost;
    if (rounds > 0) a = (a + workMix(a, b, rounds)) | 0;
    sumA = (sumA + a) | 0;
    sumB = (sumB + b) | 0;
    records++;
    entries[o + E_COUNT] += 1;
    entries[o + E_SUM_PRICE] += price;
    if (price < entries[o + E_MIN_PRICE]) entries[o + E_MIN_PRICE] = price;
    if (price > entries[o + E_MAX_PRICE]) entries[o + E_MAX_PRICE] = price;
    entries[o + E_SUM_SIZE] += size;
    if (size < entries[o + E_MIN_SIZE]) entries[o + E_MIN_SIZE] = size;
    if (size > entries[o + E_MAX_SIZE]) entries[o + E_MAX_SIZE] = size;
  }
  acc.sumA = sumA;
  acc.sumB = sumB;
  acc.records = records;
  return p;
}

/** Reports a record whose cost exceeds MAX_COST (it would take ~forever to process). */
function costError(format: Format, bytes: Uint8Array, start: number, cost: number): never {
  const what = `cost ${cost} is above the maximum ${MAX_COST}`;
  if (format === 'csv') {
    const line = lineNumberAt(bytes, start);
    throw new DataError(`csv line ${line}: ${what} (byte ${start})`, { line, byteOffset: start });
  }
  throw new DataError(`${format}: record at byte ${start}: ${what}`, { byteOffset: start });
}

/**
 * The N+1-queries pattern: one scan to parse everything and collect the distinct keys,
 * then, for each distinct key, another full scan of the range (decoding every record
 * again) that aggregates only that key's records. Same table as `group`, K+1 scans.
 */
function processNaive(acc: AccumulatorState, format: Format, bytes: Uint8Array, first: number, end: number): number {
  const distinct = new GroupHashTable(0);
  const n = scan(acc, format, bytes, first, end, distinct);
  const table = acc.table!;
  const r = acc.r;
  const view = format === 'fixed' ? viewOf(bytes) : null;
  for (let e = 0; e < distinct.size; e++) {
    const key = distinct.keyAt(e);
    let p = first;
    switch (format) {
      case 'fixed':
        while (p < end) {
          p = readFixed(view!, p, r);
          if (r.key === key) table.add(key, r.price, r.size);
        }
        break;
      case 'varlen':
        while (p < end) {
          p = readVarlen(bytes, p, r);
          if (r.key === key) table.add(key, r.price, r.size);
        }
        break;
      case 'csv':
        while (p < end) {
          p = readCsv(bytes, p, r);
          if (r.key === key) table.add(key, r.price, r.size);
        }
        break;
    }
  }
  return n;
}

/** The accumulator's result as plain, transferable data (the accumulator stays usable). */
export function finishAccumulator(acc: Accumulator): PartialResult {
  return {
    job: acc.job,
    records: acc.records,
    checksumHi: acc.sumA >>> 0,
    checksumLo: acc.sumB >>> 0,
    table: acc.table ? acc.table.compact() : null,
  };
}

