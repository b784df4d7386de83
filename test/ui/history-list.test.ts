import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentAnalysis } from '../../src/core/experiment/analysis';
import { DEFAULT_EXPERIMENT, cloneExperiment } from '../../src/core/model/config';
import type { RunRecord } from '../../src/core/io/run-record';
import type { SweepRunner } from '../../src/state/run.svelte';
import { memoryBackend, type History } from '../../src/storage';
import { makeRecord } from '../helpers/run-records';
import { mountHistory, rowLabels, rowOf, rows, waitForCount, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  await mounted?.destroy();
  mounted = undefined;
});

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

describe('HistoryView list', () => {
  it('shows the runs newest first with time, status, lesson tag, summary and the pinned marker', async () => {
    const records: RunRecord[] = [
      makeRecord({ id: 'a', label: 'alpha', createdAt: at(1), overrides: { lessonId: 'amdahl-wall', pinned: true } }),
      makeRecord({ id: 'b', label: 'bravo', createdAt: at(2), overrides: { status: 'cancelled' } }),
      makeRecord({ id: 'c', label: 'charlie', createdAt: at(3), overrides: { status: 'failed', error: 'worker crashed' } }),
      makeRecord({ id: 'd', label: 'delta', createdAt: at(4), overrides: { status: 'partial' } }),
    ];
    mounted = await mountHistory({ records });
    const { target } = mounted;
    await waitForCount(target, 4);
    expect(rowLabels(target)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    const status = (id: string) => rowOf(target, id).querySelector('[data-testid="status"]')!.textContent!.trim();
    expect(['a', 'b', 'c', 'd'].map(status)).toEqual(['Complete', 'Cancelled', 'Failed', 'Partial']);

    const alpha = rowOf(target, 'a');
    expect(alpha.querySelector('[data-testid="pinned"]')!.textContent).toContain('Baseline');
    expect(rowOf(target, 'b').querySelector('[data-testid="pinned"]')).toBeNull();
    expect(alpha.textContent).toContain('Lesson: amdahl-wall');
    const time = alpha.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(at(1));
    expect(time.title).toBe(at(1));
    expect(time.textContent).not.toBe(at(1)); // local, human format
    expect(alpha.textContent).toContain('pool ×4 · group fixed · 10,000 records · workers: 1, 2 · 12 samples');
    expect(target.querySelector('[data-testid="history-count"]')!.textContent).toContain('Baseline: “alpha”');
    // Each row is labelled and keyboard reachable.
    expect(alpha.querySelector('input[type="checkbox"]')!.getAttribute('aria-label')).toBe('Select “alpha” for compare or export');
    expect(alpha.getAttribute('aria-posinset')).toBe('4');
    expect(alpha.getAttribute('aria-setsize')).toBe('4');
  });

  it('reports stored runs it cannot read, and lists the rest', async () => {
    const backend = memoryBackend();
    mounted = await mountHistory({
      backend,
      records: [makeRecord({ id: 'fine', label: 'fine run' })],
      prepare: async () =>
        backend.write({
          put: [
            ['idx/garbage', { id: 'garbage', label: 42 }],
            ['idx/dangling', { ...((await backend.get('idx/fine')) as object), id: 'dangling' }],
          ],
        }),
    });
    const { target } = mounted;
    await expect.poll(() => target.querySelector('[data-testid="history-skipped"]')?.textContent ?? '').toContain('2 stored runs could not be read');
    const text = target.querySelector('[data-testid="history-skipped"]')!.textContent!;
    expect(text).toContain('dangling (index entry without stored data)');
    expect(text).toContain('garbage (index entry unreadable');
    expect(rowLabels(target)).toEqual(['fine run']);
  });

  it('shows a run being recorded here as running, and lists it finished without a reload', async () => {
    let store: History | undefined;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const record: RunRecord = { ...makeRecord({ id: 'live', label: 'live run', createdAt: at(30) }), status: 'running', repetitions: [] };
    const runner: SweepRunner = async (_experiment, hooks) => {
      await store!.create(record);
      hooks.onUpdate({ view: {}, analysis: {} as ExperimentAnalysis, record });
      await gate;
      await store!.finish('live', 'complete');
      return { status: 'complete' };
    };
    // Without Web Locks, list() alone would call a stored 'running' run partial: the view knows better.
    mounted = await mountHistory({ runner, webLocks: false, records: [makeRecord({ id: 'old', createdAt: at(0), label: 'old run' })] });
    store = mounted.history;
    const { target, app } = mounted;
    await waitForCount(target, 1);
    const done = app.run.start(cloneExperiment(DEFAULT_EXPERIMENT));
    await waitForCount(target, 2);
    expect(rowLabels(target)).toEqual(['live run', 'old run']);
    const status = () => rowOf(target, 'live').querySelector('[data-testid="status"]')!.textContent!.trim();
    expect(status()).toBe('Running');
    release();
    await done;
    await expect.poll(status).toBe('Complete');
    expect(rows(target)).toHaveLength(2);
  });

  it('explains why when the history could not be opened', async () => {
    mounted = await mountHistory();
    const { app, target } = mounted;
    app.storageBanner = 'Run history is unavailable: IndexedDB is not usable: UnknownError.';
    app.history = undefined;
    await expect.poll(() => target.querySelector('[data-testid="history-unavailable"]')?.textContent ?? '').toContain('IndexedDB is not usable');
    expect(target.querySelector('[data-testid="history-row"]')).toBeNull();
  });
});
