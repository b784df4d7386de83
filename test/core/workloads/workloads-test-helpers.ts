/** Shared fixtures for the workloads tests (not a test file itself). */

import type { DatasetSpec, Digest, Format, JobKind } from '../../../src/core/model/types';
import {
  createAccumulator,
  digestOf,
  finishAccumulator,
  mergePartials,
  processRange,
  type PartialResult,
} from '../../../src/core/workloads';

export const FORMATS_ALL: readonly Format[] = ['fixed', 'varlen', 'csv'];

/** A small dataset spec; override any field. */
export function smallSpec(overrides: Partial<DatasetSpec> = {}): DatasetSpec {
  return {
    seed: 42,
    records: 200,
    format: 'fixed',
    distinctKeys: 16,
    keySkew: 0,
    payloadBytes: 8,
    costSkew: 0.5,
    ...overrides,
  };
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** Runs fn, expecting it to throw, and returns what it threw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw, got none');
}

/**
 * Processes bytes as the ranges [cuts[k], cuts[k+1]) (cuts sorted, from 0 to bytes.length),
 * one accumulator each, then merges the partials in `order` (indices; default as is).
 */
export function digestOfCuts(
  format: Format,
  job: JobKind,
  bytes: Uint8Array,
  cuts: readonly number[],
  workRounds = 0,
  order?: readonly number[],
): { digest: Digest; counts: number[] } {
  const parts: PartialResult[] = [];
  const counts: number[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const acc = createAccumulator({ job, workRounds }, 16);
    counts.push(processRange(acc, format, bytes, cuts[k], cuts[k + 1]));
    parts.push(finishAccumulator(acc));
  }
  const ordered = order ? order.map((i) => parts[i]) : parts;
  return { digest: digestOf(mergePartials(ordered)), counts };
}

/**
 * Index of the first differing byte, −1 if equal (a length difference counts at the
 * shorter length). Faster than toEqual on big typed arrays, and the failure says where.
 */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return k;
  return a.length === b.length ? -1 : n;
}
