import { describe, expect, it } from 'vitest';
import { repetitionsTrace, type CompleteEvent } from '../../../src/core/io/trace-events';
import type { RepetitionRecord } from '../../../src/core/model/types';
import { BASE_CONFIG, makeSample } from '../../helpers/run-records';
import { traceProblems } from '../../helpers/trace-format';

describe('repetitionsTrace with partially overlapping spans', () => {
  // A ship-out span that starts inside a batch and ends after it: a stack cannot draw it.
  const base = makeSample(0, 1);
  const t0 = base.startedAtMs;
  const rep: RepetitionRecord = {
    pointIndex: 0,
    repetition: 0,
    role: 'measured',
    config: BASE_CONFIG,
    sample: {
      ...base,
      spans: [
        { worker: 0, kind: 'compute', startMs: t0 + 4, endMs: t0 + 14, records: 10_000 },
        { worker: 0, kind: 'ship-out', startMs: t0 + 13, endMs: t0 + 15 },
      ],
    },
  };
  const trace = repetitionsTrace([rep]);

  it('moves the overlapping span to a second, named track of the same worker', () => {
    expect(traceProblems(trace)).toEqual([]);
    const shipOut = trace.traceEvents.find((e) => e.ph === 'X' && e.cat === 'ship-out') as CompleteEvent;
    expect(shipOut.tid).toBe(100_010);
    expect([shipOut.ts, shipOut.dur]).toEqual([13_000, 2000]);
    expect(trace.traceEvents).toContainEqual({
      ph: 'M',
      name: 'thread_name',
      pid: 1,
      tid: 100_010,
      ts: 0,
      args: { name: 'Worker 1 (overlapping spans, track 2)' },
    });
  });

  it('is what the checker refuses when drawn on one track', () => {
    const oneTrack = { ...trace, traceEvents: trace.traceEvents.map((e) => (e.tid === 100_010 ? { ...e, tid: 10 } : e)) };
    expect(traceProblems(oneTrack)).toEqual([expect.stringMatching(/^thread 1\/10: traceEvents\[\d+\] starts inside traceEvents\[\d+\] but ends after it$/)]);
  });

  it('the checker names missing fields and metadata', () => {
    const broken = {
      traceEvents: [
        { ph: 'X', name: 'a', cat: 'c', ts: -1, pid: 1, tid: 1 },
        { ph: 'B', name: 'b', ts: 0, pid: 1, tid: 1 },
        { ph: 'M', name: 'thread_name', ts: 0, pid: 1, tid: 2, args: {} },
        { ph: 'X', name: 'c', cat: 'c', ts: 0, dur: 1, pid: 3, tid: 4 },
      ],
    };
    expect(traceProblems(broken)).toEqual([
      'traceEvents[0].ts: expected a finite number of µs ≥ 0',
      'traceEvents[0].dur: expected a finite number of µs ≥ 0',
      'traceEvents[1].ph: expected "X" or "M" (the phases this exporter uses), got "B"',
      'traceEvents[2].args.name: missing or of the wrong type',
      'thread 3/4: has slices but no thread_name metadata',
      'process 3: has slices but no process_name metadata',
    ]);
  });
});
