/**
 * The engine's wire protocol: what the main thread and an engine worker say to each other.
 * Types and message constants only — the worker side (workers/engine-api.ts) implements
 * EngineWorkerApi, the engine (src/engine) calls it over comlink; both import this file, so
 * neither depends on the other.
 */

import type { DatasetSpec, Digest, Format, JobSpec, Span } from '../model/types';
import type { PartialResult } from '../workloads';
import type { ChunkResult, UserJob } from '../userdata';

/** The first message a worker posts, at top level, so spawn time is observable. */
export interface ReadySignal {
  type: typeof READY_TYPE;
  atMs: number;
}

export const READY_TYPE = 'engine-ready';

/** A raw postMessage ping (no comlink): the worker answers with a RawPong at once. */
export interface RawPing {
  type: typeof RAW_PING_TYPE;
  seq: number;
}

export interface RawPong {
  type: typeof RAW_PONG_TYPE;
  seq: number;
  /** The worker's shared-clock reading when it answered. */
  atMs: number;
}

export const RAW_PING_TYPE = 'engine-raw-ping';
export const RAW_PONG_TYPE = 'engine-raw-pong';

export interface InitOptions {
  /** This worker's index in its pool (names its spans). */
  index: number;
  /** Run the hot loops a few times on a small buffer and discard the results (warm pools). */
  warmUp: boolean;
  /** The job and format to warm up hardest (the run that creates the pool); all get a lighter pass. */
  focus?: { job: JobSpec; format: Format };
}

export interface InitReport {
  startMs: number;
  endMs: number;
  warmUpCalls: number;
}

export interface SerialReport {
  /** The serial work's result: observable, never part of a digest. */
  result: number;
  startMs: number;
  endMs: number;
}

/** Where a task's records come from. */
export type TaskSource =
  /** A record-aligned slice, cloned or transferred: processed whole. */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Static share of one SharedArrayBuffer: records whose start is in [start, end). */
  | { kind: 'shared-range'; buffer: SharedArrayBuffer; byteLength: number; start: number; end: number }
  /**
   * Dynamic batches over one SharedArrayBuffer, claimed with Atomics.add on control[0]:
   * no message per batch. Batch k is [bounds[k], bounds[k+1]) when bounds is given,
   * otherwise [k·stride, (k+1)·stride) ∩ [0, byteLength) with resync semantics.
   */
  | {
      kind: 'shared-queue';
      buffer: SharedArrayBuffer;
      byteLength: number;
      control: SharedArrayBuffer;
      batches: number;
      stride: number;
      bounds: SharedArrayBuffer | null;
    }
  /** Generate shard `shard` of `shards` here: nothing shipped. */
  | { kind: 'generate-shard'; spec: DatasetSpec; shard: number; shards: number }
  /** Dynamic batches pulled from the main thread, one message per batch. */
  | { kind: 'pull'; spec: DatasetSpec | null };

export interface Task {
  worker: number;
  job: JobSpec;
  format: Format;
  expectedKeys: number;
  source: TaskSource;
}

/** One pulled batch: bytes, or a record range to generate here; null = no more work. */
export type PulledBatch = { bytes: Uint8Array; recordStart?: undefined; recordEnd?: undefined } | {
  bytes?: undefined;
  recordStart: number;
  recordEnd: number;
};

/** The main-thread callback a `pull` task calls for its next batch (a comlink proxy: one message per batch). */
export type NextBatch = () => Promise<PulledBatch | null>;

export interface TaskResult {
  worker: number;
  partial: PartialResult;
  records: number;
  batches: number;
  spans: Span[];
  /** Exact busy time processing records, ms. */
  computeMs: number;
  /** Exact time generating records here (generate-in-worker), ms. */
  generateMs: number;
  /** finishAccumulator time, ms. */
  finishMs: number;
  /** When the task message arrived here. */
  receivedAtMs: number;
  /** When the partial was ready to post back. */
  doneAtMs: number;
}

/** The API an engine worker exposes over comlink. */
/** Where a chunk of a user's data file is read from: both hand the worker the whole file, of which it reads only its part. */
export type UserChunkSource =
  /** The File (or Blob) itself: the worker reads its own slice(), nothing is copied by the page. */
  | { kind: 'file-slice'; file: Blob }
  /** The whole file in one SharedArrayBuffer. */
  | { kind: 'shared'; buffer: SharedArrayBuffer; byteLength: number };

/** One chunk of a user's data file to group, under a guess of its entry quote state. */
export interface UserChunkTask {
  worker: number;
  job: UserJob;
  /** File size in bytes. */
  size: number;
  /** The chunk's byte range [start, end): the records that begin in it are this task's. */
  start: number;
  end: number;
  enteredInQuotes: boolean;
  source: UserChunkSource;
}

export interface UserChunkReport {
  worker: number;
  result: ChunkResult;
  spans: Span[];
  /** Reading and grouping the chunk, ms. */
  computeMs: number;
  receivedAtMs: number;
  doneAtMs: number;
  /** File reads that stalled and were read again another way (see STALLED_READ_MS in core/userdata). */
  stalledReads: number;
}

export interface EngineWorkerApi {
  /** Names this worker and optionally warms its JIT. */
  init(opts: InitOptions): InitReport;
  /** The empty-task round trip: returns this realm's clock reading. */
  ping(): number;
  /** Amdahl's serial part: `units` record-equivalents of integer mixing. */
  serial(units: number, rounds: number, seed: number): SerialReport;
  /** Processes one task and returns its partial with the typed arrays transferred. */
  runTask(task: Task, next?: NextBatch): Promise<TaskResult>;
  /** The sequential reference digest for a dataset and job (generates the data here). */
  reference(spec: DatasetSpec, job: JobSpec): Digest;
  /** Reads and groups one chunk of a user's data file. */
  runUserChunk(task: UserChunkTask): Promise<UserChunkReport>;
}
