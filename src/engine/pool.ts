/**
 * A pool of engine workers: spawn (with an observable ready signal), init with a timeout,
 * optional JIT warm-up, and termination that is counted so leaks show up in tests.
 */

import { wrap, type Remote } from 'comlink';
import type { EngineWorkerApi, InitOptions, RawPing, RawPong, ReadySignal } from '../core/protocol/engine';
import { abortError, sharedClock, type Clock } from './clock';

/** Creates one engine worker. Injected so tests can load a broken script or a fake. */
export type WorkerFactory = (index: number) => Worker;

/** The real engine worker, bundled by Vite from workers/engine.worker.ts. */
export const defaultWorkerFactory: WorkerFactory = (index) =>
  new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: `engine-${index}`,
  });

/** Spawn + init time a worker may take before the pool gives up on it. */
export const DEFAULT_INIT_TIMEOUT_MS = 10_000;

let createdWorkers = 0;
let terminatedWorkers = 0;

/** Workers this module created and has not terminated yet (created − terminated). */
export function liveWorkerCount(): number {
  return createdWorkers - terminatedWorkers;
}

/** A live engine worker. */
export interface PoolWorker {
  index: number;
  worker: Worker;
  api: Remote<EngineWorkerApi>;
  /** Worker-side shared-clock time of its top-level ready signal. */
  readyAtMs: number;
}

/** When the pool came up, on the shared clock (main-thread readings). */
export interface SpawnReport {
  spawnStartMs: number;
  /** Every worker's ready signal has arrived. */
  spawnedAtMs: number;
  /** Every worker's init (and warm-up) call has returned. */
  initEndMs: number;
  spawnMs: number;
  initMs: number;
  warmUpCalls: number;
}

export interface PoolOptions {
  size: number;
  /** Run discarded warm-up calls of the hot loops in every worker (warm pools). */
  warmUp?: boolean;
  /** The job and format to warm up hardest. */
  warmUpFocus?: InitOptions['focus'];
  factory?: WorkerFactory;
  clock?: Clock;
  initTimeoutMs?: number;
  signal?: AbortSignal;
}

/** Owns a worker and guarantees it is terminated (and counted) exactly once. */
class Owned {
  private dead = false;
  constructor(readonly worker: Worker) {
    createdWorkers++;
  }
  terminate(): void {
    if (this.dead) return;
    this.dead = true;
    terminatedWorkers++;
    this.worker.terminate();
  }
}

function describeWorkerError(index: number, ev: Event): Error {
  const msg = ev instanceof ErrorEvent && ev.message ? ev.message : 'the worker script could not be loaded or threw at top level';
  return new Error(`Worker ${index} failed to start: ${msg}`);
}

/** N engine workers. Use through runOnce; terminate() when done (or let a cold run do it). */
export class WorkerPool {
  /** False once terminated (by the owner, a failure or a cancel). */
  alive = true;
  /** A run holds the pool; a second concurrent run is refused. */
  busy = false;
  private readonly failureListeners = new Set<(e: Error) => void>();

  private constructor(
    readonly workers: PoolWorker[],
    private readonly owned: Owned[],
    readonly report: SpawnReport,
  ) {
    workers.forEach((w) => {
      w.worker.addEventListener('error', (ev) => this.fail(new Error(`Worker ${w.index} crashed: ${ev instanceof ErrorEvent ? ev.message : 'unknown error'}`)));
      w.worker.addEventListener('messageerror', () => this.fail(new Error(`Worker ${w.index} received a message it could not deserialize`)));
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Calls `listener` if a worker crashes outside a call (an 'error' event); returns an unsubscribe. */
  onFailure(listener: (e: Error) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  private fail(e: Error): void {
    this.terminate();
    for (const l of this.failureListeners) l(e);
  }

  /** Terminates every worker at once. Idempotent. */
  terminate(): void {
    this.alive = false;
    for (const o of this.owned) o.terminate();
  }

  /**
   * Spawns `size` workers, waits for every ready signal and init call. A script that fails
   * to load rejects with a clear error (Worker 'error' event) or times out; the workers
   * spawned so far are terminated either way.
   */
  static async create(opts: PoolOptions): Promise<WorkerPool> {
    const clock = opts.clock ?? sharedClock;
    const factory = opts.factory ?? defaultWorkerFactory;
    const timeoutMs = opts.initTimeoutMs ?? DEFAULT_INIT_TIMEOUT_MS;
    const owned: Owned[] = [];
    const cleanups: Array<() => void> = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const killAll = () => owned.forEach((o) => o.terminate());

    // One promise that rejects on the first load error, timeout or abort; the workers
    // die synchronously with it, so a caller that sees the rejection sees no live worker.
    let reject!: (e: unknown) => void;
    const stopped = new Promise<never>((_, r) => (reject = r));
    stopped.catch(() => {});
    const stop = (e: unknown) => {
      killAll();
      reject(e);
    };
    const onAbort = () => stop(abortError());
    if (opts.signal) {
      if (opts.signal.aborted) throw abortError();
      opts.signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => opts.signal?.removeEventListener('abort', onAbort));
    }
    timer = setTimeout(
      () => stop(new Error(`Worker pool did not start within ${timeoutMs} ms (spawn + init of ${opts.size} workers)`)),
      timeoutMs,
    );

    try {
      const spawnStartMs = clock();
      const readies: Promise<{ index: number; worker: Worker; readyAtMs: number }>[] = [];
      for (let i = 0; i < opts.size; i++) {
        const worker = factory(i);
        owned.push(new Owned(worker));
        readies.push(readySignal(worker, i, clock, stop, cleanups));
      }
      const ready = await Promise.race([Promise.all(readies), stopped]);
      const spawnedAtMs = clock();
      const workers: PoolWorker[] = ready.map((r) => ({
        index: r.index,
        worker: r.worker,
        api: wrap<EngineWorkerApi>(r.worker),
        readyAtMs: r.readyAtMs,
      }));
      const inits = await Promise.race([
        Promise.all(workers.map((w) => w.api.init({ index: w.index, warmUp: opts.warmUp === true, focus: opts.warmUpFocus }))),
        stopped,
      ]);
      const initEndMs = clock();
      return new WorkerPool(workers, owned, {
        spawnStartMs,
        spawnedAtMs,
        initEndMs,
        spawnMs: spawnedAtMs - spawnStartMs,
        initMs: initEndMs - spawnedAtMs,
        warmUpCalls: inits.reduce((s, r) => s + r.warmUpCalls, 0),
      });
    } catch (e) {
      killAll();
      throw e;
    } finally {
      clearTimeout(timer);
      cleanups.forEach((c) => c());
    }
  }
}

/** Rejects with an AbortError as soon as `signal` aborts (after terminating the pool). */
export function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined, pool: WorkerPool): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      pool.terminate();
      reject(abortError());
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Spawns and initialises a pool (see WorkerPool.create). */
export function createPool(opts: PoolOptions): Promise<WorkerPool> {
  return WorkerPool.create(opts);
}

/** Spawns one engine worker outside any pool (counted), resolving when it is ready. */
export async function spawnOne(
  factory: WorkerFactory = defaultWorkerFactory,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<{ api: Remote<EngineWorkerApi>; terminate: () => void }> {
  const pool = await WorkerPool.create({ size: 1, factory, signal: opts.signal, initTimeoutMs: opts.timeoutMs });
  return { api: pool.workers[0].api, terminate: () => pool.terminate() };
}

const warmPools = new Map<string, WorkerPool>();

/** The cached warm pool of `size` workers for this factory, if one is alive and idle. */
export function cachedWarmPool(size: number, factory: WorkerFactory): WorkerPool | undefined {
  const p = warmPools.get(warmKey(size, factory));
  return p && p.alive ? p : undefined;
}

/** Remembers a warm pool for reuse by later warm runs. */
export function cacheWarmPool(pool: WorkerPool, factory: WorkerFactory): void {
  warmPools.set(warmKey(pool.size, factory), pool);
}

const factoryIds = new WeakMap<WorkerFactory, number>();
let nextFactoryId = 1;
function warmKey(size: number, factory: WorkerFactory): string {
  let id = factoryIds.get(factory);
  if (id === undefined) factoryIds.set(factory, (id = nextFactoryId++));
  return `${id}:${size}`;
}

/** Terminates every cached warm pool (e.g. on page hide, or between test files). */
export function disposeWarmPools(): void {
  for (const p of warmPools.values()) p.terminate();
  warmPools.clear();
}

let rawSeq = 0;

/**
 * One hand-written postMessage round trip to an engine worker, bypassing comlink: the
 * baseline a benchmark compares `api.ping()` (the empty comlink task) against.
 * Resolves with the worker's shared-clock reading.
 */
export function rawPing(worker: Worker): Promise<number> {
  const seq = ++rawSeq;
  return new Promise<number>((resolve) => {
    const onMessage = (ev: MessageEvent<RawPong | null>) => {
      if (ev.data?.type !== 'engine-raw-pong' || ev.data.seq !== seq) return;
      worker.removeEventListener('message', onMessage);
      resolve(ev.data.atMs);
    };
    worker.addEventListener('message', onMessage);
    const ping: RawPing = { type: 'engine-raw-ping', seq };
    worker.postMessage(ping);
  });
}

/**
 * Resolves when worker `index` posts its ready signal (with the time it sent it); a load
 * error stops the whole pool. The listeners are removed by the `cleanups` it adds to.
 */
function readySignal(
  worker: Worker,
  index: number,
  clock: Clock,
  stop: (e: unknown) => void,
  cleanups: Array<() => void>,
): Promise<{ index: number; worker: Worker; readyAtMs: number }> {
  return new Promise((resolve) => {
    const onMessage = (ev: MessageEvent) => {
      const data = ev.data as Partial<ReadySignal> | null;
      if (data && data.type === 'engine-ready') {
        worker.removeEventListener('message', onMessage);
        resolve({ index, worker, readyAtMs: typeof data.atMs === 'number' ? data.atMs : clock() });
      }
    };
    const onError = (ev: Event) => stop(describeWorkerError(index, ev));
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    cleanups.push(() => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    });
  });
}
