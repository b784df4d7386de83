/**
 * What the engine worker does, as a plain object for comlink to expose: the worker side of
 * src/core/protocol/engine.ts. Imports src/core only (plus comlink's transfer marker). Every
 * timestamp is performance.timeOrigin + performance.now(): one clock across realms,
 * comparable with the main thread's.
 *
 * The control plane is comlink; bulk data arrives as transferred/cloned bytes or as a
 * SharedArrayBuffer, and partials leave as transferred typed arrays.
 */

import { releaseProxy, transfer } from 'comlink';
import type { DatasetSpec, Digest, Format, JobSpec } from '../src/core/model/types';
import type { EngineWorkerApi, InitOptions, InitReport, NextBatch, SerialReport, Task, TaskResult, UserChunkReport, UserChunkSource, UserChunkTask } from '../src/core/protocol/engine';
import {
  createAccumulator,
  finishAccumulator,
  generateRange,
  generateShard,
  processRange,
  runSequential,
  transferablesOf,
} from '../src/core/workloads';
import { SpanLog, serialWork } from '../src/core/workloads/kernel';
import { blobReader, parseChunkFromReader, type BlobReader, type ChunkResult, type UserJob } from '../src/core/userdata';

const now = (): number => performance.timeOrigin + performance.now();

function chunkReaderOf(source: UserChunkSource): BlobReader {
  if (source.kind === 'shared') {
    const view = new Uint8Array(source.buffer, 0, source.byteLength);
    return { read: (a, b) => view.subarray(a, b), close: () => {} };
  }
  return blobReader(source.file);
}

const WARM_UP_RECORDS = 2048;

function warmUpSpec(format: Format): DatasetSpec {
  return { seed: 7, records: WARM_UP_RECORDS, format, distinctKeys: 64, keySkew: 0, payloadBytes: 16, costSkew: 0 };
}

/** Runs `job` over a small generated buffer `calls` times and discards the results. */
function warmUpPair(job: JobSpec, format: Format, calls: number): number {
  const spec = warmUpSpec(format);
  const bytes = generateRange(spec, 0, spec.records);
  const { faultAtRecord: _, ...safe } = job; // a warm-up must never trip an injected fault
  for (let c = 0; c < calls; c++) {
    const acc = createAccumulator(safe, spec.distinctKeys);
    processRange(acc, format, bytes, 0, bytes.length);
    finishAccumulator(acc);
  }
  return calls;
}

/**
 * JIT warm-up: a fresh worker runs hot loops ~3× slower for its first few calls, so warm
 * pools run them on a small buffer first (5 calls for the focus job/format, 2 for every
 * format × parse/group) and discard the results.
 */
function warmUpLoops(focus: InitOptions['focus']): number {
  let n = 0;
  if (focus) n += warmUpPair(focus.job, focus.format, 5);
  for (const format of ['fixed', 'varlen', 'csv'] as const) {
    for (const job of ['parse', 'group'] as const) n += warmUpPair({ job, workRounds: 1 }, format, focus ? 2 : 5);
  }
  return n;
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
    async runTask(task: Task, next?: NextBatch): Promise<TaskResult> {
      const receivedAtMs = now();
      const worker = task.worker ?? index;
      const log = new SpanLog(worker);
      const acc = createAccumulator(task.job, task.expectedKeys);
      const fmt = task.format;
      const src = task.source;
      let records = 0;
      let batches = 0;

      const computeOver = (bytes: Uint8Array, start: number, end: number): void => {
        const t0 = now();
        const n = processRange(acc, fmt, bytes, start, end);
        log.add('compute', t0, now(), n);
        records += n;
        batches++;
      };
      const generateHere = (spec: DatasetSpec, start: number, end: number): Uint8Array => {
        const t0 = now();
        const bytes = generateRange(spec, start, end);
        log.add('generate', t0, now(), end - start);
        return bytes;
      };

      switch (src.kind) {
        case 'bytes':
          computeOver(src.bytes, 0, src.bytes.length);
          break;
        case 'shared-range':
          computeOver(new Uint8Array(src.buffer, 0, src.byteLength), src.start, src.end);
          break;
        case 'shared-queue': {
          const view = new Uint8Array(src.buffer, 0, src.byteLength);
          const control = new Int32Array(src.control);
          const bounds = src.bounds ? new Uint32Array(src.bounds) : null;
          for (;;) {
            const k = Atomics.add(control, 0, 1);
            if (k >= src.batches) break;
            const start = bounds ? bounds[k] : k * src.stride;
            const end = bounds ? bounds[k + 1] : Math.min(src.byteLength, (k + 1) * src.stride);
            computeOver(view, start, end);
          }
          break;
        }
        case 'generate-shard': {
          const t0 = now();
          const bytes = generateShard(src.spec, src.shard, src.shards);
          log.add('generate', t0, now());
          computeOver(bytes, 0, bytes.length);
          break;
        }
        case 'pull': {
          if (!next) throw new Error('a pull task needs a next-batch callback');
          try {
            for (;;) {
              const batch = await next();
              if (!batch) break;
              if (batch.bytes) computeOver(batch.bytes, 0, batch.bytes.length);
              else {
                if (!src.spec) throw new Error('a record-range batch needs a dataset spec');
                const bytes = generateHere(src.spec, batch.recordStart, batch.recordEnd);
                computeOver(bytes, 0, bytes.length);
              }
            }
          } finally {
            (next as unknown as { [releaseProxy]?: () => void })[releaseProxy]?.();
          }
          break;
        }
      }

      const f0 = now();
      const partial = finishAccumulator(acc);
      const doneAtMs = now();
      const result: TaskResult = {
        worker,
        partial,
        records,
        batches,
        spans: log.spans,
        computeMs: log.computeMs,
        generateMs: log.generateMs,
        finishMs: doneAtMs - f0,
        receivedAtMs,
        doneAtMs,
      };
      return transfer(result, transferablesOf(partial));
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
      return { worker, result, spans: log.spans, computeMs: log.computeMs, receivedAtMs, doneAtMs };
    },

    /** The sequential reference digest for a dataset and job (generates the data here). */
    reference(spec: DatasetSpec, job: JobSpec): Digest {
      return runSequential({ ...spec, ...job });
    },
  };
}
