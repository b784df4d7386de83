/**
 * The jobs: `parse`, `group` and `group-naive`, as accumulators over byte ranges.
 *
 * An accumulator folds records into an order-independent checksum (and, for the group
 * jobs, a hash table by key); finishAccumulator turns it into a PartialResult of numbers
 * and typed arrays that can be transferred between realms and merged in any order.
 * The hot loops allocate nothing per record: format readers fill one RecordFields
 * scratch object, the table lives in typed arrays.
 */

import { DataError, type Format, type JobKind, type JobSpec } from '../types';
import { nextRecordStart } from './formats/codec';
import { lineNumberAt, readCsv } from './formats/csv';
import { FIXED_RECORD_BYTES, readFixed, viewOf } from './formats/fixed';
import { readVarlen } from './formats/varlen';
import { mix32, mix32b } from './prng';
import { hashPayload, MAX_COST, RecordFields, TS_HI_LIMIT } from './record';
import { validateJobSpec } from './validate';

/**
 * A group-by table as compact columns: one entry per distinct key (in no particular
 * order). Sums are exact integers in doubles: ≤ MAX_RECORDS · 2^24 < 2^53.
 */
export interface GroupTable {
  keys: Uint32Array<ArrayBuffer>;
  counts: Uint32Array<ArrayBuffer>;
  sumPrice: Float64Array<ArrayBuffer>;
  minPrice: Uint32Array<ArrayBuffer>;
  maxPrice: Uint32Array<ArrayBuffer>;
  sumSize: Float64Array<ArrayBuffer>;
  minSize: Uint32Array<ArrayBuffer>;
  maxSize: Uint32Array<ArrayBuffer>;
}

/**
 * What a worker sends back: plain numbers and typed arrays (structured-clonable; the
 * table's buffers are transferable, see transferablesOf). Named PartialResult, not
 * Partial, so it does not shadow TypeScript's built-in Partial<T>.
 */
export interface PartialResult {
  job: JobKind;
  /** Records processed. */
  records: number;
  /** Checksum lane A: sum of every record's lane-A hash mod 2^32 (order-independent). */
  checksumHi: number;
  /** Checksum lane B: sum of every record's lane-B hash mod 2^32. */
  checksumLo: number;
  /** The aggregate table for `group` / `group-naive`; null for `parse`. */
  table: GroupTable | null;
}

/**
 * Alias of PartialResult under the design's name. Import it renamed
 * (`type Partial as JobPartial`): unrenamed, it shadows TypeScript's Partial<T>.
 */
export type Partial = PartialResult;

// ---------------------------------------------------------------------------------------
// Open-addressing hash table on typed arrays (linear probing, power-of-two capacity,
// grows at 70% load). Occupancy is a separate byte array, so every u32 — key 0
// included — is a legal key.
// ---------------------------------------------------------------------------------------

const MIN_CAPACITY = 16;
const MAX_LOAD = 0.7;

class HashTable {
  shift = 0;
  mask = 0;
  size = 0;
  limit = 0;
  used = new Uint8Array(0);
  keys = new Uint32Array(0);
  counts = new Uint32Array(0);
  sumPrice = new Float64Array(0);
  minPrice = new Uint32Array(0);
  maxPrice = new Uint32Array(0);
  sumSize = new Float64Array(0);
  minSize = new Uint32Array(0);
  maxSize = new Uint32Array(0);

  constructor(expectedKeys: number) {
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < expectedKeys && capacity < 2 ** 30) capacity *= 2;
    this.allocate(capacity);
  }

  private allocate(capacity: number): void {
    this.shift = 32 - Math.log2(capacity);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * MAX_LOAD);
    this.used = new Uint8Array(capacity);
    this.keys = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.sumPrice = new Float64Array(capacity);
    this.minPrice = new Uint32Array(capacity);
    this.maxPrice = new Uint32Array(capacity);
    this.sumSize = new Float64Array(capacity);
    this.minSize = new Uint32Array(capacity);
    this.maxSize = new Uint32Array(capacity);
  }

  /** The slot of key, inserted (with empty aggregates) if absent. */
  slot(key: number): number {
    // Fibonacci hashing: the top bits of key · 2^32/φ. Keys may be arbitrary (e.g.
    // sequential in hand-made data), so they are mixed, not used as is.
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    const used = this.used;
    const keys = this.keys;
    while (used[s] !== 0) {
      if (keys[s] === key) return s;
      s = (s + 1) & this.mask;
    }
    if (this.size >= this.limit) {
      this.grow();
      return this.slot(key);
    }
    used[s] = 1;
    keys[s] = key;
    this.minPrice[s] = 0xffffffff;
    this.minSize[s] = 0xffffffff;
    this.size++;
    return s;
  }

  /** Adds one record. */
  add(key: number, price: number, size: number): void {
    const s = this.slot(key);
    this.counts[s]++;
    this.sumPrice[s] += price;
    if (price < this.minPrice[s]) this.minPrice[s] = price;
    if (price > this.maxPrice[s]) this.maxPrice[s] = price;
    this.sumSize[s] += size;
    if (size < this.minSize[s]) this.minSize[s] = size;
    if (size > this.maxSize[s]) this.maxSize[s] = size;
  }

  /** Adds entry e of a compact table (merging by key). */
  addEntry(t: GroupTable, e: number): void {
    const s = this.slot(t.keys[e]);
    this.counts[s] += t.counts[e];
    this.sumPrice[s] += t.sumPrice[e];
    if (t.minPrice[e] < this.minPrice[s]) this.minPrice[s] = t.minPrice[e];
    if (t.maxPrice[e] > this.maxPrice[s]) this.maxPrice[s] = t.maxPrice[e];
    this.sumSize[s] += t.sumSize[e];
    if (t.minSize[e] < this.minSize[s]) this.minSize[s] = t.minSize[e];
    if (t.maxSize[e] > this.maxSize[s]) this.maxSize[s] = t.maxSize[e];
  }

  private grow(): void {
    const old = this.compact();
    this.allocate((this.mask + 1) * 2);
    this.size = 0;
    for (let e = 0; e < old.keys.length; e++) this.addEntry(old, e);
  }

  /** The occupied entries as fresh compact arrays (slot order). */
  compact(): GroupTable {
    const n = this.size;
    const t: GroupTable = {
      keys: new Uint32Array(n),
      counts: new Uint32Array(n),
      sumPrice: new Float64Array(n),
      minPrice: new Uint32Array(n),
      maxPrice: new Uint32Array(n),
      sumSize: new Float64Array(n),
      minSize: new Uint32Array(n),
      maxSize: new Uint32Array(n),
    };
    const used = this.used;
    for (let s = 0, e = 0; s < used.length; s++) {
      if (used[s] === 0) continue;
      t.keys[e] = this.keys[s];
      t.counts[e] = this.counts[s];
      t.sumPrice[e] = this.sumPrice[s];
      t.minPrice[e] = this.minPrice[s];
      t.maxPrice[e] = this.maxPrice[s];
      t.sumSize[e] = this.sumSize[s];
      t.minSize[e] = this.minSize[s];
      t.maxSize[e] = this.maxSize[s];
      e++;
    }
    return t;
  }
}

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
    readonly table: HashTable | null,
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
  const table = job.job === 'parse' ? null : new HashTable(Math.max(0, Math.min(expectedKeys, 2 ** 24)));
  return new AccumulatorState(job.job, job.workRounds, job.faultAtRecord ?? -1, table);
}

/**
 * Folds one decoded record into the checksum: a 64-bit hash in two independent u32 lanes
 * over every field and the payload bytes, then workRounds · cost rounds of integer mixing
 * seeded from that hash and folded back in (so the work cannot be optimised away).
 * The lanes are summed mod 2^32: the checksum is independent of record order.
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
  if (rounds > 0) {
    // xorshift-multiply rounds: a bijection on u32 (so an odd, non-zero start never
    // reaches the fixed point 0), about 1 ns each, a serial dependency chain.
    let x = (a ^ b) | 1;
    for (let k = rounds; k > 0; k--) {
      x ^= x >>> 15;
      x = Math.imul(x, 0x2c1b3c6d);
    }
    a = (a + x) | 0;
  }
  acc.sumA = (acc.sumA + a) | 0;
  acc.sumB = (acc.sumB + b) | 0;
  acc.records++;
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
function scan(acc: AccumulatorState, format: Format, bytes: Uint8Array, p: number, end: number, table: HashTable | null): number {
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
        if (r.cost > MAX_COST) costError(format, bytes, start, r.cost);
        foldRecord(acc, bytes, r);
        if (table !== null) table.add(r.key, r.price, r.size);
      }
      break;
    case 'csv':
      while (p < end) {
        const start = p;
        p = readCsv(bytes, p, r);
        if (r.cost > MAX_COST) costError(format, bytes, start, r.cost);
        foldRecord(acc, bytes, r);
        if (table !== null) table.add(r.key, r.price, r.size);
      }
      break;
  }
  return acc.records - before;
}

/** hashPayload of an empty payload: every `fixed` record's, computed once. */
const EMPTY_PAYLOAD_HASH = hashPayload(new Uint8Array(0), 0, 0);

/**
 * The `fixed` hot loop: the same checks and the same arithmetic as readFixed + foldRecord,
 * with the fields and sums in locals instead of a shared record object and the constant
 * empty-payload hash — the bare-loop shape the JIT compiles best (the benchmark compares it
 * with a hand-written DataView loop). A record that fails a check is re-read by readFixed,
 * which throws the exact DataError.
 */
function scanFixed(acc: AccumulatorState, bytes: Uint8Array, p: number, end: number, table: HashTable | null): void {
  const view = viewOf(bytes);
  const limit = view.byteLength;
  const workRounds = acc.workRounds;
  const faultAt = acc.faultAt;
  let sumA = acc.sumA;
  let sumB = acc.sumB;
  let records = acc.records;
  for (; p < end; p += FIXED_RECORD_BYTES) {
    if (p + FIXED_RECORD_BYTES > limit || view.getUint32(p + 12, true) >= TS_HI_LIMIT || view.getUint32(p + 28, true) !== 0) {
      readFixed(view, p, acc.r);
    }
    const id = view.getUint32(p, true);
    const key = view.getUint32(p + 4, true);
    const tsLo = view.getUint32(p + 8, true);
    const tsHi = view.getUint32(p + 12, true);
    const price = view.getUint32(p + 16, true);
    const size = view.getUint32(p + 20, true);
    const cost = view.getUint32(p + 24, true);
    if (cost > MAX_COST) costError('fixed', bytes, p, cost);
    if (id === faultAt) throw new Error('injected fault at record ' + id);
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
    a = mix32(a ^ EMPTY_PAYLOAD_HASH);
    b = mix32b(b ^ EMPTY_PAYLOAD_HASH);
    const rounds = workRounds * cost;
    if (rounds > 0) {
      let x = (a ^ b) | 1;
      for (let k = rounds; k > 0; k--) {
        x ^= x >>> 15;
        x = Math.imul(x, 0x2c1b3c6d);
      }
      a = (a + x) | 0;
    }
    sumA = (sumA + a) | 0;
    sumB = (sumB + b) | 0;
    records++;
    if (table !== null) table.add(key, price, size);
  }
  acc.sumA = sumA;
  acc.sumB = sumB;
  acc.records = records;
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
  const distinct = new HashTable(0);
  const n = scan(acc, format, bytes, first, end, distinct);
  const table = acc.table!;
  const r = acc.r;
  const view = format === 'fixed' ? viewOf(bytes) : null;
  for (let s = 0; s < distinct.used.length; s++) {
    if (distinct.used[s] === 0) continue;
    const key = distinct.keys[s];
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

/** The ArrayBuffers of a partial's table, for postMessage's transfer list. */
export function transferablesOf(partial: PartialResult): ArrayBuffer[] {
  const t = partial.table;
  if (!t) return [];
  return [t.keys, t.counts, t.sumPrice, t.minPrice, t.maxPrice, t.sumSize, t.minSize, t.maxSize].map((a) => a.buffer);
}

/**
 * Merges partials of the same job: records and checksum lanes add (mod 2^32), tables
 * merge by key (counts and sums add, min/max combine). Order-independent.
 */
export function mergePartials(parts: readonly PartialResult[]): PartialResult {
  if (parts.length === 0) throw new RangeError('mergePartials needs at least one partial');
  const job = parts[0].job;
  let records = 0;
  let hi = 0;
  let lo = 0;
  let entries = 0;
  for (const p of parts) {
    if (p.job !== job) throw new RangeError(`cannot merge a ${p.job} partial with a ${job} partial`);
    if ((p.table === null) !== (job === 'parse')) throw new RangeError(`a ${job} partial has the wrong table`);
    records += p.records;
    hi = (hi + p.checksumHi) | 0;
    lo = (lo + p.checksumLo) | 0;
    entries += p.table ? p.table.keys.length : 0;
  }
  let table: GroupTable | null = null;
  if (job !== 'parse') {
    const merged = new HashTable(Math.min(entries, 2 ** 24));
    for (const p of parts) {
      const t = p.table!;
      for (let e = 0; e < t.keys.length; e++) merged.addEntry(t, e);
    }
    table = merged.compact();
  }
  return { job, records, checksumHi: hi >>> 0, checksumLo: lo >>> 0, table };
}
