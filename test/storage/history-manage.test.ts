import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory, type History } from '../../src/storage';
import { makeRecord } from '../helpers/run-records';
import { deleteDatabase, uniqueDbName } from '../helpers/storage';

const dbName = uniqueDbName();
let history: History;

beforeEach(async () => {
  history = await openHistory({ dbName });
  for (const [i, id] of ['x', 'y', 'z'].entries()) {
    await history.create(makeRecord({ id, createdAt: `2025-01-0${i + 1}T00:00:00.000Z` }));
  }
});

afterEach(async () => {
  history.close();
  await deleteDatabase(dbName);
});

async function pinned(): Promise<string[]> {
  const list = await history.list();
  return list.ok ? list.value.entries.filter((e) => e.pinned).map((e) => e.id) : [];
}

describe('rename, pin, remove, clear', () => {
  it('keeps at most one pinned baseline', async () => {
    expect(await history.pin('x')).toMatchObject({ ok: true, value: { id: 'x', pinned: true } });
    expect(await pinned()).toEqual(['x']);
    await history.pin('y');
    expect(await pinned()).toEqual(['y']);
    const x = await history.get('x');
    expect(x.ok && x.value.pinned).toBe(false);
    expect(await history.create(makeRecord({ id: 'w', overrides: { pinned: true } }))).toMatchObject({ ok: true });
    expect(await pinned()).toEqual(['w']);
    expect(await history.unpin()).toEqual({ ok: true, value: undefined });
    expect(await pinned()).toEqual([]);
    expect(await history.pin('nope')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('renames in the list and in the record, refusing labels that are too long', async () => {
    expect(await history.rename('z', 'after the fix ✓')).toMatchObject({ ok: true, value: { label: 'after the fix ✓' } });
    const z = await history.get('z');
    expect(z.ok && z.value.label).toBe('after the fix ✓');
    expect(await history.rename('z', 'x'.repeat(201))).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(await history.rename('nope', 'a')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('removes one run with all its repetitions, and clears them all', async () => {
    expect(await history.remove('y')).toEqual({ ok: true, value: undefined });
    expect(await history.get('y')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await history.remove('y')).toMatchObject({ ok: false, code: 'not-found' });
    const list = await history.list();
    expect(list.ok && list.value.entries.map((e) => e.id)).toEqual(['z', 'x']);
    // A new run may reuse the id without inheriting old repetitions.
    await history.create(makeRecord({ id: 'y', points: 1, repetitions: 1 }));
    const y = await history.get('y');
    expect(y.ok && y.value.repetitions).toHaveLength(2);

    await history.clear();
    const empty = await history.list();
    expect(empty).toEqual({ ok: true, value: { entries: [], skipped: [] } });
  });
});
