import { afterAll, describe, expect, it } from 'vitest';
import { openHistory, type History } from '../../src/storage';
import { makeRecord } from '../helpers/run-records';
import { deleteDatabase, uniqueDbName } from '../helpers/storage';

const dbName = uniqueDbName();
let history: History | undefined;

afterAll(async () => {
  history?.close();
  await deleteDatabase(dbName);
});

describe('a history of 1,000 runs', () => {
  it('lists every run, newest first, from the index alone', async () => {
    history = await openHistory({ dbName });
    const records = Array.from({ length: 1000 }, (_, i) =>
      makeRecord({
        id: `run-${String(i).padStart(4, '0')}`,
        label: `run ${i}`,
        createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        points: 2,
        repetitions: 5,
      }),
    );
    let t = performance.now();
    const imported = await history.importRecords(records);
    const importMs = performance.now() - t;
    expect(imported.ok && imported.value.imported).toHaveLength(1000);

    const listMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      const list = await history.list();
      listMs.push(performance.now() - t);
      if (!list.ok) throw new Error(list.message);
      expect(list.value.skipped).toEqual([]);
      expect(list.value.entries).toHaveLength(1000);
      expect(list.value.entries[0].id).toBe('run-0999');
      expect(list.value.entries[999].id).toBe('run-0000');
    }
    t = performance.now();
    const one = await history.get('run-0500');
    const getMs = performance.now() - t;
    expect(one.ok && one.value).toEqual(records[500]);

    const sorted = [...listMs].sort((a, b) => a - b);
    // Reported, not asserted: timing belongs in benchmarks, and this machine is shared.
    console.log(
      `[measure] 1,000 runs × 20 repetitions: importRecords ${importMs.toFixed(0)} ms; ` +
        `list() median ${sorted[2].toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted[4].toFixed(1)}); ` +
        `get(one run) ${getMs.toFixed(1)} ms`,
    );
  });
});
