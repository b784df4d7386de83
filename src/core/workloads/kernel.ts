/**
 * Realm-neutral pieces of the engine that must run identically on the main thread and in
 * workers: the Amdahl serial work and the per-lane span log. Pure TypeScript, no DOM, no
 * worker globals, so main-thread strategies run literally the same code as the workers
 * (an honest comparison needs one kernel).
 */

import type { Format, JobKind, Span } from '../model/types';

/** Spans kept per lane before neighbours of the same kind are coalesced (bounded memory). */
export const MAX_SPANS_PER_LANE = 512;

/**
 * What one record costs to process, in serial mixing rounds (≈ 3.7 ns each), before its
 * work rounds: [parse, group] per format. Calibrated in headless Chromium on the 2-vCPU
 * machine class by comparing the serial span with the compute span of `main` runs at
 * f = 0.5 (ideal ratio 1); that machine was heavily loaded, so these are good to about
 * a factor 1.5. Amdahl fits measure the real serial share anyway.
 */
const BASE_ROUNDS: Record<Format, readonly [number, number]> = {
  fixed: [10, 28],
  varlen: [35, 45],
  csv: [60, 80],
};
/** Serial rounds one full decode pass costs per record (group-naive re-decodes once per key). */
const DECODE_ROUNDS: Record<Format, number> = { fixed: 3, varlen: 25, csv: 50 };
/** One job work round (xorshift-multiply, ≈ 1.5 ns) in serial rounds. */
const WORK_ROUND_RATIO = 0.45;

/** The cost knobs that decide how expensive one record is. */
export interface RecordCostSpec {
  format: Format;
  job: JobKind;
  workRounds: number;
  costSkew: number;
  distinctKeys: number;
}

/**
 * Mixing rounds of one serial unit so that a unit costs about what processing one record
 * costs (decode + job + workRounds × the mean record cost). Deterministic: a pure function
 * of the config, never of a timing.
 */
export function serialRoundsFor(c: RecordCostSpec): number {
  const [parse, group] = BASE_ROUNDS[c.format];
  let base = c.job === 'parse' ? parse : group;
  if (c.job === 'group-naive') base += c.distinctKeys * DECODE_ROUNDS[c.format];
  // cost(i) = 1 + floor(63 · costSkew · (i/n)^3): mean ≈ 1 + 63 · costSkew / 4.
  const meanCost = 1 + (63 * c.costSkew) / 4;
  return Math.max(1, Math.round(base + c.workRounds * meanCost * WORK_ROUND_RATIO));
}

/**
 * Serial integer-mixing work: `units` record-equivalents of `rounds` mixing rounds each.
 * Deterministic; the result is returned (and reported by callers) so no engine can
 * optimise the loop away. It is deliberately not part of any digest.
 */
export function serialWork(units: number, rounds: number, seed: number): number {
  let h = (seed ^ 0x9e3779b9) | 0;
  const r = Math.max(1, rounds | 0);
  for (let u = 0; u < units; u++) {
    let x = (h + Math.imul(u, 0x85ebca6b)) | 0;
    for (let k = 0; k < r; k++) {
      x ^= x >>> 16;
      x = Math.imul(x, 0x7feb352d);
      x ^= x >>> 15;
      x = Math.imul(x, 0x846ca68b);
      x ^= x >>> 16;
    }
    h = (h ^ x) + 0x6d2b79f5;
    h = h | 0;
  }
  return h >>> 0;
}

/** Record-equivalent units of serial work so that it is ≈ f of the whole sequential job. */
export function serialUnitsFor(records: number, serialFraction: number): number {
  if (!(serialFraction > 0) || records <= 0) return 0;
  return Math.round((records * serialFraction) / (1 - serialFraction));
}

/**
 * Busy spans of one lane (a worker, or −1 for the main thread) plus exact busy totals.
 * Totals are summed per span as it is added, so coalescing spans for memory never changes
 * the phase arithmetic that uses them.
 */
export class SpanLog {
  readonly spans: Span[] = [];
  /** Exact sum of 'compute' span durations, ms. */
  computeMs = 0;
  /** Exact sum of 'generate' span durations, ms. */
  generateMs = 0;

  constructor(
    readonly lane: number,
    private readonly cap = MAX_SPANS_PER_LANE,
  ) {}

  /** Records one span on the shared clock. */
  add(kind: Span['kind'], startMs: number, endMs: number, records?: number): void {
    const d = endMs - startMs;
    if (kind === 'compute') this.computeMs += d;
    else if (kind === 'generate') this.generateMs += d;
    const span: Span = { worker: this.lane, kind, startMs, endMs };
    if (records !== undefined) span.records = records;
    this.spans.push(span);
    if (this.spans.length > this.cap) this.halve();
  }

  /** Merges consecutive pairs of same-kind spans: half the spans, same records, coarser time. */
  private halve(): void {
    const byKind = new Map<Span['kind'], Span[]>();
    for (const s of this.spans) {
      let list = byKind.get(s.kind);
      if (!list) byKind.set(s.kind, (list = []));
      list.push(s);
    }
    const out: Span[] = [];
    for (const list of byKind.values()) {
      for (let i = 0; i < list.length; i += 2) {
        const a = list[i];
        const b = list[i + 1];
        if (!b) {
          out.push(a);
          continue;
        }
        const merged: Span = { worker: a.worker, kind: a.kind, startMs: a.startMs, endMs: Math.max(a.endMs, b.endMs) };
        if (a.records !== undefined || b.records !== undefined) merged.records = (a.records ?? 0) + (b.records ?? 0);
        out.push(merged);
      }
    }
    out.sort((x, y) => x.startMs - y.startMs);
    this.spans.length = 0;
    this.spans.push(...out);
  }
}
