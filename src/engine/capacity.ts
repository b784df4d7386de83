/**
 * Measures how many workers really run at full speed at once on this page (≤ ~1 s): one
 * worker spins alone, then all of them at once, then one alone again; the pure arithmetic is
 * src/core/stats/capacity.ts. Cancelled by its signal (workers terminated at once).
 */
import { CAPACITY_READY, type SpinReply, type SpinRequest } from '../core/protocol/capacity';
import { capacityProbeWorkers, parallelCapacity, type ParallelCapacity, type SpinCount } from '../core/stats';
import { abortError, sharedClock } from './clock';

/** Solo and concurrent windows, ms: long enough for several scheduler time slices. */
const SOLO_WINDOW_MS = 100;
const CONCURRENT_WINDOW_MS = 150;
/**
 * A first spin of every worker at once, discarded: the JIT compiles the loop and the threads
 * get scheduled (WebKit's first concurrent window measured 1.5 cores where later ones gave 1.9).
 */
const WARM_UP_WINDOW_MS = 60;
/** Concurrent windows; the best counts, since interference from elsewhere only ever slows one down. */
const CONCURRENT_ROUNDS = 3;
/** Lead time before a common start, so every worker has the message before the window opens. */
const START_LEAD_MS = 20;
const SPAWN_TIMEOUT_MS = 10_000;

export type CapacityWorkerFactory = (index: number) => Worker;

const defaultFactory: CapacityWorkerFactory = (index) =>
  new Worker(new URL('../../workers/capacity.worker.ts', import.meta.url), { type: 'module', name: `capacity-${index}` });

function once<T>(worker: Worker, accept: (data: unknown) => data is T, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (ev: MessageEvent) => {
      if (!accept(ev.data)) return;
      cleanup();
      resolve(ev.data);
    };
    const onError = () => {
      cleanup();
      reject(new Error('A capacity-probe worker failed to load or crashed'));
    };
    const onAbort = () => {
      cleanup();
      reject(abortError());
    };
    const cleanup = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const isReady = (d: unknown): d is { type: string } => (d as { type?: string } | null)?.type === CAPACITY_READY;
const isSpun = (d: unknown): d is SpinReply => (d as { type?: string } | null)?.type === 'spun';

async function spinAll(workers: Worker[], windowMs: number, signal?: AbortSignal): Promise<SpinCount[]> {
  const startAtMs = sharedClock() + START_LEAD_MS;
  const replies = workers.map((w) => once(w, isSpun, signal));
  const req: SpinRequest = { type: 'spin', startAtMs, windowMs };
  for (const w of workers) w.postMessage(req);
  return (await Promise.all(replies)).map((r) => ({ iterations: r.iterations, windowMs: r.windowMs }));
}

/** Runs the probe: reported cores → workers spun at once (4–16) → measured capacity. */
export async function measureParallelCapacity(
  opts: { hardwareConcurrency?: number; signal?: AbortSignal; factory?: CapacityWorkerFactory } = {},
): Promise<ParallelCapacity> {
  const { signal } = opts;
  if (signal?.aborted) throw abortError();
  const count = capacityProbeWorkers(opts.hardwareConcurrency ?? navigator.hardwareConcurrency);
  const factory = opts.factory ?? defaultFactory;
  const workers: Worker[] = [];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    workers.forEach((w) => w.terminate());
  };
  signal?.addEventListener('abort', stop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const ready: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const w = factory(i);
      workers.push(w);
      ready.push(once(w, isReady, signal));
    }
    await Promise.race([
      Promise.all(ready),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The capacity probe's ${count} workers did not start within ${SPAWN_TIMEOUT_MS / 1000} s`)), SPAWN_TIMEOUT_MS);
      }),
    ]);
    await spinAll(workers, WARM_UP_WINDOW_MS, signal);
    const soloBefore = await spinAll(workers.slice(0, 1), SOLO_WINDOW_MS, signal);
    const rounds: SpinCount[][] = [];
    for (let r = 0; r < CONCURRENT_ROUNDS; r++) rounds.push(await spinAll(workers, CONCURRENT_WINDOW_MS, signal));
    const soloAfter = await spinAll(workers.slice(0, 1), SOLO_WINDOW_MS, signal);
    const solo = [...soloBefore, ...soloAfter];
    return rounds.map((round) => parallelCapacity(solo, round)).reduce((best, c) => (c.capacity > best.capacity ? c : best));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
    stop();
  }
}
