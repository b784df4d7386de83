/**
 * A kernel run as plain data, for the headless runner (src/node/experiment-kernel.ts) and
 * the page that serves it (src/state/kernel-run.ts): what to run, and what came out.
 */

import type { DatasetSpec, Scheduling, Shipping } from '../model/types';
import type { UserFormat } from '../userdata';
import type { KernelFailure } from './errors';
import type { RunRecord } from '../io/run-record';

export interface KernelRunRequest {
  /** The kernel module's source. */
  source: string;
  /** A data file's format when the run is over the file on the page's input; null: the built-in records. */
  dataFormat: UserFormat | null;
  /** The built-in records (ignored for a data file). */
  spec: DatasetSpec;
  workers: number;
  shipping: Shipping;
  /** How the parallel pass hands out chunks. */
  scheduling: Scheduling;
  repetitions: number;
}

export type KernelRunResponse =
  | {
      ok: true;
      /** finish()'s output as canonical JSON: the sequential answer. */
      answerJson: string;
      parallelJson: string;
      hash: string;
      parallelHash: string;
      correct: boolean;
      explanation?: string;
      records: number;
      chunks: number;
      redone: number;
      /** Median wall time of each pass over the repetitions, ms. */
      sequentialMs: number;
      parallelMs: number;
      /** The run as History stores it (the code, every pass), for the CSV and JSON exports. */
      record: RunRecord;
    }
  | { ok: false; message: string; failure?: KernelFailure };

/** The built-in records a kernel runs over unless told otherwise: csv, so every record has a text payload. */
export const DEFAULT_KERNEL_SPEC: Readonly<DatasetSpec> = Object.freeze({
  seed: 1,
  records: 100_000,
  format: 'csv',
  distinctKeys: 1_000,
  keySkew: 0,
  payloadBytes: 32,
  costSkew: 0,
});
