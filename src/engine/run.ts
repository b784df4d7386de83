/**
 * runOnce: one measured repetition of one RunConfig, for every strategy.
 *
 *   main        sequential on the UI thread (blocks it on purpose)
 *   main-async  N interleaved tasks on the UI thread: concurrency without parallelism
 *   worker-seq  the whole job in one worker: the sequential baseline that keeps the page alive
 *   pool        N workers, shipping × scheduling × pool life as configured
 *
 * Phases are a critical-path partition of the wall time (see phases.ts and README of the
 * engine in index.ts); the digest is compared with the sequential reference.
 */

import { proxy, transfer } from 'comlink';
import type { DatasetSpec, Digest, JobSpec, Phase, RunConfig, Sample, Span } from '../core/model/types';
import {
  createAccumulator,
  digestOf,
  finishAccumulator,
  mergePartials,
  nextRecordStart,
  processRange,
  shardRange,
  type PartialResult,
} from '../core/workloads';
import type { NextBatch, PulledBatch, Task, TaskResult, TaskSource } from '../core/protocol/engine';
import { SpanLog, serialRoundsFor, serialUnitsFor, serialWork } from '../core/workloads/kernel';
import { abortError, sharedClock, throwIfAborted, yieldToEventLoop, type Clock } from './clock';
import {
  alignCuts,
  batchPlan,
  batchStart,
  exactCuts,
  generateInChunks,
  Pacer,
  sliceInSteps,
  layoutOf,
  needsIndex,
  staticCuts,
  type BatchPlan,
  type Layout,
} from './dataset';
import { PhaseClock } from './phases';
import { cacheWarmPool, cachedWarmPool, defaultWorkerFactory, WorkerPool, type WorkerFactory } from './pool';
import { referenceDigest } from './reference';
import { currentEnv, datasetSpecOf, jobSpecOf, validateRunConfig, type RunEnv } from './validate';

/** Progress of a run: the phase it is in and (approximately) how many records are done. */
export interface RunProgress {
  phase: Phase;
  recordsDone: number;
  recordsTotal: number;
}

export interface RunOptions {
  /** Cancels the run: workers are terminated at once and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * A warm pool to run on (poolLife 'warm' only; its size must equal the worker count).
   * Without one, warm runs use a cached pool per size, created (and reported) once.
   */
  pool?: WorkerPool;
  /** The sequential reference digest, if the caller has it; otherwise computed in a worker and cached. */
  reference?: Digest;
  onProgress?: (p: RunProgress) => void;
  /** Shared-clock source (tests may fake it for main-thread milestones). */
  clock?: Clock;
  workerFactory?: WorkerFactory;
  /** Environment for validation (defaults to this page's). */
  env?: RunEnv;
  /** Spawn + init timeout of a pool, ms. */
  initTimeoutMs?: number;
}

/** A Sample plus what the engine knows beyond the shared shape. */
export interface EngineSample extends Sample {
  /** The sequential reference the digest was compared with. */
  reference: Digest;
  /** Why the sample is incorrect (absent when correct). */
  message?: string;
  /** Result of the serial (Amdahl) work when serialFraction > 0: observable, never in the digest. */
  serialResult?: number;
}

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

/** Least time between two progress reports within one phase, ms. */
const PROGRESS_INTERVAL_MS = 50;

interface Ctx {
  config: RunConfig;
  spec: DatasetSpec;
  job: JobSpec;
  clock: Clock;
  signal: AbortSignal | undefined;
  factory: WorkerFactory;
  reference: Digest;
  initTimeoutMs: number | undefined;
  progress: (phase: Phase, recordsDone?: number) => void;
}

/**
 * Runs one repetition of `config` and returns its sample. Validates first (ConfigError
 * before anything starts), gets the reference digest (outside the timing), then times
 * the run. Rejects with an AbortError on cancel, a WorkerRunError when a worker throws.
 */
export async function runOnce(config: RunConfig, opts: RunOptions = {}): Promise<EngineSample> {
  validateRunConfig(config, opts.env ?? currentEnv());
  const signal = opts.signal;
  throwIfAborted(signal);
  const factory = opts.workerFactory ?? defaultWorkerFactory;
  const spec = datasetSpecOf(config);
  const job = jobSpecOf(config);
  const reference = opts.reference ?? (await referenceDigest(spec, job, { signal, factory }));
  throwIfAborted(signal);
  const onProgress = opts.onProgress;
  // Every phase change is reported; updates within a phase at most every 50 ms.
  let lastPhase: Phase | null = null;
  let lastAt = 0;
  const ctx: Ctx = {
    config,
    spec,
    job,
    clock: opts.clock ?? sharedClock,
    signal,
    factory,
    reference,
    initTimeoutMs: opts.initTimeoutMs,
    progress: onProgress
      ? (phase, recordsDone = 0) => {
          const t = performance.now();
          if (phase === lastPhase && t - lastAt < PROGRESS_INTERVAL_MS) return;
          lastPhase = phase;
          lastAt = t;
          onProgress({ phase, recordsDone, recordsTotal: config.records });
        }
      : () => {},
  };
  switch (config.strategy) {
    case 'main':
      return runMain(ctx);
    case 'main-async':
      return runMainAsync(ctx);
    case 'worker-seq':
      return runWorkers(ctx, 1, opts.pool);
    case 'pool':
      return runWorkers(ctx, config.workers, opts.pool);
  }
}

// ---------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------

/** Sums per lane, digest check, and the final wall time (taken last: the rest is harness overhead). */
function finishSample(
  ctx: Ctx,
  pc: PhaseClock,
  digest: Digest,
  spans: Span[],
  recordsPerWorker: number[],
  batchesPerWorker: number[],
  serialResult: number | undefined,
): EngineSample {
  const ref = ctx.reference;
  const counted = recordsPerWorker.reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (counted !== ctx.config.records) problems.push(`records counted ${counted} ≠ records generated ${ctx.config.records}`);
  if (digest.records !== ref.records || digest.checksum !== ref.checksum || digest.tableHash !== ref.tableHash) {
    problems.push(
      `digest ${digest.records}/${digest.checksum}/${digest.tableHash} ≠ sequential reference ${ref.records}/${ref.checksum}/${ref.tableHash}`,
    );
  }
  const sample: EngineSample = {
    wallMs: 0,
    phasesMs: pc.phasesMs,
    spans,
    recordsPerWorker,
    batchesPerWorker,
    digest,
    correct: problems.length === 0,
    startedAtMs: pc.startMs,
    reference: ref,
  };
  if (problems.length > 0) sample.message = `WRONG ANSWER: ${problems.join('; ')}`;
  if (serialResult !== undefined) sample.serialResult = serialResult;
  sample.wallMs = ctx.clock() - pc.startMs;
  return sample;
}

/** Runs the serial part on this thread; returns its result, or undefined when f = 0. */
function serialOnMain(ctx: Ctx, pc: PhaseClock, main: SpanLog): number | undefined {
  const units = serialUnitsFor(ctx.config.records, ctx.config.serialFraction);
  if (units === 0) return undefined;
  const s = pc.last;
  const result = serialWork(units, serialRoundsFor(ctx.config), ctx.config.seed);
  main.add('serial', s, pc.mark('compute'));
  return result;
}

/** Generates on this thread and, for varlen + index, runs the serial index pass. */
async function prepareOnMain(ctx: Ctx, pc: PhaseClock, main: SpanLog, shared: boolean): Promise<Layout> {
  const { config, spec } = ctx;
  ctx.progress('generate');
  let s = pc.last;
  const bytes = await generateInChunks(spec, { shared, signal: ctx.signal });
  main.add('generate', s, pc.mark('generate'), config.records);
  ctx.progress('split');
  s = pc.last;
  const index = needsIndex(config.format, config.varlenSplit);
  const layout = await layoutOf(config.format, config.records, bytes, index, ctx.signal);
  const e = pc.mark('split');
  if (index) main.add('index', s, e, config.records);
  return layout;
}

/**
 * Static copy/transfer without a serial index pass: each worker's record range is generated
 * into its own buffer, as a program reading one file would read each worker's byte range into
 * its own buffer. Cutting one big buffer instead would copy every byte once more on the main
 * thread before anything is shipped, and charge that copy to ship-in — for `transfer`, whose
 * point is that nothing is copied. (varlen + index keeps one buffer: the index pass over the
 * whole file is the point of that mode.)
 */
function wantsPieces(config: RunConfig): boolean {
  return (
    (config.shipping === 'copy' || config.shipping === 'transfer') &&
    config.scheduling === 'static' &&
    !needsIndex(config.format, config.varlenSplit)
  );
}

/** Generates one record-aligned buffer per worker on this thread (the generate phase; nothing to split). */
async function preparePiecesOnMain(ctx: Ctx, pc: PhaseClock, main: SpanLog, n: number): Promise<Uint8Array[]> {
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
function piecesDispatcher(pieces: Uint8Array[], moving: boolean): (w: number) => Promise<Dispatch> {
  return async (w) => {
    const bytes = pieces[w];
    return { source: { kind: 'bytes', bytes }, transfers: moving ? [bytes.buffer as ArrayBuffer] : [], next: null, heavy: bytes.length > 0 };
  };
}

/** Byte step of a sub-batch of `batchSize` records (exact for fixed, approximate otherwise). */
function byteStep(layout: Layout, batchSize: number): number {
  const L = layout.bytes.length;
  if (layout.records === 0 || L === 0) return 1;
  return Math.max(1, Math.round((batchSize * L) / layout.records));
}

// ---------------------------------------------------------------------------------------
// main: sequential on the UI thread
// ---------------------------------------------------------------------------------------

async function runMain(ctx: Ctx): Promise<EngineSample> {
  const { clock, config } = ctx;
  const pc = new PhaseClock(clock, clock());
  const main = new SpanLog(-1);
  const layout = await prepareOnMain(ctx, pc, main, false);
  ctx.progress('compute');
  const serialResult = serialOnMain(ctx, pc, main);
  const s = pc.last;
  const acc = createAccumulator(ctx.job, config.distinctKeys);
  const n = processRange(acc, config.format, layout.bytes, 0, layout.bytes.length);
  const partial = finishAccumulator(acc);
  main.add('compute', s, pc.mark('compute'), n);
  throwIfAborted(ctx.signal); // the blocking part cannot be interrupted; honour a cancel after it
  ctx.progress('merge', n);
  const m = pc.last;
  const digest = digestOf(mergePartials([partial]));
  main.add('merge', m, pc.mark('merge'));
  return finishSample(ctx, pc, digest, main.spans, [n], [1], serialResult);
}

// ---------------------------------------------------------------------------------------
// main-async: N tasks interleaved on the one thread (the browser's GIL)
// ---------------------------------------------------------------------------------------

async function runMainAsync(ctx: Ctx): Promise<EngineSample> {
  const { clock, config, signal } = ctx;
  const n = config.workers;
  const pc = new PhaseClock(clock, clock());
  const main = new SpanLog(-1);
  const layout = await prepareOnMain(ctx, pc, main, false);
  ctx.progress('compute');
  const serialResult = serialOnMain(ctx, pc, main);
  const bytes = layout.bytes;
  const fmt = config.format;
  const lanes = Array.from({ length: n }, (_, t) => new SpanLog(t));
  const records = new Array<number>(n).fill(0);
  const batches = new Array<number>(n).fill(0);
  let done = 0;
  let failed = false; // one task threw: the others stop at their next yield

  const sub = (t: number, acc: ReturnType<typeof createAccumulator>, a: number, b: number) => {
    if (failed) throw new Error('another task failed');
    const t0 = clock();
    let k: number;
    try {
      k = processRange(acc, fmt, bytes, a, b);
    } catch (e) {
      failed = true;
      throw e;
    }
    lanes[t].add('compute', t0, clock(), k);
    records[t] += k;
    batches[t]++;
    done += k;
  };

  let tasks: Array<Promise<PartialResult>>;
  if (config.scheduling === 'static') {
    const cuts = staticCuts(layout, n);
    const step = byteStep(layout, config.batchSize);
    tasks = Array.from({ length: n }, async (_, t) => {
      const acc = createAccumulator(ctx.job, config.distinctKeys);
      for (let a = cuts[t]; a < cuts[t + 1]; a += step) {
        sub(t, acc, a, Math.min(a + step, cuts[t + 1]));
        await yieldToEventLoop();
        if (signal?.aborted) throw abortError();
        ctx.progress('compute', done);
      }
      return finishAccumulator(acc);
    });
  } else {
    const plan = batchPlan(layout, config.batchSize);
    let cursor = 0;
    tasks = Array.from({ length: n }, async (_, t) => {
      const acc = createAccumulator(ctx.job, config.distinctKeys);
      for (let k = cursor++; k < plan.count; k = cursor++) {
        sub(t, acc, batchStart(plan, k), batchStart(plan, k + 1));
        await yieldToEventLoop();
        if (signal?.aborted) throw abortError();
        ctx.progress('compute', done);
      }
      return finishAccumulator(acc);
    });
  }
  tasks.forEach((p) => p.catch(() => {}));
  const partials = await Promise.all(tasks);
  pc.mark('compute');
  ctx.progress('merge', done);
  const m = pc.last;
  const digest = digestOf(mergePartials(partials));
  main.add('merge', m, pc.mark('merge'));
  const spans = main.spans.concat(...lanes.map((l) => l.spans));
  return finishSample(ctx, pc, digest, spans, records, batches, serialResult);
}

// ---------------------------------------------------------------------------------------
// worker-seq and pool
// ---------------------------------------------------------------------------------------

/** One rejection point for a run: abort, a worker crash or a failed task stop everything at once. */
class RunGuard {
  private stoppedWith: unknown;
  private isStopped = false;
  private rejectStop!: (e: unknown) => void;
  private readonly hooks: Array<() => void> = [];
  readonly stopped: Promise<never>;
  private readonly onAbort = () => this.stop(abortError());

  constructor(private readonly signal: AbortSignal | undefined) {
    this.stopped = new Promise<never>((_, reject) => (this.rejectStop = reject));
    this.stopped.catch(() => {});
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Runs `hook` synchronously when the run stops (e.g. terminate workers). */
  onStop(hook: () => void): void {
    this.hooks.push(hook);
  }

  stop(e: unknown): void {
    if (this.isStopped) return;
    this.isStopped = true;
    this.stoppedWith = e;
    for (const h of this.hooks) h();
    this.rejectStop(e);
  }

  get active(): boolean {
    return !this.isStopped;
  }

  /** `p`, unless the run stops first. */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.isStopped) {
      p.catch(() => {});
      return Promise.reject(this.stoppedWith);
    }
    return Promise.race([p, this.stopped]);
  }

  check(): void {
    if (this.isStopped) throw this.stoppedWith;
    if (this.signal?.aborted) this.stop(abortError());
    if (this.isStopped) throw this.stoppedWith;
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
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

async function runWorkers(ctx: Ctx, n: number, given: WorkerPool | undefined): Promise<EngineSample> {
  const { clock, config, spec, signal } = ctx;
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
    const poolRef = pool;
    unsubscribe = pool.onFailure((e) => guard.stop(e));
    if (acquired.spawned) {
      const r = pool.report;
      pc.mark('spawn', r.spawnedAtMs);
      pc.mark('init', r.initEndMs);
      for (const w of pool.workers) spans.push({ worker: w.index, kind: 'init', startMs: r.spawnStartMs, endMs: w.readyAtMs });
    }

    // generate + split on the main thread (unless every worker makes its own data)
    const inWorker = config.shipping === 'generate-in-worker';
    const ownPieces = wantsPieces(config);
    const pieces = ownPieces ? await guard.race(preparePiecesOnMain(ctx, pc, main, n)) : null;
    const layout = inWorker || ownPieces ? null : await guard.race(prepareOnMain(ctx, pc, main, config.shipping === 'shared'));
    guard.check();

    // the Amdahl serial part, on the first worker, before any parallel work
    let serialResult: number | undefined;
    const units = serialUnitsFor(config.records, config.serialFraction);
    if (units > 0) {
      ctx.progress('compute');
      const rep = await guard.race(
        poolRef.workers[0].api.serial(units, serialRoundsFor(config), config.seed),
      );
      spans.push({ worker: 0, kind: 'serial', startMs: rep.startMs, endMs: rep.endMs });
      serialResult = rep.result;
      pc.mark('compute');
    }

    // ship in, compute, ship out
    ctx.progress('shipIn');
    const shipStart = pc.last;
    const arrivals = new Array<number>(n).fill(0);
    const calls: Array<Promise<TaskResult>> = [];
    const dispatch = pieces ? piecesDispatcher(pieces, config.shipping === 'transfer') : makeDispatcher(ctx, n, layout, guard);
    for (let w = 0; w < n; w++) {
      guard.check();
      const d = await guard.race(dispatch(w));
      const task: Task = { worker: w, job: ctx.job, format: config.format, expectedKeys: spec.distinctKeys, source: d.source };
      const api = poolRef.workers[w].api;
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

    // critical path: the worker whose result arrived last
    let crit = 0;
    for (let w = 1; w < n; w++) if (arrivals[w] > arrivals[crit]) crit = w;
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

interface Dispatch {
  source: TaskSource;
  transfers: Transferable[];
  /** Main-thread callback for pulled batches (dynamic, non-shared). */
  next: (() => PulledBatch | null | Promise<PulledBatch | null>) | null;
  /** Posting this task copied bytes on the main thread: yield before the next one. */
  heavy: boolean;
}

/** Builds each worker's task source for the configured shipping × scheduling. */
function makeDispatcher(ctx: Ctx, n: number, layout: Layout | null, guard: RunGuard): (w: number) => Promise<Dispatch> {
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
