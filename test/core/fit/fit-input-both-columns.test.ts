/** A file with both a throughput and a time column is read by its throughput, and the notes say so. */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';

describe('parseScalingCsv with throughput and time', () => {
  it('uses throughput and ignores the time column', () => {
    const parsed = parseScalingCsv('n,time_ms,throughput\n1,not-timed,10\n2,,19\n4,5,30\n');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.measure).toBe('throughput');
    expect(parsed.rows.map((r) => r.throughput)).toEqual([10, 19, 30]);
    expect(parsed.rows.every((r) => r.timeMs === undefined)).toBe(true);
    expect(parsed.notes).toEqual([
      'Both a throughput column (column 3 (throughput)) and a time column (column 2 (time_ms)) are present: using throughput; the time column is ignored.',
    ]);
  });
});
