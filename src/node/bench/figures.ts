/**
 * The figures `npm run bench` measures: what each one reports, the reference measured
 * beside it, and its target. One table, so results.json, BENCHMARKS.md and the judging all
 * read the same definitions.
 */

import { APP_FIGURES } from './figures-app';
import { ENGINE_FIGURES } from './figures-engine';

/** Ids of the page's measuring jobs (src/bench/jobs.ts PAGE_JOBS); kept as strings so Node never compiles page code. */
export type PageJobId =
  | 'fixed-parse'
  | 'group'
  | 'ping'
  | 'workerpool'
  | 'speedup-2w'
  | 'batch-overhead'
  | 'ship'
  | 'cold-pool'
  | 'main-block'
  | 'harness-overhead'
  | 'history'
  | 'devtools-tracks'
  | 'group-vs-hand'
  | 'small-tasks'
  | 'small-batch'
  | 'cold-break-even'
  | 'data-csv';

export type Unit = 'records/s' | 'MB/s' | 'µs' | 'ms' | '×' | '%' | 'kB' | 'MB' | 'fps' | 'tasks/s' | 'records' | 'ns' | 'points/min' | 'lessons';
export type Op = '<' | '<=' | '>=' | '>';

/** A per-trial series the page returns, and how to show it. */
export interface Measure {
  series: string;
  label: string;
  unit: Unit;
}

export interface Target {
  /** Judged on the median of the value or of the per-trial ratio. */
  on: 'value' | 'ratio';
  op: Op;
  bound: number;
  /** As written in the brief. */
  text: string;
}

export interface FigureSpec {
  id: string;
  title: string;
  source: { kind: 'page'; job: PageJobId } | { kind: 'node'; what: 'initial-js' | 'memory' | 'ui-interactive' | 'ui-fps' | 'classroom' | 'live' | 'aa' | 'lessons' };
  value: Measure;
  reference?: Measure;
  ratio?: { series: string; label: string };
  /** Absent for a context figure: measured and reported, never judged (`contextOnly` says why). */
  target?: Target;
  /** Why a figure has no target (e.g. a withdrawn one and what replaced it). */
  contextOnly?: string;
  /** More series summarised for context (never judged). */
  context?: Measure[];
  /** How it is measured, one or two sentences for BENCHMARKS.md. */
  method: string;
}

/** Every figure, in run order. */
export const FIGURES: readonly FigureSpec[] = [...ENGINE_FIGURES, ...APP_FIGURES];

/** Figure ids in run order. */
export const FIGURE_IDS: readonly string[] = FIGURES.map((f) => f.id);

/** True when `x op bound` holds. */
export function meets(x: number, op: Op, bound: number): boolean {
  switch (op) {
    case '<':
      return x < bound;
    case '<=':
      return x <= bound;
    case '>=':
      return x >= bound;
    case '>':
      return x > bound;
  }
}
