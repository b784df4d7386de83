/**
 * Shapes of a user's own data file: its format, the job chosen over it, and the problems
 * a file can have. Plain data only, so all of it crosses into workers unchanged.
 */

import type { RunRecord } from '../io/run-record';
import { DATA_FILE_FORMATS, type DataFileFormat } from '../model/run-input';
import type { Digest, Shipping } from '../model/types';

/** Measured repetitions of each pass of a data-file run, and unmeasured rounds before them: the largest allowed. */
export const MAX_USER_REPETITIONS = 200;
export const MAX_USER_WARMUPS = 10;

/** Formats of a user's data file: the model's one list (a stored run names its file's format with it). */
export type UserFormat = DataFileFormat;
export const USER_FORMATS: readonly UserFormat[] = DATA_FILE_FORMATS;

/** A file's format from its name's extension: .csv, .tsv/.tab, .ndjson/.jsonl (any case); undefined otherwise. */
export function formatFromName(name: string): UserFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1].toLowerCase();
  const byExtension: Record<string, UserFormat> = { csv: 'csv', tsv: 'tsv', tab: 'tsv', ndjson: 'ndjson', jsonl: 'ndjson' };
  return ext === undefined ? undefined : byExtension[ext];
}

/** Why a file (or the job asked of it) cannot be read. */
export type IssueCode =
  | 'empty-file'
  | 'no-header'
  | 'bad-header'
  | 'unknown-column'
  | 'unclosed-quote'
  | 'stray-quote'
  | 'after-quote'
  | 'field-count'
  | 'not-numeric'
  | 'exponent'
  | 'bad-json'
  | 'invalid-utf8';

/**
 * A failure as a value: what is wrong and where. `line` is the 1-based physical line (line
 * breaks inside quoted fields count), `byteOffset` the 0-based offset into the file's
 * bytes (the BOM included). `row` (1-based data record, the header not counted) and
 * `column` are set when a value in a column is at fault.
 */
export interface DataIssue {
  ok: false;
  code: IssueCode;
  message: string;
  line: number;
  byteOffset: number;
  row?: number;
  column?: string;
}

/** The header of a file: its columns and where its data records begin. */
export interface UserHeader {
  ok: true;
  format: UserFormat;
  /** Column names in file order. */
  columns: string[];
  /** Byte offset of the first data record (after the BOM and the header line). */
  dataStart: number;
  /** Line breaks before dataStart (the header's own, 1 unless it holds quoted breaks). */
  headerBreaks: number;
}

/** The key index of the `parse` job: no key, one group of every record. */
export const NO_GROUP = -1;

/** The key column's name in the answer of the `parse` job. */
export const ALL_RECORDS = '(all records)';

/** The group-by job over a file: one key column, some numeric columns to sum/min/max. */
export interface UserJob {
  format: UserFormat;
  columns: string[];
  dataStart: number;
  headerBreaks: number;
  /**
   * Index of the key column; NO_GROUP for the `parse` job: every record read, checked and
   * totalled in one group (the answer's one row), nothing grouped.
   */
  groupBy: number;
  /** Indices of the aggregated columns, in the order the answer lists them. */
  aggregate: number[];
}

// The headless runner's request and answer (src/node/experiment-data.ts ↔ the page's src/state/data-file-run.ts).

/** What to run over the file. */
export interface DataRunRequest {
  format: UserFormat;
  groupBy: string;
  aggregate: string[];
  workers: number;
  shipping: Shipping;
  /**
   * Measure instead of running once: a warm-up, then this many interleaved sequential and
   * parallel passes (1 … 200); the response then carries the stored run and the median times.
   */
  repetitions?: number;
}

/** The outcome as plain data. */
export type DataRunResponse =
  | {
      ok: true;
      answerCsv: string;
      records: number;
      keys: number;
      correct: boolean;
      digest: Digest;
      reference: Digest;
      wallMs: number;
      chunks: number;
      redone: number;
      /** File reads that stalled and were read again another way, in every pass (see STALLED_READ_MS): the times include the wait. */
      stalledReads: number;
      message?: string;
      /** With `repetitions`: the run as History stores it, for the CSV and JSON exports. */
      record?: RunRecord;
    }
  | DataIssue;

