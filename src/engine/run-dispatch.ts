/**
 * How a worker run's data reaches each worker: a task source per worker for every
 * shipping × scheduling (bytes cloned or moved, a shared range or queue, a pulled batch,
 * a shard to generate), and the main-thread side of pulled batches.
 */

import { transfer } from 'comlink';
import type { RunConfig } from '../core/model/types';
import { nextRecordStart, shardRange } from '../core/workloads';
import type { SpanLog } from '../core/workloads/kernel';
import type { PulledBatch, TaskSource } from '../core/protocol/engine';
import { alignCuts, batchPlan, batchStart, exactCuts, generateInChunks, needsIndex, Pacer, sliceInSteps, staticCuts, type BatchPlan, type Layout } from './dataset';
import type { PhaseClock } from './phases';
import type { Ctx } from './run-context';
import type { RunGuard } from './run-guard';

interface Dispatch {
  source: TaskSource;
  transfers: Transferable[];
  /** Main-thread callback for pulled batches (dynamic, non-shared). */
  next: (() => PulledBatch | null | Promise<PulledBatch | null>) | null;
  /** Posting this task copied bytes on the main thread: yield before the next one. */
  heavy: boolean;
}

/** Builds each worker's task source for the configured shipping × scheduling. */
export function makeDispatcher(ctx: Ctx, n: number, layout: Layout | null, guard: RunGuard): (w: number) => Promise<Dispatch> {
  const { config, spec } = ctx;
  const shipping = config.shipping;

  if (shipping === 'generate-in-worker') {
    if (config.scheduling === 'static') {
      return async (w) => ({ source: { kind: 'generate-shard', spec, shard: w, shards: n }, transfers: [], next: null, heavy: false });
    }
    const total = Math.ceil(config.records / config.batchSize);
    let k = 0;
    const next = (): PulledBatch | null => {
      if (!guard.active || k >= total) return null;
      const recordStart = k * config.batchSize;
      const recordEnd = Math.min(config.records, recordStart + config.batchSize);
      k++;
      ctx.progress('compute', recordStart);
      return { recordStart, recordEnd };
    };
    return async () => ({ source: { kind: 'pull', spec }, transfers: [], next, heavy: false });
  }

  const lay = layout!;
  const bytes = lay.bytes;
  const L = bytes.length;

  if (shipping === 'shared') {
    const buffer = bytes.buffer as SharedArrayBuffer;
    if (config.scheduling === 'static') {
      const cuts = staticCuts(lay, n);
      return async (w) => ({
        source: { kind: 'shared-range', buffer, byteLength: L, start: cuts[w], end: cuts[w + 1] },
        transfers: [],
        next: null,
        heavy: false,
      });
    }
    const plan = batchPlan(lay, config.batchSize);
    const control = new SharedArrayBuffer(4);
    let bounds: SharedArrayBuffer | null = null;
    if (plan.bounds) {
      bounds = new SharedArrayBuffer(plan.bounds.byteLength);
      new Uint32Array(bounds).set(plan.bounds);
    }
    return async () => ({
      source: { kind: 'shared-queue', buffer, byteLength: L, control, batches: plan.count, stride: plan.stride, bounds },
      transfers: [],
      next: null,
      heavy: false,
    });
  }

  // copy / transfer: record-aligned slices, cloned or moved
  const moving = shipping === 'transfer';
  if (config.scheduling === 'static') {
    const cuts = alignCuts(lay, staticCuts(lay, n));
    const pacer = new Pacer(ctx.signal);
    return async (w) => {
      const slice = await sliceInSteps(bytes, cuts[w], cuts[w + 1], pacer);
      return { source: { kind: 'bytes', bytes: slice }, transfers: moving ? [slice.buffer] : [], next: null, heavy: slice.length > 0 };
    };
  }
  const next = pullSlices(ctx, lay, batchPlan(lay, config.batchSize), moving, guard);
  return async () => ({ source: { kind: 'pull', spec: null }, transfers: [], next, heavy: false });
}

/** The next-batch callback for dynamic copy/transfer: one record-aligned slice per call. */
function pullSlices(
  ctx: Ctx,
  lay: Layout,
  plan: BatchPlan,
  moving: boolean,
  guard: RunGuard,
): () => Promise<PulledBatch | null> {
  const bytes = lay.bytes;
  const L = bytes.length;
  const exact = exactCuts(lay);
  const pacer = new Pacer(ctx.signal);
  let k = 0;
  let prevEnd = 0;
  const align = (x: number) => (x >= L ? L : nextRecordStart(lay.format, bytes, x));
  return async () => {
    while (guard.active && k < plan.count) {
      // Claim the batch before any await, so concurrent pulls never share one.
      const start = exact ? batchStart(plan, k) : prevEnd;
      const end = exact ? batchStart(plan, k + 1) : Math.max(start, align(batchStart(plan, k + 1)));
      k++;
      prevEnd = end;
      if (end === start) continue; // a record longer than the stride swallowed this batch
      const slice = await sliceInSteps(bytes, start, end, pacer);
      ctx.progress('compute', L > 0 ? Math.round((ctx.config.records * end) / L) : 0);
      const batch: PulledBatch = { bytes: slice };
      return moving ? transfer(batch, [slice.buffer]) : batch;
    }
    return null;
  };
}

/**
 * Static copy/transfer without a serial index pass: each worker's record range is generated
 * into its own buffer, as a program reading one file would read each worker's byte range into
 * its own buffer. Cutting one big buffer instead would copy every byte once more on the main
 * thread before anything is shipped, and charge that copy to ship-in — for `transfer`, whose
 * point is that nothing is copied. (varlen + index keeps one buffer: the index pass over the
 * whole file is the point of that mode.)
 */
export function wantsPieces(config: RunConfig): boolean {
  return (
    (config.shipping === 'copy' || config.shipping === 'transfer') &&
    config.scheduling === 'static' &&
    !needsIndex(config.format, config.varlenSplit)
  );
}

/** Generates one record-aligned buffer per worker on this thread (the generate phase; nothing to split). */
export async function preparePiecesOnMain(ctx: Ctx, pc: PhaseClock, main: SpanLog, n: number): Promise<Uint8Array[]> {
  const { config, spec } = ctx;
  ctx.progress('generate');
  const s = pc.last;
  const pieces: Uint8Array[] = [];
  for (let w = 0; w < n; w++) {
    const { start, end } = shardRange(config.records, w, n);
    pieces.push(await generateInChunks(spec, { shared: false, signal: ctx.signal, recordStart: start, recordEnd: end }));
  }
  main.add('generate', s, pc.mark('generate'), config.records);
  pc.mark('split');
  return pieces;
}

/** Ships each worker its own piece: cloned (copy) or moved (transfer), with no slicing first. */
export function piecesDispatcher(pieces: Uint8Array[], moving: boolean): (w: number) => Promise<Dispatch> {
  return async (w) => {
    const bytes = pieces[w];
    return { source: { kind: 'bytes', bytes }, transfers: moving ? [bytes.buffer as ArrayBuffer] : [], next: null, heavy: bytes.length > 0 };
  };
}
