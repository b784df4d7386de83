/**
 * Small fabricated RunRecords for the csv, json-io, run-record and storage tests: valid,
 * deterministic, and shaped like the engine's output without needing the engine.
 */

import type { Environment } from '../../src/core/model/environment';
import { SCHEMA_VERSION, type RunRecord } from '../../src/core/io/run-record';
import type { ExperimentConfig, RepetitionRecord, RunConfig, Sample } from '../../src/core/model/types';

export const BASE_CONFIG: RunConfig = {
  seed: 42,
  records: 10_000,
  format: 'fixed',
  distinctKeys: 100,
  keySkew: 0.5,
  payloadBytes: 16,
  costSkew: 0,
  job: 'group',
  workRounds: 10,
  strategy: 'pool',
  workers: 4,
  shipping: 'transfer',
  scheduling: 'static',
  batchSize: 1000,
  poolLife: 'cold',
  varlenSplit: 'resync',
  serialFraction: 0.1,
};

export const ENVIRONMENT: Environment = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
  hardwareConcurrency: 2,
  crossOriginIsolated: true,
  timerResolutionMs: 0.005,
  deviceMemoryGiB: 8,
  appVersion: '0.1.0',
  sharedArrayBuffer: true,
  atomicsWaitAsync: true,
  moduleWorkers: true,
  measuredCores: 2,
};

/** A sample whose numbers depend on `k`, so every row of a CSV differs. */
export function makeSample(k: number, workers = 4): Sample {
  const wallMs = 12.5 + k * 1.25;
  const start = 1_700_000_000_000 + k * 100;
  return {
    wallMs,
    phasesMs: {
      spawn: 3.1 + k,
      init: 1.2,
      generate: 2.25,
      split: 0.1,
      shipIn: 0.05,
      compute: 4.5 + k / 3,
      shipOut: 0.02,
      merge: 0.3,
      teardown: 0,
    },
    spans: Array.from({ length: workers }, (_, w) => ({
      worker: w,
      kind: 'compute' as const,
      startMs: start + 1,
      endMs: start + 5 + w,
      records: 2500,
    })),
    recordsPerWorker: Array.from({ length: workers }, () => 2500),
    batchesPerWorker: Array.from({ length: workers }, () => 1),
    digest: { records: 10_000, checksum: '0123456789abcdef', tableHash: 'fedcba9876543210' },
    correct: true,
    startedAtMs: start,
  };
}

export interface MakeRecordOptions {
  id?: string;
  label?: string;
  createdAt?: string;
  points?: number;
  repetitions?: number;
  /** Adds the worker-seq baseline repetitions of every point. Default true. */
  baseline?: boolean;
  overrides?: Partial<RunRecord>;
}

/** A complete run: `points` worker counts (1, 2, 4, …) × `repetitions`, measured and baseline, interleaved. */
export function makeRecord(options: MakeRecordOptions = {}): RunRecord {
  const points = options.points ?? 2;
  const repetitions = options.repetitions ?? 3;
  const withBaseline = options.baseline ?? true;
  const workerValues = Array.from({ length: points }, (_, i) => 2 ** i);
  const experiment: ExperimentConfig = {
    base: BASE_CONFIG,
    sweep: [{ param: 'workers', values: workerValues }],
    warmups: 1,
    repetitions,
  };
  const reps: RepetitionRecord[] = [];
  let k = 0;
  for (let r = 0; r < repetitions; r++) {
    for (let p = 0; p < points; p++) {
      const config: RunConfig = { ...BASE_CONFIG, workers: workerValues[p] };
      reps.push({ pointIndex: p, repetition: r, role: 'measured', config, sample: makeSample(k++, config.workers) });
      if (withBaseline) {
        const base: RunConfig = { ...config, strategy: 'worker-seq', workers: 1 };
        reps.push({ pointIndex: p, repetition: r, role: 'baseline', config: base, sample: makeSample(k++ + 20, 1) });
      }
    }
  }
  return {
    id: options.id ?? 'run-0001',
    createdAt: options.createdAt ?? '2025-01-31T12:00:00.000Z',
    label: options.label ?? 'workers sweep',
    schemaVersion: SCHEMA_VERSION,
    appVersion: '0.1.0',
    experiment,
    environment: ENVIRONMENT,
    status: 'complete',
    repetitions: reps,
    ...options.overrides,
  };
}

/** A record as a run starts it: status 'running', no repetitions. */
export function makeRunningRecord(id: string, label = 'in progress'): RunRecord {
  return { ...makeRecord({ id, label }), status: 'running', repetitions: [] };
}

/** The n-th repetition of makeRecord's default shape. */
export function makeRepetition(n: number): RepetitionRecord {
  return makeRecord().repetitions[n % 12];
}
