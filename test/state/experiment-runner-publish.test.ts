import type { LiveEnvironment } from '../../src/core/model/environment';
import { describe, expect, it } from 'vitest';
import { planExperiment } from '../../src/core/experiment/plan';
import type { ExperimentConfig, RepetitionRecord } from '../../src/core/model/types';
import type { runSweep } from '../../src/engine/sweep';
import { runAndRecord } from '../../src/state/experiment-runner';
import { memoryBackend, openHistory } from '../../src/storage';
import { DEFAULT_RUN_CONFIG } from '../../src/core/model/config';
import { fakeSample } from '../helpers/samples';

const env: LiveEnvironment = {
  userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true, timerResolutionMs: 0.005, appVersion: '0.0.0',
  sharedArrayBuffer: true, atomicsWaitAsync: true, moduleWorkers: true,
};
const experiment: ExperimentConfig = {
  base: { ...DEFAULT_RUN_CONFIG, records: 1000, batchSize: 100 },
  sweep: [{ param: 'workers', values: [1, 2] }],
  warmups: 0,
  repetitions: 20,
};

/** A sweep that hands out every repetition at once, as a very fast real sweep would. */
const instantSweep = (async (exp, hooks) => {
  const plan = planExperiment(exp);
  const reps: RepetitionRecord[] = [];
  for (const step of plan.steps) {
    const unit = plan.units[step.unit];
    const rep: RepetitionRecord = {
      pointIndex: 0, repetition: step.round, role: unit.role, config: unit.config,
      sample: fakeSample({ wallMs: 10 + step.round, phasesMs: { compute: 0 }, records: 1000, recordsPerWorker: [1000], batchesPerWorker: [1] }),
    };
    reps.push(rep);
    await hooks?.onRepetition?.(rep, plan);
  }
  return { status: 'complete' as const, plan, repetitions: reps };
}) as typeof runSweep;

describe('runAndRecord', () => {
  it('stores every repetition but redraws at most every 250 ms, and always once at the end', async () => {
    const history = await openHistory({ backend: memoryBackend() });
    let updates = 0;
    let lastCount = 0;
    const result = await runAndRecord(experiment, env, history, {
      sweep: instantSweep,
      onUpdate: (u) => {
        updates++;
        lastCount = u.record.repetitions.length;
      },
    });
    expect(result.status).toBe('complete');
    expect(result.record.repetitions).toHaveLength(60);
    expect(updates).toBeLessThan(60);
    expect(lastCount).toBe(60);
    const stored = await history.get(result.record.id);
    expect(stored.ok && stored.value.repetitions).toHaveLength(60);
    expect(stored.ok && stored.value.status).toBe('complete');
  });

  it('measures on only after the UI has drawn what was published', async () => {
    const events: string[] = [];
    const sweep = (async (exp, hooks) => {
      const result = await instantSweep(exp, {
        ...hooks,
        onRepetition: async (rep, plan) => {
          events.push(`rep ${rep.role} ${rep.repetition}`);
          await hooks?.onRepetition?.(rep, plan);
        },
      });
      return result;
    }) as typeof runSweep;
    await runAndRecord({ ...experiment, repetitions: 1 }, env, undefined, {
      sweep,
      onUpdate: async () => {
        events.push('drawing');
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('drawn');
      },
    });
    // The first repetition publishes (nothing published yet); the next starts after 'drawn'.
    expect(events.slice(0, 4)).toEqual([events[0], 'drawing', 'drawn', events[3]]);
    expect(events[3]).toMatch(/^rep /);
    expect(events[events.length - 1]).toBe('drawn');
  });
});
