/**
 * JSON export and import of runs (pure: strings in and out, nothing stored here).
 *
 * The export is the full-fidelity backup: every field of every record, so export → import
 * gives back identical records. The import treats the file as hostile until proven
 * otherwise, in this order, each step refusing with a message a person can act on:
 * size (before parsing) → nesting depth (a linear scan, so 10⁶ nested brackets cannot
 * overflow a stack) → JSON syntax (with the position) → forbidden keys (`__proto__`,
 * `constructor`, `prototype`, anywhere) → envelope (format, version) → every run migrated
 * and validated with the path of each problem. Only a file that passes all of it yields
 * records, so a bad file can change nothing stored.
 */

import { lineColumn, locateJsonError, tooDeepAt } from './json-text';
import { SCHEMA_VERSION, formatPath, migrate, type Migrations, type RunRecord } from './run-record';
import { formatBytes, errorText } from '../view/format';

/** The `format` field of an export file. */
export const EXPORT_FORMAT = 'parallel-playground-runs';
/** Version of the export envelope (the runs inside carry their own schemaVersion). */
export const EXPORT_SCHEMA_VERSION = SCHEMA_VERSION;
/** Largest import, in characters (≈ bytes): 50 MiB. Check File.size against it before reading a file. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;
/** Deepest nesting an import may have; a valid file needs about 8. */
export const MAX_IMPORT_DEPTH = 64;
/** Most runs in one import. */
export const MAX_IMPORT_RUNS = 100_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The top level of an export file. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  runs: RunRecord[];
}

/** Serialises runs as an export file (compact JSON). `exportedAt` defaults to now. */
export function exportJson(records: readonly RunRecord[], exportedAt: Date = new Date()): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    runs: [...records],
  };
  return JSON.stringify(file);
}

/** Why an import was refused. */
export type ImportErrorCode =
  | 'too-large'
  | 'too-deep'
  | 'not-json'
  | 'forbidden-key'
  | 'not-an-export'
  | 'unknown-version'
  | 'newer-version'
  | 'invalid-run';

export type ImportResult =
  | {
      ok: true;
      /** Valid, migrated records, each id once (the first occurrence wins). */
      records: RunRecord[];
      /** Ids that appeared more than once in the file, when any did. */
      duplicatesWithin?: string[];
      /** Ids of runs that were migrated from an older schemaVersion, when any were. */
      migrated?: string[];
    }
  | { ok: false; code: ImportErrorCode; message: string; issues?: string[] };

export interface ImportOptions {
  /** Migration steps (tests inject fabricated ones); default the app's. */
  migrations?: Migrations;
  /** Size limit in characters; default MAX_IMPORT_CHARS. */
  maxChars?: number;
}

/** A refused import. */
type Refusal = Extract<ImportResult, { ok: false }>;

function refuse(code: ImportErrorCode, message: string, issues?: string[]): Refusal {
  return issues ? { ok: false, code, message, issues } : { ok: false, code, message };
}

/** Finds the first forbidden key anywhere in a parsed value (iterative; depth already bounded). */
function findForbiddenKey(root: unknown): string | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return formatPath([...path, key]);
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Parses and validates an export file. Every run is migrated to the current schema and
 * validated before anything is returned; one bad run refuses the whole file.
 */
export function parseImport(text: string, options: ImportOptions = {}): ImportResult {
  const parsed = parseHostileJson(text, options.maxChars ?? MAX_IMPORT_CHARS);
  if (!parsed.ok) return parsed;
  const envelope = readEnvelope(parsed.value);
  if (!envelope.ok) return envelope;
  return migrateRuns(envelope.runs, envelope.version, options);
}

/** The file's text as a value: size, nesting depth, syntax (with its position) and forbidden keys checked, in that order. */
function parseHostileJson(text: string, maxChars: number): { ok: true; value: unknown } | Refusal {
  if (typeof text !== 'string') return refuse('not-json', `expected the file's text, got ${kindOf(text)}`);
  if (text.length > maxChars) {
    return refuse('too-large', `The file is ${formatBytes(text.length)}; imports are limited to ${formatBytes(maxChars)}.`);
  }

  // Editors and Windows tools may save a byte-order mark; JSON.parse refuses it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const deepAt = tooDeepAt(text, MAX_IMPORT_DEPTH);
  if (deepAt !== undefined) {
    return refuse(
      'too-deep',
      `The file nests deeper than ${MAX_IMPORT_DEPTH} levels (at character ${deepAt}, ${lineColumn(text, deepAt)}); a runs file never does.`,
    );
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    // SyntaxError: malformed text; RangeError: an engine's own limit. Say where, in our words.
    const found = locateJsonError(text);
    if (!found) return refuse('not-json', `The file is not valid JSON: ${errorText(err)}`);
    const truncated = found.at >= text.length ? '; it looks truncated' : '';
    return refuse(
      'not-json',
      `The file is not valid JSON: ${found.problem} at character ${found.at} (${lineColumn(text, found.at)})${truncated}.`,
    );
  }

  const forbidden = findForbiddenKey(parsed);
  if (forbidden !== undefined) {
    return refuse('forbidden-key', `The file contains the key ${forbidden}, which imports refuse (prototype pollution).`);
  }
  return { ok: true, value: parsed };
}

/** The export envelope: format, a schema version this app reads, and the runs array within the limit. */
function readEnvelope(parsed: unknown): { ok: true; version: number; runs: unknown[] } | Refusal {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('not-an-export', `Not a Parallel Playground runs file: the top level is ${kindOf(parsed)}, not an object.`);
  }
  const file = parsed as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) {
    const got = file.format === undefined ? 'no format field' : `format ${JSON.stringify(file.format)}`;
    return refuse('not-an-export', `Not a Parallel Playground runs file (${got}; expected format "${EXPORT_FORMAT}").`);
  }
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse(
      'unknown-version',
      `The file has schemaVersion ${JSON.stringify(version) ?? 'none'}, which this app does not know (it reads up to ${EXPORT_SCHEMA_VERSION}).`,
    );
  }
  if (version > EXPORT_SCHEMA_VERSION) {
    return refuse(
      'newer-version',
      `The file has schemaVersion ${version}, newer than this app reads (up to ${EXPORT_SCHEMA_VERSION}); open it with a newer Parallel Playground.`,
    );
  }
  const runs = file.runs;
  if (!Array.isArray(runs)) return refuse('not-an-export', `runs: expected array, got ${kindOf(runs)}`);
  if (runs.length > MAX_IMPORT_RUNS) {
    return refuse('too-large', `The file holds ${runs.length} runs; imports are limited to ${MAX_IMPORT_RUNS}.`);
  }
  return { ok: true, version, runs };
}

/** Every run migrated and validated (the first ten problems listed); each id once, the first occurrence winning. */
function migrateRuns(runs: readonly unknown[], version: number, options: ImportOptions): ImportResult {
  const records: RunRecord[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const migrated: string[] = [];
  const issues: string[] = [];
  let failedCode: ImportErrorCode = 'invalid-run';
  for (let i = 0; i < runs.length && issues.length < 10; i++) {
    const result = migrate(runs[i], { migrations: options.migrations, assumeVersion: version, pathPrefix: ['runs', i] });
    if (!result.ok) {
      if (result.code === 'newer-version' || result.code === 'unknown-version') failedCode = result.code;
      issues.push(...result.issues);
      continue;
    }
    const record = result.value;
    if (seen.has(record.id)) {
      if (!duplicates.includes(record.id)) duplicates.push(record.id);
      continue;
    }
    seen.add(record.id);
    if (result.fromVersion !== undefined && result.fromVersion < SCHEMA_VERSION) migrated.push(record.id);
    // A run still 'running' in a file was cut off when it was exported: it is partial.
    records.push(record.status === 'running' ? { ...record, status: 'partial' } : record);
  }
  if (issues.length > 0) {
    const more = issues.length > 1 ? ' (and further problems; see the list)' : '';
    return refuse(failedCode, `${issues[0]}${more}`, issues.slice(0, 10));
  }
  return {
    ok: true,
    records,
    ...(duplicates.length > 0 ? { duplicatesWithin: duplicates } : {}),
    ...(migrated.length > 0 ? { migrated } : {}),
  };
}
