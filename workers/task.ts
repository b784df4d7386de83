/**
 * One engine task in this worker: its records arrive as bytes (cloned or transferred), a
 * range of a shared buffer, a shared batch queue, a shard to generate here, or batches pulled
 * from the main thread; its partial leaves with the typed arrays transferred.
 */

import { releaseProxy, transfer } from 'comlink';
import type { DatasetSpec } from '../src/core/model/types';
import type { NextBatch, Task, TaskResult, TaskSource } from '../src/core/protocol/engine';
import { createAccumulator, finishAccumulator, generateRange, generateShard, processRange, transferablesOf } from '../src/core/workloads';
import { SpanLog } from '../src/core/workloads/kernel';
import { now } from './clock';

/** Processes one task and returns its partial with the typed arrays transferred; `index` names the worker when the task does not. */
export async function runEngineTask(task: Task, next: NextBatch | undefined, index: number): Promise<TaskResult> {
  const receivedAtMs = now();
  const worker = task.worker ?? index;
  const log = new SpanLog(worker);
  const acc = createAccumulator(task.job, task.expectedKeys);
  const fmt = task.format;
  let records = 0;
  let batches = 0;

  const computeOver = (bytes: Uint8Array, start: number, end: number): void => {
    const t0 = now();
    const n = processRange(acc, fmt, bytes, start, end);
    log.add('compute', t0, now(), n);
    records += n;
    batches++;
  };
  await feedSource(task.source, next, computeOver, log);

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
}

type ComputeOver = (bytes: Uint8Array, start: number, end: number) => void;

/** Hands every byte range of the task's source to `computeOver`, generating here or pulling batches as the source says. */
async function feedSource(src: TaskSource, next: NextBatch | undefined, computeOver: ComputeOver, log: SpanLog): Promise<void> {
  switch (src.kind) {
    case 'bytes':
      computeOver(src.bytes, 0, src.bytes.length);
      return;
    case 'shared-range':
      computeOver(new Uint8Array(src.buffer, 0, src.byteLength), src.start, src.end);
      return;
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
      return;
    }
    case 'generate-shard': {
      const t0 = now();
      const bytes = generateShard(src.spec, src.shard, src.shards);
      log.add('generate', t0, now());
      computeOver(bytes, 0, bytes.length);
      return;
    }
    case 'pull':
      return pullBatches(src.spec, next, computeOver, log);
  }
}

/** Pulls batches from the main thread until it has none left: bytes to compute over, or a record range to generate here. */
async function pullBatches(spec: DatasetSpec | null, next: NextBatch | undefined, computeOver: ComputeOver, log: SpanLog): Promise<void> {
  if (!next) throw new Error('a pull task needs a next-batch callback');
  try {
    for (;;) {
      const batch = await next();
      if (!batch) break;
      if (batch.bytes) computeOver(batch.bytes, 0, batch.bytes.length);
      else {
        if (!spec) throw new Error('a record-range batch needs a dataset spec');
        const t0 = now();
        const bytes = generateRange(spec, batch.recordStart, batch.recordEnd);
        log.add('generate', t0, now(), batch.recordEnd - batch.recordStart);
        computeOver(bytes, 0, bytes.length);
      }
    }
  } finally {
    (next as unknown as { [releaseProxy]?: () => void })[releaseProxy]?.();
  }
}
