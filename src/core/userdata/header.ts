/** A user's file's header: the byte-order mark skipped, the column names read and checked, the data's first byte found. */

import { readDecimalText } from './decimal';
import type { DataIssue, UserFormat, UserHeader } from './types';
import { CR, INCOMPLETE, issue, LF, MALFORMED, readerIssue, RecordReader, utf8 } from './records';

const BOM = [0xef, 0xbb, 0xbf];

function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
}

/** The empty-file and no-header checks shared by the formats: names that look like data are refused. */
function checkNames(names: string[], format: UserFormat, at: number): DataIssue | null {
  if (names.every((n) => readDecimalText(n.trim()) === 'ok')) {
    return issue(
      'no-header',
      `the first line holds only numbers (${names.slice(0, 3).join(', ')}…); a ${format} file needs a header line naming its columns`,
      1,
      at,
    );
  }
  const seen = new Set<string>();
  for (const [k, n] of names.entries()) {
    if (n.trim() === '') return issue('bad-header', `column ${k + 1} of the header has no name`, 1, at);
    if (seen.has(n)) return issue('bad-header', `the header names column "${n}" twice`, 1, at);
    seen.add(n);
  }
  return null;
}

/**
 * Reads the header from the start of a file (`atEof`: the bytes are the whole file).
 * Returns the header, a DataIssue, or 'need-more' when the header line is longer than the bytes given.
 */
export function readHeader(bytes: Uint8Array, format: UserFormat, atEof: boolean): UserHeader | DataIssue | 'need-more' {
  const start = bomLength(bytes);
  let p = start;
  let breaks = 0;
  // Skip blank lines before the header.
  while (p < bytes.length && (bytes[p] === LF || (bytes[p] === CR && bytes[p + 1] === LF))) {
    if (bytes[p] === LF) breaks++;
    p++;
  }
  if (p >= bytes.length) {
    if (!atEof) return 'need-more';
    return issue('empty-file', 'the file is empty: it needs a header line and data lines', 1, start);
  }
  if (format === 'ndjson') {
    const nl = bytes.indexOf(LF, p);
    if (nl < 0 && !atEof) return 'need-more';
    const end = nl < 0 ? bytes.length : nl;
    let value: unknown;
    try {
      value = JSON.parse(utf8.decode(bytes.subarray(p, end)));
    } catch {
      return issue('bad-json', 'the first line is not valid JSON', breaks + 1, p);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return issue('no-header', 'the first line must be a JSON object: its keys name the columns', breaks + 1, p);
    }
    const names = Object.keys(value);
    if (names.length === 0) return issue('no-header', 'the first object has no keys to name the columns', breaks + 1, p);
    return { ok: true, format, columns: names, dataStart: p, headerBreaks: breaks };
  }
  const reader = new RecordReader(format);
  const next = reader.read(bytes, p, bytes.length, atEof);
  if (next === INCOMPLETE) return 'need-more';
  if (next === MALFORMED) return readerIssue(reader, breaks);
  const names: string[] = [];
  try {
    for (let k = 0; k < reader.fields; k++) names.push(reader.text(bytes, k));
  } catch {
    return issue('invalid-utf8', 'the header is not valid UTF-8', breaks + 1, p);
  }
  const bad = checkNames(names, format, p);
  if (bad) return bad;
  return { ok: true, format, columns: names, dataStart: next, headerBreaks: breaks + reader.breaks };
}
