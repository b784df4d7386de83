/** The background explorer fills gaps while the controls rest and stops the moment one is touched. */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { recordsSlider, renderLive, settled, liveTeardown } from './live-helpers';

const keep = liveTeardown();

describe('live mode, explore while idle', () => {
  it('measures the smallest stop, then 1 M, then stops exploring when a slider is touched', async () => {
    const { live, target, destroy } = await renderLive({ idleMs: 0 });
    keep(destroy);
    await userEvent.click(target.querySelector<HTMLInputElement>('[data-testid="live-explore"]')!);
    expect(live.explore).toBe(true);
    // Nothing measured yet: the explorer starts at the smallest stop, then the largest it takes on.
    await expect.poll(() => live.map.points.length, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(2);
    const order = [...new Set(live.session!.reps.filter((r) => r.role === 'measured').map((r) => r.config.records))];
    expect(order.slice(0, 2)).toEqual([10, 1_000_000]);
    const slider = recordsSlider(target);
    slider.focus();
    await userEvent.keyboard('{ArrowRight}'); // 10,000 → 20,000 records: the person's point
    expect(live.measuring).toEqual({ records: 20_000, workers: 2, kind: 'live' });
    await settled(live);
    expect(live.map.points.find((p) => p.records === 20_000)?.correct).toBe(true);
    // The explorer resumes only after the rest; with it off, nothing else is measured.
    live.setExplore(false);
    await settled(live);
    const count = live.map.points.length;
    await new Promise((r) => setTimeout(r, 0));
    expect(live.measuring).toBeNull();
    expect(live.map.points.length).toBe(count);
  });
});
