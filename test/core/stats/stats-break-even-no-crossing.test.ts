import { describe, expect, it } from 'vitest';
import { breakEven, describeBreakEven } from '../../../src/core/stats';

const sizes = [10, 100, 1000];
const curve = (f: (r: number) => number) => sizes.map((records) => ({ records, ms: f(records) }));

describe('breakEven without a single A→B crossing', () => {
  it("'never': B is never faster (ties count for A) — seed 004's regression at every size", () => {
    const result = breakEven(curve((r) => r), curve((r) => r * 6.47));
    expect(result).toMatchObject({ kind: 'never', faster: 'A', minRecords: 10, maxRecords: 1000 });
    expect(breakEven(curve((r) => r), curve((r) => r)).kind).toBe('never');
    expect(describeBreakEven(result)).toBe('B is never faster than A in the measured range (10–1,000 records).');
  });

  it("'always': B is faster at every measured size", () => {
    const result = breakEven(curve((r) => r), curve((r) => r / 3));
    expect(result).toMatchObject({ kind: 'always', faster: 'B', minRecords: 10, maxRecords: 1000 });
  });

  it("'until': B leads at small sizes only, and the size where A takes over is given", () => {
    const result = breakEven(curve((r) => r), curve((r) => (r < 500 ? r / 2 : r * 2)));
    expect(result.kind).toBe('until');
    if (result.kind !== 'until') return;
    expect(result.between).toEqual([100, 1000]);
    expect(result.records).toBeCloseTo(Math.sqrt(100 * 1000), 9);
  });

  it("reports a later loss after a crossing: B wins from ~32 records but A is faster at 1000", () => {
    const result = breakEven(
      curve((r) => r),
      curve((r) => (r === 10 ? 20 : r === 100 ? 50 : 2000)),
    );
    expect(result.kind).toBe('crossing');
    if (result.kind !== 'crossing') return;
    expect(result.fasterAtLargest).toBe('A');
    expect(result.crossings.map((c) => [c.from, c.to])).toEqual([
      ['A', 'B'],
      ['B', 'A'],
    ]);
  });
});
