/**
 * Splitting a user's file into chunks that workers parse independently, so that every
 * record is read exactly once.
 *
 * The problem. Cutting the bytes at the next line break after each cut is wrong for real
 * CSV: a quoted field may hold line breaks, so a line break is a record boundary only when
 * it lies OUTSIDE quotes, and whether a byte is inside quotes depends on every quote
 * character before it — all the way back to the start of the file. A worker that reads
 * only its own slice cannot know that.
 *
 * The rule. A record belongs to the chunk that holds its first byte. Chunk [start, end)
 * therefore parses the records that begin in it, and reads the last one past `end` until
 * it ends. Its first record begins at `start` when the byte before `start` is a line feed
 * outside quotes, otherwise just after the first line feed outside quotes in the chunk.
 *
 * The fix: guess, count, check. In strict RFC 4180 every quote character is part of the
 * quoting (`""` inside a quoted field is two of them), so "inside quotes" at a byte is
 * exactly "an odd number of quote characters before it". Each worker therefore:
 *   1. counts, over its own slice only, the quote characters (their parity) and the line
 *      feeds (for line numbers), and notes where its first record would begin under each
 *      of the two possible entry states (outside quotes / inside quotes);
 *   2. parses its chunk speculatively, guessing it was entered outside quotes — almost
 *      always true, since quoted line breaks are rare and short.
 * The main thread then walks the chunks in file order: chunk 0 starts outside quotes
 * (right after the header), and chunk i+1's true entry state is chunk i's entry state
 * flipped once per odd quote count. A chunk whose guess was wrong is parsed again with
 * the right state (the fix-up); the others are kept. Only parities travel, so the check
 * costs one pass over the chunk list, and no worker ever reads another's bytes except the
 * tail of the one record that crosses its end.
 *
 * TSV and NDJSON have no quoting: a line feed always ends a record, the guess is always
 * right.
 *
 * Multi-byte UTF-8. Chunks are cut at arbitrary bytes, possibly in the middle of a
 * character. That is harmless: text is decoded per field of whole records, and a
 * record is always read whole (from its first byte, past the chunk's end if needed). The
 * line feed byte 0x0A never occurs inside a multi-byte UTF-8 sequence, so the search for
 * a record start cannot land mid-character either.
 */

import { emptyPartial, mergePartial, type GroupPartial, type PendingIssue } from './partial';
import { addCsvRecord, addJsonRecord, INCOMPLETE, LF, MALFORMED, pendingFromReader, QUOTE, quotes, RecordReader } from './records';
import type { DataIssue, UserJob } from './types';

/** What one pass over a chunk's own bytes tells the main thread. */
export interface ChunkScan {
  /** Parity of the quote characters in [start, end): 1 flips the state for the next chunk. */
  quoteParity: 0 | 1;
  /** Line feeds in [start, end). */
  lineBreaks: number;
  /** Where the first record begins if the chunk is entered outside (0) / inside (1) quotes; `end` when none does. */
  firstStart: [number, number];
  /** Line feeds in [start, firstStart[h]). */
  breaksBefore: [number, number];
}

/** One chunk's parse under one guess of its entry state. */
export interface ChunkResult extends ChunkScan {
  start: number;
  end: number;
  /** The entry state this parse assumed. */
  enteredInQuotes: boolean;
  partial: GroupPartial;
}

/**
 * Scans chunk [start, end) of a file whose bytes[0] is at file offset `base`. bytes must
 * hold offsets start−1 … end−1, except for the first chunk (`first`: start is the file's
 * dataStart, where a record begins by construction).
 */
export function scanChunk(
  bytes: Uint8Array,
  base: number,
  start: number,
  end: number,
  quoting: boolean,
  first: boolean,
): ChunkScan {
  const from = start - base;
  const to = end - base;
  const firstStart: [number, number] = [end, end];
  const breaksBefore: [number, number] = [0, 0];
  let parity = 0;
  let breaks = 0;
  let found = 0; // bit h set once firstStart[h] is known
  if (first || bytes[from - 1] === LF) {
    firstStart[0] = start;
    found = 1;
  }
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === QUOTE && quoting) parity ^= 1;
    else if (c === LF) {
      breaks++;
      // Under entry state h the byte is outside quotes when h xor parity is 0, i.e. h = parity.
      if ((found & (1 << parity)) === 0 && i + 1 < to) {
        firstStart[parity] = base + i + 1;
        breaksBefore[parity] = breaks;
        found |= 1 << parity;
      }
    }
  }
  return { quoteParity: parity as 0 | 1, lineBreaks: breaks, firstStart, breaksBefore };
}

/**
 * Parses the records that begin in chunk [start, end), entered inside quotes or not.
 * `bytes` holds file offsets base … base + bytes.length − 1 and must include start − 1;
 * `atEof` says whether it reaches the end of the file. Returns 'need-more' when the last
 * record runs past the bytes given (read a longer tail and call again).
 */
export function parseChunk(
  job: UserJob,
  bytes: Uint8Array,
  base: number,
  start: number,
  end: number,
  enteredInQuotes: boolean,
  atEof: boolean,
  scan: ChunkScan = scanChunk(bytes, base, start, end, quotes(job.format), start === job.dataStart),
): ChunkResult | 'need-more' {
  const h = enteredInQuotes ? 1 : 0;
  const partial = emptyPartial();
  const limit = bytes.length;
  let p = scan.firstStart[h] - base;
  let breaks = scan.breaksBefore[h];
  const stop = end - base;
  if (job.format === 'ndjson') {
    while (p < stop) {
      let nl = bytes.indexOf(LF, p);
      if (nl < 0) {
        if (!atEof) return 'need-more';
        nl = limit;
      }
      let e = nl;
      if (e > p && bytes[e - 1] === 0x0d) e--;
      if (e > p) {
        const issue = addJsonRecord(job, partial, bytes, p, e, breaks);
        if (issue) return withIssue(scan, start, end, enteredInQuotes, partial, { ...issue, byteOffset: base + issue.byteOffset });
      }
      breaks++;
      p = nl + 1;
    }
  } else {
    const reader = new RecordReader(job.format);
    while (p < stop) {
      const next = reader.read(bytes, p, limit, atEof);
      if (next === INCOMPLETE) return 'need-more';
      if (next === MALFORMED) {
        const pending = pendingFromReader(reader, breaks);
        return withIssue(scan, start, end, enteredInQuotes, partial, { ...pending, byteOffset: base + pending.byteOffset, rowInChunk: partial.records });
      }
      if (!reader.blank()) {
        const issue = addCsvRecord(job, partial, reader, bytes, p, breaks);
        if (issue) return withIssue(scan, start, end, enteredInQuotes, partial, { ...issue, byteOffset: base + issue.byteOffset });
      }
      breaks += reader.breaks;
      p = next;
    }
  }
  return { ...scan, start, end, enteredInQuotes, partial };
}

function withIssue(
  scan: ChunkScan,
  start: number,
  end: number,
  enteredInQuotes: boolean,
  partial: GroupPartial,
  issue: PendingIssue,
): ChunkResult {
  partial.issue = issue;
  return { ...scan, start, end, enteredInQuotes, partial };
}

/** Each chunk's true entry state, from the quote parities in file order (chunk 0 starts outside quotes). */
export function entryStates(chunks: readonly Pick<ChunkScan, 'quoteParity'>[]): boolean[] {
  const states: boolean[] = [];
  let inQuotes = false;
  for (const c of chunks) {
    states.push(inQuotes);
    if (c.quoteParity === 1) inQuotes = !inQuotes;
  }
  return states;
}

/** Equal byte cuts of [dataStart, size) into at most `count` non-empty chunks: the chunk boundaries, first dataStart, last size. */
export function planCuts(dataStart: number, size: number, count: number): number[] {
  const bytes = Math.max(0, size - dataStart);
  const n = Math.max(1, Math.min(count, bytes));
  const cuts = [dataStart];
  for (let k = 1; k < n; k++) cuts.push(dataStart + Math.floor((bytes * k) / n));
  cuts.push(Math.max(size, dataStart));
  return cuts;
}

/**
 * Combines chunk results in file order into one partial, or the file's first problem
 * with its absolute line, byte offset and row. Every result must have been parsed with its
 * true entry state (see entryStates). The tables are merged in `order` (indices into
 * `chunks`; default file order): the answer is the same for every order.
 */
export function combineChunks(
  job: UserJob,
  chunks: readonly ChunkResult[],
  order: readonly number[] = chunks.map((_, i) => i),
): GroupPartial | DataIssue {
  let breaks = job.headerBreaks;
  let rows = 0;
  const states = entryStates(chunks);
  for (const [i, c] of chunks.entries()) {
    if (c.enteredInQuotes !== states[i]) {
      throw new Error(`chunk ${i} was parsed with the wrong entry state; parse it again with enteredInQuotes = ${states[i]}`);
    }
    const issue = c.partial.issue;
    if (issue) {
      const line = breaks + issue.breaksBefore + 1;
      const row = issue.rowInChunk === undefined ? undefined : rows + issue.rowInChunk + 1;
      const where = row === undefined ? `line ${line}` : `line ${line}, row ${row}`;
      return {
        ok: false,
        code: issue.code,
        message: `${issue.detail} (${where}, byte ${issue.byteOffset})`,
        line,
        byteOffset: issue.byteOffset,
        ...(row === undefined ? {} : { row }),
        ...(issue.column === undefined ? {} : { column: issue.column }),
      };
    }
    breaks += c.lineBreaks;
    rows += c.partial.records;
  }
  const total = emptyPartial();
  for (const i of order) mergePartial(total, chunks[i].partial);
  return total;
}

/**
 * The whole in-memory path: cut `bytes` (a whole file) at `cuts`, parse every chunk with
 * the guess "outside quotes", re-parse the chunks whose guess was wrong, combine. With
 * cuts [dataStart, size] this is the sequential parse.
 */
export function groupInMemory(
  job: UserJob,
  bytes: Uint8Array,
  cuts: readonly number[] = [job.dataStart, bytes.length],
  order?: readonly number[],
): GroupPartial | DataIssue {
  const results: ChunkResult[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) results.push(mustParse(job, bytes, cuts[k], cuts[k + 1], false));
  const states = entryStates(results);
  for (const [k, r] of results.entries()) {
    if (r.enteredInQuotes !== states[k]) results[k] = mustParse(job, bytes, r.start, r.end, states[k], r);
  }
  return combineChunks(job, results, order);
}

function mustParse(job: UserJob, bytes: Uint8Array, start: number, end: number, inQuotes: boolean, scan?: ChunkScan): ChunkResult {
  const r = parseChunk(job, bytes, 0, start, end, inQuotes, true, scan);
  if (r === 'need-more') throw new Error('unreachable: the whole file was given');
  return r;
}
