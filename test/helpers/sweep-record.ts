/**
 * A realistic stored run of a two-parameter sweep (records × workers), built the way the
 * sweep runner records one: every planned unit measured once per round, baselines shared by
 * the points on the same data, wall times from a simple cost model with seeded noise.
 */

import type { Environment } from '../../src/core/model/environment';
import { DEFAULT_RUN_CONFIG } from '../../src/core/model/config';
import { planExperiment } from '../../src/core/experiment/plan';
import { SCHEMA_VERSION, type RunRecord } from '../../src/core/io/run-record';
import { mulberry32 } from '../../src/core/stats/random';
import type { ExperimentConfig, RepetitionRecord, RunConfig, Sample } from '../../src/core/model/types';
import { ENVIRONMENT } from './run-records';

export interface SweepRecordOptions {
  records?: number[];
  workers?: number[];
  repetitions?: number;
  seed?: number;
  /** Cores the cost model lets work in parallel (default 2), also the recorded core count. */
  cores?: number;
  /** Replaces fields of the recorded environment. */
  environment?: Partial<Environment>;
}

/** Wall time of a configuration under a fixed cost model: start-up + serial + parallel work. */
function modelMs(config: RunConfig, cores: number): number {
  const parallel = config.strategy === 'pool' ? config.workers : 1;
  const startUpMs = 4 + 1.5 * parallel;
  const workMs = config.records * 0.00045;
  return startUpMs + workMs * 0.1 + (workMs * 0.9) / Math.min(parallel, cores);
}

function sampleOf(config: RunConfig, wallMs: number, startedAtMs: number): Sample {
  const workers = config.strategy === 'pool' ? config.workers : 1;
  const compute = wallMs * 0.7;
  return {
    wallMs,
    phasesMs: {
      spawn: wallMs * 0.08,
      init: wallMs * 0.05,
      generate: wallMs * 0.1,
      split: 0,
      shipIn: wallMs * 0.02,
      compute,
      shipOut: wallMs * 0.01,
      merge: wallMs * 0.03,
      teardown: wallMs * 0.01,
    },
    spans: Array.from({ length: workers }, (_, w) => ({
      worker: w,
      kind: 'compute' as const,
      startMs: startedAtMs + wallMs * 0.25,
      endMs: startedAtMs + wallMs * 0.25 + compute,
      records: Math.floor(config.records / workers),
    })),
    recordsPerWorker: Array.from({ length: workers }, (_, w) => Math.floor(config.records / workers) + (w === 0 ? config.records % workers : 0)),
    batchesPerWorker: Array.from({ length: workers }, () => 1),
    digest: { records: config.records, checksum: '0123456789abcdef', tableHash: 'fedcba9876543210' },
    correct: true,
    startedAtMs,
  };
}

/** A complete run of `records × workers` (default 3 × 4 = 12 points, 10 repetitions). */
export function makeSweepRecord(options: SweepRecordOptions = {}): RunRecord {
  const experiment: ExperimentConfig = {
    base: { ...DEFAULT_RUN_CONFIG },
    sweep: [
      { param: 'records', values: options.records ?? [100_000, 1_000_000, 4_000_000] },
      { param: 'workers', values: options.workers ?? [1, 2, 4, 8] },
    ],
    warmups: 1,
    repetitions: options.repetitions ?? 10,
  };
  const plan = planExperiment(experiment);
  const random = mulberry32(options.seed ?? 2024);
  const firstPoint = (unit: number): number =>
    plan.points.find((p) => p.unit === unit || p.baselineUnit === unit)?.index ?? 0;
  const repetitions: RepetitionRecord[] = [];
  let clockMs = 1_733_400_000_000;
  for (const step of plan.steps) {
    if (step.kind !== 'measure') continue;
    const unit = plan.units[step.unit];
    // Log-normal-ish noise: most runs within a few per cent, an occasional slow one.
    const noise = 1 + 0.03 * (random() + random() + random() - 1.5) + (random() < 0.05 ? 0.2 * random() : 0);
    const wallMs = Math.round(modelMs(unit.config, options.cores ?? 2) * noise * 1e6) / 1e6;
    repetitions.push({
      pointIndex: firstPoint(unit.index),
      repetition: step.round,
      role: unit.role,
      config: unit.config,
      sample: sampleOf(unit.config, wallMs, clockMs),
    });
    clockMs += wallMs + 2.5;
  }
  return {
    id: 'sweep-0001',
    createdAt: '2026-12-05T10:00:00.000Z',
    label: 'records × workers',
    schemaVersion: SCHEMA_VERSION,
    appVersion: '0.1.0',
    experiment,
    environment: { ...ENVIRONMENT, ...(options.cores !== undefined ? { hardwareConcurrency: options.cores } : {}), ...options.environment },
    status: 'complete',
    repetitions,
  };
}
