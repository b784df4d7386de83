import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { userEvent } from 'vitest/browser';
import { Chart as ChartJs } from 'chart.js';
import App from '../../src/ui/App.svelte';
import type { SweepRunner } from '../../src/state/run.svelte';
import { presentation } from '../../src/state/presentation.svelte';
import { render } from './helpers';
import { sampleResults } from './sample-results';
import '../../src/ui/global.css';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  presentation.set(false);
  history.replaceState(null, '', location.pathname + location.search);
});

describe('App', () => {
  it('starts with the five charts in their empty state before anything runs', () => {
    const r = render(App, {});
    cleanup = r.destroy;
    expect(r.target.querySelectorAll('[data-testid^="chart-"]')).toHaveLength(5);
    expect(r.target.textContent).toContain('Run an experiment to see results.');
  });

  it('runs through a connected runner and shows cards and all five charts', async () => {
    const runner: SweepRunner = async (_e, hooks) => {
      hooks.onProgress({ done: 1, total: 2, etaMs: null, label: '' });
      hooks.onUpdate({ view: sampleResults() });
      hooks.onProgress({ done: 2, total: 2, etaMs: null, label: '' });
      return { status: 'complete' };
    };
    const r = render(App, { runner });
    cleanup = r.destroy;
    await userEvent.click(r.target.querySelector<HTMLButtonElement>('[data-testid="run"]')!);
    await expect.poll(() => r.target.querySelectorAll('canvas').length).toBe(5);
    for (const canvas of r.target.querySelectorAll('canvas')) {
      await expect.poll(() => ChartJs.getChart(canvas)).toBeDefined();
    }
    expect(r.target.querySelector('[data-testid="result-cards"]')!.textContent).toContain('1.42×');
  });

  it('shows only the chosen chart and the key numbers in presentation mode', async () => {
    const r = render(App, { runner: async (_e, h) => (h.onUpdate({ view: sampleResults() }), { status: 'complete' }) });
    cleanup = r.destroy;
    await userEvent.click(r.target.querySelector<HTMLButtonElement>('[data-testid="run"]')!);
    presentation.set(true);
    flushSync();
    expect(document.documentElement.dataset.presentation).toBe('on');
    expect(r.target.querySelector('form')).toBeNull();
    expect(r.target.querySelectorAll('[data-testid^="chart-"]')).toHaveLength(1);
    expect(r.target.querySelector('[data-testid="chart-speedup"]')).not.toBeNull();
    expect(r.target.querySelector('[data-testid="result-cards"]')).not.toBeNull();
    expect(r.target.querySelector('[data-testid="present-run"]')).not.toBeNull();
  });

  it('opens Your data from the results mode buttons, in place of the charts, and back', async () => {
    const r = render(App, {});
    cleanup = r.destroy;
    await userEvent.click(r.target.querySelector<HTMLButtonElement>('[data-testid="mode-data"]')!);
    // The panel's code loads on first use.
    await expect.poll(() => r.target.querySelector('[data-testid="data-panel"]')).not.toBeNull();
    expect(r.target.querySelectorAll('[data-testid^="chart-"]')).toHaveLength(0);
    expect(r.target.querySelector('[data-testid="mode-data"]')!.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(r.target.querySelector<HTMLButtonElement>('[data-testid="mode-experiment"]')!);
    expect(r.target.querySelector('[data-testid="data-panel"]')).toBeNull();
    expect(r.target.querySelectorAll('[data-testid^="chart-"]')).toHaveLength(5);
  });
});
