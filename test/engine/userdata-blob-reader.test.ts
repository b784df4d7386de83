/** blobReader: the bytes of any window, read in order or not, through a BYOB stream or, where there is none, slice(). */
import { describe, expect, it } from 'vitest';
import { blobReader } from '../../src/core/userdata';

const bytes = new Uint8Array(100_003).map((_, i) => (i * 2654435761) >>> 24);
const blob = new Blob([bytes]);

async function readAll(source: Blob, windows: [number, number][]): Promise<void> {
  const r = blobReader(source);
  try {
    for (const [a, b] of windows) {
      const got = await r.read(a, b);
      expect(got.length, `[${a}, ${b})`).toBe(b - a);
      expect(Array.from(got)).toEqual(Array.from(bytes.subarray(a, b)));
    }
  } finally {
    r.close();
  }
}

describe('blobReader', () => {
  it('reads consecutive windows, a jump back, a single byte and the tail', async () => {
    const windows: [number, number][] = [];
    for (let a = 5; a < bytes.length; a += 7001) windows.push([a, Math.min(bytes.length, a + 7001)]);
    windows.push([10, 11], [11, 30_000], [99_999, 100_003], [0, 1]);
    await readAll(blob, windows);
  });

  it('falls back to slice().arrayBuffer() where a Blob stream has no BYOB reader', async () => {
    const noByob = {
      size: blob.size,
      slice: (a?: number, b?: number) => (b === undefined ? { stream: () => new ReadableStream<Uint8Array>() } : blob.slice(a, b)),
    } as unknown as Blob;
    await readAll(noByob, [
      [0, 4096],
      [4096, 50_000],
      [7, 8],
    ]);
  });
});
