import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { MAX_IMPORT_CHARS } from '../../src/core/io/json-io';
import { SAMPLE_COLUMNS } from '../../src/core/io/csv';
import { makeRecord } from '../helpers/run-records';
import {
  captureDownloads,
  chooseFile,
  fabricate,
  mountHistory,
  notice,
  rowLabels,
  rowOf,
  waitForCount,
  type MountedHistory,
} from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await mounted?.destroy();
  mounted = undefined;
});

async function storedEntries(m: MountedHistory) {
  const list = await m.history.list();
  if (!list.ok) throw new Error(list.message);
  return list.value.entries;
}

const fileInput = (root: ParentNode) => root.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;

describe('HistoryView: export and import', () => {
  it('exports everything as JSON, and clear → import gives back the identical list', async () => {
    const records = fabricate(3);
    records[1] = { ...records[1], pinned: true, lessonId: 'amdahl-wall', status: 'cancelled' };
    mounted = await mountHistory({ records });
    const { target } = mounted;
    await waitForCount(target, 3);
    const before = await storedEntries(mounted);
    const downloads = captureDownloads();

    // The pinned run is preselected; export everything regardless.
    await userEvent.click(target.querySelector<HTMLInputElement>('input[type="radio"][value="all"]')!);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="export-json"]')!);
    await expect.poll(() => downloads.files.length).toBe(1);
    expect(downloads.files[0].filename).toMatch(/^parallel-playground-all-runs-.*\.json$/);
    const json = await downloads.text(0);
    expect(JSON.parse(json).runs).toHaveLength(3);
    expect(notice(target)).toContain('Exported 3 runs as JSON');

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="clear-all"]')!);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="confirm-ok"]')!);
    await waitForCount(target, 0);

    chooseFile(fileInput(target), new File([json], 'backup.json', { type: 'application/json' }));
    await waitForCount(target, 3);
    expect(notice(target)).toContain('Imported 3 runs from “backup.json”');
    expect(await storedEntries(mounted)).toEqual(before);
    expect(rowLabels(target)).toEqual(['run 2', 'run 1', 'run 0']);
    expect(rowOf(target, 'run-0001').querySelector('[data-testid="pinned"]')).not.toBeNull();
    for (const r of records) {
      const got = await mounted.history.get(r.id);
      expect(got.ok && got.value).toEqual(r);
    }

    // The same file again: everything is a duplicate, nothing changes.
    chooseFile(fileInput(target), new File([json], 'backup.json', { type: 'application/json' }));
    await expect.poll(() => notice(target)).toContain('Imported 0 runs from “backup.json”; 3 runs already stored were skipped as duplicates.');
    expect(await storedEntries(mounted)).toEqual(before);
  });

  it('refuses a corrupt or invalid file with a message naming the problem, and changes nothing', async () => {
    mounted = await mountHistory({ records: fabricate(2) });
    const { target } = mounted;
    await waitForCount(target, 2);
    const before = await storedEntries(mounted);

    const valid = JSON.stringify({ format: 'parallel-playground-runs', schemaVersion: 1, exportedAt: '2025-01-01T00:00:00.000Z', runs: [makeRecord({ id: 'new-one' })] });
    chooseFile(fileInput(target), new File([valid.slice(0, valid.length / 2)], 'cut.json'));
    await expect.poll(() => notice(target)).toContain('“cut.json” was not imported: The file is not valid JSON');
    expect(notice(target)).toContain('looks truncated');
    expect(notice(target)).toContain('Nothing was changed.');
    expect(await storedEntries(mounted)).toEqual(before);

    const bad = structuredClone(makeRecord({ id: 'bad-one' })) as unknown as { experiment: { base: Record<string, unknown> } };
    bad.experiment.base.workers = 'four';
    const invalid = JSON.stringify({ format: 'parallel-playground-runs', schemaVersion: 1, exportedAt: '2025-01-01T00:00:00.000Z', runs: [makeRecord({ id: 'ok-one' }), bad] });
    chooseFile(fileInput(target), new File([invalid], 'invalid.json'));
    await expect.poll(() => notice(target)).toContain('“invalid.json” was not imported: runs[1].experiment.base.workers: expected number, got string');
    expect(await storedEntries(mounted)).toEqual(before); // the valid run in the same file was not stored either

    chooseFile(fileInput(target), new File([new Uint8Array(MAX_IMPORT_CHARS + 1)], 'huge.json'));
    await expect.poll(() => notice(target)).toContain('“huge.json” was not imported: it is 50.0 MiB; imports are limited to 50.0 MiB');
    expect(await storedEntries(mounted)).toEqual(before);
  });

  it('exports the selection as samples.csv and summary.csv, and one opened run in each format', async () => {
    mounted = await mountHistory({ records: fabricate(3) });
    const { target } = mounted;
    await waitForCount(target, 3);
    const downloads = captureDownloads();

    await userEvent.click(rowOf(target, 'run-0002').querySelector('input[type="checkbox"]')!);
    await userEvent.click(rowOf(target, 'run-0000').querySelector('input[type="checkbox"]')!);
    expect(target.querySelector<HTMLInputElement>('input[type="radio"][value="selected"]')!.checked).toBe(true);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="export-samples"]')!);
    await expect.poll(() => downloads.files.length).toBe(1);
    expect(downloads.files[0].filename).toMatch(/^parallel-playground-2-runs-samples-.*\.csv$/);
    const samples = (await downloads.text(0)).split('\r\n').filter(Boolean);
    expect(samples[0]).toBe(SAMPLE_COLUMNS.join(','));
    expect(samples).toHaveLength(1 + 2 * 12);
    expect(new Set(samples.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['run-0002', 'run-0000']));

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="export-summary"]')!);
    await expect.poll(() => downloads.files.length).toBe(2);
    expect((await downloads.text(1)).split('\r\n').filter(Boolean)).toHaveLength(1 + 2 * 2); // 2 points per run

    await userEvent.click(rowOf(target, 'run-0001').querySelector<HTMLButtonElement>('.open')!);
    const detail = () => target.querySelector<HTMLElement>('[data-testid="run-detail"]');
    await expect.poll(() => detail()).not.toBeNull();
    for (const kind of ['samples', 'summary', 'json']) {
      await userEvent.click(detail()!.querySelector<HTMLButtonElement>(`[data-testid="run-export-${kind}"]`)!);
    }
    await expect.poll(() => downloads.files.length).toBe(5);
    expect(downloads.files.slice(2).map((f) => f.filename.replace(/-\d{4}-\d\d-\d\dT[\d-]+Z/, ''))).toEqual([
      'parallel-playground-run-run-0001-samples.csv',
      'parallel-playground-run-run-0001-summary.csv',
      'parallel-playground-run-run-0001.json',
    ]);
    const one = JSON.parse(await downloads.text(4));
    expect(one.runs.map((r: { id: string }) => r.id)).toEqual(['run-0001']);
  });
});
