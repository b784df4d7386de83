import { describe, expect, it } from 'vitest';
import { devtoolsMeasures, MAX_DEVTOOLS_SPANS } from '../../../src/core/io/devtools-tracks';
import type { RepetitionRecord } from '../../../src/core/model/types';
import { BASE_CONFIG, makeSample } from '../../helpers/run-records';

const T0 = 1_700_000_000_000;
const rep: RepetitionRecord = {
  pointIndex: 1,
  repetition: 2,
  role: 'measured',
  config: { ...BASE_CONFIG, workers: 2 },
  sample: {
    ...makeSample(0, 2),
    startedAtMs: T0,
    phasesMs: { spawn: 1.5, init: 0, generate: 2, split: 0, shipIn: 0.5, compute: 6, shipOut: 0, merge: 1, teardown: 0 },
    spans: [
      { worker: -1, kind: 'generate', startMs: T0 + 1.5, endMs: T0 + 3.5, records: 10_000 },
      { worker: 1, kind: 'compute', startMs: T0 + 4, endMs: T0 + 10, records: 5000 },
    ],
  },
};

describe('devtoolsMeasures', () => {
  const entries = devtoolsMeasures(rep);

  it('lays the phases end to end on the Phases track, then one track per thread', () => {
    expect(entries.map((e) => [e.name, e.startMs - T0, e.endMs - T0, e.detail.devtools.track, e.detail.devtools.color])).toEqual([
      ['Spawn', 0, 1.5, 'Phases', 'tertiary-dark'],
      ['Generate', 1.5, 3.5, 'Phases', 'secondary'],
      ['Ship in', 3.5, 4, 'Phases', 'primary-light'],
      ['Compute', 4, 10, 'Phases', 'primary'],
      ['Merge', 10, 11, 'Phases', 'secondary-dark'],
      ['Generate', 1.5, 3.5, 'Main thread', 'secondary'],
      ['Compute', 4, 10, 'Worker 2', 'primary'],
    ]);
  });

  it('puts every entry in the Parallel Playground group with a tooltip naming the point and configuration', () => {
    expect(entries[0].detail.devtools).toEqual({
      dataType: 'track-entry',
      track: 'Phases',
      trackGroup: 'Parallel Playground',
      color: 'tertiary-dark',
      tooltipText: 'Spawn · point 2, repetition 3: pool ×2 · group fixed · 10,000 records · transfer · static',
    });
  });

  it('colours a wrong answer’s spans as errors and keeps at most MAX_DEVTOOLS_SPANS of them', () => {
    const many = Array.from({ length: MAX_DEVTOOLS_SPANS + 5 }, (_, k) => ({ worker: 0, kind: 'compute' as const, startMs: T0 + k, endMs: T0 + k + 1 }));
    const wrong = devtoolsMeasures({ ...rep, sample: { ...rep.sample, correct: false, spans: many } });
    const spans = wrong.filter((e) => e.detail.devtools.track !== 'Phases');
    expect(spans).toHaveLength(MAX_DEVTOOLS_SPANS);
    expect(new Set(spans.map((e) => e.detail.devtools.color))).toEqual(new Set(['error']));
  });
});
