/**
 * Mounting the History view for browser tests: a real AppState whose history is replaced by
 * one the test controls (a throwaway IndexedDB database, or a memory backend the test can
 * damage), plus helpers to read the list and capture downloads.
 */
import { flushSync } from 'svelte';
import { expect, vi } from 'vitest';
import type { RunRecord } from '../../src/core/io/run-record';
import { AppState } from '../../src/state/app.svelte';
import type { SweepRunner } from '../../src/state/run.svelte';
import { openHistory, type History, type StorageBackend } from '../../src/storage';
import HistoryView from '../../src/ui/HistoryView.svelte';
import { deleteDatabase, uniqueDbName } from '../helpers/storage';
import { makeRecord } from '../helpers/run-records';
import { render } from './helpers';
import '../../src/ui/global.css';

export interface MountedHistory {
  app: AppState;
  history: History;
  target: HTMLElement;
  destroy(): Promise<void>;
}

export interface MountOptions {
  records?: RunRecord[];
  /** The app's sweep runner; default one that does nothing (never the real engine). */
  runner?: SweepRunner;
  /** Use this backend instead of a throwaway IndexedDB database. */
  backend?: StorageBackend;
  webLocks?: boolean;
  /** Runs after the records are stored, before the view sees the history (e.g. to damage it). */
  prepare?: (history: History) => Promise<void>;
}

/** Mounts HistoryView over a fresh history holding `records` (IndexedDB unless a backend is given). */
export async function mountHistory(options: MountOptions = {}): Promise<MountedHistory> {
  const app = new AppState('', options.runner ?? (async () => ({ status: 'complete' })));
  // The app opens the real default database; let it settle, then swap in the test's own.
  await app.historyReady();
  app.history?.close();
  const dbName = uniqueDbName();
  const history = await openHistory({
    ...(options.backend ? { backend: options.backend } : { dbName }),
    ...(options.webLocks !== undefined ? { webLocks: options.webLocks } : {}),
  });
  if (options.records?.length) {
    const stored = await history.importRecords(options.records);
    if (!stored.ok) throw new Error(stored.message);
  }
  await options.prepare?.(history);
  app.history = history;
  const r = render(HistoryView, { app });
  return {
    app,
    history,
    target: r.target,
    async destroy() {
      r.destroy();
      history.close();
      if (!options.backend) await deleteDatabase(dbName);
    },
  };
}

/** The rendered rows, in list order. */
export function rows(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-testid="history-row"]')].sort(
    (a, b) => Number(a.dataset.rowIndex) - Number(b.dataset.rowIndex),
  );
}

/** The labels shown by the rendered rows, in list order. */
export function rowLabels(root: ParentNode): string[] {
  return rows(root).map((r) => (r.querySelector('.open, input[type="text"]') as HTMLElement | null)?.textContent?.trim() ?? '');
}

export function rowOf(root: ParentNode, id: string): HTMLElement {
  const row = root.querySelector<HTMLElement>(`[data-testid="history-row"][data-run-id="${CSS.escape(id)}"]`);
  if (!row) throw new Error(`no row for run ${id}`);
  return row;
}

/** A button inside `root` whose visible-or-hidden text contains `text`. */
export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

export function notice(root: ParentNode): string {
  return root.querySelector('[data-testid="history-notice"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until the list shows `n` runs (the count line) and settles. */
export async function waitForCount(root: ParentNode, n: number): Promise<void> {
  await expect
    .poll(() => root.querySelector('[data-testid="history-count"]')?.textContent ?? '')
    .toContain(`${n.toLocaleString('en-US')} stored ${n === 1 ? 'run' : 'runs'}`);
  flushSync();
}

/** `count` fabricated runs, one minute apart, run-0000 oldest. */
export function fabricate(count: number, options: { repetitions?: number; points?: number } = {}): RunRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeRecord({
      id: `run-${String(i).padStart(4, '0')}`,
      label: `run ${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      points: options.points ?? 2,
      repetitions: options.repetitions ?? 3,
    }),
  );
}

export interface Captured {
  filename: string;
  href: string;
}

/** Captures downloads (clicks on <a download>) instead of saving them; read a file with `text()`. */
export function captureDownloads(): { files: Captured[]; text(i: number): Promise<string>; blob(i: number): Promise<Blob> } {
  const files: Captured[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.download) files.push({ filename: this.download, href: this.href });
  });
  return {
    files,
    text: async (i) => (await fetch(files[i].href)).text(),
    blob: async (i) => (await fetch(files[i].href)).blob(),
  };
}

/** Chooses `file` in a file input as a person would. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
