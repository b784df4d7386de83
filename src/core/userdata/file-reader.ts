/**
 * Reading a File (or any Blob) window by window without leaving a trail of garbage: see
 * blobReader. Used by the workers for `file-slice` and by the page for the sweep's prefixes.
 */

import type { SliceReader } from './read-slices';

/** A reader of a Blob's bytes and how to let go of what it holds open. */
export interface BlobReader {
  read: SliceReader;
  close(): void;
}

/**
 * Reads a Blob (a File) front to back through one BYOB stream reader into one reused buffer: a
 * window read allocates nothing, so a large file leaves no trail of window-sized garbage
 * waiting for a collection (the page's memory stays near one window per worker). A read
 * that is not where the last one ended (a chunk's first byte, then its windows) opens the
 * stream there. Engines whose Blob streams have no BYOB reader read each window with
 * slice().arrayBuffer().
 */
export function blobReader(file: Blob): BlobReader {
  let stream: { reader: ReadableStreamBYOBReader; at: number } | undefined;
  let buffer = new ArrayBuffer(0);
  let byob = true;
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
    while (filled < need) {
      const { done, value } = await stream.reader.read(new Uint8Array(buffer, filled, need - filled));
      if (!value) break;
      buffer = value.buffer; // the read hands the same memory back under a new ArrayBuffer
      filled += value.length;
      if (done) break;
    }
    stream.at += filled;
    return new Uint8Array(buffer, 0, filled);
  };
  return { read, close };
}
