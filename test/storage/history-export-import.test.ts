import { afterEach, describe, expect, it } from 'vitest';
import { exportJson, parseImport } from '../../src/core/io/json-io';
import { openHistory, type History } from '../../src/storage';
import { makeRecord, makeRepetition, makeRunningRecord } from '../helpers/run-records';
import { deleteDatabase, uniqueDbName } from '../helpers/storage';

const dbName = uniqueDbName();
let history: History;

afterEach(async () => {
  history.close();
  await deleteDatabase(dbName);
});

async function exportAll(h: History) {
  const all = await h.exportAll();
  if (!all.ok) throw new Error(all.message);
  expect(all.value.skipped).toEqual([]);
  return all.value.records;
}

describe('export JSON → clear → import', () => {
  it('gives back identical records', async () => {
    history = await openHistory({ dbName });
    await history.create(makeRecord({ id: 'a', createdAt: '2025-01-01T00:00:00.000Z', label: 'old "baseline", pinned', overrides: { pinned: true } }));
    await history.create(makeRecord({ id: 'b', createdAt: '2025-02-01T00:00:00.000Z', points: 4, overrides: { lessonId: 'usl' } }));
    await history.create(makeRunningRecord('c'));
    await history.appendRepetition('c', makeRepetition(3));
    await history.finish('c', 'cancelled');

    const before = await exportAll(history);
    expect(before.map((r) => r.id)).toEqual(['b', 'c', 'a']); // newest first
    const text = exportJson(before);

    expect(await history.clear()).toEqual({ ok: true, value: undefined });
    const empty = await history.list();
    expect(empty.ok && empty.value.entries).toEqual([]);

    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await history.importRecords(parsed.records)).toEqual({ ok: true, value: { imported: ['b', 'c', 'a'], duplicates: [] } });
    expect(await exportAll(history)).toEqual(before);

    // Importing the same file again changes nothing and says why.
    expect(await history.importRecords(parsed.records)).toEqual({ ok: true, value: { imported: [], duplicates: ['b', 'c', 'a'] } });
    expect(await exportAll(history)).toEqual(before);
  });

  it('keeps at most one pinned run when an import brings another pin', async () => {
    history = await openHistory({ dbName });
    await history.create(makeRecord({ id: 'mine', overrides: { pinned: true } }));
    await history.importRecords([makeRecord({ id: 'theirs', overrides: { pinned: true } })]);
    const list = await history.list();
    expect(list.ok && list.value.entries.filter((e) => e.pinned).map((e) => e.id)).toEqual(['mine']);
  });
});
