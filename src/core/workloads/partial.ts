/**
 * What a job's accumulator hands back: a PartialResult of plain numbers and typed arrays that
 * can be transferred between realms, and merging partials of one job in any order.
 */

import type { JobKind } from '../model/types';
import { GroupHashTable } from './group-table';

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
  // The merged table has at least as many entries as the largest part (usually exactly as
  // many: workers see the same keys); presize to that and let it grow past it if needed.
  let largest = 0;
  for (const p of parts) {
    if (p.job !== job) throw new RangeError(`cannot merge a ${p.job} partial with a ${job} partial`);
    if ((p.table === null) !== (job === 'parse')) throw new RangeError(`a ${job} partial has the wrong table`);
    records += p.records;
    hi = (hi + p.checksumHi) | 0;
    lo = (lo + p.checksumLo) | 0;
    largest = Math.max(largest, p.table ? p.table.keys.length : 0);
  }
  let table: GroupTable | null = null;
  if (job !== 'parse') {
    const merged = new GroupHashTable(largest);
    for (const p of parts) {
      const t = p.table!;
      for (let e = 0; e < t.keys.length; e++) merged.addEntry(t, e);
    }
    table = merged.compact();
  }
  return { job, records, checksumHi: hi >>> 0, checksumLo: lo >>> 0, table };
}
