import { describe, expect, it } from 'vitest';
import { nextExploreRecords } from '../../../src/core/experiment/live-map';

/** The explorer's picks one after another, each taken as measured. */
function picks(start: number[], n: number, max?: number): (number | undefined)[] {
  const measured = [...start];
  const out: (number | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const next = nextExploreRecords(measured, max);
    out.push(next);
    if (next !== undefined) measured.push(next);
  }
  return out;
}

describe('the background explorer', () => {
  it('goes coarse to fine: both ends, then the middle of the widest gap in log-scale stops', () => {
    // Stops up to 1 M: 10 20 50 100 200 500 1k 2k 5k 10k 20k 50k 100k 200k 500k 1M (indices 0 … 15).
    // Measured {9}: ends 0 and 15; gaps 0–9, 9–15 → 4 (200); 9–15 → 12 (100k); 4–9 → 6 (1k); 0–4 → 2 (50).
    expect(picks([10_000], 6)).toEqual([10, 1_000_000, 200, 100_000, 1_000, 50]);
  });

  it('stops when every stop up to the limit is measured', () => {
    expect(picks([], 5, 100)).toEqual([10, 100, 20, 50, undefined]);
  });
});
