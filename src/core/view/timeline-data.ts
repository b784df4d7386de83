/** The timeline chart's view model: one repetition's spans as Gantt rows, busy and idle time per row. */

import type { Span } from '../model/types';
import { cell, type TableModel } from './table';

export type SpanKind = Span['kind'];
export const SPAN_KINDS: readonly SpanKind[] = ['init', 'generate', 'index', 'ship-in', 'compute', 'ship-out', 'serial', 'merge'];
export const SPAN_LABELS: Readonly<Record<SpanKind, string>> = {
  init: 'Init',
  generate: 'Generate',
  index: 'Index',
  'ship-in': 'Ship in',
  compute: 'Compute',
  'ship-out': 'Ship out',
  serial: 'Serial',
  merge: 'Merge',
};

export interface TimelineBar {
  /** Index into `rows`. */
  row: number;
  kind: SpanKind;
  /** ms from the run's start. */
  startMs: number;
  endMs: number;
  records?: number;
}
export interface TimelineRow {
  worker: number;
  label: string;
  busyMs: number;
  idleMs: number;
}
export interface TimelineModel {
  rows: TimelineRow[];
  bars: TimelineBar[];
  /** Right edge of the time axis, ms from the start. */
  totalMs: number;
}

/**
 * Turns one sample's spans into Gantt rows: the main thread (worker −1) first, then the
 * workers; times relative to the run start; busy time as the union of each row's spans.
 */
export function buildTimeline(spans: readonly Span[], startedAtMs: number, wallMs?: number): TimelineModel {
  const workers = [...new Set(spans.map((s) => s.worker))].sort((a, b) => a - b);
  const rowOf = new Map(workers.map((w, i) => [w, i]));
  const bars: TimelineBar[] = spans
    .map((s) => {
      const bar: TimelineBar = {
        row: rowOf.get(s.worker) as number,
        kind: s.kind,
        startMs: s.startMs - startedAtMs,
        endMs: Math.max(s.startMs, s.endMs) - startedAtMs,
      };
      if (s.records !== undefined) bar.records = s.records;
      return bar;
    })
    .sort((a, b) => a.row - b.row || a.startMs - b.startMs);
  const lastEnd = bars.reduce((m, b) => Math.max(m, b.endMs), 0);
  const totalMs = Math.max(lastEnd, wallMs ?? 0);
  const rows = workers.map((worker, i) => {
    const busyMs = unionLength(bars.filter((b) => b.row === i));
    return { worker, label: worker < 0 ? 'Main thread' : `Worker ${worker + 1}`, busyMs, idleMs: Math.max(0, totalMs - busyMs) };
  });
  return { rows, bars, totalMs };
}

/** Total length of the union of intervals (overlapping spans count once). */
function unionLength(bars: readonly TimelineBar[]): number {
  const sorted = [...bars].sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const b of sorted) {
    if (Number.isNaN(curStart) || b.startMs > curEnd) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart;
      curStart = b.startMs;
      curEnd = b.endMs;
    } else {
      curEnd = Math.max(curEnd, b.endMs);
    }
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart;
  return total;
}

/** The data table behind the timeline: one row per span, then busy/idle per row in the caption. */
export function timelineTable(m: TimelineModel): TableModel {
  const idle = m.rows.map((r) => `${r.label} idle ${cell(r.idleMs, 1)} ms`).join(', ');
  return {
    caption: `Busy spans of one repetition, ms from its start (${cell(m.totalMs, 1)} ms in all)` + (idle ? `; ${idle}` : ''),
    columns: ['Row', 'Kind', 'Start ms', 'End ms', 'Duration ms', 'Records'],
    rows: m.bars.map((b) => [
      m.rows[b.row].label,
      SPAN_LABELS[b.kind],
      cell(b.startMs),
      cell(b.endMs),
      cell(b.endMs - b.startMs),
      b.records === undefined ? '' : String(b.records),
    ]),
  };
}
