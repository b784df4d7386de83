/**
 * The bench's start-up jobs: shipping 64 MB into a worker, a cold pool against bare workers,
 * and the longest main-thread block during a pool run.
 */

import { createPool, referenceDigest } from '../engine';
import { jobSpecOf } from '../engine/validate';
import { BenchWorker, rotate, Series, sharedNow, trialLoop, type JobOptions, type JobResult } from './harness';
import { cfg, specOf, timedRun } from './job-common';

// ---------------------------------------------------------------------------------------
// 7, 8: 64 MB ship-in — engine (shipIn phase) vs raw transfer and raw structured clone

export async function shipJob(o: JobOptions): Promise<JobResult> {
  const bytes = o.smoke ? 8 * 1024 * 1024 : 64 * 1024 * 1024;
  const records = bytes / 32;
  const base = cfg({ records, job: 'parse', workRounds: 0, strategy: 'worker-seq', workers: 1, scheduling: 'static', poolLife: 'warm' });
  const reference = await referenceDigest(specOf(base), jobSpecOf(base));
  const pool = await createPool({ size: 1, warmUp: true, warmUpFocus: { job: jobSpecOf(base), format: base.format } });
  const w = await BenchWorker.spawn();
  const master = new Uint8Array(bytes).fill(7);
  const probe = async (transfer: boolean): Promise<number> => {
    const copy = master.slice().buffer; // outside the timing: a fresh buffer for every probe
    const t0 = sharedNow();
    const reply = await w.call({ op: 'receive', bytes: copy }, 'received', transfer ? [copy] : []);
    return reply.atMs - t0;
  };
  const s = new Series();
  try {
    let k = 0;
    await trialLoop(o, 'ship', async (t) => {
      const got: Record<string, number> = {};
      for (const which of rotate(['engineTransfer', 'engineCopy', 'rawTransfer', 'rawClone'] as const, k++)) {
        if (which === 'rawTransfer') got[which] = await probe(true);
        else if (which === 'rawClone') got[which] = await probe(false);
        else {
          const shipping = which === 'engineTransfer' ? 'transfer' : 'copy';
          got[which] = (await timedRun({ ...base, shipping }, { pool, reference }, which)).sample.phasesMs.shipIn;
        }
      }
      if (t < 0) return;
      for (const [name, v] of Object.entries(got)) s.push(name, v);
      s.push('transferRatio', got.engineTransfer / got.rawTransfer);
      s.push('copyRatio', got.engineCopy / got.rawClone);
    });
  } finally {
    pool.terminate();
    w.terminate();
  }
  return { series: s.data, notes: [], info: { bytes, records } };
}

// ---------------------------------------------------------------------------------------
// 9: cold pool ready vs bare `new Worker` + first message (the same engine worker script)

function bareEngineWorker(i: number): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: `bare-${i}` });
}

export async function coldPoolJob(o: JobOptions): Promise<JobResult> {
  const n = Math.max(1, navigator.hardwareConcurrency || 1);
  const s = new Series();
  const bare = async (): Promise<number> => {
    const t0 = performance.now();
    const workers = Array.from({ length: n }, (_, i) => bareEngineWorker(i));
    try {
      await Promise.all(workers.map((w) => new Promise((resolve) => w.addEventListener('message', resolve, { once: true }))));
      return performance.now() - t0;
    } finally {
      workers.forEach((w) => w.terminate());
    }
  };
  const pooled = async (): Promise<number> => {
    const t0 = performance.now();
    const pool = await createPool({ size: n });
    const ms = performance.now() - t0;
    pool.terminate();
    return ms;
  };
  await trialLoop(o, 'cold-pool', async (t, flip) => {
    let p = 0;
    let b = 0;
    if (flip) {
      b = await bare();
      p = await pooled();
    } else {
      p = await pooled();
      b = await bare();
    }
    if (t < 0) return;
    s.push('engine', p);
    s.push('reference', b);
    s.push('ratio', p / b);
  });
  return { series: s.data, notes: [], info: { workers: n } };
}

// ---------------------------------------------------------------------------------------
// 10: longest main-thread block during a 1 M-record pool run

/** Longest gap between consecutive main-thread ticks (a MessageChannel loop): how long the page could not respond. */
class GapMeter {
  private readonly channel = new MessageChannel();
  private last = 0;
  private running = false;
  maxGapMs = 0;

  start(): void {
    this.running = true;
    this.maxGapMs = 0;
    this.last = performance.now();
    this.channel.port1.onmessage = () => {
      const now = performance.now();
      this.maxGapMs = Math.max(this.maxGapMs, now - this.last);
      this.last = now;
      if (this.running) this.channel.port2.postMessage(0);
    };
    this.channel.port2.postMessage(0);
  }

  stop(): number {
    this.running = false;
    this.maxGapMs = Math.max(this.maxGapMs, performance.now() - this.last);
    return this.maxGapMs;
  }
}

export async function mainBlockJob(o: JobOptions): Promise<JobResult> {
  const workers = Math.max(2, Math.min(8, navigator.hardwareConcurrency || 1));
  const config = cfg({ records: o.smoke ? 200_000 : 1_000_000, workers, strategy: 'pool', shipping: 'transfer', scheduling: 'static', poolLife: 'cold' });
  const reference = await referenceDigest(specOf(config), jobSpecOf(config));
  const s = new Series();
  const meter = new GapMeter();
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  try {
    await trialLoop(o, 'main-block', async (t) => {
      longTasks.length = 0;
      meter.start();
      const { ms } = await timedRun(config, { reference }, 'pool run');
      // Long-task entries are delivered after the task: let them arrive.
      await new Promise((r) => setTimeout(r, 20));
      const gap = meter.stop();
      if (t < 0) return;
      s.push('maxGapMs', gap);
      s.push('longTasks', longTasks.length);
      s.push('longestLongTaskMs', longTasks.length ? Math.max(...longTasks) : 0);
      s.push('wallMs', ms);
    });
  } finally {
    observer.disconnect();
  }
  return { series: s.data, notes: [], info: { records: config.records, workers, job: config.job, shipping: config.shipping, poolLife: config.poolLife } };
}
