import { afterEach, describe, expect, it } from 'vitest';
import { openHistory, type History } from '../../src/storage';
import { makeRepetition, makeRunningRecord } from '../helpers/run-records';
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

describe('appendRepetition', () => {
  it('keeps every finished repetition when the page dies before finish(): the run lists as partial', async () => {
    const page = await open();
    expect((await page.create(makeRunningRecord('sweep'))).ok).toBe(true);
    const reps = [0, 1, 2].map(makeRepetition);
    for (const [i, rep] of reps.entries()) {
      expect(await page.appendRepetition('sweep', rep)).toEqual({ ok: true, value: { repetitions: i + 1 } });
    }
    // While this page runs it, it is 'running' — here and in another tab (Web Locks).
    const here = await page.list();
    expect(here.ok && here.value.entries[0].status).toBe('running');
    const otherTab = await open();
    const seen = await otherTab.list();
    expect(seen.ok && seen.value.entries[0].status).toBe('running');

    // "Crash": the page goes away without finish(); its locks go with it.
    page.close();
    const afterReload = await open();
    const list = await afterReload.list();
    expect(list.ok && list.value.entries).toMatchObject([{ id: 'sweep', status: 'partial', repetitions: 3, summary: expect.stringContaining('3 samples') }]);
    const record = await afterReload.get('sweep');
    expect(record.ok && record.value.status).toBe('partial');
    expect(record.ok && record.value.repetitions).toEqual(reps);

    // The stored status stays 'running' so the page that owns it could still finish it.
    expect(await afterReload.finish('sweep', 'partial')).toMatchObject({ ok: true, value: { status: 'partial' } });
  });

  it('saves in order, and refuses repetitions for finished or unknown runs and invalid ones', async () => {
    const history = await open();
    await history.create(makeRunningRecord('r'));
    for (let i = 0; i < 12; i++) await history.appendRepetition('r', makeRepetition(i));
    const bad = makeRepetition(0);
    bad.sample.digest.checksum = 'nope';
    expect(await history.appendRepetition('r', bad)).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(await history.finish('r', 'complete')).toMatchObject({ ok: true, value: { status: 'complete', repetitions: 12 } });
    expect(await history.appendRepetition('r', makeRepetition(0))).toMatchObject({ ok: false, code: 'not-running' });
    expect(await history.finish('r', 'failed')).toMatchObject({ ok: false, code: 'not-running' });
    expect(await history.appendRepetition('missing', makeRepetition(0))).toMatchObject({ ok: false, code: 'not-found' });

    const record = await history.get('r');
    expect(record.ok && record.value.repetitions).toEqual(Array.from({ length: 12 }, (_, i) => makeRepetition(i)));
  });

  it('keeps the failure message of a failed run', async () => {
    const history = await open();
    await history.create(makeRunningRecord('f'));
    await history.appendRepetition('f', makeRepetition(0));
    await history.finish('f', 'failed', 'Worker 3 threw: fault at record 77');
    const record = await history.get('f');
    expect(record.ok && record.value).toMatchObject({ status: 'failed', error: 'Worker 3 threw: fault at record 77' });
  });

  it('saves repetitions fired without awaiting, all of them, in call order', async () => {
    const history = await open();
    await history.create(makeRunningRecord('fast'));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => history.appendRepetition('fast', makeRepetition(i))));
    expect(results.map((r) => r.ok && r.value.repetitions)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const record = await history.get('fast');
    expect(record.ok && record.value.repetitions).toEqual(Array.from({ length: 20 }, (_, i) => makeRepetition(i)));
  });
});
