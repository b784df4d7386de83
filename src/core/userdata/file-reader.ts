/**
 * Reading a File (or any Blob) window by window without leaving a trail of garbage: see
 * blobReader. Used by the workers for `file-slice` and by the page for the sweep's prefixes.
 */

import type { SliceReader } from './read-slices';

/** A reader of a Blob's bytes and how to let go of what it holds open. */
export interface BlobReader {
  read: SliceReader;
  close(): void;
  /** Windows that had not arrived after STALLED_READ_MS and were read again with slice() (0 for other readers). */
  readonly stalls?: number;
}

/** Adds up the stalled reads of passes or chunk reports (an absent count is none). */
export function totalStalls(items: readonly { stalledReads?: number }[]): number {
  return items.reduce((n, x) => n + (x.stalledReads ?? 0), 0);
}

/**
 * A window of a Blob stream (4 MiB) that has not arrived after this long has stalled: it
 * arrives in milliseconds. Seen in headless Chromium 156: 3 of about 470
 * passes over a 100 MB generated File, each in a long bench run, the page and its workers idle
 * and the read never answering. The window is then read with slice().arrayBuffer() instead,
 * and so is the rest of the chunk.
 */
export const STALLED_READ_MS = 10_000;

const STALLED = Symbol('stalled');

/**
 * Reads a Blob (a File) front to back through one BYOB stream reader into one reused buffer: a
 * window read allocates nothing, so a large file leaves no trail of window-sized garbage
 * waiting for a collection (the page's memory stays near one window per worker). A read
 * that is not where the last one ended (a chunk's first byte, then its windows) opens the
 * stream there. Engines whose Blob streams have no BYOB reader read each window with
 * slice().arrayBuffer().
 */
export function blobReader(file: Blob, stalledReadMs = STALLED_READ_MS): BlobReader {
  let stream: { reader: ReadableStreamBYOBReader; at: number } | undefined;
  let buffer = new ArrayBuffer(0);
  let byob = true;
  let stalls = 0;
  const close = () => {
    void stream?.reader.cancel().catch(() => {});
    stream = undefined;
  };
  const read: SliceReader = async (a, b) => {
    if (byob && stream?.at !== a) {
      close();
      try {
        stream = { reader: file.slice(a).stream().getReader({ mode: 'byob' }), at: a };
      } catch {
        byob = false;
      }
    }
    if (!byob || !stream) return new Uint8Array(await file.slice(a, b).arrayBuffer());
    const need = b - a;
    if (buffer.byteLength < need) buffer = new ArrayBuffer(need);
    let filled = 0;
    // One deadline for the whole window, raced by each of its stream reads (a window takes many).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<typeof STALLED>((resolve) => (timer = setTimeout(() => resolve(STALLED), stalledReadMs)));
    try {
      while (filled < need) {
        const got = await Promise.race([stream.reader.read(new Uint8Array(buffer, filled, need - filled)), stalled]);
        if (got === STALLED) {
          // The stalled read holds the buffer (handed to it, detached here): drop both, read by slice from now on.
          stalls++;
          close();
          byob = false;
          buffer = new ArrayBuffer(0);
          return new Uint8Array(await file.slice(a, b).arrayBuffer());
        }
        const { done, value } = got;
        if (!value) break;
        buffer = value.buffer; // the read hands the same memory back under a new ArrayBuffer
        filled += value.length;
        if (done) break;
      }
    } finally {
      clearTimeout(timer);
    }
    stream.at += filled;
    return new Uint8Array(buffer, 0, filled);
  };
  return {
    read,
    close,
    get stalls() {
      return stalls;
    },
  };
}
