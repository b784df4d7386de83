import { describe, expect, it } from 'vitest';
import {
  createAccumulator,
  finishAccumulator,
  generate,
  processRange,
  runSequential,
} from '../../../src/core/workloads';
import { digestOfCuts, FORMATS_ALL, smallSpec } from './workloads-test-helpers';

describe('group-naive (N+1 scans) gives the same answer as group (one hash pass)', () => {
  for (const format of FORMATS_ALL) {
    for (const keySkew of [0, 1.5]) {
      it(`${format}, keySkew ${keySkew}: equal digests, whole buffer`, () => {
        const spec = { ...smallSpec({ format, records: 500, distinctKeys: 40, keySkew }), workRounds: 1 };
        const group = runSequential({ ...spec, job: 'group' });
        const naive = runSequential({ ...spec, job: 'group-naive' });
        expect(naive).toEqual(group);
        expect(group.tableHash).not.toBe('0000000000000000');
      });
    }

    it(`${format}: equal digests over split ranges`, () => {
      const bytes = generate(smallSpec({ format, records: 300 }));
      const cuts = [0, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length];
      expect(digestOfCuts(format, 'group-naive', bytes, cuts).digest).toEqual(
        digestOfCuts(format, 'group', bytes, cuts).digest,
      );
    });
  }

  it('equal tables entry by entry (same keys, counts, sums, mins, maxes)', () => {
    const bytes = generate(smallSpec({ format: 'varlen', records: 400, distinctKeys: 25 }));
    const tables = (['group', 'group-naive'] as const).map((job) => {
      const acc = createAccumulator({ job, workRounds: 0 });
      processRange(acc, 'varlen', bytes, 0, bytes.length);
      const t = finishAccumulator(acc).table!;
      const rows = Array.from(t.keys, (key, e) => [key, t.counts[e], t.sumPrice[e], t.minPrice[e], t.maxPrice[e], t.sumSize[e], t.minSize[e], t.maxSize[e]]);
      return rows.sort((a, b) => a[0] - b[0]);
    });
    expect(tables[1]).toEqual(tables[0]);
    expect(tables[0].length).toBe(25);
    expect(tables[0].reduce((n, row) => n + row[1], 0)).toBe(400);
  });
});
