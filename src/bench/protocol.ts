/**
 * The bench worker's wire protocol: bare postMessage, one request at a time, one reply each.
 * Deliberately not comlink: this worker is the hand-written reference the engine is measured
 * against.
 */

import type { DatasetSpec, Digest, JobSpec } from '../core/model/types';
import type { PartialResult } from '../core/workloads';

/** The kernels the bench worker can run over its loaded dataset. */
export type KernelId =
  /** The engine's own code: createAccumulator + processRange + finishAccumulator, job parse. */
  | 'engine-parse'
  /** The same answer from one hand-written DataView loop. */
  | 'bare-parse'
  /** Reads every field and sums them: what a loop with no checksum costs (context only). */
  | 'decode-only'
  /** The engine's own code, job group. */
  | 'engine-group'
  /** The same answer the idiomatic way: an object per record, a Map per key. */
  | 'object-group'
  /** The idiom without the checksum fold (context only: what objects + Map alone cost). */
  | 'object-group-no-checksum'
  /**
   * Only the grouping: u32 words, the engine's table, no checks and no checksum (context
   * only: the ceiling of any `group` that also checksums every record).
   */
  | 'table-only-group'
  /** The same answer as engine-group from a kernel written by hand from the digest's definition. */
  | 'hand-group';

export type BenchRequest =
  /** Generate and keep a dataset (outside any timing). */
  | { op: 'load'; spec: DatasetSpec }
  /** Run one kernel over the kept dataset and time it here. */
  | { op: 'kernel'; kernel: KernelId }
  /** The raw 2-worker split: generate this shard here, run the job, send the partial back. */
  | { op: 'shard'; spec: DatasetSpec; job: JobSpec; shard: number; shards: number }
  /** Ship-in reference: answer at once with the arrival time of `bytes`. */
  | { op: 'receive'; bytes: ArrayBuffer };

export type BenchReply =
  | { op: 'ready'; atMs: number }
  | { op: 'loaded'; records: number; byteLength: number }
  | { op: 'kernel'; kernel: KernelId; ms: number; records: number; digest: Digest | null; sink: number }
  | { op: 'shard'; partial: PartialResult; computeMs: number }
  | { op: 'received'; atMs: number; byteLength: number }
  | { op: 'error'; message: string };
