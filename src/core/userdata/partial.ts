/**
 * Partial group-by answers over a user's file: per key, a record count and, per aggregated
 * column, an exact sum, a minimum and a maximum. Partials of disjoint record sets merge
 * with mergePartial, which is associative and commutative because every part of it is:
 * counts add, exact sums add (see decimal.ts), minima and maxima take the smaller/larger.
 * Plain data (Map, numbers, bigints), so a partial is structured-cloned out of a worker.
 */

import { addDecimal, addSum, compareDecimal, copyDecimal, emptySum, type Decimal, type ExactSum } from './decimal';
import type { IssueCode } from './types';

/** One aggregated column within one group. Empty cells are skipped: `values` counts the rest. */
export interface ColumnAcc {
  sum: ExactSum;
  values: number;
  min: Decimal | null;
  max: Decimal | null;
}

/** One group: its record count and one ColumnAcc per aggregated column. */
export interface GroupAcc {
  count: number;
  columns: ColumnAcc[];
}

/**
 * A problem found inside a chunk, before the chunk knows where it sits in the file:
 * `breaksBefore` counts line breaks from the chunk's start to the problem, `rowInChunk` the
 * records of the chunk before it. combineChunks turns it into a DataIssue.
 */
export interface PendingIssue {
  code: IssueCode;
  detail: string;
  byteOffset: number;
  breaksBefore: number;
  rowInChunk?: number;
  column?: string;
}

/** Records seen, the groups, and the first problem met (which stops the chunk). */
export interface GroupPartial {
  records: number;
  groups: Map<string, GroupAcc>;
  issue: PendingIssue | null;
}

/** An empty partial. */
export function emptyPartial(): GroupPartial {
  return { records: 0, groups: new Map(), issue: null };
}

/** The group for key, created empty with `columns` aggregated columns when missing. */
export function groupFor(partial: GroupPartial, key: string, columns: number): GroupAcc {
  let g = partial.groups.get(key);
  if (g === undefined) {
    g = { count: 0, columns: [] };
    for (let c = 0; c < columns; c++) g.columns.push({ sum: emptySum(), values: 0, min: null, max: null });
    partial.groups.set(key, g);
  }
  return g;
}

/** Adds one value (read into d, which may be a scratch value) to a column accumulator. */
export function addValue(acc: ColumnAcc, d: Decimal): void {
  addDecimal(acc.sum, d);
  acc.values++;
  if (acc.min === null || compareDecimal(d, acc.min) < 0) acc.min = copyDecimal(d);
  if (acc.max === null || compareDecimal(d, acc.max) > 0) acc.max = copyDecimal(d);
}

function mergeColumn(into: ColumnAcc, from: ColumnAcc): void {
  addSum(into.sum, from.sum);
  into.values += from.values;
  if (from.min !== null && (into.min === null || compareDecimal(from.min, into.min) < 0)) into.min = from.min;
  if (from.max !== null && (into.max === null || compareDecimal(from.max, into.max) > 0)) into.max = from.max;
}

/** Merges `from` into `into` (mutating `into`; `from` must not be used afterwards). Issues are not merged: combineChunks places them. */
export function mergePartial(into: GroupPartial, from: GroupPartial): GroupPartial {
  into.records += from.records;
  for (const [key, g] of from.groups) {
    const mine = into.groups.get(key);
    if (mine === undefined) {
      into.groups.set(key, g);
      continue;
    }
    mine.count += g.count;
    for (let c = 0; c < mine.columns.length; c++) mergeColumn(mine.columns[c], g.columns[c]);
  }
  return into;
}

interface IndexEntry {
  raw: Uint8Array;
  group: GroupAcc;
  next: IndexEntry | null;
}

/**
 * Finds a record's group from the raw bytes of its key, so a key seen before costs a hash
 * and a byte comparison instead of a decoded string and a string-keyed lookup. Raw bytes
 * determine the key text (the inner bytes of a quoted field, doubled quotes undone on
 * decoding), so equal bytes always mean the same group.
 */
export class GroupIndex {
  private readonly buckets = new Map<number, IndexEntry>();

  constructor(
    private readonly partial: GroupPartial,
    private readonly width: number,
  ) {}

  private static hash(bytes: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 ^ (e - s);
    for (let i = s; i < e; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return h;
  }

  /** The group whose key has the raw bytes bytes[s, e), or null when these bytes are new. */
  find(bytes: Uint8Array, s: number, e: number): GroupAcc | null {
    const n = e - s;
    outer: for (let entry = this.buckets.get(GroupIndex.hash(bytes, s, e)) ?? null; entry; entry = entry.next) {
      const raw = entry.raw;
      if (raw.length !== n) continue;
      for (let i = 0; i < n; i++) if (raw[i] !== bytes[s + i]) continue outer;
      return entry.group;
    }
    return null;
  }

  /** Records that the raw bytes bytes[s, e) decode to `key`; returns its group. */
  add(bytes: Uint8Array, s: number, e: number, key: string): GroupAcc {
    const h = GroupIndex.hash(bytes, s, e);
    const group = groupFor(this.partial, key, this.width);
    this.buckets.set(h, { raw: bytes.slice(s, e), group, next: this.buckets.get(h) ?? null });
    return group;
  }
}
