import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Chart as ChartJs } from 'chart.js';
import Chart from '../../src/ui/charts/Chart.svelte';
import { buildSpeedup, type SpeedupModel } from '../../src/core/view/chart-data';
import { speedupConfig } from '../../src/ui/charts/configs';
import { render } from './helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function painted(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext('2d')!;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
  return n;
}

describe('Chart.svelte', () => {
  it('draws a non-empty canvas with an accessible label and destroys the chart on unmount', async () => {
    const model = buildSpeedup({
      points: [
        { workers: 1, speedup: 1, ci95: [0.9, 1.1] },
        { workers: 2, speedup: 1.7, ci95: [1.5, 1.9] },
        { workers: 4, speedup: 1.4, ci95: [1.2, 1.6] },
      ],
      amdahl: { p: 0.8 },
    });
    const r = render(Chart<SpeedupModel>, { model, build: speedupConfig, label: 'Speedup test chart', height: '300px' });
    cleanup = r.destroy;
    const canvas = r.target.querySelector('canvas')!;
    expect(r.target.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('Speedup test chart');
    await expect.poll(() => ChartJs.getChart(canvas)).toBeDefined();
    const chart = ChartJs.getChart(canvas)!;
    chart.stop(); // finish any animation so the pixels are final
    chart.update('none');
    expect(canvas.width).toBeGreaterThan(0);
    expect(canvas.height).toBeGreaterThan(0);
    expect(painted(canvas)).toBeGreaterThan(500);
    expect(chart.data.datasets.map((d) => d.label)).toEqual([
      'Measured (95% CI)',
      'Ideal (S = N)',
      'Amdahl fit, p = 0.800 (ceiling 5.0×)',
    ]);

    r.destroy();
    cleanup = undefined;
    flushSync();
    expect(ChartJs.getChart(canvas)).toBeUndefined();
  });
});
