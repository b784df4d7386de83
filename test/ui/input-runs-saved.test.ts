/**
 * Runs over a person's file or kernel are saved to History like any run, on the real engine:
 * a workers sweep of a data file and a kernel run become stored records whose CSV names the
 * input, and a run with nowhere to save says so instead of pretending.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { samplesCsv, summaryCsv } from '../../src/core/io/csv';
import { liveWorkerCount } from '../../src/engine';
import { captureEnvironment } from '../../src/engine/environment';
import { DataFileState } from '../../src/state/data-file.svelte';
import { KernelState } from '../../src/state/kernel.svelte';
import type { RunSaver } from '../../src/state/input-runs';
import { memoryBackend, openHistory, type History } from '../../src/storage';

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

async function saverOf(): Promise<{ saver: RunSaver; history: History }> {
  const history = await openHistory({ backend: memoryBackend(), webLocks: false });
  const env = captureEnvironment();
  return { history, saver: { history: async () => history, environment: () => env } };
}

async function onlyRecord(history: History) {
  const list = await history.list();
  if (!list.ok) throw new Error(list.message);
  expect(list.value.entries).toHaveLength(1);
  const got = await history.get(list.value.entries[0].id);
  if (!got.ok) throw new Error(got.message);
  return { entry: list.value.entries[0], record: got.value };
}

const CSV = 'city,amount\r\n"Zürich, CH",1.5\r\n日本,2\r\nOslo,3\r\n日本,4\r\n';

describe('runs over your data and your code go to History', () => {
  it('a data file’s workers sweep is stored with its input, one point per worker count', async () => {
    const { saver, history } = await saverOf();
    const data = new DataFileState(captureEnvironment(), saver);
    await data.pick(new File([CSV], 'cities.csv'));
    data.repetitions = 2;
    await data.sweepWorkers();
    expect(data.status).toBe('done');
    const { entry, record } = await onlyRecord(history);
    expect(data.saved).toBe(`Saved to History as “${record.label}”.`);
    expect(entry.summary).toContain('your data cities.csv');
    expect(record.input).toEqual({ kind: 'data-file', file: { name: 'cities.csv', bytes: new Blob([CSV]).size, format: 'csv' }, job: 'group', groupBy: 'city', aggregate: ['amount'] });
    expect(record.experiment.sweep).toEqual([{ param: 'workers', values: data.sweepWorkerCounts }]);
    // Every worker count: 2 parallel samples, and 2 sequential ones beside each.
    const counts = data.sweepWorkerCounts.length;
    expect(record.repetitions.filter((r) => r.role === 'measured')).toHaveLength(2 * counts);
    expect(record.repetitions.filter((r) => r.role === 'baseline')).toHaveLength(2 * counts);
    expect(record.repetitions.every((r) => r.sample.correct && r.sample.digest.records === 4)).toBe(true);
    const samples = samplesCsv([record]).split('\r\n')[1];
    expect(samples).toContain('data-file,cities.csv');
    expect(summaryCsv([record]).split('\r\n').filter((l) => l !== '')).toHaveLength(1 + counts);
    history.close();
  });

  it('a kernel run is stored with its code; without a History the view says it was not saved', async () => {
    const { saver, history } = await saverOf();
    const kernel = new KernelState();
    kernel.saver = saver;
    kernel.records = 2000;
    kernel.repetitions = 2;
    await kernel.run();
    expect(kernel.status).toBe('done');
    const { record } = await onlyRecord(history);
    expect(record.input?.kind).toBe('kernel');
    expect(record.input?.kind === 'kernel' && record.input.source).toBe(kernel.source);
    expect(record.repetitions).toHaveLength(4);
    expect(record.experiment.base.records).toBe(2000);
    history.close();

    const unsaved = new KernelState();
    unsaved.saver = { history: async () => undefined, environment: () => captureEnvironment() };
    unsaved.records = 500;
    unsaved.repetitions = 1;
    await unsaved.run();
    expect(unsaved.saved).toBe('Not saved: run history is unavailable in this page.');
  });
});
