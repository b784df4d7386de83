/**
 * The bench's scaling jobs: 2-worker speedup against a raw split, the cost per dynamic batch,
 * many small tasks against workerpool, small warm batches, and the cold break-even.
 */

import { pool as workerpoolPool } from 'workerpool';
import type { DatasetSpec, Digest, JobSpec, RunConfig } from '../core/model/types';
import { createAccumulator, digestOf, generate, mergePartials, processRange } from '../core/workloads';
import { createPool, referenceDigest } from '../engine';
import { jobSpecOf } from '../engine/validate';
import { BenchWorker, breakEvenRecords, lineThrough, rotate, sameDigest, Series, trialLoop, type JobOptions, type JobResult } from './harness';
import workerpoolUrl from './workerpool.worker.ts?worker&url';
import { cfg, hasSharedMemory, specOf, timedRun } from './job-common';

// ---------------------------------------------------------------------------------------
// 5: 2-worker speedup on a CPU-heavy job, engine vs a hand-written raw split

async function rawSplit(workers: BenchWorker[], spec: DatasetSpec, job: JobSpec): Promise<Digest> {
  const replies = await Promise.all(workers.map((w, i) => w.call({ op: 'shard', spec, job, shard: i, shards: workers.length }, 'shard')));
  return digestOf(mergePartials(replies.map((r) => r.partial)));
}

export async function speedupJob(o: JobOptions): Promise<JobResult> {
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

export async function batchJob(o: JobOptions): Promise<JobResult> {
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

export async function smallTasksJob(o: JobOptions): Promise<JobResult> {
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

export async function smallBatchJob(o: JobOptions): Promise<JobResult> {
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

export async function coldBreakEvenJob(o: JobOptions): Promise<JobResult> {
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
