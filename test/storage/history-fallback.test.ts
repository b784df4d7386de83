import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryBackend, openHistory, type History } from '../../src/storage';
import { makeRecord, makeRepetition, makeRunningRecord } from '../helpers/run-records';
import { uniqueDbName } from '../helpers/storage';

/** The whole API still works on whatever history it is given. */
async function worksInMemory(history: History): Promise<void> {
  expect(history.persistent).toBe(false);
  expect(history.fallbackReason).toMatch(/kept in memory only/);
  expect((await history.create(makeRecord({ id: 'a' }))).ok).toBe(true);
  expect((await history.create(makeRunningRecord('b'))).ok).toBe(true);
  expect(await history.appendRepetition('b', makeRepetition(0))).toEqual({ ok: true, value: { repetitions: 1 } });
  expect((await history.finish('b', 'complete')).ok).toBe(true);
  expect((await history.pin('a')).ok).toBe(true);
  expect((await history.rename('a', 'renamed')).ok).toBe(true);
  const list = await history.list();
  expect(list.ok && list.value.entries.map((e) => [e.id, e.label, e.pinned])).toEqual([
    ['a', 'renamed', true],
    ['b', 'in progress', false],
  ]);
  const a = await history.get('a');
  expect(a.ok && a.value).toEqual({ ...makeRecord({ id: 'a' }), label: 'renamed', pinned: true });
  expect((await history.remove('a')).ok).toBe(true);
  const all = await history.exportAll();
  expect(all.ok && all.value.records.map((r) => r.id)).toEqual(['b']);
  history.close();
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('openHistory without working IndexedDB', () => {
  it('falls back to memory when the injected backend cannot be opened', async () => {
    const history = await openHistory({
      backend: () => Promise.reject(new DOMException('The user denied permission to access the database.', 'UnknownError')),
    });
    expect(history.fallbackReason).toContain('UnknownError: The user denied permission');
    await worksInMemory(history);
  });

  it('falls back to memory when the injected backend fails its first read', async () => {
    const history = await openHistory({
      backend: {
        persistent: true,
        description: 'broken',
        get: () => Promise.reject(new DOMException('Connection is closing.', 'InvalidStateError')),
        entries: () => Promise.reject(new Error('unreachable')),
        keys: () => Promise.reject(new Error('unreachable')),
        write: () => Promise.reject(new Error('unreachable')),
        close: () => undefined,
      },
    });
    expect(history.fallbackReason).toContain('InvalidStateError');
    await worksInMemory(history);
  });

  it('falls back to memory when storage never answers (blocked)', async () => {
    const never = new Promise<never>(() => undefined);
    const history = await openHistory({
      openTimeoutMs: 50,
      backend: { ...memoryBackend(), persistent: true, get: () => never },
    });
    expect(history.fallbackReason).toContain('Storage did not answer within 50 ms');
    await worksInMemory(history);
  });

  it('falls back to memory when indexedDB.open throws', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const history = await openHistory({ dbName: uniqueDbName() });
    expect(history.fallbackReason).toContain('SecurityError: The operation is insecure.');
    await worksInMemory(history);
  });

  it('falls back to memory when indexedDB does not exist', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const history = await openHistory({ dbName: uniqueDbName() });
    expect(history.fallbackReason).toContain('no IndexedDB');
    await worksInMemory(history);
  });

  it('falls back to memory when the database exists without its store', async () => {
    const dbName = uniqueDbName();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('something-else');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const history = await openHistory({ dbName });
    expect(history.fallbackReason).toContain('NotFoundError');
    await worksInMemory(history);
    // Not deleted: idb-keyval keeps the failed connection open, so deletion would wait for the page to close.
  });
});
