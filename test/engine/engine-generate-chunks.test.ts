/** The main thread's chunked generator: the same bytes as one generateRange call, in the buffer kind asked for. */
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/core/model/types';
import { generateRange } from '../../src/core/workloads';
import { generateInChunks } from '../../src/engine/dataset';

const spec = (format: DatasetSpec['format'], records: number): DatasetSpec => ({
  seed: 9, records, format, distinctKeys: 100, keySkew: 0.5, payloadBytes: 12, costSkew: 0.5,
});

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('generateInChunks', () => {
  for (const format of ['fixed', 'varlen', 'csv'] as const) {
    for (const shared of [false, true]) {
      it(`${format}, ${shared ? 'shared' : 'plain'}: a 300,000-record range in many chunks equals generateRange`, async () => {
        const s = spec(format, 400_000);
        const bytes = await generateInChunks(s, { shared, recordStart: 50_000, recordEnd: 350_000 });
        expect(bytes.buffer instanceof SharedArrayBuffer).toBe(shared);
        expect(bytes.byteOffset).toBe(0);
        expect(same(bytes, generateRange(s, 50_000, 350_000))).toBe(true);
      });
    }
  }

  it('fixed: written straight into the final buffer (exactly the dataset bytes, nothing to assemble)', async () => {
    const bytes = await generateInChunks(spec('fixed', 200_000), { shared: false });
    expect(bytes.buffer.byteLength).toBe(200_000 * 32);
  });

  it('an empty range gives an empty buffer', async () => {
    expect((await generateInChunks(spec('fixed', 10), { shared: false, recordStart: 4, recordEnd: 4 })).length).toBe(0);
    expect((await generateInChunks(spec('csv', 10), { shared: true, recordStart: 4, recordEnd: 4 })).length).toBe(0);
  });

  it('stops with an AbortError when cancelled between chunks', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(generateInChunks(spec('fixed', 500_000), { shared: false, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
