/**
 * The bench's overhead jobs: engine time outside the phases, the history list's load time,
 * the big 10 M-record run driven from Node for its memory, and the cost of DevTools tracks.
 */

import type { Digest, RunConfig } from '../core/model/types';
import { createPool, disposeWarmPools, phasesTotalMs, referenceDigest, type WorkerPool } from '../engine';
import { devtoolsTracksWanted, emitDevtoolsTracks } from '../engine/devtools-tracks';
import { estimateRunBytesDetail, jobSpecOf } from '../engine/validate';
import { openHistory } from '../storage';
import { fabricateRuns } from './fabricate';
import { rotate, say, Series, trialLoop, type JobOptions, type JobResult } from './harness';
import { cfg, specOf, timedRun } from './job-common';
import { errorText } from '../core/view/format';

// ---------------------------------------------------------------------------------------
// 12: harness overhead — engine time outside phases (wall − Σ phases) over wall

export async function harnessJob(o: JobOptions): Promise<JobResult> {
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

export async function historyJob(o: JobOptions): Promise<JobResult> {
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
    return { ok: false, wallMs: 0, message: errorText(err) };
  }
}

// ---------------------------------------------------------------------------------------
// DevTools custom tracks: the cost of putting one repetition on them, against its wall time

export async function devtoolsTracksJob(o: JobOptions): Promise<JobResult> {
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
