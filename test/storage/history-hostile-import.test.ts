import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_VERSION, exportJson, parseImport } from '../../src/core/io/json-io';
import type { RunRecord } from '../../src/core/io/run-record';
import { openHistory, type History } from '../../src/storage';
import { makeRecord } from '../helpers/run-records';
import { deleteDatabase, uniqueDbName } from '../helpers/storage';

const dbName = uniqueDbName();
let history: History;
let before: RunRecord[];

async function snapshot(): Promise<RunRecord[]> {
  const all = await history.exportAll();
  if (!all.ok) throw new Error(all.message);
  return all.value.records;
}

beforeEach(async () => {
  history = await openHistory({ dbName });
  await history.create(makeRecord({ id: 'kept-1' }));
  await history.create(makeRecord({ id: 'kept-2', overrides: { pinned: true } }));
  before = await snapshot();
});

afterEach(async () => {
  history.close();
  await deleteDatabase(dbName);
});

describe('importing a bad file', () => {
  it('changes nothing stored, whatever is wrong with it', async () => {
    const good = exportJson([makeRecord({ id: 'new-1' }), makeRecord({ id: 'new-2' })]);
    const files = [
      good.slice(0, good.length - 40), // truncated
      good.replace('"environment":{', '"environment":{"__proto__":{"polluted":1},'),
      good.replace(`"schemaVersion":${EXPORT_SCHEMA_VERSION},"exportedAt"`, '"schemaVersion":9,"exportedAt"'),
      good.replace(/"workers":4/, '"workers":"4"'),
      '['.repeat(1_000_000),
    ];
    // Every variant really differs from the good file (a replace that matched nothing would test nothing).
    for (const text of files) expect(text).not.toBe(good);
    for (const text of files) {
      const parsed = parseImport(text);
      expect(parsed.ok).toBe(false);
      // A UI that ignored the failure would have nothing to import.
      if (parsed.ok) await history.importRecords(parsed.records);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a batch with one invalid record as a whole', async () => {
    const broken = makeRecord({ id: 'new-bad' }) as unknown as { repetitions: { sample: { wallMs: unknown } }[] };
    broken.repetitions[0].sample.wallMs = -1;
    const result = await history.importRecords([makeRecord({ id: 'new-ok' }), broken as unknown as RunRecord]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(!result.ok && result.message).toContain('runs[1].repetitions[0].sample.wallMs');
    expect(await snapshot()).toEqual(before);
  });
});
