/** Shared fixtures for the user-data tests (not a test file itself). */

import Papa from 'papaparse';
import { hash32, uniformBelow } from '../../../src/core/workloads/prng';
import {
  finishAnswer,
  groupInMemory,
  makeJob,
  readHeader,
  type DataIssue,
  type UserAnswer,
  type UserFormat,
  type UserJob,
} from '../../../src/core/userdata';

const encoder = new TextEncoder();

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The job over a file's bytes; throws (a test failure) when the header is bad. */
export function jobOf(bytes: Uint8Array, format: UserFormat, groupBy: string, aggregate: string[]): UserJob {
  const header = readHeader(bytes, format, true);
  if (header === 'need-more' || !header.ok) throw new Error(`bad header: ${JSON.stringify(header)}`);
  const job = makeJob(header, groupBy, aggregate);
  if ('ok' in job) throw new Error(job.message);
  return job;
}

/** The answer (or issue) of the in-memory path at the given cuts. */
export function answerAt(job: UserJob, bytes: Uint8Array, cuts?: number[], order?: number[]): UserAnswer | DataIssue {
  const r = groupInMemory(job, bytes, cuts, order);
  return 'ok' in r ? r : finishAnswer(job, r);
}

// ---------------------------------------------------------------------------
// An independent oracle: papaparse for the parsing, BigInt arithmetic written out plainly.

function toScaled(text: string): { m: bigint; s: number } {
  const t = text.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!match || (match[2] + (match[3] ?? '')).length === 0) throw new Error(`oracle: not a number: ${text}`);
  const frac = match[3] ?? '';
  return { m: BigInt(`${match[1] === '-' ? '-' : ''}${match[2]}${frac}` || '0'), s: frac.length };
}

function fmt(m: bigint, s: number): string {
  const neg = m < 0n;
  let d = (neg ? -m : m).toString();
  if (s > 0) {
    d = d.padStart(s + 1, '0');
    d = `${d.slice(0, d.length - s)}.${d.slice(d.length - s)}`;
  }
  return neg ? `-${d}` : d;
}

/**
 * The group-by answer's rows computed from papaparse's reading of the file: key, count, then
 * sum/min/max per aggregated column, sorted as the answer sorts (numeric keys numerically).
 */
export function papaparseRows(text: string, format: 'csv' | 'tsv', newline: '\n' | '\r\n', groupBy: string, aggregate: string[]): string[][] {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: format === 'csv' ? ',' : '\t',
    newline,
    quoteChar: format === 'csv' ? '"' : '\u0000',
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`papaparse: ${JSON.stringify(parsed.errors[0])}`);
  const [header, ...rows] = parsed.data;
  const k = header.indexOf(groupBy);
  const cols = aggregate.map((a) => header.indexOf(a));
  const values = new Map<string, string[][]>();
  for (const row of rows) {
    const list = values.get(row[k]) ?? [];
    list.push(cols.map((c) => row[c]));
    values.set(row[k], list);
  }
  const scales = cols.map((_, c) => {
    let s = 0;
    for (const list of values.values()) for (const v of list) if (v[c].trim() !== '') s = Math.max(s, toScaled(v[c]).s);
    return s;
  });
  const at = (v: string, s: number): bigint => {
    const x = toScaled(v);
    return x.m * 10n ** BigInt(s - x.s);
  };
  const keys = [...values.keys()];
  const numeric = keys.some((x) => x !== '') && keys.every((x) => x === '' || /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(x));
  if (numeric) {
    const S = Math.max(0, ...keys.filter((x) => x !== '').map((x) => toScaled(x).s));
    keys.sort((a, b) => {
      if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
      const d = at(a, S) - at(b, S);
      return d < 0n ? -1 : d > 0n ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
  } else keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const list = values.get(key)!;
    const out = [key, String(list.length)];
    for (let c = 0; c < cols.length; c++) {
      const s = scales[c];
      const present = list.map((v) => v[c]).filter((v) => v.trim() !== '').map((v) => at(v, s));
      const sum = present.reduce((a, b) => a + b, 0n);
      const min = present.length ? present.reduce((a, b) => (b < a ? b : a)) : undefined;
      const max = present.length ? present.reduce((a, b) => (b > a ? b : a)) : undefined;
      out.push(fmt(sum, s), min === undefined ? '' : fmt(min, s), max === undefined ? '' : fmt(max, s));
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// A seeded generator of nasty-but-valid CSV.

const KEYS = ['alpha', 'b,eta', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'é', '日本語', '🙂 smile', 'x', ''];

const NOTE_CHARS = ['a', 'b', ',', '"', '\n', '\r', '\r\n', ' ', 'é', '🙂', '日'];

function quoteField(v: string, always: boolean): string {
  return always || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function numberText(u: number, v: number): string {
  const kind = u % 6;
  const magnitude = v % 100000;
  const sign = (v >>> 20) % 3 === 0 ? '-' : '';
  if (kind === 0) return '';
  if (kind === 1) return `${sign}${magnitude}`;
  if (kind === 2) return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  if (kind === 3) return `${sign}0.${String(magnitude % 1000).padStart(3, '0')}`;
  if (kind === 4) return `${sign}${magnitude}.5`;
  return `${sign}9007199254740993${magnitude % 10}`; // beyond 2^53: exact only as a bigint
}

/** A seeded CSV file: columns key, note, a, b; `records` rows; LF or CRLF line ends; optional BOM and final newline. */
export function generateCsv(seed: number, records: number, newline: '\n' | '\r\n', bom: boolean, finalNewline: boolean): string {
  const lines = ['key,note,a,b'];
  for (let i = 0; i < records; i++) {
    const key = KEYS[uniformBelow(hash32(seed, i, 0), KEYS.length)];
    const noteLen = uniformBelow(hash32(seed, i, 1), 12);
    let note = '';
    for (let j = 0; j < noteLen; j++) note += NOTE_CHARS[uniformBelow(hash32(seed, i, 10 + j), NOTE_CHARS.length)];
    const quoteAll = (hash32(seed, i, 2) & 7) === 0;
    const a = numberText(hash32(seed, i, 3), hash32(seed, i, 4));
    const b = numberText(hash32(seed, i, 5) % 4, hash32(seed, i, 6));
    lines.push([quoteField(key, quoteAll), quoteField(note, quoteAll), quoteField(a, quoteAll), b].join(','));
  }
  // A key of only an empty unquoted field in a one-line record would read as a blank line: keys here never stand alone.
  const body = lines.join(newline) + (finalNewline ? newline : '');
  return (bom ? '\ufeff' : '') + body;
}
