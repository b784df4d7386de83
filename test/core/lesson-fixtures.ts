import { analyseExperiment, type ExperimentAnalysis } from '../../src/core/analysis';
import { planExperiment } from '../../src/core/plan';
import { PHASES, type ExperimentConfig, type Phase, type RepetitionRecord, type RunConfig, type Sample, type Span } from '../../src/core/types';

/** What a fabricated run of a configuration looks like: its wall time, phases and spans. */
export interface FakeRun {
  wallMs: number;
  phasesMs?: Partial<Record<Phase, number>>;
  spans?: Span[];
}

/**
 * Analyses an experiment whose every repetition is fabricated by `timing` (deterministic,
 * with a small alternating jitter so CIs have width): lets verdict tests put measurements
 * on either side of a lesson's claim without running anything.
 */
export function fabricate(experiment: ExperimentConfig, timing: (c: RunConfig) => FakeRun, jitter = 0.01): ExperimentAnalysis {
  const plan = planExperiment(experiment);
  const reps: RepetitionRecord[] = [];
  for (const step of plan.steps) {
    if (step.kind !== 'measure') continue;
    const unit = plan.units[step.unit];
    const run = timing(unit.config);
    const factor = 1 + jitter * ((step.round % 3) - 1);
    const phasesMs = Object.fromEntries(PHASES.map((p) => [p, (run.phasesMs?.[p] ?? 0) * factor])) as Record<Phase, number>;
    if (run.phasesMs?.compute === undefined) phasesMs.compute = run.wallMs * factor;
    const sample: Sample = {
      wallMs: run.wallMs * factor,
      phasesMs,
      spans: run.spans ?? [],
      recordsPerWorker: [],
      batchesPerWorker: [],
      digest: { records: unit.config.records, checksum: '0'.repeat(16), tableHash: '0'.repeat(16) },
      correct: true,
      startedAtMs: 0,
    };
    reps.push({ pointIndex: 0, repetition: step.round, role: unit.role, config: unit.config, sample });
  }
  return analyseExperiment(plan, reps, 0.005);
}

export const TWO_CORES = { hardwareConcurrency: 2, crossOriginIsolated: true, timerResolutionMs: 0.005 };

/** Sequential time of a config in a simple cost model: per-record work plus a fixed start-up. */
export function seqMs(c: RunConfig, perRecordMs = 0.0005): number {
  return 2 + c.records * perRecordMs * (1 + c.workRounds / 20);
}
