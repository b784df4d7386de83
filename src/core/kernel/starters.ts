/**
 * Starter kernels: four small modules that show the shape of the API and run unchanged on
 * the built-in records and on a user's file (they read `rec.payload` when there is one,
 * otherwise every text field of the record). Each merge is associative and does not
 * depend on the order of its arguments, so the parallel answer equals the sequential one.
 */

export interface StarterKernel {
  id: string;
  title: string;
  source: string;
}

const TEXT_OF = `// The record's text: the built-in payload, or a file record's fields joined.
function textOf(rec) {
  if (typeof rec.payload === 'string') return rec.payload;
  return Object.values(rec).filter((v) => typeof v === 'string').join(' ');
}
`;

const WORD_COUNT = `${TEXT_OF}
export function init() {
  return { words: 0, counts: new Map() };
}

export function record(acc, rec) {
  for (const word of textOf(rec).toLowerCase().match(/[a-z]{3,}/g) ?? []) {
    acc.words++;
    acc.counts.set(word, (acc.counts.get(word) ?? 0) + 1);
  }
}

// Sums are associative and commutative: any split, any merge order, one answer.
export function merge(a, b) {
  for (const [word, n] of b.counts) a.counts.set(word, (a.counts.get(word) ?? 0) + n);
  a.words += b.words;
  return a;
}

export function finish(acc) {
  // Ties broken by the word itself, so the top ten never depend on arrival order.
  const top = [...acc.counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 10);
  return { words: acc.words, distinct: acc.counts.size, top: top.map(([word, count]) => ({ word, count })) };
}
`;

const REGEX_FILTER = `${TEXT_OF}
const PATTERN = /[aeiou]{3}/i;
const KEEP = 10;

export function init() {
  return { matched: 0, smallestIds: [] };
}

export function record(acc, rec) {
  if (!PATTERN.test(textOf(rec))) return;
  acc.matched++;
  acc.smallestIds.push(Number(rec.id ?? acc.matched));
  if (acc.smallestIds.length > 4 * KEEP) acc.smallestIds = smallest(acc.smallestIds);
}

function smallest(ids) {
  return [...new Set(ids)].sort((x, y) => x - y).slice(0, KEEP);
}

// "The ten smallest ids" of a union is the ten smallest of the parts' ten smallest.
export function merge(a, b) {
  return { matched: a.matched + b.matched, smallestIds: smallest([...a.smallestIds, ...b.smallestIds]) };
}

export function finish(acc) {
  return { pattern: String(PATTERN), matched: acc.matched, smallestIds: smallest(acc.smallestIds) };
}
`;

const HISTOGRAM = `// A histogram of a numeric field in powers of two: bucket b holds values in [2^(b-1), 2^b).
const FIELD = 'price';
const BUCKETS = 33;

export function init() {
  return { counts: new Array(BUCKETS).fill(0), skipped: 0 };
}

export function record(acc, rec) {
  const v = Number(rec[FIELD]);
  if (!Number.isFinite(v) || v < 0) {
    acc.skipped++;
    return;
  }
  acc.counts[Math.min(BUCKETS - 1, v < 1 ? 0 : Math.floor(Math.log2(v)) + 1)]++;
}

export function merge(a, b) {
  b.counts.forEach((n, i) => (a.counts[i] += n));
  a.skipped += b.skipped;
  return a;
}

export function finish(acc) {
  const buckets = acc.counts.flatMap((count, b) => (count ? [{ from: b ? 2 ** (b - 1) : 0, below: 2 ** b, count }] : []));
  return { field: FIELD, buckets, skipped: acc.skipped };
}
`;

const FIELD_HASH = `// An order-independent fingerprint of one field: FNV-1a of each value, combined with
// sum and xor (both associative and commutative), so every split gives the same hash.
const FIELD = 'key';

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function init() {
  return { records: 0, sum: 0, xor: 0 };
}

export function record(acc, rec) {
  const h = fnv1a(String(rec[FIELD]));
  acc.records++;
  acc.sum = (acc.sum + h) >>> 0;
  acc.xor = (acc.xor ^ h) >>> 0;
}

export function merge(a, b) {
  return { records: a.records + b.records, sum: (a.sum + b.sum) >>> 0, xor: (a.xor ^ b.xor) >>> 0 };
}

export function finish(acc) {
  const hex = (n) => n.toString(16).padStart(8, '0');
  return { field: FIELD, records: acc.records, hash: hex(acc.sum) + hex(acc.xor) };
}
`;

export const STARTER_KERNELS: readonly StarterKernel[] = [
  { id: 'word-count', title: 'Word count', source: WORD_COUNT },
  { id: 'regex-filter', title: 'Regex filter', source: REGEX_FILTER },
  { id: 'histogram', title: 'Histogram', source: HISTOGRAM },
  { id: 'field-hash', title: 'Hash of a field', source: FIELD_HASH },
];
