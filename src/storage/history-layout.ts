/**
 * How the run history lays a run out in its store (see history.ts): the keys, the schemas of
 * what is read back, the index entry, the writes that store a whole record, and the failures
 * every method returns as values.
 */

import * as v from 'valibot';
import { LIMITS, RunRecordSchema, RunStatusSchema, summaryLine, type RunRecord } from '../core/io/run-record';
import type { HistoryEntry, StorageErrorCode, StorageFailure } from './history-types';

export const idxKey = (id: string) => `idx/${id}`;
export const runKey = (id: string) => `run/${id}`;
export const repPrefix = (id: string) => `rep/${id}/`;
export const repKey = (id: string, first: number) => `rep/${id}/${String(first).padStart(7, '0')}`;
/** Most repetitions stored under one key when a whole record is written at once. */
export const REP_CHUNK = 1000;

export const EntrySchema = v.strictObject({
  id: RunRecordSchema.entries.id,
  createdAt: RunRecordSchema.entries.createdAt,
  label: RunRecordSchema.entries.label,
  status: RunStatusSchema,
  summary: v.pipe(v.string(), v.maxLength(400)),
  lessonId: RunRecordSchema.entries.lessonId,
  pinned: v.boolean(),
  repetitions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.repetitions)),
});

export type StoredMeta = Omit<RunRecord, 'repetitions'>;
export const MetaSchema = v.omit(RunRecordSchema, ['repetitions']);

export function entryOf(meta: StoredMeta, repetitions: number): HistoryEntry {
  return {
    id: meta.id,
    createdAt: meta.createdAt,
    label: meta.label,
    status: meta.status,
    summary: summaryLine(meta.experiment, repetitions, meta.input),
    ...(meta.lessonId !== undefined ? { lessonId: meta.lessonId } : {}),
    pinned: meta.pinned === true,
    repetitions,
  };
}

export function metaOf(record: RunRecord): StoredMeta {
  const { repetitions: _reps, ...meta } = record;
  void _reps;
  return meta;
}

export function recordWrites(record: RunRecord): [string, unknown][] {
  const puts: [string, unknown][] = [];
  for (let first = 0; first < record.repetitions.length; first += REP_CHUNK) {
    puts.push([repKey(record.id, first), record.repetitions.slice(first, first + REP_CHUNK)]);
  }
  puts.push([runKey(record.id), metaOf(record)]);
  // The index entry goes last: data before the pointer to it.
  puts.push([idxKey(record.id), entryOf(record, record.repetitions.length)]);
  return puts;
}

export function newestFirst(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  const d = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  const code = (err as { code?: unknown } | null)?.code;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

export function fail(code: StorageErrorCode, message: string, issues?: string[]): StorageFailure {
  return issues ? { ok: false, code, message, issues } : { ok: false, code, message };
}

export const notFound = (id: string) => fail('not-found', `No stored run has the id ${JSON.stringify(id)}.`);
