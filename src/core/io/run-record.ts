/**
 * A stored run: the experiment, the environment and every raw repetition, under a schema
 * version. The raw samples are the source of truth; anything summarised (the CSV summary,
 * the history's one-line summary, the optional `summaries` cache) is derivable from them.
 *
 * Its valibot schemas and sanity limits live in ./run-record-schema.ts (re-exported here);
 * this file holds the record's types, the messages for a refused record, migrations and a
 * new run's record.
 */

import type { Environment } from '../model/environment';
import { describeInput, type RunInput } from '../model/run-input';
import * as v from 'valibot';
import { MIGRATIONS } from './run-record-migrations';
import {
  type ExperimentConfig,
  type RepetitionRecord,
  type RunStatus,
} from '../model/types';
import { RepetitionSchema, RunRecordSchema, SCHEMA_VERSION } from './run-record-schema';
import { plural, errorText } from '../view/format';
export { LIMITS, SCHEMA_VERSION } from './run-record-schema';
export {
  DigestSchema,
  EnvironmentSchema,
  ExperimentSchema,
  LabelSchema,
  PhasesSchema,
  RUN_ID_PATTERN,
  RepetitionSchema,
  RunConfigSchema,
  RunRecordSchema,
  RunStatusSchema,
  SampleSchema,
  SpanSchema,
} from './run-record-schema';

/**
 * A cached per-point summary. Optional and never authoritative: it can always be recomputed
 * from `repetitions` with src/core/stats, and the CSV summary is.
 */
export interface PointSummary {
  pointIndex: number;
  role: 'measured' | 'baseline';
  n: number;
  medianMs: number;
  ci95LoMs: number;
  ci95HiMs: number;
}

/** One stored run, schema version 1. */
export interface RunRecord {
  /** Opaque id, letters, digits, `-` and `_` (crypto.randomUUID() at creation). */
  id: string;
  /** ISO 8601 time the run was created, e.g. 2025-01-31T12:00:00.000Z. */
  createdAt: string;
  /** The user's name for the run; free text, may be empty. */
  label: string;
  lessonId?: string;
  /** What the run measured when not the generated records its configs describe: a person's file or kernel. */
  input?: RunInput;
  schemaVersion: typeof SCHEMA_VERSION;
  /** Version of the app that recorded the run. */
  appVersion: string;
  experiment: ExperimentConfig;
  environment: Environment;
  /** 'running' read back from storage by a page that is not running it means the page died: see `presentStatus`. */
  status: RunStatus;
  /** Why the run failed (status 'failed'), when known. */
  error?: string;
  /** Every finished repetition with its raw sample, in the order they finished. */
  repetitions: RepetitionRecord[];
  /** The one baseline run other runs are compared with (at most one stored run has it). */
  pinned?: boolean;
  summaries?: PointSummary[];
}

// ---------------------------------------------------------------------------
// Issues → messages that name the path: "runs[3].experiment.base.workers: expected number, got string"

/** A path into a value, as `a.b[3].c`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

type AnyIssue = v.BaseIssue<unknown>;

function issuePath(issue: AnyIssue): (string | number)[] {
  return (issue.path ?? []).map((item) => {
    const key: unknown = item.key;
    return typeof key === 'number' ? key : String(key);
  });
}

function describeIssue(issue: AnyIssue): string {
  // strict_object reports a missing key as expected '"key"' and an unknown one as expected 'never'.
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown field (not part of the record format)';
  if (issue.type === 'strict_object' && issue.expected?.startsWith('"')) return 'missing (required)';
  if (issue.kind === 'schema') {
    const got = issue.type === 'picklist' || issue.type === 'literal' ? issue.received : kindOf(issue.input);
    return `expected ${issue.expected ?? issue.type}, got ${got}`;
  }
  if (issue.type === 'regex' || issue.type === 'check' || issue.type === 'integer' || issue.type === 'finite') {
    return `${issue.message}, got ${issue.received}`;
  }
  if (issue.expected !== null) return `expected ${issue.expected}, got ${issue.received}`;
  return issue.message;
}

/** Turns valibot issues into "path: problem" lines (at most `max`, then a count of the rest). */
export function formatIssues(issues: readonly AnyIssue[], prefix: readonly (string | number)[] = [], max = 10): string[] {
  const lines = issues.slice(0, max).map((issue) => {
    const path = formatPath([...prefix, ...issuePath(issue)]);
    return `${path || '(top level)'}: ${describeIssue(issue)}`;
  });
  if (issues.length > max) lines.push(`… and ${issues.length - max} more problems`);
  return lines;
}

// ---------------------------------------------------------------------------
// Validation and migration

/** Why a record could not be read. */
export type RecordErrorCode = 'not-an-object' | 'unknown-version' | 'newer-version' | 'migration-failed' | 'invalid';

export interface RecordFailure {
  ok: false;
  code: RecordErrorCode;
  /** One line for a banner; `issues` has the detail. */
  message: string;
  issues: string[];
}

export type RecordResult<T> = { ok: true; value: T } | RecordFailure;

function failure(code: RecordErrorCode, message: string, issues: string[] = [message]): RecordFailure {
  return { ok: false, code, message, issues };
}

/** Validates a value as a v1 RunRecord: a fresh, plain copy on success, every problem with its path on failure. */
export function validateRecord(value: unknown, pathPrefix: readonly (string | number)[] = []): RecordResult<RunRecord> {
  const parsed = v.safeParse(RunRecordSchema, value, { abortPipeEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  const issues = formatIssues(parsed.issues, pathPrefix);
  return failure('invalid', issues[0], issues);
}

/** Validates one repetition (as appendRepetition receives it). */
export function validateRepetition(value: unknown, pathPrefix: readonly (string | number)[] = []): RecordResult<RepetitionRecord> {
  const parsed = v.safeParse(RepetitionSchema, value, { abortPipeEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  const issues = formatIssues(parsed.issues, pathPrefix);
  return failure('invalid', issues[0], issues);
}

/**
 * One migration step: takes a record of version k (a plain object already known to carry
 * that version) and returns the same record in version k + 1. Steps must not mutate their input.
 */
export type MigrationStep = (record: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** Migration steps keyed by the version they migrate FROM. */
export type Migrations = Readonly<Partial<Record<number, MigrationStep>>>;

export interface MigrateOptions {
  /** The steps to use (tests inject fabricated ones); default MIGRATIONS. */
  migrations?: Migrations;
  /** The version of a record that carries no schemaVersion (e.g. the import file's version). */
  assumeVersion?: number;
  /** Prefix for issue paths, e.g. ['runs', 3]. */
  pathPrefix?: readonly (string | number)[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Brings a stored or imported record of any known version up to SCHEMA_VERSION, then
 * validates it. A version newer than this app, or one with no migration path, is refused
 * with a message naming the version.
 */
export function migrate(input: unknown, options: MigrateOptions = {}): RecordResult<RunRecord> & { fromVersion?: number } {
  const prefix = options.pathPrefix ?? [];
  const where = formatPath(prefix);
  const at = where ? `${where}: ` : '';
  if (!isPlainObject(input)) return failure('not-an-object', `${at}expected a run record (an object), got ${kindOf(input)}`);
  const migrations = options.migrations ?? MIGRATIONS;
  const declared = input.schemaVersion ?? options.assumeVersion;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    const got = declared === undefined ? 'none' : JSON.stringify(declared);
    return failure('unknown-version', `${at}unknown schemaVersion ${got}; this app reads versions up to ${SCHEMA_VERSION}`);
  }
  if (declared > SCHEMA_VERSION) {
    return failure(
      'newer-version',
      `${at}schemaVersion ${declared} is newer than this app understands (up to ${SCHEMA_VERSION}); open it with a newer Parallel Playground`,
    );
  }
  let current: Record<string, unknown> = input;
  for (let version = declared; version < SCHEMA_VERSION; version++) {
    const step = migrations[version];
    if (!step) {
      return failure('unknown-version', `${at}schemaVersion ${version} has no migration to ${version + 1}; this app reads version ${SCHEMA_VERSION}`);
    }
    try {
      current = { ...step(current), schemaVersion: version + 1 };
    } catch (err) {
      const why = errorText(err);
      return failure('migration-failed', `${at}migrating from schemaVersion ${version} to ${version + 1} failed: ${why}`);
    }
  }
  const validated = validateRecord(current, prefix);
  return validated.ok ? { ...validated, fromVersion: declared } : validated;
}

// ---------------------------------------------------------------------------
// Creation and presentation

/** A new random run id (a UUID). */
export function newRunId(): string {
  return crypto.randomUUID();
}

export interface NewRunInput {
  label: string;
  experiment: ExperimentConfig;
  environment: Environment;
  lessonId?: string;
  input?: RunInput;
  /** Defaults to now; injectable for tests. */
  now?: Date;
  /** Defaults to newRunId(). */
  id?: string;
}

/** A fresh 'running' record with no repetitions yet, ready for History.create. */
export function newRunRecord(input: NewRunInput): RunRecord {
  const lessonId = input.lessonId ?? input.experiment.lessonId;
  return {
    id: input.id ?? newRunId(),
    createdAt: (input.now ?? new Date()).toISOString(),
    label: input.label,
    ...(lessonId !== undefined ? { lessonId } : {}),
    ...(input.input !== undefined ? { input: input.input } : {}),
    schemaVersion: SCHEMA_VERSION,
    appVersion: input.environment.appVersion,
    experiment: input.experiment,
    environment: input.environment,
    status: 'running',
    repetitions: [],
  };
}

/**
 * The status to show. A record still 'running' that this page is not writing was left
 * behind by a page that died mid-run: it holds what finished, so it is 'partial'.
 */
export function presentStatus(status: RunStatus, runningHere: boolean): RunStatus {
  return status === 'running' && !runningHere ? 'partial' : status;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A one-line description for the history list, from the config and the repetition count only. */
export function summaryLine(experiment: ExperimentConfig, repetitionCount: number, input?: RunInput): string {
  const b = experiment.base;
  const described = describeInput(input);
  const parts = [
    b.strategy === 'pool' || b.strategy === 'main-async' ? `${b.strategy} ×${b.workers}` : b.strategy,
    ...(described !== undefined ? [described] : [`${b.job} ${b.format}`]),
    `${grouped(b.records)} records`,
  ];
  for (const axis of experiment.sweep) parts.push(`${axis.param}: ${axis.values.map(String).join(', ')}`);
  parts.push(plural(repetitionCount, 'sample'));
  const line = parts.join(' · ');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
