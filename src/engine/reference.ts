/**
 * The sequential reference digest of a dataset + job, computed off the main thread in a
 * throwaway worker and cached, so every sample can prove its answer.
 */

import type { DatasetSpec, Digest, JobSpec } from '../core/model/types';
import { abortError } from './clock';
import { defaultWorkerFactory, spawnOne, type WorkerFactory } from './pool';
import { datasetSpecOf } from './validate';

interface Entry {
  promise: Promise<Digest>;
  /** Callers still waiting; when every one of them aborts, the worker is terminated. */
  waiting: number;
  cancel: () => void;
  done: boolean;
}

const cache = new Map<string, Entry>();

/** Cache key: every field that changes the answer (faultAtRecord does not: it only fails runs). */
export function referenceKey(spec: DatasetSpec, job: JobSpec): string {
  const s = datasetSpecOf(spec);
  return JSON.stringify([s.seed, s.records, s.format, s.distinctKeys, s.keySkew, s.payloadBytes, s.costSkew, job.job, job.workRounds]);
}

/** Forgets cached references (tests; memory). */
export function clearReferenceCache(): void {
  cache.clear();
}

/**
 * The sequential digest for (spec, job), computed once per key in a worker and cached.
 * Aborting rejects this caller with an AbortError; the worker is terminated when no
 * caller is left waiting for it.
 */
export function referenceDigest(
  spec: DatasetSpec,
  job: JobSpec,
  opts: { signal?: AbortSignal; factory?: WorkerFactory } = {},
): Promise<Digest> {
  if (opts.signal?.aborted) return Promise.reject(abortError());
  const key = referenceKey(spec, job);
  let entry = cache.get(key);
  if (!entry) entry = startEntry(key, datasetSpecOf(spec), { job: job.job, workRounds: job.workRounds }, opts.factory);
  if (entry.done) return entry.promise;
  const e = entry;
  // A caller without a signal can never abort, so its count is never given back.
  e.waiting++;
  if (!opts.signal) return e.promise;
  return new Promise<Digest>((resolve, reject) => {
    const signal = opts.signal!;
    const onAbort = () => {
      e.waiting--;
      if (e.waiting === 0 && !e.done) e.cancel();
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    e.promise.then(
      (d) => {
        signal.removeEventListener('abort', onAbort);
        resolve(d);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function startEntry(key: string, spec: DatasetSpec, job: JobSpec, factory: WorkerFactory = defaultWorkerFactory): Entry {
  const controller = new AbortController();
  let terminate: (() => void) | null = null;
  const entry: Entry = {
    waiting: 0,
    done: false,
    cancel: () => {
      controller.abort();
      terminate?.();
      if (cache.get(key) === entry) cache.delete(key);
    },
    promise: (async () => {
      const w = await spawnOne(factory, { signal: controller.signal });
      terminate = w.terminate;
      try {
        return await Promise.race([
          w.api.reference(spec, job),
          new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(abortError()), { once: true })),
        ]);
      } finally {
        w.terminate();
      }
    })(),
  };
  entry.promise.then(
    () => (entry.done = true),
    () => {
      entry.done = true;
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  cache.set(key, entry);
  return entry;
}
