/**
 * The bench's measuring jobs, run in the built page (cross-origin isolated, 5 µs timers).
 * Each job measures the engine and its reference side by side in every trial, alternating
 * which goes first, and returns raw per-trial series; Node (src/node/bench) turns them into
 * medians and judges the targets. Every job terminates the workers it made.
 */

import { pool as workerpoolPool } from 'workerpool';
import { DEFAULT_RUN_CONFIG } from '../core/model/config';
import type { DatasetSpec, Digest, JobSpec, RunConfig } from '../core/model/types';
import { createAccumulator, digestOf, generate, mergePartials, processRange } from '../core/workloads';
import { createPool, disposeWarmPools, phasesTotalMs, rawPing, referenceDigest, runOnce, type EngineSample, type WorkerPool } from '../engine';
import { devtoolsTracksWanted, emitDevtoolsTracks } from '../engine/devtools-tracks';
import { datasetSpecOf, estimateRunBytesDetail, jobSpecOf } from '../engine/validate';
import { openHistory } from '../storage';
import { dataCsvJob } from './data-csv';
import { fabricateRuns } from './fabricate';
import { BenchWorker, breakEvenRecords, lineThrough, rotate, sameDigest, say, Series, sharedNow, trialLoop, type JobOptions, type JobResult } from './harness';
import type { KernelId } from './protocol';
import workerpoolUrl from './workerpool.worker.ts?worker&url';

/** A run config for the bench: the playground's defaults, a fixed seed, then `patch`. */
function cfg(patch: Partial<RunConfig>): RunConfig {
  return { ...DEFAULT_RUN_CONFIG, seed: 7, ...patch };
}

function specOf(c: RunConfig): DatasetSpec {
  return datasetSpecOf(c);
}

function check(sample: EngineSample, what: string): EngineSample {
  if (!sample.correct) throw new Error(`${what}: the engine's digest is wrong: ${sample.message ?? ''}`);
  return sample;
}

/** Runs `config` on the engine, timed from the caller's side (validation and all). */
async function timedRun(config: RunConfig, opts: Parameters<typeof runOnce>[1], what: string): Promise<{ ms: number; sample: EngineSample }> {
  const t0 = performance.now();
  const sample = check(await runOnce(config, opts), what);
  return { ms: performance.now() - t0, sample };
}

/**
 * Per-call round-trip time of `calls` sequential awaits of `fn`, µs: the block's 10 %-trimmed
 * mean. A median of single calls would be quantised to the 5 µs timer step; the trimmed mean
 * keeps the resolution and still drops a GC pause or a descheduled thread.
 */
async function callLatencyUs(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const each: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await fn();
    each.push((performance.now() - t0) * 1000);
  }
  each.sort((a, b) => a - b);
  const cut = Math.floor(calls / 10);
  const kept = each.slice(cut, calls - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

// ---------------------------------------------------------------------------------------
// 1, 2: kernels inside one worker, engine code vs hand-written reference over one buffer

/**
 * contexts[0] is summarised as series `context`; a second (the group ceiling) as `context2`,
 * with `ceilingRatio` = reference time ÷ its time: the most any engine kernel could reach.
 */
async function kernelJob(o: JobOptions, name: string, engine: KernelId, reference: KernelId, contexts: readonly KernelId[]): Promise<JobResult> {
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

async function pingJob(o: JobOptions): Promise<JobResult> {
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

async function workerpoolJob(o: JobOptions): Promise<JobResult> {
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

// ---------------------------------------------------------------------------------------
// 5: 2-worker speedup on a CPU-heavy job, engine vs a hand-written raw split

async function rawSplit(workers: BenchWorker[], spec: DatasetSpec, job: JobSpec): Promise<Digest> {
  const replies = await Promise.all(workers.map((w, i) => w.call({ op: 'shard', spec, job, shard: i, shards: workers.length }, 'shard')));
  return digestOf(mergePartials(replies.map((r) => r.partial)));
}

async function speedupJob(o: JobOptions): Promise<JobResult> {
  const records = o.smoke ? 100_000 : 1_000_000;
  // generate-in-worker: nothing shipped, so both sides do the same work and only the orchestration differs.
  const two = cfg({ records, job: 'parse', workRounds: 300, strategy: 'pool', workers: 2, shipping: 'generate-in-worker', scheduling: 'static', poolLife: 'warm' });
  const one = { ...two, strategy: 'worker-seq' as const, workers: 1 };
  const spec = specOf(two);
  const job = jobSpecOf(two);
  const reference = await referenceDigest(spec, job);
  const focus = { job, format: two.format };
  const pool2 = await createPool({ size: 2, warmUp: true, warmUpFocus: focus });
  const pool1 = await createPool({ size: 1, warmUp: true, warmUpFocus: focus });
  const raw = [await BenchWorker.spawn(), await BenchWorker.spawn()];
  const s = new Series();
  try {
    let k = 0;
    await trialLoop(o, 'speedup-2w', async (t) => {
      const ms: Record<string, number> = {};
      for (const which of rotate(['engine', 'raw', 'seq'] as const, k++)) {
        if (which === 'engine') ms.engine = (await timedRun(two, { pool: pool2, reference }, 'engine, 2 workers')).ms;
        else if (which === 'seq') ms.seq = (await timedRun(one, { pool: pool1, reference }, 'engine, worker-seq')).ms;
        else {
          const t0 = performance.now();
          const digest = await rawSplit(raw, spec, job);
          ms.raw = performance.now() - t0;
          sameDigest('raw 2-worker split', digest, reference);
        }
      }
      if (t < 0) return;
      s.push('engineSpeedup', ms.seq / ms.engine);
      s.push('rawSpeedup', ms.seq / ms.raw);
      s.push('ratio', ms.raw / ms.engine);
      s.push('engineMs', ms.engine);
      s.push('rawMs', ms.raw);
      s.push('seqMs', ms.seq);
    });
  } finally {
    pool2.terminate();
    pool1.terminate();
    raw.forEach((w) => w.terminate());
  }
  return { series: s.data, notes: [], info: { records, workRounds: two.workRounds, shipping: two.shipping } };
}

// ---------------------------------------------------------------------------------------
// 6: dynamic batch overhead per batch: Atomics queue (shared) vs a message per batch (transfer)

async function batchJob(o: JobOptions): Promise<JobResult> {
  // Many batches, so a few ms of noise in a run's wall time is a fraction of a µs per batch
  // (16,000 Atomics batches); the message path gets fewer (each is a round trip to the main thread).
  const sharedRecords = o.smoke ? 100_000 : 400_000;
  const messageRecords = o.smoke ? 50_000 : 200_000;
  const sharedBatch = 25;
  const messageBatch = 100;
  const base = cfg({ records: sharedRecords, job: 'parse', workRounds: 0, strategy: 'pool', workers: 1, scheduling: 'dynamic', poolLife: 'warm' });
  const shared = { ...base, shipping: 'shared' as const };
  const message = { ...base, records: messageRecords, shipping: 'transfer' as const };
  const references = new Map<RunConfig, Digest>();
  for (const c of [shared, message]) references.set(c, await referenceDigest(specOf(c), jobSpecOf(c)));
  const pool = await createPool({ size: 1, warmUp: true, warmUpFocus: { job: jobSpecOf(base), format: base.format } });
  const runs = [
    { id: 'shared-big', config: { ...shared, batchSize: sharedRecords }, reference: references.get(shared)! },
    { id: 'shared-small', config: { ...shared, batchSize: sharedBatch }, reference: references.get(shared)! },
    { id: 'transfer-big', config: { ...message, batchSize: messageRecords }, reference: references.get(message)! },
    { id: 'transfer-small', config: { ...message, batchSize: messageBatch }, reference: references.get(message)! },
  ];
  const s = new Series();
  let sharedBatches = 0;
  let messageBatches = 0;
  try {
    let k = 0;
    await trialLoop(o, 'batch-overhead', async (t) => {
      const got: Record<string, { ms: number; batches: number }> = {};
      for (const r of rotate(runs, k++)) {
        const { ms, sample } = await timedRun(r.config, { pool, reference: r.reference }, r.id);
        got[r.id] = { ms, batches: sample.batchesPerWorker.reduce((a, b) => a + b, 0) };
      }
      if (t < 0) return;
      const per = (small: string, big: string) => ((got[small].ms - got[big].ms) / (got[small].batches - got[big].batches)) * 1000;
      sharedBatches = got['shared-small'].batches;
      messageBatches = got['transfer-small'].batches;
      s.push('atomicsUs', per('shared-small', 'shared-big'));
      s.push('messageUs', per('transfer-small', 'transfer-big'));
    });
  } finally {
    pool.terminate();
  }
  return { series: s.data, notes: [], info: { sharedRecords, sharedBatches, messageRecords, messageBatches } };
}

// ---------------------------------------------------------------------------------------
// small-tasks: many ~10 µs tasks on hardwareConcurrency workers — the engine's dynamic
// scheduling (Atomics queue, and a message per batch) vs workerpool, one exec per task

/** Records in one small task. */
const TASK_RECORDS = 100;
/** Work rounds per record: about 10 µs for a 100-record task of `parse` in Chromium on the reference machine. */
const TASK_WORK_ROUNDS = 75;

/** What the workerpool worker's `batch` task returns: a parse partial without a table. */
interface TaskPartial {
  records: number;
  checksumHi: number;
  checksumLo: number;
}

/** True when this page can run shipping `shared` (SharedArrayBuffer and Atomics). */
export function hasSharedMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
}

async function smallTasksJob(o: JobOptions): Promise<JobResult> {
  const tasks = o.smoke ? 2_000 : 10_000;
  const workers = Math.max(1, navigator.hardwareConcurrency || 1);
  const base = cfg({ records: tasks * TASK_RECORDS, job: 'parse', workRounds: TASK_WORK_ROUNDS, strategy: 'pool', workers, scheduling: 'dynamic', batchSize: TASK_RECORDS, poolLife: 'warm' });
  const spec = specOf(base);
  const job = jobSpecOf(base);
  const reference = await referenceDigest(spec, job);
  const data = generate(spec);
  const taskBytes = data.byteLength / tasks;
  const shared = hasSharedMemory();
  const paths: Array<'atomics' | 'message' | 'workerpool'> = shared ? ['atomics', 'message', 'workerpool'] : ['message', 'workerpool'];
  const engineConfig = { atomics: { ...base, shipping: 'shared' as const }, message: { ...base, shipping: 'transfer' as const } };
  const pool = await createPool({ size: workers, warmUp: true, warmUpFocus: { job, format: base.format } });
  const wp = workerpoolPool(workerpoolUrl, { maxWorkers: workers, minWorkers: workers, workerType: 'web', workerOpts: { type: 'module', name: 'workerpool-tasks' } });
  const viaWorkerpool = async (): Promise<number> => {
    const t0 = performance.now();
    const pending: Promise<TaskPartial>[] = [];
    // A copy of each task's records (slice, not subarray: a view would clone the whole buffer).
    for (let i = 0; i < tasks; i++) pending.push(wp.exec('batch', [data.slice(i * taskBytes, (i + 1) * taskBytes), job]) as unknown as Promise<TaskPartial>);
    const parts = await Promise.all(pending);
    const merged = mergePartials(parts.map((p) => ({ job: 'parse' as const, records: p.records, checksumHi: p.checksumHi, checksumLo: p.checksumLo, table: null })));
    const ms = performance.now() - t0;
    sameDigest('workerpool, one exec per task', digestOf(merged), reference);
    return ms;
  };
  const s = new Series();
  try {
    let k = 0;
    await trialLoop(o, 'small-tasks', async (t) => {
      const ms: Record<string, number> = {};
      for (const path of rotate(paths, k++)) {
        if (path === 'workerpool') ms.workerpool = await viaWorkerpool();
        else {
          const run = await timedRun(engineConfig[path], { pool, reference }, `engine, ${path} path`);
          // The reference generates outside its timing: leave the engine's generate phase out too.
          ms[path] = run.ms - run.sample.phasesMs.generate;
        }
      }
      // The work in one task, alone on this thread (what "small" means on this machine).
      const sampleTasks = Math.min(tasks, 1000);
      const acc = createAccumulator(job, 0);
      const t0 = performance.now();
      processRange(acc, base.format, data, 0, sampleTasks * taskBytes);
      const taskUs = ((performance.now() - t0) * 1000) / sampleTasks;
      if (t < 0) return;
      const perSecond = (m: number) => tasks / (m / 1000);
      s.push('workerpool', perSecond(ms.workerpool));
      s.push('message', perSecond(ms.message));
      s.push('messageRatio', ms.workerpool / ms.message);
      if (shared) {
        s.push('atomics', perSecond(ms.atomics));
        s.push('ratio', ms.workerpool / ms.atomics);
      }
      s.push('taskUs', taskUs);
    });
  } finally {
    pool.terminate();
    await wp.terminate(true);
  }
  const notes = shared ? [] : ['no SharedArrayBuffer in this page: the Atomics path cannot run, only the message path and workerpool were measured'];
  return { series: s.data, notes, info: { tasks, recordsPerTask: TASK_RECORDS, workRounds: TASK_WORK_ROUNDS, workers } };
}

// ---------------------------------------------------------------------------------------
// small-batch: warm 2-worker runs of 1,000 and 10,000 records, engine vs a raw split

async function smallBatchJob(o: JobOptions): Promise<JobResult> {
  // Sub-millisecond runs: each trial sums a block of runs (alternating engine and raw run by
  // run), so the timer's step is a small part of the block.
  const sizes = [
    { records: 1_000, name: '1k', runs: o.smoke ? 10 : 40 },
    { records: 10_000, name: '10k', runs: o.smoke ? 4 : 12 },
  ];
  const points = await Promise.all(
    sizes.map(async (z) => {
      const config = cfg({ records: z.records, batchSize: z.records, strategy: 'pool', workers: 2, shipping: 'generate-in-worker', scheduling: 'static', poolLife: 'warm' });
      return { ...z, config, spec: specOf(config), job: jobSpecOf(config), reference: await referenceDigest(specOf(config), jobSpecOf(config)) };
    }),
  );
  const focus = { job: points[0].job, format: points[0].config.format };
  const pool = await createPool({ size: 2, warmUp: true, warmUpFocus: focus });
  const raw = [await BenchWorker.spawn(), await BenchWorker.spawn()];
  const s = new Series();
  try {
    let k = 0;
    await trialLoop(o, 'small-batch', async (t) => {
      const got: Record<string, number> = {};
      for (const p of rotate(points, k++)) {
        let engineMs = 0;
        let rawMs = 0;
        for (let i = 0; i < p.runs; i++) {
          const engineFirst = (i + k) % 2 === 0;
          for (const side of engineFirst ? ['engine', 'raw'] : ['raw', 'engine']) {
            if (side === 'engine') engineMs += (await timedRun(p.config, { pool, reference: p.reference }, `engine, ${p.records} records`)).ms;
            else {
              const t0 = performance.now();
              const digest = await rawSplit(raw, p.spec, p.job);
              rawMs += performance.now() - t0;
              sameDigest(`raw split, ${p.records} records`, digest, p.reference);
            }
          }
        }
        got[`engine${p.name}Ms`] = engineMs / p.runs;
        got[`raw${p.name}Ms`] = rawMs / p.runs;
        got[`ratio${p.name}`] = engineMs / rawMs;
      }
      if (t < 0) return;
      for (const [name, v] of Object.entries(got)) s.push(name, v);
    });
  } finally {
    pool.terminate();
    raw.forEach((w) => w.terminate());
  }
  return { series: s.data, notes: [], info: { job: points[0].config.job, workRounds: points[0].config.workRounds, runsPerTrial1k: sizes[0].runs, runsPerTrial10k: sizes[1].runs } };
}

// ---------------------------------------------------------------------------------------
// cold-break-even: where a cold 2-worker pool catches up with the main thread, engine vs raw

async function coldBreakEvenJob(o: JobOptions): Promise<JobResult> {
  // A CPU-heavy job (as speedup-2w) and sizes far apart: the per-record slopes must be clearly
  // different for the lines to meet at a well-defined count.
  const sizes = o.smoke ? [20_000, 200_000] : [50_000, 400_000];
  const points = await Promise.all(
    sizes.map(async (records) => {
      const cold = cfg({ records, batchSize: records, job: 'parse', workRounds: 300, strategy: 'pool', workers: 2, shipping: 'generate-in-worker', scheduling: 'static', poolLife: 'cold' });
      const main = { ...cold, strategy: 'main' as const, workers: 1 };
      return { records, cold, main, spec: specOf(cold), job: jobSpecOf(cold), reference: await referenceDigest(specOf(cold), jobSpecOf(cold)) };
    }),
  );
  const rawCold = async (p: (typeof points)[number]): Promise<number> => {
    const t0 = performance.now();
    const raw = await Promise.all([BenchWorker.spawn(), BenchWorker.spawn()]);
    try {
      const digest = await rawSplit(raw, p.spec, p.job);
      const ms = performance.now() - t0;
      sameDigest(`raw cold split, ${p.records} records`, digest, p.reference);
      return ms;
    } finally {
      raw.forEach((w) => w.terminate());
    }
  };
  const s = new Series();
  let never = 0;
  let k = 0;
  await trialLoop(o, 'cold-break-even', async (t) => {
    const ms: Record<string, number[]> = { engine: [], raw: [], main: [] };
    for (const [i, p] of points.entries()) {
      for (const side of rotate(['engine', 'raw', 'main'] as const, k++)) {
        if (side === 'engine') ms.engine[i] = (await timedRun(p.cold, { reference: p.reference }, `engine cold, ${p.records} records`)).ms;
        else if (side === 'main') ms.main[i] = (await timedRun(p.main, { reference: p.reference }, `engine main thread, ${p.records} records`)).ms;
        else ms.raw[i] = await rawCold(p);
      }
    }
    if (t < 0) return;
    const line = (m: number[]) => lineThrough(sizes[0], m[0], sizes[1], m[1]);
    const main = line(ms.main);
    const engine = line(ms.engine);
    const raw = line(ms.raw);
    const e = breakEvenRecords(engine, main);
    const r = breakEvenRecords(raw, main);
    s.push('engineFixedMs', engine.a);
    s.push('rawFixedMs', raw.a);
    s.push('mainPerRecordNs', main.b * 1e6);
    s.push('enginePerRecordNs', engine.b * 1e6);
    s.push('rawPerRecordNs', raw.b * 1e6);
    if (Number.isFinite(e) && Number.isFinite(r) && r > 0) {
      s.push('engineRecords', e);
      s.push('rawRecords', r);
      s.push('ratio', e / r);
      return;
    }
    // No crossing this trial (2 workers no faster per record than the main thread: a loaded
    // machine). Both sides do the same work on as many workers, so their slopes match and the
    // break-even ratio is the ratio of their start-up costs above the main thread's: use that.
    never++;
    if (engine.a > main.a && raw.a > main.a) s.push('ratio', (engine.a - main.a) / (raw.a - main.a));
  });
  const notes = never
    ? [
        `${never} trials where the lines did not cross (2 workers no faster per record than the main thread): their ratio is ` +
          'the ratio of start-up costs above the main thread\'s, which the break-even ratio equals when both slopes match',
      ]
    : [];
  return { series: s.data, notes, info: { smallRecords: sizes[0], largeRecords: sizes[1], job: points[0].cold.job, workRounds: points[0].cold.workRounds } };
}

// ---------------------------------------------------------------------------------------
// 7, 8: 64 MB ship-in — engine (shipIn phase) vs raw transfer and raw structured clone

async function shipJob(o: JobOptions): Promise<JobResult> {
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

async function coldPoolJob(o: JobOptions): Promise<JobResult> {
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

async function mainBlockJob(o: JobOptions): Promise<JobResult> {
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

// ---------------------------------------------------------------------------------------
// 12: harness overhead — engine time outside phases (wall − Σ phases) over wall

async function harnessJob(o: JobOptions): Promise<JobResult> {
  const records = o.smoke ? 100_000 : 300_000;
  const base = cfg({ records });
  const reference = await referenceDigest(specOf(base), jobSpecOf(base));
  const focus = { job: jobSpecOf(base), format: base.format };
  const pool1 = await createPool({ size: 1, warmUp: true, warmUpFocus: focus });
  const pool2 = await createPool({ size: 2, warmUp: true, warmUpFocus: focus });
  const runs: Array<{ id: string; config: RunConfig; pool?: WorkerPool }> = [
    { id: 'worker-seq warm', config: { ...base, strategy: 'worker-seq', workers: 1, poolLife: 'warm' }, pool: pool1 },
    { id: 'pool×2 warm transfer', config: { ...base, workers: 2, poolLife: 'warm', shipping: 'transfer' }, pool: pool2 },
    { id: 'pool×2 cold shared dynamic', config: { ...base, workers: 2, poolLife: 'cold', shipping: 'shared', scheduling: 'dynamic', batchSize: 10_000 } },
    { id: 'main', config: { ...base, strategy: 'main', workers: 1 } },
  ];
  const s = new Series();
  let skipped = 0;
  try {
    let k = 0;
    await trialLoop(o, 'harness-overhead', async (t) => {
      for (const r of rotate(runs, k++)) {
        const { sample } = await timedRun(r.config, { pool: r.pool, reference }, r.id);
        if (t < 0) continue;
        if (sample.wallMs < 10) {
          skipped++;
          continue;
        }
        const outside = sample.wallMs - phasesTotalMs(sample.phasesMs);
        s.push('overheadPct', (100 * outside) / sample.wallMs);
        s.push('overheadUs', outside * 1000);
        s.push('wallMs', sample.wallMs);
      }
    });
  } finally {
    pool1.terminate();
    pool2.terminate();
  }
  return { series: s.data, notes: skipped ? [`${skipped} samples under 10 ms left out`] : [], info: { records, configs: runs.map((r) => r.id).join('; ') } };
}

/** Deletes a throwaway database (open connections close on versionchange). */
function deleteDatabaseByName(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

// ---------------------------------------------------------------------------------------
// 13: history list load time with N stored runs (a throwaway database)

async function historyJob(o: JobOptions): Promise<JobResult> {
  const count = o.smoke ? 200 : 1000;
  const dbName = `pp-bench-${crypto.randomUUID()}`;
  const s = new Series();
  try {
    const setup = await openHistory({ dbName });
    if (!setup.persistent) throw new Error(`IndexedDB is not available: ${setup.fallbackReason ?? 'unknown reason'}`);
    const t0 = performance.now();
    const imported = await setup.importRecords(fabricateRuns(count));
    const importMs = performance.now() - t0;
    setup.close();
    if (!imported.ok) throw new Error(`could not store the fabricated runs: ${imported.message}`);
    say(`history: ${count} runs stored in ${importMs.toFixed(0)} ms`);
    await trialLoop(o, 'history', async (t) => {
      const t1 = performance.now();
      const history = await openHistory({ dbName });
      const list = await history.list();
      const ms = performance.now() - t1;
      history.close();
      if (!list.ok) throw new Error(list.message);
      if (list.value.entries.length !== count) throw new Error(`list() gave ${list.value.entries.length} runs, ${count} stored`);
      if (t >= 0) s.push('loadMs', ms);
    });
    return { series: s.data, notes: [], info: { runs: count, samplesPerRun: 20, importMs } };
  } finally {
    await deleteDatabaseByName(dbName);
  }
}

// ---------------------------------------------------------------------------------------
// 11: 10 M records group, 2 workers — driven trial by trial from Node, which reads the
// renderer's memory from outside (see src/node/bench/memory.ts)

let memoryConfig: RunConfig | undefined;
let memoryReference: Digest | undefined;

/** Prepares the big run (its reference digest is computed now, in a worker that is then gone) and reports its sizes. */
export async function memoryPrepare(opts: { records: number; shipping: RunConfig['shipping'] }): Promise<{ datasetBytes: number; estimatedBytes: number; copies: number }> {
  disposeWarmPools();
  memoryConfig = cfg({ records: opts.records, job: 'group', format: 'fixed', strategy: 'pool', workers: 2, shipping: opts.shipping, scheduling: 'static', poolLife: 'cold' });
  memoryReference = await referenceDigest(specOf(memoryConfig), jobSpecOf(memoryConfig));
  const est = estimateRunBytesDetail(memoryConfig);
  return { datasetBytes: est.datasetBytes, estimatedBytes: est.totalBytes, copies: est.datasetCopies };
}

/** One cold 2-worker run of the prepared config. Resolves even when the run fails. */
export async function memoryTrial(): Promise<{ ok: boolean; wallMs: number; message?: string }> {
  if (!memoryConfig || !memoryReference) return { ok: false, wallMs: 0, message: 'memoryPrepare was not called' };
  try {
    const { ms } = await timedRun(memoryConfig, { reference: memoryReference }, 'big run');
    return { ok: true, wallMs: ms };
  } catch (err) {
    return { ok: false, wallMs: 0, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Every job the page runs, by id. */
// ---------------------------------------------------------------------------------------
// DevTools custom tracks: the cost of putting one repetition on them, against its wall time

async function devtoolsTracksJob(o: JobOptions): Promise<JobResult> {
  const records = o.smoke ? 100_000 : 300_000;
  // Dynamic batches: one span per batch, so the tracks carry a realistic number of entries.
  const config = cfg({ records, workers: 2, poolLife: 'warm', shipping: 'transfer', scheduling: 'dynamic', batchSize: 10_000 });
  const reference = await referenceDigest(specOf(config), jobSpecOf(config));
  const pool = await createPool({ size: 2, warmUp: true, warmUpFocus: { job: jobSpecOf(config), format: config.format } });
  const s = new Series();
  try {
    await trialLoop(o, 'devtools-tracks', async (t) => {
      const { sample } = await timedRun(config, { pool, reference }, 'devtools-tracks');
      // What a run pays with the tracks off: reading the setting, once.
      const off0 = performance.now();
      devtoolsTracksWanted();
      const offUs = (performance.now() - off0) * 1000;
      const before = performance.getEntriesByType('measure').length;
      const on0 = performance.now();
      emitDevtoolsTracks({ pointIndex: 0, repetition: Math.max(0, t), role: 'measured', config, sample });
      const onMs = performance.now() - on0;
      const entries = performance.getEntriesByType('measure').length - before;
      performance.clearMeasures();
      if (t < 0) return;
      s.push('onPct', (100 * onMs) / sample.wallMs);
      s.push('onUs', onMs * 1000);
      s.push('offUs', offUs);
      s.push('entries', entries);
      s.push('wallMs', sample.wallMs);
    });
  } finally {
    pool.terminate();
  }
  return { series: s.data, notes: [], info: { records, config: 'pool×2 warm transfer, dynamic batches of 10,000' } };
}

export const PAGE_JOBS = {
  'fixed-parse': (o: JobOptions) => kernelJob(o, 'fixed-parse', 'engine-parse', 'bare-parse', ['decode-only']),
  group: (o: JobOptions) => kernelJob(o, 'group', 'engine-group', 'object-group', ['object-group-no-checksum', 'table-only-group']),
  ping: pingJob,
  workerpool: workerpoolJob,
  'speedup-2w': speedupJob,
  'batch-overhead': batchJob,
  ship: shipJob,
  'cold-pool': coldPoolJob,
  'main-block': mainBlockJob,
  'harness-overhead': harnessJob,
  history: historyJob,
  'devtools-tracks': devtoolsTracksJob,
  'group-vs-hand': (o: JobOptions) => kernelJob(o, 'group-vs-hand', 'engine-group', 'hand-group', ['object-group', 'table-only-group']),
  'small-tasks': smallTasksJob,
  'small-batch': smallBatchJob,
  'cold-break-even': coldBreakEvenJob,
  'data-csv': dataCsvJob,
} satisfies Record<string, (o: JobOptions) => Promise<JobResult>>;

export type PageJobId = keyof typeof PAGE_JOBS;
