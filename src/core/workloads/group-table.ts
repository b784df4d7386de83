/**
 * The group-by hash table of the `group` jobs, on typed arrays.
 *
 * Two parts, because they want different shapes:
 * - a sparse slot index (open addressing, linear probing, power-of-two capacity, at most
 *   1/4 full): per slot the key and where its entry starts + 1 (0 = empty, so every u32 —
 *   key 0 included — is a legal key). Kept sparse so that a lookup almost always ends at its
 *   first slot: a mispredicted probe costs more than the rest of the update.
 * - dense entries in insertion order, ENTRY_WORDS doubles each (one 64-byte cache line):
 *   a record's update touches one line of one array, not one line in each of seven column
 *   arrays (measured: the column layout made `group` ~1.5× slower). All values are
 *   integers < 2^53, exact in doubles. compact() turns the entries into GroupTable columns.
 */

import type { GroupTable } from './partial';

const MIN_SLOTS = 16;
/** The slot index grows past this load (1/4): see the file comment. */
const MAX_LOAD = 0.25;
/** Most entries a table may hold: above MAX_RECORDS (5·10^7), so only a bug reaches it. */
const MAX_ENTRIES = 2 ** 26;

/** A compact table of n zeroed entries (callers fill every column). */
export function allocTable(n: number): GroupTable {
  return {
    keys: new Uint32Array(n),
    counts: new Uint32Array(n),
    sumPrice: new Float64Array(n),
    minPrice: new Uint32Array(n),
    maxPrice: new Uint32Array(n),
    sumSize: new Float64Array(n),
    minSize: new Uint32Array(n),
    maxSize: new Uint32Array(n),
  };
}

/** Doubles per entry, and the offset of each aggregate in an entry. */
export const ENTRY_WORDS = 8;
export const E_COUNT = 0;
export const E_SUM_PRICE = 1;
export const E_MIN_PRICE = 2;
export const E_MAX_PRICE = 3;
export const E_SUM_SIZE = 4;
export const E_MIN_SIZE = 5;
export const E_MAX_SIZE = 6;
export const E_KEY = 7;

export class GroupHashTable {
  /** 32 − log2(slots): Fibonacci hashing keeps the top bits. */
  shift = 0;
  mask = 0;
  /** Entries allowed before the slot index doubles. */
  private limit = 0;
  slotKey = new Uint32Array(0);
  /** The entry's offset in `entries` + 1; 0 marks an empty slot. */
  slotEntry = new Int32Array(0);
  /** Entries in use. */
  size = 0;
  /** ENTRY_WORDS doubles per entry, `size` in use. */
  entries = new Float64Array(0);

  /** expectedKeys presizes both parts so the hot loop never grows them (it grows anyway if exceeded). */
  constructor(expectedKeys: number) {
    const n = Math.max(MIN_SLOTS, Math.min(Math.ceil(expectedKeys), MAX_ENTRIES));
    this.entries = new Float64Array(n * ENTRY_WORDS);
    this.resizeSlots(n);
  }

  /**
   * The offset in `entries` of key's entry, created with empty aggregates if absent.
   * (The `fixed` hot loop in jobs.ts writes this lookup out inline.)
   */
  entryOf(key: number): number {
    // Fibonacci hashing: the top bits of key · 2^32/φ. Keys may be arbitrary (e.g.
    // sequential in hand-made data), so they are mixed, not used as is.
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    const slotEntry = this.slotEntry;
    const slotKey = this.slotKey;
    for (;;) {
      const e = slotEntry[s];
      if (e === 0) return this.insert(key, s);
      if (slotKey[s] === key) return e - 1;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds one record. */
  add(key: number, price: number, size: number): void {
    const o = this.entryOf(key);
    const t = this.entries;
    t[o + E_COUNT] += 1;
    t[o + E_SUM_PRICE] += price;
    if (price < t[o + E_MIN_PRICE]) t[o + E_MIN_PRICE] = price;
    if (price > t[o + E_MAX_PRICE]) t[o + E_MAX_PRICE] = price;
    t[o + E_SUM_SIZE] += size;
    if (size < t[o + E_MIN_SIZE]) t[o + E_MIN_SIZE] = size;
    if (size > t[o + E_MAX_SIZE]) t[o + E_MAX_SIZE] = size;
  }

  /** Adds entry i of a compact table (merging by key). */
  addEntry(c: GroupTable, i: number): void {
    const o = this.entryOf(c.keys[i]);
    const t = this.entries;
    t[o + E_COUNT] += c.counts[i];
    t[o + E_SUM_PRICE] += c.sumPrice[i];
    if (c.minPrice[i] < t[o + E_MIN_PRICE]) t[o + E_MIN_PRICE] = c.minPrice[i];
    if (c.maxPrice[i] > t[o + E_MAX_PRICE]) t[o + E_MAX_PRICE] = c.maxPrice[i];
    t[o + E_SUM_SIZE] += c.sumSize[i];
    if (c.minSize[i] < t[o + E_MIN_SIZE]) t[o + E_MIN_SIZE] = c.minSize[i];
    if (c.maxSize[i] > t[o + E_MAX_SIZE]) t[o + E_MAX_SIZE] = c.maxSize[i];
  }

  /** The key of every entry in use, in insertion order. */
  keyAt(i: number): number {
    return this.entries[i * ENTRY_WORDS + E_KEY];
  }

  /** The entries in use as fresh compact columns (insertion order). */
  compact(): GroupTable {
    const n = this.size;
    const c = allocTable(n);
    const t = this.entries;
    for (let i = 0, o = 0; i < n; i++, o += ENTRY_WORDS) {
      c.keys[i] = t[o + E_KEY];
      c.counts[i] = t[o + E_COUNT];
      c.sumPrice[i] = t[o + E_SUM_PRICE];
      c.minPrice[i] = t[o + E_MIN_PRICE];
      c.maxPrice[i] = t[o + E_MAX_PRICE];
      c.sumSize[i] = t[o + E_SUM_SIZE];
      c.minSize[i] = t[o + E_MIN_SIZE];
      c.maxSize[i] = t[o + E_MAX_SIZE];
    }
    return c;
  }

  /**
   * Out of the hot path: a new key at empty slot s; returns its entry's offset. May
   * reallocate `entries` and the slot arrays: callers holding them must re-read them.
   */
  insert(key: number, s: number): number {
    const i = this.size;
    if (i >= MAX_ENTRIES) throw new RangeError(`group: more than ${MAX_ENTRIES} distinct keys`);
    if ((i + 1) * ENTRY_WORDS > this.entries.length) {
      const grown = new Float64Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    const o = i * ENTRY_WORDS;
    this.size = i + 1;
    this.entries[o + E_KEY] = key;
    this.entries[o + E_MIN_PRICE] = 0xffffffff;
    this.entries[o + E_MIN_SIZE] = 0xffffffff;
    if (this.size > this.limit) {
      this.resizeSlots(this.size); // rehashes every key, this one included
    } else {
      this.slotKey[s] = key;
      this.slotEntry[s] = o + 1;
    }
    return o;
  }

  /** Rebuilds the slot index big enough for `n` keys and re-enters the keys in use. */
  private resizeSlots(n: number): void {
    let slots = MIN_SLOTS;
    while (slots * MAX_LOAD < n) slots *= 2;
    this.shift = 32 - Math.log2(slots);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * MAX_LOAD);
    this.slotKey = new Uint32Array(slots);
    this.slotEntry = new Int32Array(slots);
    for (let i = 0; i < this.size; i++) {
      const key = this.keyAt(i);
      let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slotEntry[s] !== 0) s = (s + 1) & this.mask;
      this.slotKey[s] = key;
      this.slotEntry[s] = i * ENTRY_WORDS + 1;
    }
  }
}
