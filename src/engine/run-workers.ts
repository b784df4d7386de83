/**
 * worker-seq and pool: one repetition on 1…N workers. The pool is acquired (spawned when
 * cold), the data made and shipped, the serial part run on the first worker, and the phases
 * cut along the critical path: the worker whose result arrived last.
 */

import { proxy, transfer } from 'comlink';
import type { Span } from '../core/model/types';
import { digestOf, mergePartials } from '../core/workloads';
import type { NextBatch, Task, TaskResult } from '../core/protocol/engine';
import { SpanLog, serialRoundsFor, serialUnitsFor } from '../core/workloads/kernel';
import { abortError, yieldToEventLoop } from './clock';
import type { Layout } from './dataset';
import { PhaseClock } from './phases';
import { cacheWarmPool, cachedWarmPool, WorkerPool } from './pool';
import { finishSample, prepareOnMain, type Ctx } from './run-context';
import { makeDispatcher, piecesDispatcher, preparePiecesOnMain, wantsPieces } from './run-dispatch';
import { RunGuard } from './run-guard';
import type { EngineSample } from './run';

/** A worker's task failed: carries the worker's own message (comlink keeps only name/message/stack). */
export class WorkerRunError extends Error {
  override readonly name = 'WorkerRunError';
  constructor(
    readonly worker: number,
    readonly workerMessage: string,
    readonly workerErrorName: string,
  ) {
    super(`Worker ${worker} failed: ${workerMessage}`);
  }
}

function toWorkerError(worker: number, e: unknown): WorkerRunError {
  if (e instanceof WorkerRunError) return e;
  const err = e as { message?: unknown; name?: unknown } | null;
  const message = err && typeof err.message === 'string' ? err.message : String(e);
  const name = err && typeof err.name === 'string' ? err.name : 'Error';
  return new WorkerRunError(worker, message, name);
}

/** The pool for this run: cold = spawned now; warm = given, cached, or created once (and reported in this sample). */
async function acquirePool(
  ctx: Ctx,
  n: number,
  given: WorkerPool | undefined,
): Promise<{ pool: WorkerPool; spawned: boolean }> {
  const { config, factory, clock, signal } = ctx;
  const create = (warmUp: boolean) =>
    WorkerPool.create({
      size: n,
      warmUp,
      warmUpFocus: { job: ctx.job, format: config.format },
      factory,
      clock,
      signal,
      initTimeoutMs: ctx.initTimeoutMs,
    });
  if (config.poolLife === 'cold') return { pool: await create(false), spawned: true };
  if (given) {
    if (!given.alive) throw new Error('The given worker pool has been terminated (after a failure or cancel); create a new one');
    if (given.size !== n) throw new Error(`The given worker pool has ${given.size} workers, but this run needs ${n}`);
    return { pool: given, spawned: false };
  }
  const cached = cachedWarmPool(n, factory);
  if (cached) {
    if (cached.busy) throw new Error(`The warm pool of ${n} workers is busy with another run; runs on one pool take turns`);
    return { pool: cached, spawned: false };
  }
  const pool = await create(true);
  cacheWarmPool(pool, factory);
  return { pool, spawned: true };
}

export async function runWorkers(ctx: Ctx, n: number, given: WorkerPool | undefined): Promise<EngineSample> {
  const { clock, config, signal } = ctx;
  const pc = new PhaseClock(clock, clock());
  const main = new SpanLog(-1);
  const spans: Span[] = [];
  const guard = new RunGuard(signal);
  let pool: WorkerPool | undefined;
  let unsubscribe = () => {};
  let holdsPool = false;
  guard.onStop(() => pool?.terminate());

  try {
    // spawn + init (cold: always; warm: only the run that creates the pool)
    ctx.progress('spawn');
    const acquired = await acquirePool(ctx, n, given);
    // A given pool busy with another run is not ours to terminate: refuse before holding it.
    if (acquired.pool.busy) throw new Error('This worker pool is already running another run');
    pool = acquired.pool;
    guard.check();
    pool.busy = true;
    holdsPool = true;
    unsubscribe = pool.onFailure((e) => guard.stop(e));
    if (acquired.spawned) markSpawn(pool, pc, spans);

    const data = await prepareData(ctx, n, pc, main, guard);
    const serialResult = await serialOnFirstWorker(ctx, pool, pc, spans, guard);
    const { results, arrivals } = await shipAndCompute(ctx, pool, data, pc, main, guard);
    partitionAlongCriticalPath(pc, results, arrivals);

    // merge
    ctx.progress('merge', config.records);
    const m = pc.last;
    const digest = digestOf(mergePartials(results.map((r) => r.partial)));
    main.add('merge', m, pc.mark('merge'));

    // teardown
    ctx.progress('teardown', config.records);
    if (config.poolLife === 'cold') {
      pool.terminate();
      pc.mark('teardown');
    }
    for (const r of results) spans.push(...r.spans);
    spans.push(...main.spans);
    return finishSample(
      ctx,
      pc,
      digest,
      spans,
      results.map((r) => r.records),
      results.map((r) => r.batches),
      serialResult,
    );
  } catch (e) {
    // Any failure or cancel: the workers involved are terminated; the next run starts clean.
    pool?.terminate();
    if (signal?.aborted) throw abortError();
    throw e;
  } finally {
    guard.dispose();
    unsubscribe();
    if (pool && holdsPool) pool.busy = false;
  }
}

/** A pool spawned by this run: its spawn and init phases, and one init span per worker. */
function markSpawn(pool: WorkerPool, pc: PhaseClock, spans: Span[]): void {
  const r = pool.report;
  pc.mark('spawn', r.spawnedAtMs);
  pc.mark('init', r.initEndMs);
  for (const w of pool.workers) spans.push({ worker: w.index, kind: 'init', startMs: r.spawnStartMs, endMs: w.readyAtMs });
}

/** The data made on the main thread: one piece per worker, one laid-out buffer, or none (generate-in-worker). */
interface MainData {
  n: number;
  pieces: Uint8Array[] | null;
  layout: Layout | null;
}

/** Generate + split on the main thread, unless every worker makes its own data. */
async function prepareData(ctx: Ctx, n: number, pc: PhaseClock, main: SpanLog, guard: RunGuard): Promise<MainData> {
  const { config } = ctx;
  const inWorker = config.shipping === 'generate-in-worker';
  const ownPieces = wantsPieces(config);
  const pieces = ownPieces ? await guard.race(preparePiecesOnMain(ctx, pc, main, n)) : null;
  const layout = inWorker || ownPieces ? null : await guard.race(prepareOnMain(ctx, pc, main, config.shipping === 'shared'));
  guard.check();
  return { n, pieces, layout };
}

/** The Amdahl serial part, on the first worker, before any parallel work; undefined when f = 0. */
async function serialOnFirstWorker(ctx: Ctx, pool: WorkerPool, pc: PhaseClock, spans: Span[], guard: RunGuard): Promise<number | undefined> {
  const { config } = ctx;
  const units = serialUnitsFor(config.records, config.serialFraction);
  if (units === 0) return undefined;
  ctx.progress('compute');
  const rep = await guard.race(pool.workers[0].api.serial(units, serialRoundsFor(config), config.seed));
  spans.push({ worker: 0, kind: 'serial', startMs: rep.startMs, endMs: rep.endMs });
  pc.mark('compute');
  return rep.result;
}

/** Ships each worker its task, then waits for every result; `arrivals[w]` is when worker w's result came back. */
async function shipAndCompute(
  ctx: Ctx,
  pool: WorkerPool,
  data: MainData,
  pc: PhaseClock,
  main: SpanLog,
  guard: RunGuard,
): Promise<{ results: TaskResult[]; arrivals: number[] }> {
  const { clock, config, spec } = ctx;
  const n = data.n;
  ctx.progress('shipIn');
  const shipStart = pc.last;
  const arrivals = new Array<number>(n).fill(0);
  const calls: Array<Promise<TaskResult>> = [];
  const dispatch = data.pieces
    ? piecesDispatcher(data.pieces, config.shipping === 'transfer')
    : makeDispatcher(ctx, n, data.layout, guard);
  for (let w = 0; w < n; w++) {
    guard.check();
    const d = await guard.race(dispatch(w));
    const task: Task = { worker: w, job: ctx.job, format: config.format, expectedKeys: spec.distinctKeys, source: d.source };
    const api = pool.workers[w].api;
    const message = d.transfers.length > 0 ? transfer(task, d.transfers) : task;
    const call = d.next
      ? api.runTask(message, proxy(d.next) as unknown as NextBatch)
      : api.runTask(message);
    const tracked = call.then(
      (r) => {
        arrivals[w] = clock();
        return r;
      },
      (e: unknown) => {
        const err = toWorkerError(w, e);
        guard.stop(err);
        throw err;
      },
    );
    tracked.catch(() => {});
    calls.push(tracked);
    if (d.heavy && w < n - 1) await guard.race(yieldToEventLoop());
  }
  main.add('ship-in', shipStart, clock());
  ctx.progress('compute');
  const results = await guard.race(Promise.all(calls));
  return { results, arrivals };
}

/** Cuts ship-in, compute, generate and ship-out along the critical path: the worker whose result arrived last. */
function partitionAlongCriticalPath(pc: PhaseClock, results: TaskResult[], arrivals: number[]): void {
  let crit = 0;
  for (let w = 1; w < results.length; w++) if (arrivals[w] > arrivals[crit]) crit = w;
  const cr = results[crit];
  const end = arrivals[crit];
  pc.partition(
    end,
    [
      ['compute', cr.computeMs + cr.finishMs],
      ['generate', cr.generateMs],
      ['shipOut', end - cr.doneAtMs],
    ],
    'shipIn',
  );
}
