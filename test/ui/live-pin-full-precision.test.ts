/** Pinning a live point adds the full-precision measurement: the experiment's repetitions, drawn filled. */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { configKey } from '../../src/core/experiment/plan';
import { FULL, recordsSlider, releaseAt, renderLive, settled, stepOf, liveTeardown } from './live-helpers';

const keep = liveTeardown();

describe('live mode, pin', () => {
  it('gives a pinned point the full repetitions and marks it pinned', async () => {
    const { live, target, destroy } = await renderLive();
    keep(destroy);
    releaseAt(recordsSlider(target), stepOf(20_000));
    await settled(live);
    const before = live.map.points.find((p) => p.records === 20_000)!;
    expect(before.precision).toBe('live');
    expect(live.map.pinnedKeys).toEqual([]);

    const pin = target.querySelector<HTMLButtonElement>('[data-testid="live-pin"]')!;
    expect(pin.textContent).toBe(`Pin this point (${FULL.repetitions} repetitions)`);
    await userEvent.click(pin);
    await settled(live);

    const after = live.map.points.find((p) => p.records === 20_000)!;
    expect(after.n - before.n).toBe(FULL.repetitions);
    expect(after.baselineN - before.baselineN).toBe(FULL.repetitions);
    expect(after.precision).toBe('pinned');
    expect(after.correct).toBe(true);
    expect([...live.session!.pinned]).toEqual([configKey(live.session!.reps.find((r) => r.role === 'measured')!.config)]);
    expect(live.map.pinnedKeys).toEqual(['w2|20000', '1 worker (sequential baseline)|20000']);
    expect(live.map.cards?.label).toBe('20,000 records, 2 workers (pinned: full precision)');
  });
});
