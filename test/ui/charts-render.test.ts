import { afterEach, describe, expect, it } from 'vitest';
import { Chart as ChartJs } from 'chart.js';
import { PHASES, type Phase } from '../../src/core/model/types';
import { buildPhases, buildSpeedup, buildTimeVsRecords } from '../../src/core/view/chart-data';
import { buildSpread } from '../../src/core/view/spread-data';
import { buildTimeline } from '../../src/core/view/timeline-data';
import PhaseChart from '../../src/ui/charts/PhaseChart.svelte';
import SpeedupChart from '../../src/ui/charts/SpeedupChart.svelte';
import SpreadChart from '../../src/ui/charts/SpreadChart.svelte';
import TimelineChart from '../../src/ui/charts/TimelineChart.svelte';
import TimeVsRecordsChart from '../../src/ui/charts/TimeVsRecordsChart.svelte';
import ResultCards from '../../src/ui/ResultCards.svelte';
import { render } from './helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const phases = (p: Partial<Record<Phase, number>>) =>
  ({ ...Object.fromEntries(PHASES.map((k) => [k, 0])), ...p }) as Record<Phase, number>;

const cases = [
  {
    name: 'time',
    component: TimeVsRecordsChart,
    model: buildTimeVsRecords(
      [1, 2].flatMap((w) =>
        [100, 10_000, 1_000_000].map((n) => ({ workers: w, records: n, medianMs: 20 * w + n / 10_000 / w, ci95Ms: [18, 30 + n / 5000] })),
      ),
      { records: 200_000, workers: 2 },
    ),
    datasets: 2,
  },
  {
    name: 'speedup',
    component: SpeedupChart,
    model: buildSpeedup({
      points: [1, 2, 4, 8].map((w) => ({ workers: w, speedup: w / (1 + 0.1 * (w - 1)), ci95: [0.9, 1.1] })),
      amdahl: { p: 0.9 },
      usl: { sigma: 0.1, kappa: 0.02, lambda: 100 },
    }),
    datasets: 5,
  },
  {
    name: 'phases',
    component: PhaseChart,
    model: buildPhases([
      { label: '1 worker', phasesMs: phases({ generate: 5, compute: 40 }) },
      { label: '4 workers', phasesMs: phases({ spawn: 20, generate: 5, shipIn: 3, compute: 12, merge: 2 }) },
    ]),
    datasets: 5,
  },
  {
    name: 'timeline',
    component: TimelineChart,
    model: buildTimeline(
      [
        { worker: -1, kind: 'generate', startMs: 0, endMs: 5 },
        { worker: 0, kind: 'compute', startMs: 6, endMs: 20 },
        { worker: 1, kind: 'compute', startMs: 7, endMs: 30 },
        { worker: -1, kind: 'merge', startMs: 30, endMs: 32 },
      ],
      0,
      33,
    ),
    datasets: 3,
  },
  {
    name: 'spread',
    component: SpreadChart,
    model: buildSpread([
      { label: '1 worker', samplesMs: [10, 11, 10.5, 30], outliers: ['none', 'none', 'none', 'severe'] },
      { label: '2 workers', samplesMs: [7, 7.5, 9], outliers: ['none', 'none', 'mild'] },
    ]),
    datasets: 4,
  },
] as const;

describe('the five charts', () => {
  for (const c of cases) {
    it(`${c.name}: shows the empty state without data`, () => {
      const r = render(c.component as never, { model: undefined });
      cleanups.push(r.destroy);
      expect(r.target.querySelector('canvas')).toBeNull();
      expect(r.target.textContent).toContain('Run an experiment to see results.');
    });

    it(`${c.name}: draws its datasets and a data table`, async () => {
      const r = render(c.component as never, { model: c.model });
      cleanups.push(r.destroy);
      const canvas = r.target.querySelector('canvas')!;
      await expect.poll(() => ChartJs.getChart(canvas)).toBeDefined();
      expect(ChartJs.getChart(canvas)!.data.datasets).toHaveLength(c.datasets);
      const table = r.target.querySelector('details table')!;
      expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
      expect(r.target.querySelector('[role="img"]')!.getAttribute('aria-label')!.length).toBeGreaterThan(20);
    });
  }
});

describe('ResultCards', () => {
  it('shows the empty state, then a loud ✗ for a wrong answer', () => {
    const empty = render(ResultCards, { cards: undefined });
    cleanups.push(empty.destroy);
    expect(empty.target.textContent).toContain('Run an experiment to see results.');

    const r = render(ResultCards, {
      cards: {
        label: '4 workers, transfer',
        medianMs: 12.34,
        ci95Ms: [11.9, 13.1],
        throughputRecordsPerSec: 16_200_000,
        speedup: { value: 0.8, ci95: [0.7, 0.9], workers: 4, change: 'slower' },
        overheadShare: 0.43,
        correct: false,
        warnings: ['Runs are shorter than 100× the timer resolution.'],
      },
    });
    cleanups.push(r.destroy);
    const text = r.target.textContent!;
    expect(text).toContain('12.3 ms');
    expect(text).toContain('16.2 M records/s');
    expect(text).toContain('0.80×');
    expect(text).toContain('efficiency 20 %');
    expect(text).toContain('43 %');
    expect(text).toContain('WRONG');
    expect(text).toContain('Runs are shorter than 100× the timer resolution.');
    expect(r.target.querySelector('[aria-live="polite"]')!.textContent).toContain('WRONG ANSWER');
  });
});
