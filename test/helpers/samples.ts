/**
 * The one fixture for fabricated samples: a Sample from a wall time (and optionally phases,
 * spans, correctness), and the repetitions a run of a whole plan would record, walked in the
 * same order and tagged the same way as the sweep runner tags them. Deterministic: no clock,
 * no randomness.
 */

import { planExperiment, type RunPlan } from '../../src/core/experiment/plan';
import { PHASES, type ExperimentConfig, type Phase, type RepetitionRecord, type RunConfig, type Sample, type Span } from '../../src/core/model/types';

/** What a fabricated run of a configuration looks like. */
export interface FakeRun {
  wallMs: number;
  /** Phases not given are 0; compute defaults to the whole wall time. */
  phasesMs?: Partial<Record<Phase, number>>;
  spans?: Span[];
  correct?: boolean;
  /** Records the digest says it saw; 0 unless given. */
  records?: number;
  /** Per-worker counts; none unless given. */
  recordsPerWorker?: number[];
  batchesPerWorker?: number[];
  /** When the repetition started on the shared clock; 0 unless given. */
  startedAtMs?: number;
}

/** A Sample with the given wall time and phases (the rest 0), an all-zero digest and no spans. */
export function fakeSample(run: FakeRun): Sample {
  const phasesMs = Object.fromEntries(PHASES.map((p) => [p, run.phasesMs?.[p] ?? 0])) as Record<Phase, number>;
  if (run.phasesMs?.compute === undefined) phasesMs.compute = run.wallMs;
  return {
    wallMs: run.wallMs,
    phasesMs,
    spans: run.spans ?? [],
    recordsPerWorker: run.recordsPerWorker ?? [],
    batchesPerWorker: run.batchesPerWorker ?? [],
    digest: { records: run.records ?? 0, checksum: '0'.repeat(16), tableHash: '0'.repeat(16) },
    correct: run.correct ?? true,
    startedAtMs: run.startedAtMs ?? 0,
  };
}

/** Repetitions of one configuration with the given wall times (repetition 0, 1, …). */
export function fakeRepetitions(
  config: RunConfig,
  wallsMs: readonly number[],
  role: RepetitionRecord['role'],
  run: (wallMs: number) => Omit<FakeRun, 'wallMs'> = () => ({}),
): RepetitionRecord[] {
  return wallsMs.map((wallMs, repetition) => ({
    pointIndex: 0,
    repetition,
    role,
    config,
    sample: fakeSample({ records: config.records, ...run(wallMs), wallMs }),
  }));
}

/**
 * Every measured repetition of an experiment, fabricated by `timing` for each configuration
 * and round, in the runner's order and with the runner's point index and role: a record of a
 * run that never ran.
 */
export function fakeRun(
  experiment: ExperimentConfig,
  timing: (config: RunConfig, round: number) => FakeRun,
): { plan: RunPlan; repetitions: RepetitionRecord[] } {
  const plan = planExperiment(experiment);
  const repetitions: RepetitionRecord[] = [];
  for (const step of plan.steps) {
    if (step.kind !== 'measure') continue;
    const unit = plan.units[step.unit];
    const pointIndex = plan.points.findIndex((p) => p.unit === step.unit || p.baselineUnit === step.unit);
    repetitions.push({
      pointIndex: Math.max(0, pointIndex),
      repetition: step.round,
      role: unit.role,
      config: unit.config,
      sample: fakeSample({ records: unit.config.records, ...timing(unit.config, step.round) }),
    });
  }
  return { plan, repetitions };
}

/** Alternating ±`jitter` factor by round (−, 0, +), so intervals have width but stay deterministic. */
export function jitterOf(round: number, jitter = 0.01): number {
  return 1 + jitter * ((round % 3) - 1);
}
