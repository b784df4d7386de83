/**
 * What the data view shows of a measured run over a user's file: the answer's top keys,
 * the sequential and parallel times with the speedup and its interval, throughput, and the
 * parallel pass cut into phases. Pure: numbers in, display values out.
 */

import { PHASES, type Phase } from '../model/types';
import { median, speedup, summarize, type Summary } from '../stats';
import type { UserAnswer } from './answer';
import { answerColumns } from './answer';
import { buildTimeVsRecords, type TimeVsRecordsModel } from '../view/chart-data';
import { totalStalls } from './file-reader';

/** One measured pass as the view needs it. */
export interface PassTiming {
  wallMs: number;
  phasesMs: Record<Phase, number>;
  redone: number;
  /** File reads that stalled and were read again another way (absent: none). */
  stalledReads?: number;
}

export interface DataRunInput {
  answer: UserAnswer;
  fileBytes: number;
  workers: number;
  spawnMs: number;
  sequential: readonly PassTiming[];
  parallel: readonly PassTiming[];
  /** The page's own passes (the `main` strategy); empty or absent when not measured. */
  main?: readonly PassTiming[];
  correct: boolean;
  message?: string;
}

export interface DataRunView {
  /** Workers of the parallel passes. */
  workers: number;
  columns: string[];
  /** The keys with the most records, most first (ties by the answer's key order). */
  topRows: string[][];
  keys: number;
  records: number;
  sequential: Summary;
  parallel: Summary;
  /** The page's own pass, when measured. */
  main?: Summary;
  /** Sequential median ÷ parallel median, with its 95 % bootstrap interval; undefined when a time is 0 ms. */
  speedup?: { ratio: number; ci95: [number, number] };
  /** File bytes per second of the median passes, MB/s (10^6 bytes). */
  sequentialMBps: number;
  parallelMBps: number;
  mainMBps?: number;
  /** Median per phase of the parallel passes, ms, in pipeline order, phases that took time only. */
  phasesMs: { phase: Phase; ms: number }[];
  spawnMs: number;
  /** Chunks parsed again because a cut fell inside a quoted field (the most in any pass). */
  redone: number;
  /** File reads that stalled (a window not there after STALLED_READ_MS) and were read again, in all passes: those passes include the wait. */
  stalledReads: number;
  correct: boolean;
  message?: string;
}

/** Keys shown in the answer table by default. */
export const TOP_KEYS = 20;

function mbps(bytes: number, ms: number): number {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : 0;
}

/** The view of a run; `top` keys of the answer by record count. */
export function dataRunView(input: DataRunInput, top = TOP_KEYS): DataRunView {
  const { answer } = input;
  const order = answer.rows.map((row, i) => ({ row, i, count: Number(row[1]) }));
  order.sort((a, b) => b.count - a.count || a.i - b.i);
  const seqMs = input.sequential.map((s) => s.wallMs);
  const parMs = input.parallel.map((s) => s.wallMs);
  const sequential = summarize(seqMs);
  const parallel = summarize(parMs);
  const timed = seqMs.every((x) => x > 0) && parMs.every((x) => x > 0);
  const ratio = timed ? speedup(seqMs, parMs) : undefined;
  const phasesMs = PHASES.map((phase) => ({ phase, ms: median(input.parallel.map((s) => s.phasesMs[phase])) })).filter(
    (p) => p.ms > 0,
  );
  const view: DataRunView = {
    workers: input.workers,
    columns: answerColumns(answer),
    topRows: order.slice(0, top).map((o) => o.row),
    keys: answer.rows.length,
    records: answer.records,
    sequential,
    parallel,
    sequentialMBps: mbps(input.fileBytes, sequential.median),
    parallelMBps: mbps(input.fileBytes, parallel.median),
    phasesMs,
    spawnMs: input.spawnMs,
    redone: Math.max(0, ...input.parallel.map((s) => s.redone)),
    stalledReads: totalStalls([...input.sequential, ...input.parallel, ...(input.main ?? [])]),
    correct: input.correct,
  };
  if (ratio) view.speedup = { ratio: ratio.ratio, ci95: ratio.ci95 };
  if (input.main && input.main.length > 0) {
    view.main = summarize(input.main.map((s) => s.wallMs));
    view.mainMBps = mbps(input.fileBytes, view.main.median);
  }
  if (input.message !== undefined) view.message = input.message;
  return view;
}

/** One prefix of the records sweep. */
export interface PrefixRow {
  bytes: number;
  workers: number;
  records: number;
  sequentialMs: number;
  parallelMs: number;
  /** 95 % intervals of the two medians, ms. */
  sequentialCi95: [number, number];
  parallelCi95: [number, number];
  speedup?: { ratio: number; ci95: [number, number] };
}

export function prefixRow(view: DataRunView, bytes: number): PrefixRow {
  const row: PrefixRow = {
    bytes,
    workers: view.workers,
    records: view.records,
    sequentialMs: view.sequential.median,
    parallelMs: view.parallel.median,
    sequentialCi95: view.sequential.ci95,
    parallelCi95: view.parallel.ci95,
  };
  if (view.speedup) row.speedup = view.speedup;
  return row;
}

/**
 * The smallest prefix from which parallel measurably pays: its speedup's 95 % interval and
 * that of every larger prefix lie above 1. Undefined when the largest does not.
 */
export function paysFrom(rows: readonly PrefixRow[]): PrefixRow | undefined {
  let from: PrefixRow | undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    const s = rows[i].speedup;
    if (!s || s.ci95[0] <= 1) break;
    from = rows[i];
  }
  return from;
}

/** The sweep as the time-vs-records chart draws it: the sequential line and the parallel one, with their intervals. */
export function prefixSweepChart(rows: readonly PrefixRow[]): TimeVsRecordsModel {
  return buildTimeVsRecords(
    rows.flatMap((r) => [
      { workers: 1, series: '1 worker (sequential)', records: r.records, medianMs: r.sequentialMs, ci95Ms: r.sequentialCi95 },
      { workers: r.workers, records: r.records, medianMs: r.parallelMs, ci95Ms: r.parallelCi95 },
    ]),
  );
}
