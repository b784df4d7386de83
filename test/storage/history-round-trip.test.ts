import { afterEach, describe, expect, it } from 'vitest';
import { openHistory, type History } from '../../src/storage';
import { makeRecord } from '../helpers/run-records';
import { deleteDatabase, uniqueDbName } from '../helpers/storage';

const dbName = uniqueDbName();
const opened: History[] = [];
async function open(): Promise<History> {
  const h = await openHistory({ dbName });
  opened.push(h);
  return h;
}

afterEach(async () => {
  for (const h of opened.splice(0)) h.close();
  await deleteDatabase(dbName);
});

describe('History in IndexedDB', () => {
  it('reads back a saved run identically, also through a freshly opened history', async () => {
    const record = makeRecord({ id: 'saved', label: 'before 🚀 / after', points: 3, repetitions: 4, overrides: { lessonId: 'overhead' } });
    const history = await open();
    expect(history.persistent).toBe(true);
    expect(history.fallbackReason).toBeUndefined();

    const created = await history.create(record);
    expect(created).toMatchObject({ ok: true, value: { id: 'saved', status: 'complete', repetitions: 24, pinned: false, lessonId: 'overhead' } });
    expect(await history.get('saved')).toEqual({ ok: true, value: record });

    const reopened = await open();
    expect(reopened.persistent).toBe(true);
    expect(await reopened.get('saved')).toEqual({ ok: true, value: record });
    const list = await reopened.list();
    expect(list.ok && list.value.skipped).toEqual([]);
    expect(list.ok && list.value.entries).toEqual([
      {
        id: 'saved',
        createdAt: record.createdAt,
        label: record.label,
        status: 'complete',
        summary: 'pool ×4 · group fixed · 10,000 records · workers: 1, 2, 4 · 24 samples',
        lessonId: 'overhead',
        pinned: false,
        repetitions: 24,
      },
    ]);
  });

  it('refuses an invalid record or a second run with the same id, storing nothing', async () => {
    const history = await open();
    const bad = makeRecord({ id: 'bad' });
    bad.repetitions[5].sample.wallMs = Number.NaN;
    const refused = await history.create(bad);
    expect(refused).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(!refused.ok && refused.message).toContain('repetitions[5].sample.wallMs');
    expect(await history.get('bad')).toMatchObject({ ok: false, code: 'not-found' });

    expect((await history.create(makeRecord({ id: 'one' }))).ok).toBe(true);
    expect(await history.create(makeRecord({ id: 'one', label: 'again' }))).toMatchObject({ ok: false, code: 'duplicate-id' });
    const again = await history.get('one');
    expect(again.ok && again.value.label).toBe('workers sweep');
  });
});
