import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Chart as ChartJs } from 'chart.js';
import type { RunRecord } from '../../src/core/io/run-record';
import { runWithWalls } from '../core/experiment/compare-fixtures';
import { mountHistory, rowOf, waitForCount, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  await mounted?.destroy();
  mounted = undefined;
});

function onMachineWith(r: RunRecord, cores: number): RunRecord {
  return { ...r, environment: { ...r.environment, hardwareConcurrency: cores } };
}

describe('HistoryView: comparing two runs', () => {
  it('compares the pinned baseline (preselected) with a ticked run: ratios, highlighted differences, overlay charts', async () => {
    // The same configurations; the pinned baseline is the NEWER run: the pin, not age, makes it the before.
    const base = runWithWalls({ 1: [12, 12, 12], 2: [10, 10, 10] }, { id: 'base', label: 'baseline run', createdAt: '2025-01-01T10:00:00.000Z', overrides: { pinned: true } });
    const other = runWithWalls({ 1: [6, 6, 6], 2: [20, 20, 20] }, { id: 'newer', label: 'other run', createdAt: '2025-01-01T09:00:00.000Z' });
    const unrelated = runWithWalls({ 1: [5, 5, 5] }, { id: 'third', label: 'third run', createdAt: '2025-01-01T08:00:00.000Z' });
    mounted = await mountHistory({ records: [base, other, unrelated] });
    const { target } = mounted;
    await waitForCount(target, 3);

    const checkbox = (id: string) => rowOf(target, id).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const compare = target.querySelector<HTMLButtonElement>('[data-testid="compare-selected"]')!;
    expect(checkbox('base').checked).toBe(true); // the baseline is preselected
    expect(compare.disabled).toBe(true);
    expect(target.querySelector('[data-testid="compare-hint"]')!.textContent).toContain('the pinned baseline is the before');

    await userEvent.click(checkbox('newer'));
    expect(target.querySelector('[data-testid="compare-hint"]')!.textContent).toBe('Before: “baseline run”, after: “other run”.');
    await userEvent.click(compare);

    const view = () => target.querySelector<HTMLElement>('[data-testid="compare-view"]');
    await expect.poll(() => view()).not.toBeNull();
    expect(view()!.querySelector('[data-testid="compare-before"]')!.textContent).toContain('baseline run');
    expect(view()!.querySelector('[data-testid="compare-after"]')!.textContent).toContain('other run');
    const table = [...view()!.querySelectorAll('[data-testid="compare-row"]')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(table.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['workers 1', '0.500', 'after is 2.00× faster (95 % CI 2.00–2.00×)'],
      ['workers 2', '2.000', 'after is 2.00× slower (95 % CI 2.00–2.00×)'],
    ]);
    expect(table[0][1]).toContain('12.0 ms');
    expect(view()!.querySelector('[data-testid="compare-summary"]')!.textContent).toContain('2 matching configurations: after faster at 1, slower at 1');
    expect(document.activeElement?.id).toBe('compare-title');

    // Their settings are identical.
    expect(view()!.querySelector('[data-testid="compare-differences"]')).toBeNull();
    expect(view()!.textContent).toContain('Settings (identical)');
    expect(view()!.querySelectorAll('tr.changed')).toHaveLength(0);

    // Overlay charts: both runs' speedup lines on one chart, medians side by side.
    const speedupCanvas = () => view()!.querySelector('[data-testid="chart-compare-speedup"] canvas') as HTMLCanvasElement | null;
    await expect.poll(() => speedupCanvas() && ChartJs.getChart(speedupCanvas()!)).toBeTruthy();
    const chart = ChartJs.getChart(speedupCanvas()!)!;
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['Before (95% CI)', 'After (95% CI)', 'Ideal (S = N)']);
    const mediansCanvas = view()!.querySelector('[data-testid="chart-compare-medians"] canvas') as HTMLCanvasElement;
    await expect.poll(() => ChartJs.getChart(mediansCanvas)).toBeTruthy();
    expect(ChartJs.getChart(mediansCanvas)!.data.datasets.map((d) => d.data)).toEqual([[12, 10], [6, 20]]);

    await userEvent.click(view()!.querySelector<HTMLButtonElement>('[data-testid="compare-swap"]')!);
    await expect.poll(() => view()!.querySelector('[data-testid="compare-before"]')!.textContent).toContain('other run');
    expect(view()!.querySelector('[data-testid="compare-row"]')!.textContent).toContain('after is 2.00× slower');
  });

  it('highlights exactly the settings that differ and lists configurations only one run has', async () => {
    const before = runWithWalls({ 1: [10, 10, 10], 2: [8, 8, 8] }, { id: 'b', label: 'two-core run', createdAt: '2025-01-01T08:00:00.000Z' });
    const after = onMachineWith(
      runWithWalls({ 1: [9, 9, 9], 2: [7, 7, 7], 4: [5, 5, 5] }, { id: 'a', label: 'eight-core run', createdAt: '2025-01-01T09:00:00.000Z' }),
      8,
    );
    mounted = await mountHistory({ records: [before, after] });
    const { target } = mounted;
    await waitForCount(target, 2);
    for (const id of ['a', 'b']) await userEvent.click(rowOf(target, id).querySelector('input[type="checkbox"]')!);
    // No pin: the older run is the before.
    expect(target.querySelector('[data-testid="compare-hint"]')!.textContent).toBe('Before: “two-core run”, after: “eight-core run”.');
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="compare-selected"]')!);
    const view = () => target.querySelector<HTMLElement>('[data-testid="compare-view"]');
    await expect.poll(() => view()).not.toBeNull();

    // The differences on their own, highlighted…
    const differences = [...view()!.querySelectorAll<HTMLElement>('[data-testid="compare-differences"] tbody tr')];
    expect(differences.map((tr) => [...tr.children].map((c) => c.textContent!.trim()))).toEqual([
      ['Sweep of workers', '1, 2', '1, 2, 4'],
      ['Cores reported', '2', '8'],
    ]);
    expect(differences.every((tr) => tr.classList.contains('changed') && tr.querySelectorAll('mark').length === 2)).toBe(true);
    // …and every setting side by side, the same two marked.
    const all = view()!.querySelector('[data-testid="compare-diff"]')!;
    expect(all.querySelectorAll('tr[data-testid="diff-row"]').length).toBeGreaterThan(20);
    const changed = [...all.querySelectorAll<HTMLElement>('tr[data-changed="true"]')].map((tr) => tr.dataset.path);
    expect(changed).toEqual(['sweep.workers', 'environment.hardwareConcurrency']);
    const row = all.querySelector<HTMLElement>('tr[data-path="sweep.workers"]')!;
    expect(row.classList.contains('changed')).toBe(true);
    expect([...row.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['1, 2', '1, 2, 4']);
    expect(row.lastElementChild!.textContent).toBe('changed');
    expect(view()!.querySelector('[data-testid="compare-unmatched"]')!.textContent).toContain('workers 4: only in the after run (3 samples)');
    expect(view()!.querySelectorAll('[data-testid="compare-row"]')).toHaveLength(2);
  });
});
