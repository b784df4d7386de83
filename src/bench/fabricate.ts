/**
 * Fabricated but valid run records for the history benchmark: shaped like the engine's
 * output (a 2-point workers sweep, 5 repetitions, each with its worker-seq baseline, so 20
 * samples a run), deterministic, no engine needed.
 */

import type { Environment } from '../core/model/environment';
import { DEFAULT_RUN_CONFIG } from '../core/model/config';
import { newRunRecord, type RunRecord } from '../core/io/run-record';
import { shareLink, shareOfRun } from '../core/io/share-link';
import { PHASES, type ExperimentConfig, type Phase, type RepetitionRecord, type RunConfig, type Sample } from '../core/model/types';

const ENVIRONMENT: Environment = {
  userAgent: 'parallel-playground bench (fabricated record)',
  hardwareConcurrency: 2,
  crossOriginIsolated: true,
  timerResolutionMs: 0.005,
  appVersion: '0.0.0-bench',
};

function sample(k: number, workers: number): Sample {
  const phasesMs = {} as Record<Phase, number>;
  for (const p of PHASES) phasesMs[p] = 0.5 + ((k * 7 + p.length) % 13) / 4;
  const wallMs = Object.values(phasesMs).reduce((a, b) => a + b, 0) + 0.01;
  const start = 1_700_000_000_000 + k * 100;
  return {
    wallMs,
    phasesMs,
    spans: Array.from({ length: workers }, (_, w) => ({ worker: w, kind: 'compute' as const, startMs: start + 1, endMs: start + 5 + w, records: 100_000 / workers })),
    recordsPerWorker: Array.from({ length: workers }, () => 100_000 / workers),
    batchesPerWorker: Array.from({ length: workers }, () => 1),
    digest: { records: 100_000, checksum: '0123456789abcdef', tableHash: 'fedcba9876543210' },
    correct: true,
    startedAtMs: start,
  };
}

/**
 * `count` complete runs, ids bench-0000…, one minute apart: a workers sweep over [1, 2] at
 * 100,000 records, or a records × workers sweep when `recordCounts` is given.
 */
export function fabricateRuns(count: number, recordCounts?: readonly number[]): RunRecord[] {
  const base: RunConfig = { ...DEFAULT_RUN_CONFIG, records: 100_000 };
  const workers = [1, 2];
  const configs: RunConfig[] = (recordCounts ?? [base.records]).flatMap((records) => workers.map((w) => ({ ...base, records, workers: w })));
  const sweep: ExperimentConfig['sweep'] = recordCounts
    ? [{ param: 'records', values: [...recordCounts] }, { param: 'workers', values: workers }]
    : [{ param: 'workers', values: workers }];
  const runs: RunRecord[] = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    const record = newRunRecord({
      id: `bench-${String(i).padStart(4, '0')}`,
      label: `fabricated run ${i}`,
      now: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
      experiment: { base, sweep, warmups: 1, repetitions: 5 },
      environment: ENVIRONMENT,
    });
    const reps: RepetitionRecord[] = [];
    for (let r = 0; r < 5; r++) {
      configs.forEach((config, p) => {
        reps.push({ pointIndex: p, repetition: r, role: 'measured', config, sample: sample(k++, config.workers) });
        reps.push({ pointIndex: p, repetition: r, role: 'baseline', config: { ...config, strategy: 'worker-seq', workers: 1 }, sample: sample(k++, 1) });
      });
    }
    record.repetitions = reps;
    record.status = 'complete';
    runs.push(record);
  }
  return runs;
}

const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
];

/**
 * The share links of `count` fabricated machines for the classroom benchmark: the history
 * fabricator's runs as records × workers sweeps (6 points), each with its own core count
 * (2, 4, 8, 16) and browser, so every link is a distinct machine.
 */
export function fabricateClassroomLinks(count: number, appUrl: string): string[] {
  return fabricateRuns(count, [10_000, 100_000, 1_000_000]).map((run, k) => {
    const environment = { ...run.environment, hardwareConcurrency: 2 ** (1 + (k % 4)), userAgent: USER_AGENTS[k % USER_AGENTS.length] };
    return shareLink(appUrl, shareOfRun({ ...run, label: `machine ${k}`, environment }));
  });
}
