/** Moving a live slider mid-measurement aborts it: its workers are gone and its point is never drawn. */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { disposeWarmPools, liveWorkerCount } from '../../src/engine';
import { recordsSlider, releaseAt, renderLive, settled, stepOf, liveTeardown } from './live-helpers';

const keep = liveTeardown();

describe('live mode, a slider moved mid-measurement', () => {
  it('cancels the point in flight, leaves no stray worker and draws only the new point', async () => {
    disposeWarmPools();
    expect(liveWorkerCount()).toBe(0);
    const { live, target, destroy } = await renderLive();
    keep(destroy);
    const slider = recordsSlider(target);
    releaseAt(slider, stepOf(2_000_000));
    expect(live.measuring).toEqual({ records: 2_000_000, workers: 2, kind: 'live' });
    // Mid-measurement: its pool is up (the warm-up of 2 M records is still ahead of any sample).
    await expect.poll(() => liveWorkerCount(), { timeout: 30_000, interval: 5 }).toBeGreaterThan(0);
    slider.focus();
    await userEvent.keyboard('{Home}');
    expect(live.measuring).toEqual({ records: 10, workers: 2, kind: 'live' });
    await settled(live);

    expect(live.error).toBeUndefined();
    expect(live.session!.reps.some((r) => r.config.records === 2_000_000)).toBe(false);
    expect(live.map.points.map((p) => p.records)).toEqual([10]);
    expect(live.map.time.series.flatMap((s) => s.points.map((p) => p.records))).toEqual([10, 10]);
    expect(live.message).toMatch(/^Measured 10 records × 2 workers: \d repetitions?, every digest correct\.$/);
    // The aborted run's workers were terminated; what is left are the idle warm pools of the new point.
    disposeWarmPools();
    expect(liveWorkerCount()).toBe(0);
  });
});
