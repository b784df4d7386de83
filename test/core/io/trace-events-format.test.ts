import { describe, expect, it } from 'vitest';
import { runTrace, type CompleteEvent, type TraceEvent } from '../../../src/core/io/trace-events';
import type { RunRecord } from '../../../src/core/io/run-record';
import type { RepetitionRecord, RunConfig, Sample } from '../../../src/core/model/types';
import { BASE_CONFIG, makeRecord } from '../../helpers/run-records';
import { traceProblems } from '../../helpers/trace-format';

// Shared-clock times of the size performance.timeOrigin gives, with binary-exact fractions.
const T0 = 1_700_000_000_000;
const CONFIG: RunConfig = { ...BASE_CONFIG, workers: 2, scheduling: 'dynamic', batchSize: 2500 };

function sample(start: number): Sample {
  return {
    wallMs: 17.5,
    phasesMs: { spawn: 1.5, init: 2.25, generate: 3, split: 0.5, shipIn: 0.25, compute: 8, shipOut: 0.5, merge: 1, teardown: 0.25 },
    spans: [
      { worker: -1, kind: 'generate', startMs: start + 3.75, endMs: start + 6.75, records: 10_000 },
      { worker: 0, kind: 'init', startMs: start + 1.5, endMs: start + 3.75 },
      { worker: 0, kind: 'compute', startMs: start + 7.5, endMs: start + 9.5, records: 2500 },
      { worker: 0, kind: 'compute', startMs: start + 9.75, endMs: start + 11.75, records: 2500 },
      { worker: 1, kind: 'init', startMs: start + 1.5, endMs: start + 3.5 },
      { worker: 1, kind: 'compute', startMs: start + 10.25, endMs: start + 14.75, records: 2500 },
      { worker: 1, kind: 'compute', startMs: start + 7.5, endMs: start + 10, records: 2500 },
      { worker: -1, kind: 'merge', startMs: start + 16, endMs: start + 17 },
    ],
    recordsPerWorker: [5000, 5000],
    batchesPerWorker: [2, 2],
    digest: { records: 10_000, checksum: '0123456789abcdef', tableHash: 'fedcba9876543210' },
    correct: true,
    startedAtMs: start,
  };
}

/** Two points; the trace shows each point's last measured repetition, never a baseline. */
function record(): RunRecord {
  const base = makeRecord({ points: 1, repetitions: 1 });
  const reps: RepetitionRecord[] = [
    { pointIndex: 0, repetition: 0, role: 'measured', config: CONFIG, sample: sample(T0 - 1000) },
    { pointIndex: 0, repetition: 0, role: 'baseline', config: { ...CONFIG, strategy: 'worker-seq', workers: 1 }, sample: sample(T0 - 500) },
    { pointIndex: 0, repetition: 1, role: 'measured', config: CONFIG, sample: sample(T0) },
    { pointIndex: 1, repetition: 0, role: 'measured', config: { ...CONFIG, workers: 4 }, sample: sample(T0 + 100) },
  ];
  return { ...base, repetitions: reps };
}

const slices = (events: TraceEvent[], pid: number, tid: number): [string, string, number, number][] =>
  events
    .filter((e): e is CompleteEvent => e.ph === 'X' && e.pid === pid && e.tid === tid)
    .map((e) => [e.name, e.cat, e.ts, e.dur]);

const metaName = (events: TraceEvent[], kind: string, pid: number, tid = 0): unknown =>
  events.find((e) => e.ph === 'M' && e.name === kind && e.pid === pid && (kind.startsWith('process') || e.tid === tid))?.args;

describe('runTrace', () => {
  const trace = runTrace(record());
  if (!trace) throw new Error('expected a trace');
  const events = trace.traceEvents;

  it('passes the structural check of the Trace Event format, also after a JSON round trip', () => {
    expect(traceProblems(trace)).toEqual([]);
    expect(traceProblems(JSON.parse(JSON.stringify(trace)))).toEqual([]);
    expect(trace.displayTimeUnit).toBe('ms');
  });

  it('draws one process per point, named after its configuration, from its last measured repetition', () => {
    expect(new Set(events.map((e) => e.pid))).toEqual(new Set([1, 2]));
    expect(metaName(events, 'process_name', 1)).toEqual({
      name: 'Point 1: pool ×2 · group fixed · 10,000 records · transfer · dynamic, batches of 2500',
    });
    expect(metaName(events, 'process_name', 2)).toEqual({
      name: 'Point 2: pool ×4 · group fixed · 10,000 records · transfer · dynamic, batches of 2500',
    });
    expect(metaName(events, 'process_labels', 1)).toEqual({ labels: 'repetition 2, correct' });
    const repetition = events.find((e) => e.ph === 'X' && e.pid === 1 && e.cat === 'repetition') as CompleteEvent;
    expect(repetition.args?.config).toEqual(CONFIG);
  });

  it('names one track per thread: the phases, the main thread and each worker', () => {
    expect(metaName(events, 'thread_name', 1, 1)).toEqual({ name: 'Phases (critical path)' });
    expect(metaName(events, 'thread_name', 1, 2)).toEqual({ name: 'Main thread' });
    expect(metaName(events, 'thread_name', 1, 10)).toEqual({ name: 'Worker 1' });
    expect(metaName(events, 'thread_name', 1, 11)).toEqual({ name: 'Worker 2' });
    expect(new Set(events.filter((e) => e.pid === 1).map((e) => e.tid))).toEqual(new Set([0, 1, 2, 10, 11]));
  });

  it('lays the phases end to end inside the repetition, in µs from the earliest moment of the trace', () => {
    expect(trace.otherData.originEpochMs).toBe(T0);
    expect(slices(events, 1, 1)).toEqual([
      ['Repetition 2', 'repetition', 0, 17_500],
      ['Spawn', 'phase', 0, 1500],
      ['Init', 'phase', 1500, 2250],
      ['Generate', 'phase', 3750, 3000],
      ['Split / index', 'phase', 6750, 500],
      ['Ship in', 'phase', 7250, 250],
      ['Compute', 'phase', 7500, 8000],
      ['Ship out', 'phase', 15_500, 500],
      ['Merge', 'phase', 16_000, 1000],
      ['Teardown', 'phase', 17_000, 250],
    ]);
    // The second point ran 100 ms later on the same clock.
    expect(slices(events, 2, 1)[0]).toEqual(['Repetition 1', 'repetition', 100_000, 17_500]);
  });

  it('nests each worker’s batches, in time order, inside one Compute slice', () => {
    expect(slices(events, 1, 10)).toEqual([
      ['Init', 'init', 1500, 2250],
      ['Compute', 'compute', 7500, 4250],
      ['Batch 1', 'batch', 7500, 2000],
      ['Batch 2', 'batch', 9750, 2000],
    ]);
    expect(slices(events, 1, 11)).toEqual([
      ['Init', 'init', 1500, 2000],
      ['Compute', 'compute', 7500, 7250],
      ['Batch 1', 'batch', 7500, 2500],
      ['Batch 2', 'batch', 10_250, 4500],
    ]);
    const compute = events.find((e) => e.ph === 'X' && e.pid === 1 && e.tid === 11 && e.cat === 'compute') as CompleteEvent;
    expect(compute.args).toEqual({ batches: 2, records: 5000 });
    expect(slices(events, 1, 2)).toEqual([
      ['Generate', 'generate', 3750, 3000],
      ['Merge', 'merge', 16_000, 1000],
    ]);
  });

  it('carries the environment and the run as metadata', () => {
    expect(trace.otherData).toMatchObject({
      app: 'Parallel Playground',
      runId: 'run-0001',
      runLabel: 'workers sweep',
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      timerResolutionMs: 0.005,
    });
  });

  it('gives no trace for a run with nothing measured', () => {
    expect(runTrace({ ...record(), repetitions: [] })).toBeNull();
  });
});
