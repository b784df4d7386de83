/**
 * What the engine worker does, as a plain object for comlink to expose: the worker side of
 * src/core/protocol/engine.ts. Imports src/core only (task.ts adds comlink's transfer marker). Every
 * timestamp is performance.timeOrigin + performance.now(): one clock across realms,
 * comparable with the main thread's.
 *
 * The control plane is comlink; bulk data arrives as transferred/cloned bytes or as a
 * SharedArrayBuffer, and partials leave as transferred typed arrays.
 */

import type { DatasetSpec, Digest, JobSpec } from '../src/core/model/types';
import type { EngineWorkerApi, InitOptions, InitReport, NextBatch, SerialReport, Task, TaskResult, UserChunkReport, UserChunkSource, UserChunkTask } from '../src/core/protocol/engine';
import { runSequential } from '../src/core/workloads';
import { SpanLog, serialWork } from '../src/core/workloads/kernel';
import { blobReader, parseChunkFromReader, type BlobReader, type ChunkResult } from '../src/core/userdata';
import { now } from './clock';
import { runEngineTask } from './task';
import { warmUpLoops } from './warm-up';

function chunkReaderOf(source: UserChunkSource): BlobReader {
  if (source.kind === 'shared') {
    const view = new Uint8Array(source.buffer, 0, source.byteLength);
    return { read: (a, b) => view.subarray(a, b), close: () => {} };
  }
  return blobReader(source.file);
}

/** Builds the API object the worker exposes. */
export function createEngineWorkerApi(): EngineWorkerApi {
  let index = 0;
  return {
    /** Names this worker and optionally warms its JIT. */
    init(opts: InitOptions): InitReport {
      const startMs = now();
      index = opts.index;
      const warmUpCalls = opts.warmUp ? warmUpLoops(opts.focus) : 0;
      return { startMs, endMs: now(), warmUpCalls };
    },

    /** The empty-task round trip: returns this realm's clock reading. */
    ping(): number {
      return now();
    },

    /** Amdahl's serial part: `units` record-equivalents of integer mixing. */
    serial(units: number, rounds: number, seed: number): SerialReport {
      const startMs = now();
      const result = serialWork(units, rounds, seed);
      return { result, startMs, endMs: now() };
    },

    /** Processes one task and returns its partial with the typed arrays transferred. */
    runTask(task: Task, next?: NextBatch): Promise<TaskResult> {
      return runEngineTask(task, next, index);
    },

    /** Reads and groups one chunk of a user's data file; returns its partial with the counts the main thread needs to check the guess. */
    async runUserChunk(task: UserChunkTask): Promise<UserChunkReport> {
      const receivedAtMs = now();
      const worker = task.worker ?? index;
      const log = new SpanLog(worker);
      const t0 = now();
      const source = chunkReaderOf(task.source);
      let result: ChunkResult;
      try {
        result = await parseChunkFromReader(task.job, task.size, task.start, task.end, task.enteredInQuotes, source.read);
      } finally {
        source.close();
      }
      const doneAtMs = now();
      log.add('compute', t0, doneAtMs, result.partial.records);
      return { worker, result, spans: log.spans, computeMs: log.computeMs, receivedAtMs, doneAtMs, stalledReads: source.stalls ?? 0 };
    },

    /** The sequential reference digest for a dataset and job (generates the data here). */
    reference(spec: DatasetSpec, job: JobSpec): Digest {
      return runSequential({ ...spec, ...job });
    },
  };
}
