/** A saved live session is an ordinary run: it round-trips through history and exports as CSV. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { samplesCsv, summaryCsv } from '../../src/core/io/csv';
import { byId } from './helpers';
import { recordsSlider, releaseAt, renderLive, settled, stepOf, liveTeardown } from './live-helpers';

const keep = liveTeardown();

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('live mode, save', () => {
  it('stores the session with every sample and exports the same samples and points as CSV', async () => {
    const { live, history, target, destroy } = await renderLive();
    keep(destroy);
    const records = recordsSlider(target);
    const workers = byId<HTMLInputElement>(target, 'live-workers');
    releaseAt(records, stepOf(1_000));
    await settled(live);
    releaseAt(records, stepOf(50_000));
    await settled(live);
    releaseAt(workers, 1);
    await settled(live);
    expect(live.error).toBeUndefined();
    const session = live.session!;

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="live-save"]')!);
    await expect.poll(() => live.message).toMatch(/^Saved to history as “Live session: 3 points, warm pool, transfer, 0 rounds\/record — /);

    const listed = await history.list();
    expect(listed.ok && listed.value.entries.length).toBe(1);
    const id = listed.ok ? listed.value.entries[0].id : '';
    const got = await history.get(id);
    if (!got.ok) throw new Error(got.message);
    const stored = got.value;
    expect(stored.status).toBe('complete');
    expect(stored.experiment.sweep).toEqual([
      { param: 'records', values: [1_000, 50_000] },
      { param: 'workers', values: [1, 2] },
    ]);
    expect(stored.repetitions).toHaveLength(session.reps.length);
    expect(stored.repetitions.map((r) => r.sample)).toEqual(session.reps.map((r) => r.sample));

    const samples = rowsOf(samplesCsv([stored]));
    expect(samples).toHaveLength(session.reps.length);
    expect(samples.map((r) => [r.role, Number(r.records), Number(r.workers), r.strategy, r.digest_checksum, r.correct])).toEqual(
      session.reps.map((r) => [r.role, r.config.records, r.config.workers, r.config.strategy, r.sample.digest.checksum, 'true']),
    );

    // One summary row per measured point, with the map's repetition counts and medians.
    const summary = rowsOf(summaryCsv([stored]));
    const byPoint = (records: number, w: number) => summary.find((r) => Number(r.records) === records && Number(r.workers) === w);
    expect(summary).toHaveLength(live.map.points.length);
    for (const p of live.map.points) {
      const row = byPoint(p.records, p.workers)!;
      expect(Number(row.n)).toBe(p.n);
      expect(Number(row.median_ms)).toBeCloseTo(p.medianMs, 6);
      expect(Number(row.baseline_n)).toBe(p.baselineN);
    }
  });
});
