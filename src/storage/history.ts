/**
 * The run history: every run with its raw repetitions, kept in IndexedDB (or in memory when
 * IndexedDB is unavailable, with `persistent: false` and a reason the UI shows).
 *
 * Layout, all in one object store of database `parallel-playground`, store `runs`:
 *   idx/<id>         a small HistoryEntry per run — what list() reads, so listing 1,000 runs
 *                    never loads a sample;
 *   run/<id>         the record without its repetitions;
 *   rep/<id>/<n>     a chunk of RepetitionRecords whose first one is repetition n (zero-padded):
 *                    one per appendRepetition while a run is recorded, up to REP_CHUNK in one
 *                    value when a whole record is stored (IndexedDB pays per key: writing 20,000
 *                    repetitions as 20,000 keys took 5.2 s in headless Chromium, as 1,000 keys 0.44 s);
 *   meta/layout      the layout version.
 * Every change is one atomic transaction that writes the data and the index entry together,
 * so the index never points at missing data and a failed write (quota) changes nothing.
 * Each finished repetition is saved at once (appendRepetition), so a reload, crash or
 * cancel mid-sweep keeps everything that finished.
 *
 * Every method resolves; failures are values `{ ok: false, code, message }`.
 */

import * as v from 'valibot';
import { LabelSchema, LIMITS, RunStatusSchema, formatIssues, migrate, presentStatus, summaryLine, validateRecord, validateRepetition, type RunRecord } from '../core/io/run-record';
import type { RepetitionRecord, RunStatus } from '../core/model/types';
import { memoryBackend, openIndexedDbBackend, withTimeout, LAYOUT_KEY, type StorageBackend, type WriteBatch } from './backend';
import { EntrySchema, MetaSchema, entryOf, fail, idxKey, isQuotaError, newestFirst, notFound, recordWrites, repKey, repPrefix, runKey, type StoredMeta } from './history-layout';
import type { FinalStatus, History, HistoryEntry, OpenHistoryOptions, SkippedRecord, StorageResult } from './history-types';
import { RunLocks } from './run-locks';
import { errorText } from '../core/view/format';


class StoredHistory implements History {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly locks: RunLocks;

  constructor(
    private readonly backend: StorageBackend,
    readonly fallbackReason: string | undefined,
    webLocks: boolean,
  ) {
    this.locks = new RunLocks(webLocks);
  }

  get persistent(): boolean {
    return this.backend.persistent;
  }

  /** Runs mutations one at a time, so read-modify-write steps of this tab never interleave. */
  private serial<T>(what: string, fn: () => Promise<StorageResult<T>>): Promise<StorageResult<T>> {
    const run = this.tail.then(() => this.guard(what, fn));
    this.tail = run;
    return run;
  }

  /** The one place thrown errors become values. */
  private async guard<T>(what: string, fn: () => Promise<StorageResult<T>>): Promise<StorageResult<T>> {
    try {
      return await fn();
    } catch (err) {
      if (isQuotaError(err)) {
        return fail(
          'quota-exceeded',
          `Storage is full: the browser refused to ${what} (QuotaExceededError). Runs saved earlier are intact; ` +
            'export and delete old runs to make room.',
        );
      }
      const closed = (err as { name?: unknown } | null)?.name === 'InvalidStateError';
      const hint = closed ? ' The database was closed (by another tab or the browser); reload the page.' : '';
      return fail('io-error', `Could not ${what}: ${errorText(err)} (${this.backend.description}).${hint}`);
    }
  }

  private async readMeta(id: string): Promise<StoredMeta | undefined> {
    const parsed = v.safeParse(MetaSchema, await this.backend.get(runKey(id)));
    return parsed.success ? parsed.output : undefined;
  }

  /**
   * The index entry and record (without repetitions) of a run about to change. A missing or
   * damaged index entry is rebuilt from the record; a record this version cannot read
   * (damaged, or an older layout awaiting migration) is refused rather than overwritten.
   */
  private async loadForUpdate(id: string): Promise<StorageResult<{ entry: HistoryEntry; meta: StoredMeta }>> {
    const [rawEntry, rawMeta] = await Promise.all([this.backend.get(idxKey(id)), this.backend.get(runKey(id))]);
    if (rawMeta === undefined) return notFound(id);
    const meta = v.safeParse(MetaSchema, rawMeta);
    if (!meta.success) {
      const issues = formatIssues(meta.issues);
      return fail('invalid-record', `Stored run ${id} cannot be changed: ${issues[0]}`, issues);
    }
    const entry = v.safeParse(EntrySchema, rawEntry);
    if (entry.success && entry.output.id === id) return { ok: true, value: { entry: entry.output, meta: meta.output } };
    const chunks = await this.backend.entries(repPrefix(id));
    const count = chunks.reduce((n, [, chunk]) => n + (Array.isArray(chunk) ? chunk.length : 1), 0);
    return { ok: true, value: { entry: entryOf(meta.output, count), meta: meta.output } };
  }

  /** Reads, migrates and validates one full record. */
  private async readRecord(id: string): Promise<StorageResult<RunRecord>> {
    const meta = await this.backend.get(runKey(id));
    if (meta === undefined) return notFound(id);
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
      return fail('invalid-record', `Stored run ${id} is not a record.`);
    }
    const reps = (await this.backend.entries(repPrefix(id))).flatMap(([, chunk]) => (Array.isArray(chunk) ? chunk : [chunk]));
    const result = migrate({ ...meta, repetitions: reps });
    if (!result.ok) return fail('invalid-record', `Stored run ${id} cannot be read: ${result.message}`, result.issues);
    return { ok: true, value: result.value };
  }

  private present<T extends { id: string; status: RunStatus }>(item: T, live: Set<string>): T {
    const status = presentStatus(item.status, live.has(item.id));
    return status === item.status ? item : { ...item, status };
  }

  /** Index and record updates that unpin every pinned run except `keep`. */
  private async unpinWrites(keep?: string): Promise<[string, unknown][]> {
    const puts: [string, unknown][] = [];
    for (const [, raw] of await this.backend.entries('idx/')) {
      const parsed = v.safeParse(EntrySchema, raw);
      if (!parsed.success || !parsed.output.pinned || parsed.output.id === keep) continue;
      const meta = await this.readMeta(parsed.output.id);
      if (meta) puts.push([runKey(meta.id), { ...meta, pinned: false }]);
      puts.push([idxKey(parsed.output.id), { ...parsed.output, pinned: false }]);
    }
    return puts;
  }

  list(): Promise<StorageResult<{ entries: HistoryEntry[]; skipped: SkippedRecord[] }>> {
    return this.guard('list the stored runs', async () => {
      const [indexed, runKeys, live] = await Promise.all([
        this.backend.entries('idx/'),
        this.backend.keys('run/'),
        this.locks.live(),
      ]);
      const stored = new Set(runKeys.map((k) => k.slice('run/'.length)));
      const entries: HistoryEntry[] = [];
      const skipped: SkippedRecord[] = [];
      const seen = new Set<string>();
      for (const [key, raw] of indexed) {
        const id = key.slice('idx/'.length);
        seen.add(id);
        const parsed = v.safeParse(EntrySchema, raw);
        if (!parsed.success) {
          skipped.push({ id, reason: `index entry unreadable: ${formatIssues(parsed.issues)[0]}` });
        } else if (parsed.output.id !== id) {
          skipped.push({ id, reason: `index entry names another run (${parsed.output.id})` });
        } else if (!stored.has(id)) {
          skipped.push({ id, reason: 'index entry without stored data' });
        } else {
          entries.push(this.present(parsed.output, live));
        }
      }
      // A run without an index entry (written by hand or by a damaged store): re-index it if it reads.
      for (const id of stored) {
        if (seen.has(id)) continue;
        const record = await this.readRecord(id);
        if (!record.ok) {
          skipped.push({ id, reason: record.message });
          continue;
        }
        const entry = entryOf(record.value, record.value.repetitions.length);
        await this.serial(`re-index run ${id}`, async () => {
          await this.backend.write({ put: [[idxKey(id), entry]] });
          return { ok: true, value: undefined };
        });
        entries.push(this.present(entry, live));
      }
      entries.sort(newestFirst);
      return { ok: true, value: { entries, skipped } };
    });
  }

  get(id: string): Promise<StorageResult<RunRecord>> {
    return this.guard(`read run ${id}`, async () => {
      const [record, live] = await Promise.all([this.readRecord(id), this.locks.live()]);
      return record.ok ? { ok: true, value: this.present(record.value, live) } : record;
    });
  }

  create(record: RunRecord): Promise<StorageResult<HistoryEntry>> {
    return this.serial(`save run ${String(record?.id)}`, async () => {
      const valid = validateRecord(record);
      if (!valid.ok) return fail('invalid-record', `The run cannot be stored: ${valid.message}`, valid.issues);
      const rec = valid.value;
      if ((await this.backend.get(runKey(rec.id))) !== undefined) {
        return fail('duplicate-id', `A run with the id ${rec.id} is already stored.`);
      }
      const batch: WriteBatch = { put: [...(rec.pinned ? await this.unpinWrites(rec.id) : []), ...recordWrites(rec)] };
      await this.backend.write(batch);
      if (rec.status === 'running') this.locks.hold(rec.id);
      return { ok: true, value: entryOf(rec, rec.repetitions.length) };
    });
  }

  appendRepetition(id: string, repetition: RepetitionRecord): Promise<StorageResult<{ repetitions: number }>> {
    return this.serial(`save a repetition of run ${id}`, async () => {
      const valid = validateRepetition(repetition);
      if (!valid.ok) return fail('invalid-record', `The repetition cannot be stored: ${valid.message}`, valid.issues);
      const loaded = await this.loadForUpdate(id);
      if (!loaded.ok) return loaded;
      const { entry, meta } = loaded.value;
      if (entry.status !== 'running') {
        return fail('not-running', `Run ${id} is ${entry.status}; repetitions can only be added while it runs.`);
      }
      if (entry.repetitions >= LIMITS.repetitions) {
        return fail('too-large', `Run ${id} already holds ${LIMITS.repetitions} repetitions, the most one run may store.`);
      }
      const count = entry.repetitions + 1;
      await this.backend.write({
        put: [
          [repKey(id, entry.repetitions), [valid.value]],
          [idxKey(id), { ...entry, repetitions: count, summary: summaryLine(meta.experiment, count, meta.input) }],
        ],
      });
      return { ok: true, value: { repetitions: count } };
    });
  }

  finish(id: string, status: FinalStatus, error?: string): Promise<StorageResult<HistoryEntry>> {
    return this.serial(`save the end of run ${id}`, async () => {
      if (status === ('running' as RunStatus) || !v.is(RunStatusSchema, status)) {
        return fail('invalid-record', `A run cannot finish with status ${JSON.stringify(status)}.`);
      }
      if (error !== undefined && (typeof error !== 'string' || error.length > LIMITS.errorChars)) {
        return fail('invalid-record', `The error message must be text of at most ${LIMITS.errorChars} characters.`);
      }
      const loaded = await this.loadForUpdate(id);
      if (!loaded.ok) return loaded;
      const { entry, meta } = loaded.value;
      if (entry.status !== 'running') return fail('not-running', `Run ${id} has already finished (${entry.status}).`);
      const nextMeta: StoredMeta = { ...meta, status, ...(error !== undefined ? { error } : {}) };
      const nextEntry: HistoryEntry = { ...entry, status };
      await this.backend.write({ put: [[runKey(id), nextMeta], [idxKey(id), nextEntry]] });
      this.locks.release(id);
      return { ok: true, value: nextEntry };
    });
  }

  rename(id: string, label: string): Promise<StorageResult<HistoryEntry>> {
    return this.serial(`save the new label of run ${id}`, async () => {
      const valid = v.safeParse(LabelSchema, label);
      if (!valid.success) {
        return fail('invalid-record', `A label must be text of at most ${LIMITS.labelChars} characters.`);
      }
      const [loaded, live] = await Promise.all([this.loadForUpdate(id), this.locks.live()]);
      if (!loaded.ok) return loaded;
      const { entry, meta } = loaded.value;
      const nextEntry: HistoryEntry = { ...entry, label: valid.output };
      await this.backend.write({ put: [[runKey(id), { ...meta, label: valid.output }], [idxKey(id), nextEntry]] });
      return { ok: true, value: this.present(nextEntry, live) };
    });
  }

  pin(id: string): Promise<StorageResult<HistoryEntry>> {
    return this.serial('save the pinned baseline', async () => {
      const [loaded, live] = await Promise.all([this.loadForUpdate(id), this.locks.live()]);
      if (!loaded.ok) return loaded;
      const { entry, meta } = loaded.value;
      const nextEntry: HistoryEntry = { ...entry, pinned: true };
      await this.backend.write({
        put: [...(await this.unpinWrites(id)), [runKey(id), { ...meta, pinned: true }], [idxKey(id), nextEntry]],
      });
      return { ok: true, value: this.present(nextEntry, live) };
    });
  }

  unpin(): Promise<StorageResult<void>> {
    return this.serial('save the pinned baseline', async () => {
      const puts = await this.unpinWrites();
      if (puts.length > 0) await this.backend.write({ put: puts });
      return { ok: true, value: undefined };
    });
  }

  remove(id: string): Promise<StorageResult<void>> {
    return this.serial(`remove run ${id}`, async () => {
      const [hasRun, hasEntry] = await Promise.all([this.backend.get(runKey(id)), this.backend.get(idxKey(id))]);
      if (hasRun === undefined && hasEntry === undefined) return notFound(id);
      // The index entry goes first: nothing may point at data being deleted.
      await this.backend.write({ del: [idxKey(id), runKey(id)], delPrefix: [repPrefix(id)] });
      this.locks.release(id);
      return { ok: true, value: undefined };
    });
  }

  clear(): Promise<StorageResult<void>> {
    return this.serial('clear the history', async () => {
      await this.backend.write({ delPrefix: ['idx/', 'run/', 'rep/'] });
      this.locks.releaseAll();
      return { ok: true, value: undefined };
    });
  }

  importRecords(records: readonly RunRecord[]): Promise<StorageResult<{ imported: string[]; duplicates: string[] }>> {
    return this.serial('save the imported runs', async () => {
      if (!Array.isArray(records)) return fail('invalid-record', 'Nothing to import: expected a list of runs.');
      const valid: RunRecord[] = [];
      for (let i = 0; i < records.length; i++) {
        const result = validateRecord(records[i], ['runs', i]);
        if (!result.ok) {
          return fail('invalid-record', `Nothing was imported: ${result.message}`, result.issues);
        }
        valid.push(result.value);
      }
      const stored = new Set((await this.backend.keys('run/')).map((k) => k.slice('run/'.length)));
      const pinnedStored = (await this.backend.entries('idx/')).some(([, raw]) => v.is(EntrySchema, raw) && raw.pinned);
      let pinTaken = pinnedStored;
      const duplicates: string[] = [];
      const imported: string[] = [];
      const puts: [string, unknown][] = [];
      for (const record of valid) {
        if (stored.has(record.id)) {
          if (!duplicates.includes(record.id)) duplicates.push(record.id);
          continue;
        }
        stored.add(record.id);
        // At most one pinned baseline: an imported pin only survives when none is stored yet.
        let rec: RunRecord = record.status === 'running' ? { ...record, status: 'partial' } : record;
        if (rec.pinned) {
          if (pinTaken) rec = { ...rec, pinned: false };
          pinTaken = true;
        }
        puts.push(...recordWrites(rec));
        imported.push(rec.id);
      }
      if (puts.length > 0) await this.backend.write({ put: puts });
      return { ok: true, value: { imported, duplicates } };
    });
  }

  exportAll(): Promise<StorageResult<{ records: RunRecord[]; skipped: SkippedRecord[] }>> {
    return this.guard('export the stored runs', async () => {
      const [runKeys, live] = await Promise.all([this.backend.keys('run/'), this.locks.live()]);
      const records: RunRecord[] = [];
      const skipped: SkippedRecord[] = [];
      for (const key of runKeys) {
        const id = key.slice('run/'.length);
        const result = await this.readRecord(id);
        if (result.ok) records.push(this.present(result.value, live));
        else skipped.push({ id, reason: result.message });
      }
      records.sort(newestFirst);
      return { ok: true, value: { records, skipped } };
    });
  }

  close(): void {
    this.locks.releaseAll();
    this.backend.close();
  }
}

/**
 * Opens the run history: IndexedDB when it works, otherwise memory with `persistent: false`
 * and `fallbackReason` saying why (no IndexedDB, open refused or blocked, store unusable).
 */
export async function openHistory(options: OpenHistoryOptions = {}): Promise<History> {
  const webLocks = options.webLocks ?? true;
  const fallback = (reason: string): History =>
    new StoredHistory(
      memoryBackend(),
      `${reason} Runs are kept in memory only and are lost when this tab closes; export them to keep them.`,
      webLocks,
    );

  if (options.backend) {
    let backend: StorageBackend;
    try {
      const timeoutMs = options.openTimeoutMs ?? 5000;
      backend = await withTimeout(
        typeof options.backend === 'function' ? options.backend() : Promise.resolve(options.backend),
        timeoutMs,
        'Storage',
      );
      await withTimeout(backend.get(LAYOUT_KEY), timeoutMs, 'Storage');
    } catch (err) {
      return fallback(`Storage could not be opened: ${errorText(err)}.`);
    }
    return new StoredHistory(backend, undefined, webLocks);
  }

  const opened = await openIndexedDbBackend(options.dbName, options.storeName, options.openTimeoutMs);
  return opened.ok ? new StoredHistory(opened.backend, undefined, webLocks) : fallback(opened.reason);
}
