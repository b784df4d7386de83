/** A scaling file's limits, accepted column names, and the shapes of what parsing and the fits give back. */

import type { UslFit } from '../stats';

// ---------------------------------------------------------------------------------------
// Limits and column names

/** Largest file accepted, in UTF-8 bytes: 5 MiB. Check File.size against it before reading. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most data rows accepted (header, blank and comment lines not counted). */
export const MAX_DATA_ROWS = 10_000;
/** Fewest distinct worker counts: the USL has three parameters (σ, κ, λ). */
export const MIN_DISTINCT_N = 3;
/** The delimiters tried, in papaparse's order of preference. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Accepted header names (case-insensitive, trimmed), the canonical name first. */
export const COLUMN_ALIASES = {
  n: ['n', 'workers', 'threads', 'cores', 'processes'],
  throughput: ['throughput', 'rate', 'x'],
  time_ms: ['time_ms', 'time', 'ms', 'elapsed_ms'],
} as const;

// ---------------------------------------------------------------------------------------
// Types

/** What the measure column holds. */
export type ScalingMeasure = 'throughput' | 'time_ms';
/** A delimiter the parser recognises. */
export type ScalingDelimiter = (typeof DELIMITERS)[number];

/** A column of the file: its header text as written and its 1-based position. */
export interface ColumnRef {
  name: string;
  index: number;
}

/** One data row; `line` is 1-based, as an editor shows it. */
export interface ScalingRow {
  line: number;
  n: number;
  throughput?: number;
  timeMs?: number;
}

/** A file that parsed: its rows and how it was read. */
export interface ScalingTable {
  ok: true;
  rows: ScalingRow[];
  measure: ScalingMeasure;
  delimiter: ScalingDelimiter;
  /** The columns used. */
  columns: { n: ColumnRef; measure: ColumnRef };
  /** Things the reader decided that the user should know (e.g. which column it used). */
  notes: string[];
}

/** Why a file was refused. */
export type ScalingInputErrorCode =
  | 'too-large'
  | 'too-many-rows'
  | 'no-header'
  | 'missing-column'
  | 'ambiguous-column'
  | 'field-count'
  | 'bad-quotes'
  | 'empty-cell'
  | 'not-a-number'
  | 'negative-value'
  | 'bad-worker-count'
  | 'zero-time'
  | 'too-few-points';

/** A refused file: `message` names the line and column when there is one. */
export interface ScalingInputError {
  ok: false;
  code: ScalingInputErrorCode;
  message: string;
  /** 1-based line in the file. */
  line?: number;
  column?: ColumnRef;
}

export type ScalingParseResult = ScalingTable | ScalingInputError;

/** One worker count: the median of its rows. */
export interface AnalysedPoint {
  n: number;
  /** Rows measured at this n (repetitions). */
  repetitions: number;
  /** Median throughput; for time input 1000 / median time_ms, in runs per second. */
  throughput: number;
  /** Median time in ms (time input only). */
  timeMs?: number;
  /** Relative to the smallest n: T(n_min)/T(n) or X(n)/X(n_min); absent when X(n_min) is 0. */
  speedup?: number;
}

/** A fit that could not be made, and why. */
export interface FitFailure {
  error: string;
}

/** Amdahl's law fitted to the throughputs, X(n) = λ / ((1 − p) + p/n). */
export interface AmdahlSummary {
  /** Parallel fraction in [0, 1]. */
  p: number;
  /** Fitted throughput at n = 1 (a parameter, not a row of the file). */
  lambda: number;
  /** Highest speedup over n = 1 any load can reach: 1/(1 − p); Infinity when p = 1. */
  ceiling: number;
  /** 1 − SSE/SST on the throughputs (descriptive). */
  r2: number;
  /** Model speedup over n = 1 and throughput (λ × speedup) at each point, in point order. */
  fitted: { n: number; speedup: number; throughput: number }[];
}

/** Karp–Flatt's serial fraction at one worker count. */
export interface KarpFlattPoint {
  n: number;
  speedup: number;
  e: number;
}

/** Everything the fits say about one file. */
export interface ScalingAnalysis {
  measure: ScalingMeasure;
  /** Unit of `throughput`: 'runs/s' for time input, otherwise whatever the file's unit was. */
  throughputUnit: string;
  /** Smallest load n: the baseline of the points' `speedup`. */
  nMin: number;
  /** One per distinct n, ascending. */
  points: AnalysedPoint[];
  amdahl: AmdahlSummary | FitFailure;
  /** Per n ≠ 1, against the measured n = 1 row or else Amdahl's fitted λ (see notes). */
  karpFlatt: KarpFlattPoint[];
  usl: UslFit | FitFailure;
  /** What the numbers mean and what was assumed, in plain sentences. */
  notes: string[];
}

/** Narrows a fit result to its success. */
export function fitSucceeded<T extends object>(fit: T | FitFailure): fit is T {
  return !('error' in fit);
}
