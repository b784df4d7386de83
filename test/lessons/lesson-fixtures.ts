import { analyseExperiment, type ExperimentAnalysis } from '../../src/core/experiment/analysis';
import type { ExperimentConfig, Phase, RunConfig } from '../../src/core/model/types';
import { fakeRun, jitterOf, type FakeRun } from '../helpers/samples';

export type { FakeRun };

/**
 * Analyses an experiment whose every repetition is fabricated by `timing` (deterministic,
 * with a small alternating jitter so CIs have width): lets verdict tests put measurements
 * on either side of a lesson's claim without running anything.
 */
export function fabricate(experiment: ExperimentConfig, timing: (c: RunConfig) => FakeRun, jitter = 0.01): ExperimentAnalysis {
  const { plan, repetitions } = fakeRun(experiment, (config, round) => {
    const run = timing(config);
    const factor = jitterOf(round, jitter);
    const phasesMs = Object.fromEntries(
      Object.entries(run.phasesMs ?? {}).map(([p, ms]) => [p, (ms ?? 0) * factor]),
    ) as Partial<Record<Phase, number>>;
    return { wallMs: run.wallMs * factor, phasesMs, spans: run.spans };
  });
  return analyseExperiment(plan, repetitions, 0.005);
}

export const TWO_CORES = { hardwareConcurrency: 2, crossOriginIsolated: true, timerResolutionMs: 0.005 };

/** Sequential time of a config in a simple cost model: per-record work plus a fixed start-up. */
export function seqMs(c: RunConfig, perRecordMs = 0.0005): number {
  return 2 + c.records * perRecordMs * (1 + c.workRounds / 20);
}
