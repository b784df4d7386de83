/**
 * Validation of dataset and job specs at the module's entry points. Specs arrive from
 * URLs, forms and imported JSON, so every field is checked for type as well as range.
 */

import { ConfigError, FORMATS, JOBS, type ConfigProblem, type DatasetSpec, type JobSpec } from '../model/types';

/**
 * Most records in one dataset. Keeps every aggregate exact: a sum of prices is below
 * 5·10^7 · 2^24 ≈ 8.4·10^14 < 2^53, ts < 5·10^7 · 1000 + 1000 < 2^53, and counts fit a u32.
 */
export const MAX_RECORDS = 50_000_000;
/** Most distinct keys (2^20); also keeps uniformBelow(u, K) exact (K ≤ 2^21). */
export const MAX_DISTINCT_KEYS = 1_048_576;
/** Most work rounds per record per unit of cost (cost ≤ 64, so ≤ 6.4·10^6 rounds a record). */
export const MAX_WORK_ROUNDS = 100_000;
/** Largest Zipf exponent. */
export const MAX_KEY_SKEW = 4;
/** Largest mean payload; payload lengths are uniform in [0, 2·payloadBytes]. */
export const MAX_PAYLOAD_BYTES = 1024;
/** Largest seed (2^32 − 1). */
export const MAX_SEED = 0xffffffff;

/** 50000000 → "50,000,000". */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function integerIn(field: string, v: unknown, min: number, max: number): ConfigProblem[] {
  return typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max
    ? [{ field, allowed: `an integer from ${grouped(min)} to ${grouped(max)}`, got: v }]
    : [];
}

function numberIn(field: string, v: unknown, min: number, max: number): ConfigProblem[] {
  return typeof v !== 'number' || Number.isNaN(v) || v < min || v > max ? [{ field, allowed: `a number from ${min} to ${max}`, got: v }] : [];
}

function oneOf(field: string, v: unknown, allowed: readonly string[]): ConfigProblem[] {
  return typeof v !== 'string' || !allowed.includes(v)
    ? [{ field, allowed: `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, got: v }]
    : [];
}

/** Every invalid field of a DatasetSpec, in field order, each naming what it allows. */
export function datasetSpecProblems(spec: DatasetSpec): ConfigProblem[] {
  return [
    ...integerIn('seed', spec.seed, 0, MAX_SEED),
    ...integerIn('records', spec.records, 0, MAX_RECORDS),
    ...oneOf('format', spec.format, FORMATS),
    ...integerIn('distinctKeys', spec.distinctKeys, 1, MAX_DISTINCT_KEYS),
    ...numberIn('keySkew', spec.keySkew, 0, MAX_KEY_SKEW),
    ...integerIn('payloadBytes', spec.payloadBytes, 0, MAX_PAYLOAD_BYTES),
    ...numberIn('costSkew', spec.costSkew, 0, 1),
  ];
}

/** Every invalid field of a JobSpec. */
export function jobSpecProblems(spec: JobSpec): ConfigProblem[] {
  return [
    ...oneOf('job', spec.job, JOBS),
    ...integerIn('workRounds', spec.workRounds, 0, MAX_WORK_ROUNDS),
    ...(spec.faultAtRecord !== undefined ? integerIn('faultAtRecord', spec.faultAtRecord, 0, MAX_SEED) : []),
  ];
}

/** Throws the first problem as a ConfigError; a worker's entry point has nothing to show a list to. */
export function throwFirst(problems: readonly ConfigProblem[]): void {
  const first = problems[0];
  if (first) throw new ConfigError(first.field, first.allowed, first.got);
}

/** Throws ConfigError(field, allowed, got) for the first invalid field of a DatasetSpec. */
export function validateDatasetSpec(spec: DatasetSpec): void {
  throwFirst(datasetSpecProblems(spec));
}

/** Throws ConfigError(field, allowed, got) for the first invalid field of a JobSpec. */
export function validateJobSpec(spec: JobSpec): void {
  throwFirst(jobSpecProblems(spec));
}
