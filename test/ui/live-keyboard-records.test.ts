/** Stepping the live records slider with the keyboard from 10 to 1 M measures every stop, digests correct. */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { LIVE_RECORD_STEPS } from '../../src/core/experiment/live-map';
import { recordsSlider, renderLive, settled, stepOf, liveTeardown } from './live-helpers';

const keep = liveTeardown();

describe('live mode, records slider by keyboard', () => {
  it('measures each stop from 10 to 1,000,000 records with correct digests and announces the value', { timeout: 240_000 }, async () => {
    const { live, target, destroy } = await renderLive();
    keep(destroy);
    const slider = recordsSlider(target);
    slider.focus();
    await userEvent.keyboard('{Home}');
    expect(slider.getAttribute('aria-valuetext')).toBe('10 records');
    await settled(live);
    const stops = LIVE_RECORD_STEPS.slice(0, stepOf(1_000_000) + 1);
    for (let i = 1; i < stops.length; i++) {
      await userEvent.keyboard('{ArrowRight}');
      expect(slider.getAttribute('aria-valuetext')).toBe(`${stops[i].toLocaleString('en-US')} records`);
      await settled(live);
    }
    expect(live.error).toBeUndefined();
    expect(live.map.points.map((p) => p.records)).toEqual(stops);
    expect(live.map.points.every((p) => p.workers === 2 && p.correct && p.n >= 1 && p.baselineN >= 1)).toBe(true);

    const reps = live.session!.reps;
    for (const records of stops) {
      const measured = reps.filter((r) => r.role === 'measured' && r.config.records === records);
      const baseline = reps.filter((r) => r.role === 'baseline' && r.config.records === records);
      expect(measured.length, `${records}`).toBeGreaterThan(0);
      // The two workers' answer equals the single worker's, which the engine also checked against its reference.
      for (const r of [...measured, ...baseline]) {
        expect(r.sample.correct, `${records}`).toBe(true);
        expect(r.sample.digest, `${records}`).toEqual(baseline[0].sample.digest);
        expect(r.sample.digest.records).toBe(records);
      }
    }
    expect(live.map.time.series.map((s) => s.label)).toEqual(['1 worker (sequential baseline)', '2 workers']);
  });
});
