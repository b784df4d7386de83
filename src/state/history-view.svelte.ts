/**
 * State of the History view: the stored runs (index entries only, so 1,000 runs list fast),
 * the selection, the opened run with its rebuilt results, a comparison of two runs, and
 * every action (rename, pin, delete, clear, export, import) as a method that never throws:
 * failures become a notice the view shows and announces.
 */
import type { SharedResult } from '../core/io/share-link';
import { analyseRecord } from '../core/experiment/analysis';
import type { ResultsView } from '../core/view/chart-data';
import { errorText, plural } from '../core/view/format';
import { compareRuns, comparisonSummary, type RunComparison } from '../core/experiment/compare';
import { fairnessFlags, type FairnessFlag } from '../core/experiment/compare-fairness';
import { buildResultsView } from '../core/view/results-view';
import { LIMITS, type RunRecord } from '../core/io/run-record';
import type { RunStatus } from '../core/model/types';
import type { History, HistoryEntry, SkippedRecord } from '../storage';
import { HistoryFiles } from './history-files';

export type { HistoryEntry };

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

/** What the view tells the person after an action (shown, and announced politely). */
export interface Notice {
  kind: NoticeKind;
  text: string;
  /** Further lines, e.g. the problems found in an import file. */
  details?: string[];
}

/** The three export formats. */
export type ExportKind = 'json' | 'samples' | 'summary';

/** An opened run: the stored record and the results rebuilt from its raw repetitions. */
export interface OpenedRun {
  record: RunRecord;
  view: ResultsView;
}

export interface HistoryViewDeps {
  /** The open history, or undefined while opening / when it could not be opened. */
  history: () => History | undefined;
  /** Id of the run this page is recording right now, if any. */
  runningId: () => string | undefined;
  /** Shows a result shared from another machine (a share file chosen for import); without it such files are refused. */
  openShared?: (shared: SharedResult) => void;
  /** Where files go (tests may capture them); defaults to storage/download. */
  save?: {
    text: (filename: string, text: string, mime: string, options?: { bom?: boolean }) => void;
    blob: (filename: string, blob: Blob) => void;
  };
  now?: () => Date;
  /** Puts text on the clipboard; defaults to navigator.clipboard.writeText. */
  copy?: (text: string) => Promise<void>;
  /** The app's address a share link starts with; defaults to location.href. */
  appUrl?: () => string;
  /** The import size limit in characters (tests lower it); default json-io's MAX_IMPORT_CHARS. */
  maxImportChars?: number;
}

/** Analyses a stored run and maps the analysis onto the results view models. */
export function resultsOf(record: RunRecord): ResultsView {
  return buildResultsView(analyseRecord(record));
}

export class HistoryViewState {
  /** Stored runs, newest first. */
  entries = $state.raw<HistoryEntry[]>([]);
  /** Stored runs that could not be read. */
  skipped = $state.raw<SkippedRecord[]>([]);
  /** True once the first list has arrived. */
  loaded = $state(false);
  loading = $state(false);
  /** Why the list could not be read, when it could not. */
  listError = $state<string | undefined>(undefined);
  /** How long the last list() took, ms. */
  listMs = $state<number | undefined>(undefined);
  /** Ids ticked for compare / export. */
  selected = $state.raw<ReadonlySet<string>>(new Set());
  opened = $state.raw<OpenedRun | null>(null);
  comparison = $state.raw<RunComparison | null>(null);
  /** Differences between the compared runs' machines that make `comparison` unfair. */
  flags = $state.raw<FairnessFlag[]>([]);
  notice = $state.raw<Notice | null>(null);
  /** What is in progress ("Exporting…"), for a busy indicator; undefined when idle. */
  busy = $state<string | undefined>(undefined);

  readonly pinned: HistoryEntry | undefined = $derived(this.entries.find((e) => e.pinned));
  /** The selection in list order (newest first). */
  readonly selectedEntries: HistoryEntry[] = $derived(this.entries.filter((e) => this.selected.has(e.id)));

  readonly #deps: HistoryViewDeps;
  #listSeq = 0;
  #preselected = false;
  /** The records behind `comparison`, so Swap needs no reads. */
  #compared: { before: RunRecord; after: RunRecord } | null = null;

  readonly #files: HistoryFiles;

  constructor(deps: HistoryViewDeps) {
    this.#deps = deps;
    this.#files = new HistoryFiles({
      deps,
      say: (kind, text, details) => this.#say(kind, text, details),
      setBusy: (what) => (this.busy = what),
      selectedIds: () => this.selectedEntries.map((e) => e.id),
      refresh: () => this.refresh(),
    });
  }

  get #history(): History | undefined {
    return this.#deps.history();
  }

  #say(kind: NoticeKind, text: string, details?: string[]): void {
    this.notice = details && details.length > 0 ? { kind, text, details } : { kind, text };
  }

  /**
   * The status to show. list() has already applied presentStatus with the run locks (a run
   * left 'running' by a dead page reads 'partial'); the run this page is recording is running
   * whatever the locks say (Web Locks may be unavailable).
   */
  statusOf(entry: HistoryEntry): RunStatus {
    const here = this.#deps.runningId() === entry.id;
    return here && (entry.status === 'running' || entry.status === 'partial') ? 'running' : entry.status;
  }

  /** Re-reads the list (index entries only). Stale answers of overlapping calls are dropped. */
  async refresh(): Promise<void> {
    const history = this.#history;
    if (!history) return;
    const seq = ++this.#listSeq;
    this.loading = true;
    const t0 = performance.now();
    const result = await history.list();
    if (seq !== this.#listSeq) return;
    this.loading = false;
    this.listMs = performance.now() - t0;
    if (!result.ok) {
      this.listError = result.message;
      return;
    }
    this.listError = undefined;
    this.entries = result.value.entries;
    this.skipped = result.value.skipped;
    this.loaded = true;
    const ids = new Set(this.entries.map((e) => e.id));
    const kept = [...this.selected].filter((id) => ids.has(id));
    if (!this.#preselected) {
      // The pinned baseline starts selected: tick one more run and it is the "before" of a comparison.
      this.#preselected = true;
      const pin = this.entries.find((e) => e.pinned);
      if (pin && !kept.includes(pin.id)) kept.push(pin.id);
    }
    if (kept.length !== this.selected.size || kept.some((id) => !this.selected.has(id))) this.selected = new Set(kept);
  }

  /**
   * After a local change: a list() already in flight may have read the store before the change
   * and would undo it on screen, so its answer is dropped and the list read again.
   */
  #invalidateList(): void {
    if (!this.loading) return;
    this.#listSeq++;
    void this.refresh();
  }

  toggleSelected(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  selectNone(): void {
    this.selected = new Set();
  }

  // -------------------------------------------------------------------------------------
  // One run

  /** Opens a run: reads it whole and rebuilds its cards and charts. */
  async open(id: string): Promise<boolean> {
    const history = this.#history;
    if (!history) return false;
    this.busy = 'Opening the run…';
    try {
      const got = await history.get(id);
      if (!got.ok) {
        this.#say('error', `The run could not be opened: ${got.message}`);
        return false;
      }
      this.opened = { record: got.value, view: resultsOf(got.value) };
      this.comparison = null;
      this.#compared = null;
      const r = got.value;
      this.#say('info', `Opened “${r.label || 'untitled run'}”: ${plural(r.repetitions.length, 'sample')}.`);
      return true;
    } catch (err) {
      this.#say('error', `The run could not be shown: ${errorText(err)}`);
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  close(): void {
    this.opened = null;
    this.comparison = null;
    this.#compared = null;
  }

  /** Why a label cannot be saved, or undefined when it can. */
  labelProblem(label: string): string | undefined {
    return label.length > LIMITS.labelChars
      ? `A label can be at most ${LIMITS.labelChars} characters (this one has ${label.length}).`
      : undefined;
  }

  async rename(id: string, label: string): Promise<boolean> {
    const history = this.#history;
    if (!history) return false;
    const trimmed = label.trim();
    const problem = this.labelProblem(trimmed);
    if (problem) {
      this.#say('error', problem);
      return false;
    }
    const result = await history.rename(id, trimmed);
    if (!result.ok) {
      this.#say('error', `The new label was not saved: ${result.message}`);
      return false;
    }
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, label: result.value.label } : e));
    this.#invalidateList();
    if (this.opened?.record.id === id) this.opened = { ...this.opened, record: { ...this.opened.record, label: result.value.label } };
    this.#say('success', `Renamed to “${result.value.label || 'untitled run'}”.`);
    return true;
  }

  async pin(id: string): Promise<void> {
    const history = this.#history;
    if (!history) return;
    const result = await history.pin(id);
    if (!result.ok) {
      this.#say('error', `The baseline was not pinned: ${result.message}`);
      return;
    }
    this.entries = this.entries.map((e) => (e.pinned !== (e.id === id) ? { ...e, pinned: e.id === id } : e));
    this.#invalidateList();
    this.#say('success', `“${result.value.label || 'untitled run'}” is now the baseline: comparisons start from it.`);
  }

  async unpin(): Promise<void> {
    const history = this.#history;
    if (!history) return;
    const result = await history.unpin();
    if (!result.ok) {
      this.#say('error', `The baseline was not unpinned: ${result.message}`);
      return;
    }
    this.entries = this.entries.map((e) => (e.pinned ? { ...e, pinned: false } : e));
    this.#invalidateList();
    this.#say('success', 'No run is pinned as the baseline now.');
  }

  async remove(id: string): Promise<boolean> {
    const history = this.#history;
    if (!history) return false;
    const entry = this.entries.find((e) => e.id === id);
    const result = await history.remove(id);
    if (!result.ok) {
      this.#say('error', `The run was not deleted: ${result.message}`);
      return false;
    }
    this.entries = this.entries.filter((e) => e.id !== id);
    this.#invalidateList();
    if (this.selected.has(id)) this.toggleSelected(id, false);
    if (this.opened?.record.id === id) this.opened = null;
    if (this.comparison && (this.comparison.before.id === id || this.comparison.after.id === id)) {
      this.comparison = null;
      this.#compared = null;
    }
    this.#say('success', `Deleted “${entry?.label || 'untitled run'}”.`);
    return true;
  }

  async clear(): Promise<boolean> {
    const history = this.#history;
    if (!history) return false;
    const count = this.entries.length;
    const result = await history.clear();
    if (!result.ok) {
      this.#say('error', `The history was not cleared: ${result.message}`);
      return false;
    }
    this.entries = [];
    this.skipped = [];
    this.#invalidateList();
    this.selected = new Set();
    this.close();
    this.#say('success', `Deleted all ${plural(count, 'run')}.`);
    return true;
  }

  // -------------------------------------------------------------------------------------
  // Compare

  /** The two selected runs as [before, after]: the pinned baseline is before, else the older one. */
  comparePair(): [string, string] | undefined {
    const picked = this.selectedEntries;
    if (picked.length !== 2) return undefined;
    const [x, y] = picked; // newest first
    if (x.pinned) return [x.id, y.id];
    if (y.pinned) return [y.id, x.id];
    return [y.id, x.id];
  }

  async compareSelected(): Promise<boolean> {
    const pair = this.comparePair();
    if (!pair) {
      this.#say('error', 'Select exactly two runs to compare.');
      return false;
    }
    return this.compare(pair[0], pair[1]);
  }

  async compare(beforeId: string, afterId: string): Promise<boolean> {
    const history = this.#history;
    if (!history) return false;
    this.busy = 'Comparing…';
    try {
      const [before, after] = await Promise.all([history.get(beforeId), history.get(afterId)]);
      if (!before.ok || !after.ok) {
        this.#say('error', `The runs could not be compared: ${(!before.ok ? before : (after as { message: string })).message}`);
        return false;
      }
      this.#showComparison(before.value, after.value);
      return true;
    } catch (err) {
      this.#say('error', `The runs could not be compared: ${errorText(err)}`);
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  /** Swaps before and after of the comparison on screen. */
  swap(): void {
    if (this.#compared) this.#showComparison(this.#compared.after, this.#compared.before);
  }

  #showComparison(before: RunRecord, after: RunRecord): void {
    this.#compared = { before, after };
    this.comparison = compareRuns(before, after);
    this.flags = fairnessFlags(before, after);
    this.opened = null;
    this.#say('info', `Compared “${before.label || 'untitled run'}” (before) with “${after.label || 'untitled run'}” (after): ${comparisonSummary(this.comparison)}`);
  }

  // -------------------------------------------------------------------------------------
  // Export and import (history-files.ts)

  /** Saves a PNG (the chart panels' export). */
  saveBlob(filename: string, blob: Blob): void {
    this.#files.saveBlob(filename, blob);
  }

  /** Exports one run. */
  exportRun(record: RunRecord, kind: ExportKind): void {
    this.#files.exportRun(record, kind);
  }

  /** Saves one measured repetition per point as a Chrome trace (Perfetto, DevTools). */
  exportTrace(record: RunRecord): void {
    this.#files.exportTrace(record);
  }

  /** Copies a link that carries the run's results (see core/io/share-link). */
  copyShareLink(record: RunRecord): Promise<void> {
    return this.#files.copyShareLink(record);
  }

  /** Saves the shared form of the run as a file (the link's payload as JSON). */
  exportShare(record: RunRecord): void {
    this.#files.exportShare(record);
  }

  /** Exports the selection, or every stored run. */
  exportMany(scope: 'selected' | 'all', kind: ExportKind): Promise<void> {
    return this.#files.exportMany(scope, kind);
  }

  /** Imports an export file; a bad file changes nothing stored (see HistoryFiles.importFile). */
  importFile(file: File): Promise<boolean> {
    return this.#files.importFile(file);
  }
}
