/**
 * The wire protocol between the page and a kernel worker: a worker that loads a person's
 * own kernel module and runs it over records. Types only; the worker side is
 * workers/kernel-api.ts, the page side src/engine/kernel.ts.
 */

import type { DatasetSpec, Format, Span } from '../model/types';
import type { FileShape } from '../kernel/records';
import type { KernelFailure } from '../kernel/errors';
import type { ChunkResult } from '../userdata';
import type { InitOptions, InitReport, UserChunkSource } from './engine';

/** Where a kernel task's records come from. */
export type KernelSource =
  /** Whole built-in records, copied or transferred to this worker. */
  | { kind: 'bytes'; format: Format; bytes: Uint8Array }
  /** Whole built-in records [start, end) of one SharedArrayBuffer. */
  | { kind: 'shared-range'; format: Format; buffer: SharedArrayBuffer; byteLength: number; start: number; end: number }
  /** Generate shard `shard` of `shards` here: nothing shipped. */
  | { kind: 'generate-shard'; spec: DatasetSpec; shard: number; shards: number }
  /** The records that begin in [start, end) of a user's file, under a guess of the entry quote state. */
  | { kind: 'file'; shape: FileShape; size: number; start: number; end: number; enteredInQuotes: boolean; file: UserChunkSource };

export interface KernelTask {
  worker: number;
  /** Continue this worker's accumulator from its previous task instead of a fresh init() (the sequential pass over a file's chunks). */
  keep: boolean;
  source: KernelSource;
}

/** A chunk's accumulator, or where the kernel failed. */
export type KernelChunkReport =
  | {
      ok: true;
      worker: number;
      /** What record() left in the accumulator (structured clone). */
      acc: unknown;
      records: number;
      /** A file chunk's quote parity, line feeds and first problem (absent for built-in records). */
      scan?: ChunkResult;
      spans: Span[];
      /** Decoding and record() calls, ms. */
      computeMs: number;
      receivedAtMs: number;
      doneAtMs: number;
    }
  | { ok: false; failure: KernelFailure };

/** merge() over the accumulators in order, then finish(), as canonical JSON. */
export type KernelFinishReport =
  | {
      ok: true;
      json: string;
      hash: string;
      /** Shared-clock ms when merge() began and finish() returned (the merge span on worker 0). */
      startedAtMs: number;
      doneAtMs: number;
    }
  | { ok: false; failure: KernelFailure };

/** What the kernel worker could take away from the code it runs (see workers/kernel-api.ts). */
export interface KernelSandbox {
  /** Globals removed before the kernel loaded (network, storage, nested workers). */
  removed: string[];
  /** Globals that could not be removed; empty when the kernel has no network or storage API. */
  kept: string[];
}

export interface KernelWorkerApi {
  init(opts: InitOptions): InitReport;
  ping(): number;
  /** Loads the kernel module; a failure (syntax, missing export, a throw at top level) comes back as data. */
  load(source: string): Promise<{ ok: true; sandbox: KernelSandbox } | { ok: false; failure: KernelFailure }>;
  /** Runs init() and record() over one task's records. */
  run(task: KernelTask): Promise<KernelChunkReport>;
  /** Folds merge() over the accumulators left to right, then finish(). */
  finish(accs: unknown[]): KernelFinishReport;
}
