import { describe, expect, it } from 'vitest';
import { memoryBackend, openHistory } from '../../src/storage';
import { makeRecord } from '../helpers/run-records';

describe('list() with damaged stored data', () => {
  it('skips and reports what it cannot read, never throws, and re-indexes a run that lost its index entry', async () => {
    const backend = memoryBackend();
    const history = await openHistory({ backend });
    await history.create(makeRecord({ id: 'good' }));
    await history.create(makeRecord({ id: 'orphan', createdAt: '2024-12-01T00:00:00.000Z' }));
    await history.create(makeRecord({ id: 'damaged-sample' }));
    // Damage the store the ways a crash, a bug or a hand edit could.
    await backend.write({
      put: [
        ['idx/garbage', { id: 'garbage', label: 42 }],
        ['idx/dangling', { ...(await backend.get('idx/good') as object), id: 'dangling' }],
        ['rep/damaged-sample/0000000', makeRecord().repetitions.map((r, i) => (i === 3 ? { ...r, sample: 'not a sample' } : r))],
      ],
      del: ['idx/orphan'],
    });

    const list = await history.list();
    if (!list.ok) throw new Error(list.message);
    expect(list.value.entries.map((e) => e.id)).toEqual(['damaged-sample', 'good', 'orphan']);
    expect(list.value.skipped).toEqual([
      { id: 'dangling', reason: 'index entry without stored data' },
      { id: 'garbage', reason: expect.stringContaining('index entry unreadable: createdAt: missing') },
    ]);
    expect(await backend.get('idx/orphan')).toMatchObject({ id: 'orphan', repetitions: 12 });

    const damaged = await history.get('damaged-sample');
    expect(damaged).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(!damaged.ok && damaged.message).toContain('repetitions[3].sample: expected Object, got string');

    const all = await history.exportAll();
    expect(all.ok && all.value.records.map((r) => r.id)).toEqual(['good', 'orphan']);
    expect(all.ok && all.value.skipped).toMatchObject([{ id: 'damaged-sample' }]);
  });
});
