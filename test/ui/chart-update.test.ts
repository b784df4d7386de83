import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Chart as ChartJs } from 'chart.js';
import Chart from '../../src/ui/charts/Chart.svelte';
import { buildPhases, type PhaseModel } from '../../src/core/chart-data';
import { phasesConfig } from '../../src/ui/charts/configs';
import { ThemeState } from '../../src/state/theme.svelte';
import { theme } from '../../src/state/theme.svelte';
import { PHASES, type Phase } from '../../src/core/types';
import { render } from './helpers';
import { reactiveProps } from './reactive-props.svelte';
import '../../src/ui/global.css';

const phases = (p: Partial<Record<Phase, number>>) =>
  ({ ...Object.fromEntries(PHASES.map((k) => [k, 0])), ...p }) as Record<Phase, number>;

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  theme.set('system');
  localStorage.clear();
});

describe('Chart.svelte updates', () => {
  it('updates the same chart when the model changes and recolours it when the theme changes', async () => {
    theme.set('light');
    const props = reactiveProps({
      model: buildPhases([{ label: 'a', phasesMs: phases({ compute: 5 }) }]) as PhaseModel,
      build: phasesConfig,
      label: 'phases',
    });
    const r = render(Chart<PhaseModel>, props);
    cleanup = r.destroy;
    const canvas = r.target.querySelector('canvas')!;
    await expect.poll(() => ChartJs.getChart(canvas)).toBeDefined();
    const chart = ChartJs.getChart(canvas)!;
    expect(chart.data.labels).toEqual(['a']);
    const lightBlue = chart.data.datasets[0]!.backgroundColor;
    expect(lightBlue).toBe('#0072b2');

    props.model = buildPhases([
      { label: 'a', phasesMs: phases({ compute: 5 }) },
      { label: 'b', phasesMs: phases({ compute: 2, spawn: 4 }) },
    ]);
    flushSync();
    expect(ChartJs.getChart(canvas)).toBe(chart);
    expect(chart.data.labels).toEqual(['a', 'b']);
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['Spawn', 'Compute']);

    theme.set('dark');
    flushSync();
    expect(ChartJs.getChart(canvas)).toBe(chart);
    expect(chart.data.datasets[1]!.backgroundColor).toBe('#3d9be0');
    expect(new ThemeState(document.createElement('html')).mode).toBe('dark');
  });
});
