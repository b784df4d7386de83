/** What the run history offers and returns: its interface, its entries, and its failures as values. */

import type { RunRecord } from '../core/io/run-record';
import type { RepetitionRecord, RunStatus } from '../core/model/types';
import type { StorageBackend } from './backend';

/** What list() shows for a run, without loading its samples. */
export interface HistoryEntry {
  id: string;
  createdAt: string;
  label: string;
  /** As presented: a run left 'running' by a page that died is 'partial'. */
  status: RunStatus;
  /** One line: strategy, job, records, sweep, sample count. */
  summary: string;
  lessonId?: string;
  pinned: boolean;
  /** Repetitions stored so far. */
  repetitions: number;
}

/** A stored run that could not be read, and why. */
export interface SkippedRecord {
  id: string;
  reason: string;
}

export type StorageErrorCode =
  | 'not-found'
  | 'invalid-record'
  | 'duplicate-id'
  | 'not-running'
  | 'too-large'
  | 'quota-exceeded'
  | 'io-error';

export interface StorageFailure {
  ok: false;
  code: StorageErrorCode;
  message: string;
  /** Per-field problems, for 'invalid-record'. */
  issues?: string[];
}

export type StorageResult<T> = { ok: true; value: T } | StorageFailure;

/** Statuses a run can finish with. */
export type FinalStatus = Exclude<RunStatus, 'running'>;

export interface History {
  /** False when runs live only in memory and vanish with the tab. */
  readonly persistent: boolean;
  /** Why storage is not persistent (for a banner); undefined when it is. */
  readonly fallbackReason: string | undefined;
  /** Every run, newest first; unreadable entries are left out and listed in `skipped`. */
  list(): Promise<StorageResult<{ entries: HistoryEntry[]; skipped: SkippedRecord[] }>>;
  /** The full record with every repetition. */
  get(id: string): Promise<StorageResult<RunRecord>>;
  /** Stores a new run (usually status 'running' with no repetitions yet). */
  create(record: RunRecord): Promise<StorageResult<HistoryEntry>>;
  /** Saves one finished repetition of a running run at once. */
  appendRepetition(id: string, repetition: RepetitionRecord): Promise<StorageResult<{ repetitions: number }>>;
  /** Ends a running run. */
  finish(id: string, status: FinalStatus, error?: string): Promise<StorageResult<HistoryEntry>>;
  rename(id: string, label: string): Promise<StorageResult<HistoryEntry>>;
  /** Makes this run the one pinned baseline (unpinning any other). */
  pin(id: string): Promise<StorageResult<HistoryEntry>>;
  /** Unpins whichever run is pinned. */
  unpin(): Promise<StorageResult<void>>;
  remove(id: string): Promise<StorageResult<void>>;
  /** Deletes every run. */
  clear(): Promise<StorageResult<void>>;
  /** Stores validated records all-or-nothing; ids already stored (or repeated) are skipped and reported. */
  importRecords(records: readonly RunRecord[]): Promise<StorageResult<{ imported: string[]; duplicates: string[] }>>;
  /** Every readable run in full, newest first; unreadable ones in `skipped`. */
  exportAll(): Promise<StorageResult<{ records: RunRecord[]; skipped: SkippedRecord[] }>>;
  /** Releases this tab's claim on its running runs and the database connection. */
  close(): void;
}

export interface OpenHistoryOptions {
  /** A backend to use instead of IndexedDB (tests inject failing ones); a factory may throw. */
  backend?: StorageBackend | (() => Promise<StorageBackend>);
  dbName?: string;
  storeName?: string;
  /** How long opening IndexedDB may take before falling back to memory; default 5000 ms. */
  openTimeoutMs?: number;
  /** Use Web Locks to see runs being recorded in other tabs; default true. */
  webLocks?: boolean;
}
