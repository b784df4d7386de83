import { describe, expect, it } from 'vitest';
import { finishAnswer, groupInMemory, prefixEnd, prefixTargets } from '../../../src/core/userdata';
import { generateCsv, jobOf, utf8 } from './userdata-test-helpers';

describe('prefixEnd', () => {
  it('ends every prefix on a record boundary, even inside a quoted line break, for every target and small windows', async () => {
    const text = 'k,note,v\r\na,"x\r\ny",1\r\nb,"p\nq\nr",2\r\n"c\r\n",,3\r\nd,e,4';
    const bytes = utf8(text);
    const job = jobOf(bytes, 'csv', 'k', ['v']);
    const read = (a: number, b: number) => bytes.subarray(a, b);
    const boundaries = [10, 22, 35, 45, bytes.length];
    expect(job.dataStart).toBe(10);
    expect(boundaries.slice(1, 4).map((b) => new TextDecoder().decode(bytes.subarray(b, b + 1)))).toEqual(['b', '"', 'd']);
    for (let target = 0; target <= bytes.length + 2; target++) {
      for (const window of [1, 3, 64]) {
        const end = await prefixEnd(job, bytes.length, target, read, window);
        expect(end, `target ${target}, window ${window}`).toBe(boundaries.find((b) => b >= Math.max(target, job.dataStart)) ?? bytes.length);
      }
    }
  });

  it('a prefix groups to the answer of the records it holds', async () => {
    const bytes = utf8(generateCsv(4, 3000, '\n', false, true));
    const job = jobOf(bytes, 'csv', 'key', ['a']);
    const end = await prefixEnd(job, bytes.length, Math.floor(bytes.length / 3), (a, b) => bytes.subarray(a, b), 1000);
    const prefix = bytes.subarray(0, end);
    const partial = groupInMemory(job, prefix);
    if ('ok' in partial) throw new Error(partial.message);
    expect(finishAnswer(job, partial).records).toBeGreaterThan(900);
    expect(finishAnswer(job, partial).records).toBeLessThan(1100);
    expect(bytes[end - 1]).toBe(0x0a);
  });

  it('targets: fractions of the data, none under the minimum, the whole file last', () => {
    const job = jobOf(utf8('k,v\n'), 'csv', 'k', ['v']);
    expect(prefixTargets(job, 4 + 1_000_000, 60_000)).toEqual([4 + 62_500, 4 + 250_000, 4 + 1_000_000]);
    expect(prefixTargets(job, 4 + 1_000_000)).toEqual([4 + 250_000, 4 + 1_000_000]);
    expect(prefixTargets(job, 100)).toEqual([100]);
  });
});
