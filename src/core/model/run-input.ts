/**
 * What a run measured, when it was not the playground's own generated records: a person's
 * data file (Your data) or a person's kernel (Your code), over the built-in records or a
 * file. A stored run without an input measured the generated dataset its RunConfig
 * describes. With an input, the RunConfig still says how the run was made (strategy,
 * workers, shipping, scheduling, records) and the dataset-generation fields do not apply:
 * `inapplicableFields` names them, so the CSV leaves them empty instead of inventing values.
 */

import type { RunConfig } from './types';

/** Data-file formats a person can bring. */
export type DataFileFormat = 'csv' | 'tsv' | 'ndjson';
export const DATA_FILE_FORMATS: readonly DataFileFormat[] = ['csv', 'tsv', 'ndjson'];

/** The facts kept of a person's file: never its bytes (a 1 GB file stays on their disk). */
export interface DataFileFacts {
  /** The file's name as the browser gave it (no path). */
  name: string;
  bytes: number;
  format: DataFileFormat;
}

export type RunInput =
  | {
      kind: 'data-file';
      file: DataFileFacts;
      /** `group`: one row per key of `groupBy`; `parse`: every record read and totalled. */
      job: 'group' | 'parse';
      groupBy?: string;
      /** Numeric columns summed, with their min and max. */
      aggregate: string[];
    }
  | {
      kind: 'kernel';
      /** The kernel module exactly as it ran (at most 1 MiB), so the run can be read and repeated. */
      source: string;
      /** 64-bit hash of the source, 16 hex digits: equal code, equal hash. */
      sourceHash: string;
      /** The file it ran over; absent when it ran over the built-in records the RunConfig describes. */
      file?: DataFileFacts;
    };

/** What produced a run's records, as the CSV's `input` column names it. */
export type InputKind = 'generated' | RunInput['kind'];

export function inputKind(input: RunInput | undefined): InputKind {
  return input?.kind ?? 'generated';
}

/** The generated dataset's fields: meaningless when the records came from a person's file. */
const DATASET_FIELDS: readonly (keyof RunConfig)[] = [
  'seed',
  'format',
  'distinctKeys',
  'keySkew',
  'payloadBytes',
  'costSkew',
  'workRounds',
  'varlenSplit',
  'serialFraction',
  'faultAtRecord',
];

/**
 * RunConfig fields that say nothing about a run with this input. A file's records were not
 * generated; a kernel's job is the person's code, not one of the built-in jobs, and its
 * chunks are not record batches.
 */
export function inapplicableFields(input: RunInput | undefined): ReadonlySet<keyof RunConfig> {
  if (!input) return new Set();
  const fields = new Set<keyof RunConfig>(['batchSize', 'poolLife']);
  if (input.kind === 'data-file' || input.file) for (const f of DATASET_FIELDS) fields.add(f);
  if (input.kind === 'kernel') {
    fields.add('job');
    fields.add('workRounds');
    fields.add('serialFraction');
    fields.add('faultAtRecord');
  }
  return fields;
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** The input in a few words, for the history list and a run's detail; undefined for generated records. */
export function describeInput(input: RunInput | undefined): string | undefined {
  if (!input) return undefined;
  if (input.kind === 'data-file') {
    const what = input.job === 'group' && input.groupBy !== undefined ? `group by ${input.groupBy}` : 'parse';
    return `your data ${input.file.name} (${megabytes(input.file.bytes)}, ${input.file.format}) · ${what}`;
  }
  const over = input.file ? `over ${input.file.name} (${megabytes(input.file.bytes)})` : 'over built-in records';
  return `your kernel ${input.sourceHash.slice(0, 8)} ${over}`;
}
