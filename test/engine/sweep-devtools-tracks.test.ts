import { afterEach, describe, expect, it } from 'vitest';
import { DEVTOOLS_TRACK_GROUP } from '../../src/core/io/devtools-tracks';
import type { ExperimentConfig, RunConfig } from '../../src/core/model/types';
import { DEVTOOLS_TRACKS_KEY } from '../../src/engine/devtools-tracks';
import type { EngineSample } from '../../src/engine/run';
import { runSweep } from '../../src/engine/sweep';
import { fakeSample } from '../helpers/samples';
import { config } from './fixtures';

const experiment: ExperimentConfig = {
  base: config({ records: 1000 }),
  sweep: [{ param: 'workers', values: [1, 2] }],
  warmups: 1,
  repetitions: 2,
};

/** A runOnce that returns a fixed two-span sample without running anything. */
async function fakeRun(c: RunConfig): Promise<EngineSample> {
  const start = performance.timeOrigin + performance.now();
  const sample = fakeSample({
    wallMs: 2,
    phasesMs: { generate: 0.5, compute: 1, merge: 0.5 },
    spans: [
      { worker: -1, kind: 'generate', startMs: start, endMs: start + 0.5 },
      { worker: 0, kind: 'compute', startMs: start + 0.5, endMs: start + 1.5, records: c.records },
    ],
    records: c.records,
    recordsPerWorker: [c.records],
    batchesPerWorker: [1],
    startedAtMs: start,
  });
  return { ...sample, reference: sample.digest };
}

const ours = () =>
  performance
    .getEntriesByType('measure')
    .filter((e) => (e as PerformanceMeasure).detail?.devtools?.trackGroup === DEVTOOLS_TRACK_GROUP) as PerformanceMeasure[];

afterEach(() => {
  performance.clearMeasures();
  localStorage.removeItem(DEVTOOLS_TRACKS_KEY);
});

describe('runSweep and the DevTools tracks', () => {
  it('makes no measure entries by default', async () => {
    const result = await runSweep(experiment, { runOnce: fakeRun });
    expect(result.status).toBe('complete');
    expect(ours()).toHaveLength(0);
  });

  it('puts every measured repetition (not the warm-ups) on the tracks when asked', async () => {
    const result = await runSweep(experiment, { runOnce: fakeRun, devtoolsTracks: true });
    // 2 points + 1 shared baseline, 2 repetitions each; 3 phases + 2 spans per repetition.
    expect(result.repetitions).toHaveLength(6);
    const entries = ours();
    expect(entries).toHaveLength(6 * 5);
    expect(new Set(entries.map((e) => e.detail.devtools.track))).toEqual(new Set(['Phases', 'Main thread', 'Worker 1']));
    const first = result.repetitions[0].sample;
    const compute = entries.find((e) => e.name === 'Compute' && e.detail.devtools.track === 'Worker 1')!;
    expect(compute.startTime).toBeCloseTo(first.spans[1].startMs - performance.timeOrigin, 6);
    expect(compute.duration).toBeCloseTo(1, 6);
  });

  it('reads the page setting once per run: localStorage "on" turns the tracks on', async () => {
    localStorage.setItem(DEVTOOLS_TRACKS_KEY, 'on');
    await runSweep(experiment, { runOnce: fakeRun });
    expect(ours()).toHaveLength(30);
  });
});
