import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fabricate, mountHistory, rowLabels, rows, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  await mounted?.destroy();
  mounted = undefined;
});

describe('HistoryView with 1,000 stored runs', () => {
  it('lists them quickly, renders only a window of rows, and scrolls and moves by keyboard through all', async () => {
    const records = fabricate(1000, { repetitions: 5 });
    let t0 = 0;
    mounted = await mountHistory({ records, prepare: async () => void (t0 = performance.now()) });
    const { target } = mounted;
    await expect.poll(() => rows(target).length, { interval: 5, timeout: 20_000 }).toBeGreaterThan(0);
    const shownMs = performance.now() - t0;
    expect(target.querySelector('[data-testid="history-count"]')!.textContent).toContain('1,000 stored runs');
    // Reported, not asserted tightly: the machine is shared and timing belongs in benchmarks.
    console.log(`[measure] 1,000 stored runs (IndexedDB): list shown ${shownMs.toFixed(0)} ms after the view got the history; ${rows(target).length} rows in the DOM`);
    expect(shownMs).toBeLessThan(10_000);

    expect(rows(target).length).toBeLessThan(60);
    expect(rowLabels(target)[0]).toBe('run 999');

    // Scrolling renders the rows in view, and still only a window of them.
    const viewport = target.querySelector<HTMLElement>('[data-testid="history-viewport"]')!;
    viewport.scrollTop = viewport.scrollHeight;
    viewport.dispatchEvent(new Event('scroll'));
    await expect.poll(() => rowLabels(target).at(-1)).toBe('run 0');
    expect(rows(target).length).toBeLessThan(60);
    viewport.scrollTop = 0;
    viewport.dispatchEvent(new Event('scroll'));
    await expect.poll(() => rowLabels(target)[0]).toBe('run 999');

    // Keyboard: End, ArrowUp, Home move focus between rows' open buttons, rendering them as needed.
    rows(target)[0].querySelector<HTMLButtonElement>('.open')!.focus();
    await userEvent.keyboard('{End}');
    await expect.poll(() => document.activeElement?.textContent?.trim()).toBe('run 0');
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => document.activeElement?.textContent?.trim()).toBe('run 1');
    expect(document.activeElement?.closest('[data-testid="history-row"]')?.getAttribute('aria-posinset')).toBe('999');
    await userEvent.keyboard('{Home}');
    await expect.poll(() => document.activeElement?.textContent?.trim()).toBe('run 999');
    expect(rows(target).length).toBeLessThan(60);
  });
});
