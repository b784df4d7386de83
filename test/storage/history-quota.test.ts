import { afterEach, describe, expect, it } from 'vitest';
import { openHistory, openIndexedDbBackend, type History } from '../../src/storage';
import { makeRecord, makeRepetition, makeRunningRecord } from '../helpers/run-records';
import { deleteDatabase, uniqueDbName, withQuota } from '../helpers/storage';

const dbName = uniqueDbName();
let history: History;

afterEach(async () => {
  history.close();
  await deleteDatabase(dbName);
});

describe('a full disk (QuotaExceededError)', () => {
  it('gives a clear error value and leaves earlier runs and repetitions intact', async () => {
    const opened = await openIndexedDbBackend(dbName);
    if (!opened.ok) throw new Error(opened.reason);
    const full = { value: false };
    history = await openHistory({ backend: withQuota(opened.backend, full) });
    expect(history.persistent).toBe(true);

    const earlier = makeRecord({ id: 'earlier', createdAt: '2025-03-01T00:00:00.000Z' });
    await history.create(earlier);
    await history.create(makeRunningRecord('current'));
    await history.appendRepetition('current', makeRepetition(0));
    await history.appendRepetition('current', makeRepetition(1));

    full.value = true;
    const refused = await history.appendRepetition('current', makeRepetition(2));
    expect(refused).toMatchObject({ ok: false, code: 'quota-exceeded' });
    expect(!refused.ok && refused.message).toBe(
      'Storage is full: the browser refused to save a repetition of run current (QuotaExceededError). ' +
        'Runs saved earlier are intact; export and delete old runs to make room.',
    );
    expect(await history.create(makeRecord({ id: 'another' }))).toMatchObject({ ok: false, code: 'quota-exceeded' });
    expect(await history.finish('current', 'complete')).toMatchObject({ ok: false, code: 'quota-exceeded' });

    // Everything saved before is there, and the index matches the data.
    expect(await history.get('earlier')).toEqual({ ok: true, value: earlier });
    const current = await history.get('current');
    expect(current.ok && current.value.repetitions).toEqual([makeRepetition(0), makeRepetition(1)]);
    const list = await history.list();
    expect(list.ok && list.value.entries.map((e) => [e.id, e.repetitions])).toEqual([
      ['earlier', 12],
      ['current', 2],
    ]);
    expect(list.ok && list.value.skipped).toEqual([]);
    expect(await history.get('another')).toMatchObject({ ok: false, code: 'not-found' });

    // Once there is room again, saving carries on where it stopped.
    full.value = false;
    expect(await history.appendRepetition('current', makeRepetition(2))).toEqual({ ok: true, value: { repetitions: 3 } });
    const after = await history.get('current');
    expect(after.ok && after.value.repetitions).toEqual([0, 1, 2].map(makeRepetition));
  });
});
