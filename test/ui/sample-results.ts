import { buildPhases, buildSpeedup, buildTimeVsRecords, type ResultsView } from '../../src/core/view/chart-data';
import { buildSpread } from '../../src/core/view/spread-data';
import { buildTimeline } from '../../src/core/view/timeline-data';
import { PHASES, type Phase, type Span } from '../../src/core/model/types';

const phases = (p: Partial<Record<Phase, number>>) =>
  ({ ...Object.fromEntries(PHASES.map((k) => [k, 0])), ...p }) as Record<Phase, number>;

/** A made-up but plausible results view for layout tests (never shown by the app itself). */
export function sampleResults(): ResultsView {
  const spans: Span[] = [
    { worker: -1, kind: 'generate', startMs: 0, endMs: 8 },
    { worker: 0, kind: 'init', startMs: 2, endMs: 14 },
    { worker: 1, kind: 'init', startMs: 3, endMs: 17 },
    { worker: 0, kind: 'ship-in', startMs: 14, endMs: 15 },
    { worker: 1, kind: 'ship-in', startMs: 17, endMs: 18 },
    { worker: 0, kind: 'compute', startMs: 15, endMs: 40, records: 100_000 },
    { worker: 1, kind: 'compute', startMs: 18, endMs: 52, records: 100_000 },
    { worker: 0, kind: 'ship-out', startMs: 40, endMs: 41 },
    { worker: 1, kind: 'ship-out', startMs: 52, endMs: 53 },
    { worker: -1, kind: 'merge', startMs: 53, endMs: 56 },
  ];
  return {
    cards: {
      label: '2 workers · pool · transfer · 200,000 records',
      medianMs: 56.2,
      ci95Ms: [54.1, 59.8],
      throughputRecordsPerSec: 3_560_000,
      speedup: { value: 1.42, ci95: [1.31, 1.55], workers: 2, change: 'faster' },
      overheadShare: 0.38,
      correct: true,
      warnings: ['Noise is high (CV 14 %): the machine is busy; trust the medians, not single runs.'],
    },
    timeVsRecords: buildTimeVsRecords(
      [1, 2, 4].flatMap((w) =>
        [1_000, 10_000, 100_000, 1_000_000].map((n) => {
          const ms = 18 * Math.sqrt(w) + (n * 0.0004) / Math.min(w, 2);
          return { workers: w, records: n, medianMs: ms, ci95Ms: [ms * 0.93, ms * 1.08] as [number, number] };
        }),
      ),
      { records: 61_000, workers: 2 },
    ),
    speedup: buildSpeedup({
      points: [
        { workers: 1, speedup: 0.97, ci95: [0.93, 1.01] },
        { workers: 2, speedup: 1.42, ci95: [1.31, 1.55] },
        { workers: 4, speedup: 1.28, ci95: [1.15, 1.4] },
        { workers: 8, speedup: 0.91, ci95: [0.8, 1.02] },
      ],
      amdahl: { p: 0.6 },
      usl: { sigma: 0.25, kappa: 0.06, lambda: 2_600_000, baselineThroughput: 2_500_000 },
      maxWorkers: 8,
      cores: 2,
    }),
    phases: buildPhases([
      { label: 'worker-seq', phasesMs: phases({ spawn: 12, generate: 8, compute: 52, teardown: 1 }) },
      { label: '1 worker', phasesMs: phases({ spawn: 13, generate: 8, shipIn: 1, compute: 51, merge: 1, teardown: 1 }) },
      { label: '2 workers', phasesMs: phases({ spawn: 16, generate: 8, shipIn: 2, compute: 27, merge: 3, teardown: 1 }) },
      { label: '4 workers', phasesMs: phases({ spawn: 27, generate: 8, shipIn: 3, compute: 24, merge: 5, teardown: 2 }) },
    ]),
    timeline: buildTimeline(spans, 0, 57),
    spread: buildSpread([
      { label: '1 worker', samplesMs: [80, 82, 79, 85, 81, 120], outliers: ['none', 'none', 'none', 'none', 'none', 'severe'] },
      { label: '2 workers', samplesMs: [56, 54, 60, 57, 55, 66], outliers: ['none', 'none', 'none', 'none', 'none', 'mild'] },
      { label: '4 workers', samplesMs: [62, 65, 61, 70, 63, 64] },
    ]),
  };
}
