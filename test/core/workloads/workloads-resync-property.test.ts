import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, runSequential } from '../../../src/core/workloads';
import { digestOfCuts, FORMATS_ALL, smallSpec } from './workloads-test-helpers';

// Byte cuts at arbitrary (unaligned) offsets, each range processed with resync
// semantics, the partials merged in a random order: every record is seen exactly once.
describe('random byte cuts + resync + merge in any order = one pass', () => {
  for (const format of FORMATS_ALL) {
    for (const job of ['parse', 'group'] as const) {
      it(`${format} ${job}`, () => {
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: 40 }),
            fc.integer({ min: 0, max: 2 ** 32 - 1 }),
            fc.integer({ min: 0, max: 24 }),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
            fc.array(fc.nat(), { maxLength: 13 }),
            (records, seed, payloadBytes, fractions, shuffleKeys) => {
              const spec = smallSpec({ format, records, seed, payloadBytes, distinctKeys: 8, keySkew: 0.7 });
              const bytes = generate(spec);
              const cuts = [0, ...fractions.map((f) => Math.floor(f * bytes.length)).sort((a, b) => a - b), bytes.length];
              const ranges = cuts.length - 1;
              // A random permutation of the partials: sort indices by random keys.
              const order = [...Array(ranges).keys()].sort(
                (a, b) => (shuffleKeys[a] ?? a) - (shuffleKeys[b] ?? b) || a - b,
              );
              const { digest, counts } = digestOfCuts(format, job, bytes, cuts, 1, order);
              expect(counts.reduce((a, b) => a + b, 0)).toBe(records);
              expect(digest).toEqual(runSequential({ ...spec, job, workRounds: 1 }, bytes));
            },
          ),
          { numRuns: 100 },
        );
      });
    }
  }
});
