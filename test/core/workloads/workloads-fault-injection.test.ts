import { describe, expect, it } from 'vitest';
import { createAccumulator, generate, processRange, runSequential } from '../../../src/core/workloads';
import { FORMATS_ALL, smallSpec, thrown } from './workloads-test-helpers';

describe('fault injection: faultAtRecord throws while processing that record', () => {
  for (const format of FORMATS_ALL) {
    for (const job of ['parse', 'group', 'group-naive'] as const) {
      it(`${format} ${job}`, () => {
        const spec = smallSpec({ format, records: 50 });
        const e = thrown(() => runSequential({ ...spec, job, workRounds: 0, faultAtRecord: 17 }));
        expect(e).toBeInstanceOf(Error);
        expect((e as Error).message).toBe('injected fault at record 17');
      });
    }
  }

  it('only the range holding the record throws', () => {
    const bytes = generate(smallSpec({ records: 50 }));
    const acc = createAccumulator({ job: 'group', workRounds: 0, faultAtRecord: 40 });
    expect(processRange(acc, 'fixed', bytes, 0, 40 * 32)).toBe(40);
    expect(() => processRange(acc, 'fixed', bytes, 40 * 32, bytes.length)).toThrow('injected fault at record 40');
  });

  it('a fault id beyond the data never fires', () => {
    const spec = smallSpec({ records: 50 });
    expect(runSequential({ ...spec, job: 'parse', workRounds: 0, faultAtRecord: 50 })).toEqual(
      runSequential({ ...spec, job: 'parse', workRounds: 0 }),
    );
  });
});
