/** blobReader: the bytes of any window, read in order or not, through a BYOB stream or, where there is none, slice(). */
import { describe, expect, it } from 'vitest';
import { blobReader } from '../../src/core/userdata';

const bytes = new Uint8Array(100_003).map((_, i) => (i * 2654435761) >>> 24);
const blob = new Blob([bytes]);

async function readAll(source: Blob, windows: [number, number][], stalledReadMs?: number): Promise<number> {
  const r = blobReader(source, stalledReadMs);
  try {
    for (const [a, b] of windows) {
      const got = await r.read(a, b);
      expect(got.length, `[${a}, ${b})`).toBe(b - a);
      expect(Array.from(got)).toEqual(Array.from(bytes.subarray(a, b)));
    }
    return r.stalls ?? 0;
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

  it('reads a window again with slice() when the stream stalls, even after part of it arrived', async () => {
    // A byte stream that hands over the first 1,000 bytes from where it was opened, then never answers again.
    const stalling = {
      size: blob.size,
      slice: (a = 0, b?: number) => {
        if (b !== undefined) return blob.slice(a, b);
        let given = false;
        return {
          stream: () =>
            new ReadableStream({
              type: 'bytes',
              pull(controller) {
                if (given) return new Promise<void>(() => {});
                given = true;
                controller.enqueue(bytes.slice(a, a + 1000));
              },
            }),
        };
      },
    } as unknown as Blob;
    const stalls = await readAll(
      stalling,
      [
        [0, 4096],
        [4096, 50_000],
        [7, 8],
      ],
      50,
    );
    // The first window stalls after 1,000 bytes; from then on the reader reads by slice and never waits again.
    expect(stalls).toBe(1);
    expect(await readAll(blob, [[0, 10]], 50)).toBe(0);
  });
});
