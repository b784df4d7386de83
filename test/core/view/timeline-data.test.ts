import { describe, expect, it } from 'vitest';
import { buildTimeline, timelineTable } from '../../../src/core/view/timeline-data';
import type { Span } from '../../../src/core/model/types';

describe('buildTimeline', () => {
  const t0 = 1_000_000;
  const spans: Span[] = [
    { worker: 1, kind: 'compute', startMs: t0 + 5, endMs: t0 + 25, records: 500 },
    { worker: 0, kind: 'ship-in', startMs: t0 + 2, endMs: t0 + 4 },
    { worker: 0, kind: 'compute', startMs: t0 + 4, endMs: t0 + 14, records: 500 },
    { worker: -1, kind: 'merge', startMs: t0 + 26, endMs: t0 + 30 },
    { worker: 0, kind: 'ship-out', startMs: t0 + 13, endMs: t0 + 15 },
  ];

  it('puts the main thread first, makes times relative and measures idle time', () => {
    const m = buildTimeline(spans, t0, 32);
    expect(m.rows).toEqual([
      { worker: -1, label: 'Main thread', busyMs: 4, idleMs: 28 },
      { worker: 0, label: 'Worker 1', busyMs: 13, idleMs: 19 },
      { worker: 1, label: 'Worker 2', busyMs: 20, idleMs: 12 },
    ]);
    expect(m.totalMs).toBe(32);
    expect(m.bars[1]).toEqual({ row: 1, kind: 'ship-in', startMs: 2, endMs: 4 });
    expect(m.bars[2]).toEqual({ row: 1, kind: 'compute', startMs: 4, endMs: 14, records: 500 });
  });

  it('tabulates each span', () => {
    const t = timelineTable(buildTimeline(spans, t0));
    expect(t.rows[0]).toEqual(['Main thread', 'Merge', '26.000', '30.000', '4.000', '']);
    expect(t.caption).toBe(
      'Busy spans of one repetition, ms from its start (30.0 ms in all); Main thread idle 26.0 ms, Worker 1 idle 17.0 ms, Worker 2 idle 10.0 ms',
    );
  });

  it('handles no spans', () => {
    expect(buildTimeline([], t0)).toEqual({ rows: [], bars: [], totalMs: 0 });
  });
});
