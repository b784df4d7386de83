import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Chart as ChartJs } from 'chart.js';
import { formatMs } from '../../src/core/view/format';
import { resultsOf } from '../../src/state/history-view.svelte';
import { captureDownloads, fabricate, mountHistory, notice, rowOf, waitForCount, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await mounted?.destroy();
  mounted = undefined;
});

describe('HistoryView: opening a run', () => {
  it('rebuilds its cards and charts from the stored samples, and saves a chart as PNG', async () => {
    const records = fabricate(2, { points: 3, repetitions: 4 });
    mounted = await mountHistory({ records });
    const { target } = mounted;
    await waitForCount(target, 2);

    const openButton = rowOf(target, 'run-0000').querySelector<HTMLButtonElement>('.open')!;
    await userEvent.click(openButton);
    const detail = () => target.querySelector<HTMLElement>('[data-testid="run-detail"]');
    await expect.poll(() => detail()).not.toBeNull();
    expect(document.activeElement?.id).toBe('run-detail-title');
    expect(openButton.getAttribute('aria-current')).toBe('true');

    // The same numbers the playground would have shown for this run.
    const expected = resultsOf(records[0]);
    const cards = detail()!.querySelector('[data-testid="result-cards"]')!;
    expect(cards.textContent).toContain(expected.cards!.label);
    expect(cards.textContent).toContain(formatMs(expected.cards!.medianMs));
    expect(detail()!.querySelectorAll('[data-testid^="chart-"]')).toHaveLength(5);
    const speedupCanvas = () => detail()!.querySelector<HTMLCanvasElement>('[data-testid="chart-speedup"] canvas');
    await expect.poll(() => speedupCanvas() && ChartJs.getChart(speedupCanvas()!)).toBeTruthy();
    const measured = ChartJs.getChart(speedupCanvas()!)!.data.datasets[0].data as { x: number; y: number }[];
    expect(measured).toEqual(expected.speedup!.points.map((p) => ({ x: p.workers, y: p.speedup })));

    const downloads = captureDownloads();
    const png = detail()!.querySelector('[data-testid="chart-speedup"]')!.closest('.with-png')!.querySelector<HTMLButtonElement>('[data-testid="save-png"]')!;
    expect(png.textContent).toContain('save “Speedup vs workers” as an image');
    await userEvent.click(png);
    await expect.poll(() => downloads.files.length).toBe(1);
    expect(downloads.files[0].filename).toBe('parallel-playground-speedup-vs-workers.png');
    const bytes = new Uint8Array(await (await downloads.blob(0)).slice(0, 8).arrayBuffer());
    expect([...bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(notice(target)).toContain('Saved parallel-playground-speedup-vs-workers.png');
  });

  it('offers to compare an opened run with the pinned baseline', async () => {
    const records = fabricate(2);
    records[0] = { ...records[0], pinned: true };
    mounted = await mountHistory({ records });
    const { target } = mounted;
    await waitForCount(target, 2);
    await userEvent.click(rowOf(target, 'run-0001').querySelector<HTMLButtonElement>('.open')!);
    await expect.poll(() => target.querySelector('[data-testid="compare-with-baseline"]')).not.toBeNull();
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="compare-with-baseline"]')!);
    await expect.poll(() => target.querySelector('[data-testid="compare-view"]')).not.toBeNull();
    expect(target.querySelector('[data-testid="compare-before"]')!.textContent).toContain('run 0');
    expect(target.querySelector('[data-testid="compare-after"]')!.textContent).toContain('run 1');
    expect(target.querySelector('[data-testid="run-detail"]')).toBeNull();
  });
});
