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
