/**
 * Prefixes of a user's file that end on a record boundary, so the records sweep can measure
 * the same job over the first 1 %, 5 %, … of the file: a byte cut at a target offset would
 * split a record (or, in CSV, land inside a quoted line break). The quote count before
 * the target says whether it is inside quotes; the first line feed outside quotes from
 * there ends the prefix. The bytes are read window by window: nothing is held.
 */

import { ChunkCounter } from './split';
import { WINDOW_BYTES, type SliceReader } from './read-slices';
import { quotes } from './records';
import type { UserJob } from './types';

/** Feeds [start, end) of the file to `counter` window by window; stops early once `until()` holds. */
async function feedRange(counter: ChunkCounter, start: number, end: number, read: SliceReader, windowBytes: number, until?: () => boolean): Promise<void> {
  for (let at = start; at < end && !until?.(); ) {
    const to = Math.min(end, at + windowBytes);
    counter.feed(await read(at, to), at, to);
    at = to;
  }
}

/**
 * The end of the first prefix of at least `target` bytes that ends on a record boundary:
 * the start of the first record that begins at or after `target` (the file's size when
 * none does; job.dataStart for a target before the first record).
 */
export async function prefixEnd(job: UserJob, size: number, target: number, read: SliceReader, windowBytes = WINDOW_BYTES): Promise<number> {
  if (target <= job.dataStart) return job.dataStart;
  if (target >= size) return size;
  const quoting = quotes(job.format);
  let inQuotes = false;
  if (quoting) {
    const before = new ChunkCounter(job.dataStart, target, true, false, true, undefined);
    await feedRange(before, job.dataStart, target, read, windowBytes);
    inQuotes = before.parity === 1;
  }
  const byteBefore = (await read(target - 1, target))[0];
  const after = new ChunkCounter(target, size, quoting, inQuotes, false, byteBefore);
  await feedRange(after, target, size, read, windowBytes, () => after.startAt() >= 0);
  return after.startAt();
}

/** Prefix targets for a records sweep: the file's data cut at these fractions, the whole file last; none under `minBytes`. */
export const PREFIX_FRACTIONS: readonly number[] = [1 / 256, 1 / 64, 1 / 16, 1 / 4, 1];

export function prefixTargets(job: UserJob, size: number, minBytes = 64 * 1024): number[] {
  const data = size - job.dataStart;
  const targets = PREFIX_FRACTIONS.map((f) => job.dataStart + Math.round(data * f)).filter((t) => t - job.dataStart >= minBytes || t === size);
  return [...new Set(targets)];
}
