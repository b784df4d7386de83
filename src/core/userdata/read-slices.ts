/**
 * Reading a user's file that stays on disk, slice by slice: a chunk parsed window by window
 * (the same answer as parsing it in memory), and the header from as little of the file's
 * start as it needs. What a worker holds at once is one window plus the record crossing it.
 */

import { CarryBuffer } from './carry-buffer';
import { emptyPartial, GroupIndex } from './partial';
import { quotes } from './records';
import { readHeader } from './header';
import type { DataIssue, UserFormat, UserHeader, UserJob } from './types';
import { ChunkCounter, parseRecords, readerFor, type ChunkResult } from './split';

/**
 * Reads file offsets [start, end) (end ≤ the file's size): from a File in a worker, a
 * subarray in memory. The bytes returned need only stay valid until the next call, so a
 * reader may hand out one reused buffer.
 */
export type SliceReader = (start: number, end: number) => Promise<Uint8Array> | Uint8Array;

/** Bytes read per step by parseChunkFromReader: what a worker holds at once, plus one record. */
export const WINDOW_BYTES = 4 * 1024 * 1024;

/**
 * parseChunk for a file that stays on disk: reads the chunk window by window through
 * `read`, holding at most one window plus the record that crosses it (copied out of the
 * reader's bytes at once). The answer is the same as parseChunk's over the whole file in
 * memory.
 */
export async function parseChunkFromReader(
  job: UserJob,
  size: number,
  start: number,
  end: number,
  enteredInQuotes: boolean,
  read: SliceReader,
  windowBytes = WINDOW_BYTES,
): Promise<ChunkResult> {
  const first = start === job.dataStart;
  const before = first ? undefined : (await read(start - 1, start))[0];
  const counter = new ChunkCounter(start, end, quotes(job.format), enteredInQuotes, first, before);
  const partial = emptyPartial();
  const reader = readerFor(job);
  const index = new GroupIndex(partial, job.aggregate.length);
  const carry = new CarryBuffer();
  let buf: Uint8Array = new Uint8Array(0);
  let base = start; // file offset of buf[0]
  let p = -1; // the next record's start once known
  let breaks = 0;
  let parsing = true;
  for (;;) {
    const from = base + buf.length;
    if (from >= size) break;
    const window = await read(from, Math.min(size, from + Math.max(1, windowBytes)));
    // Keep only the unfinished record (or nothing, while the first record start is unknown).
    const keep = p >= 0 && parsing ? p - base : buf.length;
    buf = carry.append(keep, window);
    base += keep;
    counter.feed(buf, base, base + buf.length);
    if (p < 0) {
      p = counter.startAt();
      breaks = counter.breaksBefore;
    }
    if (p >= 0 && parsing) {
      const r = parseRecords(job, partial, reader, index, buf, base, p, end, base + buf.length >= size, breaks);
      p = r.p;
      breaks = r.breaks;
      if (r.status === 'issue') parsing = false;
      if (r.status === 'done' && counter.done) break;
    }
    if (!parsing && counter.done) break;
  }
  return { quoteParity: counter.parity as 0 | 1, lineBreaks: counter.breaks, start, end, enteredInQuotes, partial };
}

/** Bytes read for the header at first; doubled while the header line is longer. */
const HEADER_PROBE_BYTES = 64 * 1024;

/** readHeader for a file read through `read`: reads only as much of its start as the header needs. */
export async function readHeaderFromReader(format: UserFormat, size: number, read: SliceReader): Promise<UserHeader | DataIssue> {
  for (let probe = HEADER_PROBE_BYTES; ; probe *= 2) {
    const end = Math.min(size, probe);
    const header = readHeader(await read(0, end), format, end >= size);
    if (header !== 'need-more') return header;
  }
}
