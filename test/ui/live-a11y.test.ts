/** Live mode has no serious or critical axe findings, and its sliders announce their values. */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { byId } from './helpers';
import { recordsSlider, renderLive, settled, liveTeardown } from './live-helpers';

const keep = liveTeardown();

describe('live mode, accessibility', () => {
  it('announces slider values and has no serious or critical axe violations with a measured point', async () => {
    const { live, target, destroy } = await renderLive();
    keep(destroy);
    const workers = byId<HTMLInputElement>(target, 'live-workers');
    expect(recordsSlider(target).getAttribute('aria-valuetext')).toBe('10,000 records');
    workers.focus();
    await userEvent.keyboard('{Home}');
    expect(workers.getAttribute('aria-valuetext')).toBe('1 worker');
    await settled(live);
    expect(live.map.points.map((p) => [p.records, p.workers])).toEqual([[10_000, 1]]);
    // Each keyboard step announces the new value, on the slider and in its visible output.
    const records = recordsSlider(target);
    records.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(records.getAttribute('aria-valuetext')).toBe('20,000 records');
    expect(records.labels?.[0]?.textContent).toContain('20,000 records');
    await userEvent.keyboard('{ArrowRight}');
    expect(records.getAttribute('aria-valuetext')).toBe('50,000 records');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(records.getAttribute('aria-valuetext')).toBe('10,000 records');
    await settled(live);
    const result = await axe.run(target, { resultTypes: ['violations'] });
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
