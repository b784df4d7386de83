/**
 * The bench's one-worker jobs: the engine's kernels against hand-written ones over one buffer,
 * and the empty task's round trip (comlink against raw postMessage, and against workerpool).
 */

import { pool as workerpoolPool } from 'workerpool';
import type { Digest } from '../core/model/types';
import { createPool, rawPing } from '../engine';
import { BenchWorker, sameDigest, Series, trialLoop, type JobOptions, type JobResult } from './harness';
import type { KernelId } from './protocol';
import workerpoolUrl from './workerpool.worker.ts?worker&url';
import { callLatencyUs, cfg, specOf } from './job-common';

// ---------------------------------------------------------------------------------------
// 1, 2: kernels inside one worker, engine code vs hand-written reference over one buffer

/**
 * contexts[0] is summarised as series `context`; a second (the group ceiling) as `context2`,
 * with `ceilingRatio` = reference time ÷ its time: the most any engine kernel could reach.
 */
export async function kernelJob(o: JobOptions, name: string, engine: KernelId, reference: KernelId, contexts: readonly KernelId[]): Promise<JobResult> {
  const records = o.smoke ? 200_000 : 1_000_000;
  const spec = specOf(cfg({ records, format: 'fixed', distinctKeys: 1000 }));
  const w = await BenchWorker.spawn();
  const s = new Series();
  try {
    await w.call({ op: 'load', spec }, 'loaded');
    await trialLoop(o, name, async (t, flip) => {
      const order: KernelId[] = flip ? [reference, engine] : [engine, reference];
      const out = new Map<KernelId, { ms: number; digest: Digest | null }>();
      for (const k of order) out.set(k, await w.call({ op: 'kernel', kernel: k }, 'kernel'));
      const ctx = [];
      for (const k of contexts) ctx.push(await w.call({ op: 'kernel', kernel: k }, 'kernel'));
      const e = out.get(engine)!;
      const r = out.get(reference)!;
      sameDigest(name, e.digest, r.digest);
      if (t < 0) return;
      s.push('engine', records / (e.ms / 1000));
      s.push('reference', records / (r.ms / 1000));
      s.push('ratio', r.ms / e.ms);
      s.push('context', records / (ctx[0].ms / 1000));
      if (ctx.length > 1) {
        s.push('context2', records / (ctx[1].ms / 1000));
        s.push('ceilingRatio', r.ms / ctx[1].ms);
      }
    });
  } finally {
    w.terminate();
  }
  return { series: s.data, notes: [], info: { records, inWorker: true } };
}

// ---------------------------------------------------------------------------------------
// 3, 4: the empty task — comlink vs raw postMessage on one worker; vs the workerpool library

export async function pingJob(o: JobOptions): Promise<JobResult> {
  const calls = o.smoke ? 50 : 200;
  const pool = await createPool({ size: 1 });
  const { api, worker } = pool.workers[0];
  const s = new Series();
  try {
    for (let i = 0; i < 200; i++) {
      await api.ping();
      await rawPing(worker);
    }
    await trialLoop(o, 'ping', async (t, flip) => {
      let comlinkUs = 0;
      let rawUs = 0;
      if (flip) {
        rawUs = await callLatencyUs(() => rawPing(worker), calls);
        comlinkUs = await callLatencyUs(() => api.ping(), calls);
      } else {
        comlinkUs = await callLatencyUs(() => api.ping(), calls);
        rawUs = await callLatencyUs(() => rawPing(worker), calls);
      }
      if (t < 0) return;
      s.push('engine', comlinkUs);
      s.push('reference', rawUs);
      s.push('ratio', comlinkUs / rawUs);
    });
  } finally {
    pool.terminate();
  }
  return { series: s.data, notes: [], info: { callsPerTrial: calls } };
}

export async function workerpoolJob(o: JobOptions): Promise<JobResult> {
  const calls = o.smoke ? 50 : 200;
  const pool = await createPool({ size: 1 });
  const api = pool.workers[0].api;
  const wp = workerpoolPool(workerpoolUrl, { maxWorkers: 1, minWorkers: 1, workerType: 'web', workerOpts: { type: 'module', name: 'workerpool-0' } });
  const empty = () => wp.exec('empty', []) as unknown as Promise<number>;
  const s = new Series();
  try {
    for (let i = 0; i < 200; i++) {
      await api.ping();
      await empty();
    }
    await trialLoop(o, 'workerpool', async (t, flip) => {
      let engineUs = 0;
      let wpUs = 0;
      if (flip) {
        wpUs = await callLatencyUs(empty, calls);
        engineUs = await callLatencyUs(() => api.ping(), calls);
      } else {
        engineUs = await callLatencyUs(() => api.ping(), calls);
        wpUs = await callLatencyUs(empty, calls);
      }
      if (t < 0) return;
      s.push('workerpool', wpUs);
      s.push('engine', engineUs);
      s.push('ratio', wpUs / engineUs);
    });
  } finally {
    pool.terminate();
    await wp.terminate(true);
  }
  return { series: s.data, notes: [], info: { callsPerTrial: calls } };
}
