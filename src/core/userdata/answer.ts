/**
 * The group-by answer over a user's file in canonical form: one row per key, sorted by
 * key, every number spelled exactly. Two runs have the same answer exactly when their
 * canonical texts are equal, so its hash (the digest) proves parallel = sequential.
 *
 * Numbers: each aggregated column is written at one scale, the most digits after the point
 * of any value in that column (so `1.5` and `1.50` both read as `1.50` when the column has
 * a 2-decimal value): the scale is the maximum over all values, the same for any split.
 * A group with no values in a column has an empty min and max and a sum of 0.
 *
 * Key order: numeric when every non-empty key is a plain decimal (the empty key first,
 * equal numbers such as `1` and `01` by their text), otherwise by UTF-16 code units.
 */

import { toCsv, type Cell } from '../io/csv';
import { mix32, mix32b } from '../workloads/prng';
import { compareDecimal, formatDecimal, formatScaled, readDecimalText, sumAt, type Decimal } from './decimal';
import type { Digest } from '../model/types';
import type { GroupPartial } from './partial';
import { ALL_RECORDS, NO_GROUP, type UserJob } from './types';

/** A finished answer: names and rows as exact text. */
export interface UserAnswer {
  /** Name of the group-by column. */
  key: string;
  /** Names of the aggregated columns, in order. */
  aggregates: string[];
  /** Whether keys were ordered (and are written) as numbers. */
  numericKeys: boolean;
  /** Per key: [key, count, then sum, min, max for each aggregated column]. */
  rows: string[][];
  /** Records counted. */
  records: number;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The answer of a finished (fully merged) partial. */
export function finishAnswer(job: UserJob, partial: GroupPartial): UserAnswer {
  const width = job.aggregate.length;
  const scales = new Array<number>(width).fill(0);
  for (const g of partial.groups.values()) {
    for (let c = 0; c < width; c++) scales[c] = Math.max(scales[c], g.columns[c].sum.scale);
  }
  const keys = [...partial.groups.keys()];
  const parsed = new Map<string, Decimal>();
  let numericKeys = keys.some((k) => k !== '');
  for (const k of keys) {
    if (k === '') continue;
    const d: Decimal = { m: 0, s: 0, f: 0 };
    if (readDecimalText(k, d) !== 'ok') {
      numericKeys = false;
      break;
    }
    parsed.set(k, d);
  }
  if (numericKeys) {
    keys.sort((a, b) => {
      if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
      return compareDecimal(parsed.get(a)!, parsed.get(b)!) || byText(a, b);
    });
  } else keys.sort(byText);
  const rows = keys.map((k) => {
    const g = partial.groups.get(k)!;
    const row = [k, String(g.count)];
    for (let c = 0; c < width; c++) {
      const col = g.columns[c];
      row.push(
        formatScaled(sumAt(col.sum, scales[c]), scales[c]),
        col.min === null ? '' : formatDecimal(col.min, scales[c]),
        col.max === null ? '' : formatDecimal(col.max, scales[c]),
      );
    }
    return row;
  });
  return {
    key: job.groupBy === NO_GROUP ? ALL_RECORDS : job.columns[job.groupBy],
    aggregates: job.aggregate.map((i) => job.columns[i]),
    numericKeys,
    rows,
    records: partial.records,
  };
}

/** The canonical text of an answer: JSON of its names and rows, nothing else. */
export function canonicalAnswer(answer: UserAnswer): string {
  return JSON.stringify({ key: answer.key, aggregates: answer.aggregates, rows: answer.rows });
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

/** A 64-bit hash (16 hex digits) of a text's UTF-16 code units, two independent 32-bit lanes. */
export function hashText(text: string): string {
  let a = 0x3c6ef372 ^ text.length;
  let b = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ c, 0x85ebca77);
    b = (b << 13) | (b >>> 19);
  }
  return hex8(mix32(a)) + hex8(mix32b(b ^ text.length));
}

/** The digest of an answer: the hash of its canonical text. */
export function answerDigest(answer: UserAnswer): string {
  return hashText(canonicalAnswer(answer));
}

/**
 * The answer as the engine's Digest: records counted, and the hash of the canonical answer
 * as both checksum and table hash (a user's file has no per-record checksum apart from
 * its answer).
 */
export function userDigest(answer: UserAnswer): Digest {
  const hash = answerDigest(answer);
  return { records: answer.records, checksum: hash, tableHash: hash };
}

/** The column names of the answer CSV: the key column, count, then <col>_sum, <col>_min, <col>_max per aggregated column. */
export function answerColumns(answer: UserAnswer): string[] {
  return [answer.key, 'count', ...answer.aggregates.flatMap((c) => [`${c}_sum`, `${c}_min`, `${c}_max`])];
}

/**
 * The answer as RFC 4180 CSV (the project's writer: CRLF, quoting, formula guard on text).
 * Numbers are written exactly as computed; the key is text unless every key is numeric.
 */
export function answerCsv(answer: UserAnswer): string {
  const rows: Cell[][] = answer.rows.map((row) =>
    row.map((cell, i): Cell => {
      if (i === 0) return answer.numericKeys && cell !== '' ? { decimal: cell } : cell;
      return cell === '' ? undefined : { decimal: cell };
    }),
  );
  return toCsv(answerColumns(answer), rows);
}
