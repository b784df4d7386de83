import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Chart as ChartJs } from 'chart.js';
import Chart from '../../src/ui/charts/Chart.svelte';
import { buildPhases, type PhaseModel } from '../../src/core/view/chart-data';
import { phasesConfig } from '../../src/ui/charts/configs';
import { ThemeState } from '../../src/state/theme.svelte';
import { theme } from '../../src/state/theme.svelte';
import { PHASES, type Phase } from '../../src/core/model/types';
import { render } from './helpers';
import { uiWorkSettled } from '../../src/state/ui-work';
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

/** Mounts a phases chart of one configuration and waits for chart.js to draw it. */
async function mountPhases() {
  const props = reactiveProps({
    model: buildPhases([{ label: 'a', phasesMs: phases({ compute: 5 }) }]) as PhaseModel,
    build: phasesConfig,
    label: 'phases',
  });
  const r = render(Chart<PhaseModel>, props);
  cleanup = r.destroy;
  const canvas = r.target.querySelector('canvas')!;
  await expect.poll(() => ChartJs.getChart(canvas)).toBeDefined();
  return { props, canvas, chart: ChartJs.getChart(canvas)! };
}

describe('Chart.svelte updates', () => {
  it('updates the same chart when the model changes and recolours it when the theme changes', async () => {
    theme.set('light');
    const { props, canvas, chart } = await mountPhases();
    expect(chart.data.labels).toEqual(['a']);
    const lightBlue = chart.data.datasets[0]!.backgroundColor;
    expect(lightBlue).toBe('#0072b2');

    props.model = buildPhases([
      { label: 'a', phasesMs: phases({ compute: 5 }) },
      { label: 'b', phasesMs: phases({ compute: 2, spawn: 4 }) },
    ]);
    flushSync();
    // Redraws run in a task of their own (state/ui-work.ts), not inside the change.
    expect(chart.data.labels).toEqual(['a']);
    await expect.poll(() => chart.data.labels).toEqual(['a', 'b']);
    expect(ChartJs.getChart(canvas)).toBe(chart);
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['Spawn', 'Compute']);

    theme.set('dark');
    flushSync();
    await expect.poll(() => chart.data.datasets[1]!.backgroundColor).toBe('#3d9be0');
    expect(ChartJs.getChart(canvas)).toBe(chart);
    expect(new ThemeState(document.createElement('html')).mode).toBe('dark');
  });

  it('draws only the latest of several changes that arrive before its turn, once', async () => {
    const { props, chart } = await mountPhases();
    let updates = 0;
    const update = chart.update.bind(chart);
    chart.update = (mode) => {
      updates++;
      update(mode);
    };
    for (const label of ['b', 'c', 'd']) {
      props.model = buildPhases([{ label, phasesMs: phases({ compute: 1 }) }]);
      flushSync();
    }
    await expect.poll(() => chart.data.labels).toEqual(['d']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(updates).toBe(1);
  });

  it('uiWorkSettled resolves once every queued chart has drawn the latest change', async () => {
    const { props, chart } = await mountPhases();
    props.model = buildPhases([{ label: 'settled', phasesMs: phases({ compute: 3 }) }]);
    await uiWorkSettled(); // no flushSync: it lets the effects queue their redraws first
    expect(chart.data.labels).toEqual(['settled']);
    await uiWorkSettled(); // nothing waiting: resolves at once
  });
});
