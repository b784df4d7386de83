/**
 * The History view's files: exporting runs (JSON, the two CSVs, a trace, a share file or
 * link), saving chart images, and importing an export file. Every action resolves; failures
 * become a notice through the view state that owns this (history-view.svelte.ts).
 */
import { errorText, formatBytes, plural } from '../core/view/format';
import { samplesCsv, summaryCsv } from '../core/io/csv';
import { MAX_IMPORT_CHARS, exportJson, parseImport } from '../core/io/json-io';
import type { RunRecord } from '../core/io/run-record';
import { shareFileOf, shareLink, shareOfRun, sharedJson } from '../core/io/share-link';
import { runTrace, traceJson } from '../core/io/trace-events';
import { chartPng, downloadBlob, downloadText, exportFilename, safeFilename, type SkippedRecord } from '../storage';
import type { ExportKind, HistoryViewDeps, NoticeKind } from './history-view.svelte';

/** A chart's canvas as a PNG file named after the chart, on `background` so it is not transparent. */
export async function chartPngFile(
  canvas: HTMLCanvasElement,
  name: string,
  background: string,
): Promise<{ ok: true; filename: string; blob: Blob } | { ok: false; message: string }> {
  const png = await chartPng(canvas, { background });
  if (!png.ok) return { ok: false, message: png.message };
  return { ok: true, filename: safeFilename(`parallel-playground-${name.toLowerCase().replace(/\s+/g, '-')}.png`), blob: png.value };
}

/** What the file actions need from the view state that owns them. */
export interface HistoryFilesHost {
  deps: HistoryViewDeps;
  say: (kind: NoticeKind, text: string, details?: string[]) => void;
  setBusy: (what: string | undefined) => void;
  /** Ids of the selected runs, in list order. */
  selectedIds: () => string[];
  refresh: () => Promise<void>;
}

export class HistoryFiles {
  readonly #host: HistoryFilesHost;

  constructor(host: HistoryFilesHost) {
    this.#host = host;
  }

  #saveText(filename: string, text: string, mime: string, bom: boolean): void {
    (this.#host.deps.save?.text ?? downloadText)(filename, text, mime, { bom });
  }

  /** Saves a PNG (the chart panels' export). */
  saveBlob(filename: string, blob: Blob): void {
    (this.#host.deps.save?.blob ?? downloadBlob)(filename, blob);
  }

  #write(kind: ExportKind, records: RunRecord[], name: string): { chars: number } {
    const now = this.#host.deps.now?.() ?? new Date();
    if (kind === 'json') {
      const text = exportJson(records, now);
      this.#saveText(exportFilename(`${name}`, 'json', now), text, 'application/json', false);
      return { chars: text.length };
    }
    const text = kind === 'samples' ? samplesCsv(records) : summaryCsv(records);
    // The byte-order mark makes Excel read UTF-8; pandas and R skip it.
    this.#saveText(exportFilename(`${name}-${kind}`, 'csv', now), text, 'text/csv', true);
    return { chars: text.length };
  }

  get #maxImportChars(): number {
    return this.#host.deps.maxImportChars ?? MAX_IMPORT_CHARS;
  }

  #sizeWarning(kind: ExportKind, chars: number): string | undefined {
    const limit = this.#maxImportChars;
    return kind === 'json' && chars > limit
      ? `This file is ${formatBytes(chars)}, more than the ${formatBytes(limit)} an import accepts: to import it again later, export fewer runs at a time (a selection).`
      : undefined;
  }

  /** Exports one run. */
  exportRun(record: RunRecord, kind: ExportKind): void {
    try {
      const { chars } = this.#write(kind, [record], `run-${record.id.slice(0, 8)}`);
      const warning = this.#sizeWarning(kind, chars);
      if (warning) this.#host.say('warning', `Exported “${record.label || 'untitled run'}”. ${warning}`);
      else this.#host.say('success', `Exported “${record.label || 'untitled run'}” as ${kind === 'json' ? 'JSON' : `${kind}.csv`}.`);
    } catch (err) {
      this.#host.say('error', `The export failed: ${errorText(err)}`);
    }
  }

  /** Saves one measured repetition per point as a Chrome trace (Perfetto, DevTools). */
  exportTrace(record: RunRecord): void {
    try {
      const trace = runTrace(record);
      if (!trace) {
        this.#host.say('error', 'No trace to save: this run has no measured repetition yet.');
        return;
      }
      const now = this.#host.deps.now?.() ?? new Date();
      this.#saveText(exportFilename(`run-${record.id.slice(0, 8)}-trace`, 'json', now), traceJson(trace), 'application/json', false);
      this.#host.say('success', `Saved the trace of “${record.label || 'untitled run'}”: open it in ui.perfetto.dev or the DevTools Performance panel.`);
    } catch (err) {
      this.#host.say('error', `The trace could not be saved: ${errorText(err)}`);
    }
  }

  /** Copies a link that carries the run's results (see core/io/share-link). */
  async copyShareLink(record: RunRecord): Promise<void> {
    try {
      const link = shareLink(this.#host.deps.appUrl?.() ?? location.href, shareOfRun(record));
      await (this.#host.deps.copy ?? ((text: string) => navigator.clipboard.writeText(text)))(link);
      this.#host.say('success', `Copied a link to “${record.label || 'untitled run'}” (${link.length.toLocaleString('en-US')} characters): whoever opens it sees these results, read-only.`);
    } catch (err) {
      this.#host.say('error', `The share link could not be copied: ${errorText(err)}`);
    }
  }

  /** Saves the shared form of the run as a file (the link's payload as JSON). */
  exportShare(record: RunRecord): void {
    try {
      const now = this.#host.deps.now?.() ?? new Date();
      this.#saveText(exportFilename(`run-${record.id.slice(0, 8)}-share`, 'json', now), sharedJson(shareOfRun(record)), 'application/json', false);
      this.#host.say('success', `Saved the share file of “${record.label || 'untitled run'}”.`);
    } catch (err) {
      this.#host.say('error', `The share file could not be saved: ${errorText(err)}`);
    }
  }

  /** Exports the selection, or every stored run. */
  async exportMany(scope: 'selected' | 'all', kind: ExportKind): Promise<void> {
    const history = this.#host.deps.history();
    if (!history) return;
    this.#host.setBusy('Exporting…');
    try {
      let records: RunRecord[] = [];
      let skipped: SkippedRecord[] = [];
      if (scope === 'all') {
        const all = await history.exportAll();
        if (!all.ok) {
          this.#host.say('error', `Nothing was exported: ${all.message}`);
          return;
        }
        records = all.value.records;
        skipped = all.value.skipped;
      } else {
        const ids = this.#host.selectedIds();
        if (ids.length === 0) {
          this.#host.say('error', 'Nothing was exported: no run is selected.');
          return;
        }
        for (const id of ids) {
          const got = await history.get(id);
          if (got.ok) records.push(got.value);
          else skipped.push({ id, reason: got.message });
        }
      }
      if (records.length === 0) {
        this.#host.say('error', `Nothing was exported: there are no readable runs${skipped.length ? ` (${plural(skipped.length, 'run')} could not be read)` : ''}.`);
        return;
      }
      const { chars } = this.#write(kind, records, scope === 'all' ? 'all-runs' : `${records.length}-runs`);
      const what = `${plural(records.length, 'run')} as ${kind === 'json' ? 'JSON' : `${kind}.csv`}`;
      const notes = [
        skipped.length ? `${plural(skipped.length, 'run')} could not be read and ${skipped.length === 1 ? 'is' : 'are'} not in the file.` : '',
        this.#sizeWarning(kind, chars) ?? '',
      ].filter(Boolean);
      this.#host.say(
        notes.length ? 'warning' : 'success',
        `Exported ${what}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
        skipped.map((s) => `${s.id}: ${s.reason}`),
      );
    } catch (err) {
      this.#host.say('error', `The export failed: ${errorText(err)}`);
    } finally {
      this.#host.setBusy(undefined);
    }
  }

  /**
   * Imports an export file: size checked before reading, then parsed and validated whole
   * (json-io), then stored all-or-nothing. A bad file changes nothing stored. A share file
   * (another machine's result) is not stored: it opens read-only, as its link would.
   */
  async importFile(file: File): Promise<boolean> {
    const history = this.#host.deps.history();
    if (!history) return false;
    const name = `“${file.name}”`;
    const limit = this.#maxImportChars;
    if (file.size > limit) {
      this.#host.say('error', `${name} was not imported: it is ${formatBytes(file.size)}; imports are limited to ${formatBytes(limit)}. Nothing was changed.`);
      return false;
    }
    this.#host.setBusy('Importing…');
    try {
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        this.#host.say('error', `${name} could not be read: ${errorText(err)}. Nothing was changed.`);
        return false;
      }
      if (this.#openedAsShare(name, text)) return false;
      const parsed = parseImport(text, { maxChars: limit });
      if (!parsed.ok) {
        this.#host.say('error', `${name} was not imported: ${parsed.message} Nothing was changed.`, parsed.issues?.length ? parsed.issues : undefined);
        return false;
      }
      const stored = await history.importRecords(parsed.records);
      if (!stored.ok) {
        this.#host.say('error', `${name} was not imported: ${stored.message} Nothing was changed.`, stored.issues);
        return false;
      }
      const { imported, duplicates } = stored.value;
      const within = parsed.duplicatesWithin?.length ?? 0;
      const parts = [`Imported ${plural(imported.length, 'run')} from ${name}`];
      if (duplicates.length) parts.push(`${plural(duplicates.length, 'run')} already stored ${duplicates.length === 1 ? 'was' : 'were'} skipped as duplicates`);
      if (within) parts.push(`${plural(within, 'run')} listed twice in the file ${within === 1 ? 'was' : 'were'} imported once`);
      this.#host.say('success', `${parts.join('; ')}.`);
      await this.#host.refresh();
      return true;
    } finally {
      this.#host.setBusy(undefined);
    }
  }

  /** True when `text` is a share file: then it has been opened (or refused, with the reason), and nothing is stored. */
  #openedAsShare(name: string, text: string): boolean {
    const share = shareFileOf(text);
    if (!share) return false;
    const { deps, say } = this.#host;
    if (!share.ok) {
      say('error', `${name} is a shared result that could not be read: ${share.message} Nothing was changed.`);
    } else if (!deps.openShared) {
      say('error', `${name} is a result shared from another machine, not a history export; open it from the Classroom view. Nothing was changed.`);
    } else {
      say('success', `${name} is a result shared from another machine: it is shown read-only and not stored in this history.`);
      deps.openShared(share.value);
    }
    return true;
  }
}
