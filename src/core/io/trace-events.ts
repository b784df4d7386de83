/**
 * A stored run as Chrome Trace Event JSON (the "JSON Object Format" that Perfetto's UI,
 * chrome://tracing and the DevTools Performance panel open).
 *
 * One process per configuration point, holding one measured repetition of it (the last one,
 * as the timeline chart shows it). Inside a process, one track (thread) each for the phase
 * partition of the wall time, the main thread and every worker (or, for `main-async`, every
 * task interleaved on the main thread). Spans become complete events (`ph: 'X'`); a worker's
 * batches (its `compute` spans) nest inside one synthesised "Compute" event spanning them.
 * Metadata events (`ph: 'M'`) name the processes and threads after the configuration.
 *
 * Times are microseconds (the format's unit) from the earliest moment in the trace, computed
 * in whole nanoseconds so that rounding can never turn a nested event into an overlapping
 * one. The format draws events of one thread as a stack: an event that starts inside another
 * must end inside it. Spans that would break that rule (a span log coarsened by merging) go
 * to an extra track of the same thread instead of being drawn wrongly.
 */

import { PHASE_LABELS } from '../view/chart-data';
import { SPAN_LABELS } from '../view/timeline-data';
import type { Environment } from '../model/environment';
import type { RunRecord } from './run-record';
import { PHASES, type RepetitionRecord, type RunConfig, type Span } from '../model/types';

/** A complete event: a slice with a start and a duration on one thread. */
export interface CompleteEvent {
  ph: 'X';
  name: string;
  cat: string;
  /** Start, µs from the trace's origin. */
  ts: number;
  /** Duration, µs. */
  dur: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** A metadata event: names or orders a process or a thread. */
export interface MetadataEvent {
  ph: 'M';
  name: 'process_name' | 'process_labels' | 'process_sort_index' | 'thread_name' | 'thread_sort_index';
  pid: number;
  tid: number;
  /** The format requires a timestamp on every event; metadata sits at 0. */
  ts: 0;
  args: { name: string } | { labels: string } | { sort_index: number };
}

export type TraceEvent = CompleteEvent | MetadataEvent;

/** The whole file. */
export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  /** Free-form metadata the format carries along (shown by chrome://tracing's "Metadata"). */
  otherData: {
    app: 'Parallel Playground';
    runId?: string;
    runLabel?: string;
    createdAt?: string;
    appVersion?: string;
    userAgent?: string;
    hardwareConcurrency?: number;
    crossOriginIsolated?: boolean;
    timerResolutionMs?: number;
    /** The origin of `ts`: shared-clock ms (performance.timeOrigin + performance.now()). */
    originEpochMs: number;
  };
}

/** What the trace says about where the repetitions come from (all optional). */
export interface TraceContext {
  runId?: string;
  runLabel?: string;
  createdAt?: string;
  environment?: Environment;
}

/** Track numbers inside a process: the phases first, then the main thread, then worker w at WORKER_TID + w. */
const PHASES_TID = 1;
const MAIN_TID = 2;
const WORKER_TID = 10;
/** Extra tracks for spans that would overlap partially: `OVERFLOW_TID * lane + tid`. */
const OVERFLOW_TID = 100_000;

/** "pool ×4 · group fixed · 10,000 records · transfer · static": a configuration in one line. */
export function configName(config: RunConfig): string {
  const parallel = config.strategy === 'pool' || config.strategy === 'main-async';
  const parts = [
    parallel ? `${config.strategy} ×${config.workers}` : config.strategy,
    `${config.job} ${config.format}`,
    `${config.records.toLocaleString('en-US')} records`,
  ];
  if (config.strategy !== 'main' && config.strategy !== 'main-async') parts.push(config.shipping);
  if (parallel) parts.push(config.scheduling === 'dynamic' ? `dynamic, batches of ${config.batchSize}` : 'static');
  return parts.join(' · ');
}

/**
 * The repetitions a run's trace shows: per point, its last measured repetition (the one the
 * timeline chart draws), in point order.
 */
export function traceRepetitions(record: Pick<RunRecord, 'repetitions'>): RepetitionRecord[] {
  const last = new Map<number, RepetitionRecord>();
  for (const rep of record.repetitions) if (rep.role === 'measured') last.set(rep.pointIndex, rep);
  return [...last.entries()].sort((a, b) => a[0] - b[0]).map(([, rep]) => rep);
}

/** The trace of a stored run: one process per point (see the file comment); null when nothing was measured. */
export function runTrace(record: RunRecord): ChromeTrace | null {
  const reps = traceRepetitions(record);
  if (reps.length === 0) return null;
  return repetitionsTrace(reps, {
    runId: record.id,
    runLabel: record.label,
    createdAt: record.createdAt,
    environment: record.environment,
  });
}

/** Shared-clock ms → whole ns from the origin. */
type Ns = number;

interface Slice {
  name: string;
  cat: string;
  startNs: Ns;
  endNs: Ns;
  args?: Record<string, unknown>;
}

/** The trace of some repetitions, one process each, on one time axis. */
export function repetitionsTrace(reps: readonly RepetitionRecord[], context: TraceContext = {}): ChromeTrace {
  // Loops, not Math.min(...spans): a sample may hold up to a million spans.
  let originMs = Infinity;
  for (const r of reps) {
    originMs = Math.min(originMs, r.sample.startedAtMs);
    for (const s of r.sample.spans) originMs = Math.min(originMs, s.startMs, s.endMs);
  }
  const ns = (ms: number): Ns => Math.round((ms - originMs) * 1e6);
  const events: TraceEvent[] = [];
  reps.forEach((rep, i) => events.push(...processEvents(rep, i + 1, ns)));
  const env = context.environment;
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: {
      app: 'Parallel Playground',
      ...(context.runId !== undefined ? { runId: context.runId } : {}),
      ...(context.runLabel !== undefined ? { runLabel: context.runLabel } : {}),
      ...(context.createdAt !== undefined ? { createdAt: context.createdAt } : {}),
      ...(env
        ? {
            appVersion: env.appVersion,
            userAgent: env.userAgent,
            hardwareConcurrency: env.hardwareConcurrency,
            crossOriginIsolated: env.crossOriginIsolated,
            timerResolutionMs: env.timerResolutionMs,
          }
        : {}),
      originEpochMs: Number.isFinite(originMs) ? originMs : 0,
    },
  };
}

/** Every event of one repetition, as process `pid`. */
function processEvents(rep: RepetitionRecord, pid: number, ns: (ms: number) => Ns): TraceEvent[] {
  const { config, sample } = rep;
  const meta = (name: MetadataEvent['name'], tid: number, args: MetadataEvent['args']): MetadataEvent => ({
    ph: 'M',
    name,
    pid,
    tid,
    ts: 0,
    args,
  });
  const events: TraceEvent[] = [
    meta('process_name', 0, { name: `Point ${rep.pointIndex + 1}: ${configName(config)}` }),
    meta('process_labels', 0, { labels: `repetition ${rep.repetition + 1}, ${sample.correct ? 'correct' : 'WRONG ANSWER'}` }),
    meta('process_sort_index', 0, { sort_index: pid }),
  ];

  // The phases tile [start, start + their sum] in pipeline order, inside the repetition's wall time.
  const startNs = ns(sample.startedAtMs);
  const phaseSlices: Slice[] = [];
  let cursorMs = sample.startedAtMs;
  for (const phase of PHASES) {
    const ms = sample.phasesMs[phase];
    if (!(ms > 0)) continue;
    phaseSlices.push({ name: PHASE_LABELS[phase], cat: 'phase', startNs: ns(cursorMs), endNs: ns(cursorMs + ms), args: { ms } });
    cursorMs += ms;
  }
  const wallEndNs = Math.max(ns(sample.startedAtMs + sample.wallMs), ns(cursorMs));
  const repetition: Slice = {
    name: `Repetition ${rep.repetition + 1}`,
    cat: 'repetition',
    startNs,
    endNs: wallEndNs,
    args: { config, wallMs: sample.wallMs, correct: sample.correct, digest: sample.digest, ...(sample.message ? { message: sample.message } : {}) },
  };
  events.push(...threadEvents(pid, PHASES_TID, 'Phases (critical path)', [repetition, ...phaseSlices]));

  const byWorker = new Map<number, Span[]>();
  for (const s of sample.spans) {
    let list = byWorker.get(s.worker);
    if (!list) byWorker.set(s.worker, (list = []));
    list.push(s);
  }
  for (const [worker, spans] of [...byWorker.entries()].sort((a, b) => a[0] - b[0])) {
    const tid = worker < 0 ? MAIN_TID : WORKER_TID + worker;
    events.push(...threadEvents(pid, tid, threadName(worker, config), spanSlices(spans, ns)));
  }
  return events;
}

/** The name of the thread a span's `worker` ran on: the main thread (−1), a worker, or a main-async task. */
export function threadName(worker: number, config: Pick<RunConfig, 'strategy'>): string {
  if (worker < 0) return 'Main thread';
  return config.strategy === 'main' || config.strategy === 'main-async' ? `Task ${worker + 1} (on the main thread)` : `Worker ${worker + 1}`;
}

/** A thread's spans as slices: `compute` spans become numbered batches inside one "Compute" slice. */
function spanSlices(spans: readonly Span[], ns: (ms: number) => Ns): Slice[] {
  const slices: Slice[] = [];
  const batches = spans.filter((s) => s.kind === 'compute').sort((a, b) => a.startMs - b.startMs);
  for (const s of spans) {
    if (s.kind === 'compute') continue;
    slices.push({
      name: SPAN_LABELS[s.kind],
      cat: s.kind,
      startNs: ns(s.startMs),
      endNs: ns(Math.max(s.startMs, s.endMs)),
      ...(s.records !== undefined ? { args: { records: s.records } } : {}),
    });
  }
  if (batches.length > 0) {
    let records = 0;
    let endMs = batches[0].startMs;
    for (const b of batches) {
      records += b.records ?? 0;
      endMs = Math.max(endMs, b.endMs);
    }
    slices.push({
      name: SPAN_LABELS.compute,
      cat: 'compute',
      startNs: ns(batches[0].startMs),
      endNs: ns(endMs),
      args: { batches: batches.length, records },
    });
    batches.forEach((b, k) =>
      slices.push({
        name: `Batch ${k + 1}`,
        cat: 'batch',
        startNs: ns(b.startMs),
        endNs: ns(Math.max(b.startMs, b.endMs)),
        ...(b.records !== undefined ? { args: { records: b.records } } : {}),
      }),
    );
  }
  return slices;
}

/**
 * Lays slices out on one thread as the format draws them: sorted by start (longest first on
 * ties, so parents precede children), each on the first lane where it nests in or follows
 * what is open; a slice that would overlap partially opens another lane (an extra track).
 */
function threadEvents(pid: number, tid: number, name: string, slices: readonly Slice[]): TraceEvent[] {
  const sorted = [...slices].sort((a, b) => a.startNs - b.startNs || b.endNs - a.endNs);
  const lanes: { open: Ns[]; events: CompleteEvent[] }[] = [];
  for (const s of sorted) {
    let lane = lanes.find((l) => {
      while (l.open.length > 0 && l.open[l.open.length - 1] <= s.startNs) l.open.pop();
      return l.open.length === 0 || s.endNs <= l.open[l.open.length - 1];
    });
    if (!lane) lanes.push((lane = { open: [], events: [] }));
    lane.open.push(s.endNs);
    lane.events.push({
      ph: 'X',
      name: s.name,
      cat: s.cat,
      ts: s.startNs / 1000,
      dur: (s.endNs - s.startNs) / 1000,
      pid,
      tid: lanes.indexOf(lane) * OVERFLOW_TID + tid,
      ...(s.args ? { args: s.args } : {}),
    });
  }
  if (lanes.length === 0) lanes.push({ open: [], events: [] });
  const out: TraceEvent[] = [];
  lanes.forEach((lane, k) => {
    const laneTid = k * OVERFLOW_TID + tid;
    const laneName = k === 0 ? name : `${name} (overlapping spans, track ${k + 1})`;
    out.push(
      { ph: 'M', name: 'thread_name', pid, tid: laneTid, ts: 0, args: { name: laneName } },
      { ph: 'M', name: 'thread_sort_index', pid, tid: laneTid, ts: 0, args: { sort_index: laneTid } },
      ...lane.events,
    );
  });
  return out;
}

/** The trace as the text of a .json file. */
export function traceJson(trace: ChromeTrace): string {
  return JSON.stringify(trace);
}
