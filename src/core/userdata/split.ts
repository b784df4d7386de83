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
 *      feeds (for line numbers);
 *   2. parses its chunk speculatively, guessing it was entered outside quotes — almost
 *      always true, since quoted line breaks are rare and short — so its first record
 *      begins after the first line feed with an even number of quotes before it in the chunk.
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

import { emptyPartial, GroupIndex, mergePartial, type GroupPartial } from './partial';
import { addCsvRecord, addJsonRecord, CR, INCOMPLETE, LF, MALFORMED, pendingFromReader, QUOTE, quotes, RecordReader } from './records';
import type { DataIssue, UserJob } from './types';

/** What one pass over a chunk's own bytes tells the main thread. */
export interface ChunkScan {
  /** Parity of the quote characters in [start, end): 1 flips the state for the next chunk. */
  quoteParity: 0 | 1;
  /** Line feeds in [start, end). */
  lineBreaks: number;
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
 * Counts a chunk's quote parity and line feeds from its bytes, fed in order (all at once
 * or window by window), and finds where its first record begins under one entry state.
 * Byte by byte only until that start is found; the rest is counted with the native
 * indexOf, which is several times faster than a loop over the bytes in JavaScript.
 */
export class ChunkCounter {
  parity = 0;
  breaks = 0;
  /** Where the first record begins under the entry state; −1 while unknown. */
  firstStart = -1;
  /** Line feeds in [start, firstStart). */
  breaksBefore = 0;
  /** Bytes of [start, end) fed so far end here. */
  fed: number;

  /**
   * `enteredInQuotes`: the entry state assumed. `first`: start is the file's dataStart,
   * where a record begins by construction; otherwise `byteBefore` is the byte at start − 1.
   */
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly quoting: boolean,
    private readonly enteredInQuotes: boolean,
    first: boolean,
    byteBefore: number | undefined,
  ) {
    this.fed = start;
    if (!enteredInQuotes && (first || byteBefore === LF)) this.firstStart = start;
  }

  /** Feeds file offsets [this.fed, to) of [start, end), found in `bytes` whose bytes[0] is at offset `base`. */
  feed(bytes: Uint8Array, base: number, to: number): void {
    const stop = Math.min(to, this.end) - base;
    let i = this.fed - base;
    if (this.firstStart < 0) {
      const quoting = this.quoting;
      const last = this.end - base - 1; // a line feed at the chunk's last byte starts the next chunk's record
      // Under the entry state a byte is outside quotes when (entered in quotes) xor parity is 0.
      const outside = this.enteredInQuotes ? 1 : 0;
      let parity = this.parity;
      let breaks = this.breaks;
      for (; i < stop; i++) {
        const c = bytes[i];
        if (c === QUOTE && quoting) parity ^= 1;
        else if (c === LF) {
          breaks++;
          if (parity === outside && i < last) {
            this.firstStart = base + i + 1;
            this.breaksBefore = breaks;
            i++;
            break;
          }
        }
      }
      this.parity = parity;
      this.breaks = breaks;
    }
    if (i < stop) {
      const rest = bytes.subarray(i, stop);
      this.breaks += countByte(rest, LF);
      if (this.quoting) this.parity ^= countByte(rest, QUOTE) & 1;
    }
    this.fed = Math.max(this.fed, stop + base);
  }

  /** Whether every byte of the chunk has been fed. */
  get done(): boolean {
    return this.fed >= this.end;
  }

  /** The first record start: a file offset, `end` when no record begins in the chunk, −1 while unknown. */
  startAt(): number {
    if (this.firstStart >= 0) return this.firstStart;
    return this.done ? this.end : -1;
  }
}

/** How many times `byte` occurs in `bytes`. */
function countByte(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i >= 0; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** Where a parse of records stopped: the next record's start, line feeds so far, and why. */
interface RecordsProgress {
  p: number;
  breaks: number;
  status: 'done' | 'incomplete' | 'issue';
}

/**
 * Adds the records that begin in [p, stop) to `partial` (file offsets; bytes[0] is at
 * `base`). Stops at `stop`, at the end of the bytes when a record runs on ('incomplete':
 * p is that record's start, read more and resume there), or at a problem (partial.issue).
 */
export function parseRecords(
  job: UserJob,
  partial: GroupPartial,
  reader: RecordReader | null,
  index: GroupIndex,
  bytes: Uint8Array,
  base: number,
  p: number,
  stop: number,
  atEof: boolean,
  breaks: number,
): RecordsProgress {
  let q = p - base;
  const end = stop - base;
  const limit = bytes.length;
  if (reader === null) {
    while (q < end) {
      let nl = bytes.indexOf(LF, q);
      if (nl < 0) {
        if (!atEof) return { p: q + base, breaks, status: 'incomplete' };
        nl = limit;
      }
      let e = nl;
      if (e > q && bytes[e - 1] === CR) e--;
      if (e > q) {
        const issue = addJsonRecord(job, partial, bytes, q, e, breaks);
        if (issue) {
          partial.issue = { ...issue, byteOffset: base + issue.byteOffset };
          return { p: q + base, breaks, status: 'issue' };
        }
      }
      breaks++;
      q = nl + 1;
    }
    return { p: q + base, breaks, status: 'done' };
  }
  while (q < end) {
    const next = reader.read(bytes, q, limit, atEof);
    if (next === INCOMPLETE) return { p: q + base, breaks, status: 'incomplete' };
    if (next === MALFORMED) {
      const pending = pendingFromReader(reader, breaks);
      partial.issue = { ...pending, byteOffset: base + pending.byteOffset, rowInChunk: partial.records };
      return { p: q + base, breaks, status: 'issue' };
    }
    if (!reader.blank()) {
      const issue = addCsvRecord(job, partial, reader, index, bytes, q, breaks);
      if (issue) {
        partial.issue = { ...issue, byteOffset: base + issue.byteOffset };
        return { p: q + base, breaks, status: 'issue' };
      }
    }
    breaks += reader.breaks;
    q = next;
  }
  return { p: q + base, breaks, status: 'done' };
}

export function readerFor(job: UserJob): RecordReader | null {
  return job.format === 'ndjson' ? null : new RecordReader(job.format);
}

/**
 * Parses the records that begin in chunk [start, end), entered inside quotes or not, from
 * bytes in memory: `bytes` holds file offsets base … base + bytes.length − 1, including
 * start − 1 (unless start is the file's dataStart); `atEof` says whether it reaches the end
 * of the file. Returns 'need-more' when the last record runs past the bytes given.
 */
export function parseChunk(
  job: UserJob,
  bytes: Uint8Array,
  base: number,
  start: number,
  end: number,
  enteredInQuotes: boolean,
  atEof: boolean,
): ChunkResult | 'need-more' {
  const first = start === job.dataStart;
  const counter = new ChunkCounter(start, end, quotes(job.format), enteredInQuotes, first, first ? undefined : bytes[start - 1 - base]);
  counter.feed(bytes, base, end);
  const partial = emptyPartial();
  const r = parseRecords(job, partial, readerFor(job), new GroupIndex(partial, job.aggregate.length), bytes, base, counter.startAt(), end, atEof, counter.breaksBefore);
  if (r.status === 'incomplete') return 'need-more';
  return { quoteParity: counter.parity as 0 | 1, lineBreaks: counter.breaks, start, end, enteredInQuotes, partial };
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
    if (r.enteredInQuotes !== states[k]) results[k] = mustParse(job, bytes, r.start, r.end, states[k]);
  }
  return combineChunks(job, results, order);
}

function mustParse(job: UserJob, bytes: Uint8Array, start: number, end: number, inQuotes: boolean): ChunkResult {
  const r = parseChunk(job, bytes, 0, start, end, inQuotes, true);
  if (r === 'need-more') throw new Error('unreachable: the whole file was given');
  return r;
}

