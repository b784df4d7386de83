/**
 * The columns of the CSV export (src/core/io/csv.ts writes the rows): names, order, unit and
 * meaning, a documented format. Two tidy tables:
 *
 * - `samplesCsv`: one row per repetition (every raw sample), columns SAMPLE_COLUMNS;
 * - `summaryCsv`: one row per (run, configuration point), columns SUMMARY_COLUMNS, the
 *   per-point numbers of the analysis (analysis.ts) — the same the UI shows; this file
 *   only formats them.
 *
 * Format (RFC 4180): comma separator, CRLF after every row (the last one too), a header row
 * of stable snake_case names, fields quoted when they contain `"`, `,`, CR or LF, inner
 * quotes doubled. Numbers: `.` as the decimal separator, no thousands separators, the
 * shortest digits that read back as exactly the same double, never in exponent notation.
 * Booleans: `true` / `false`. Times: ISO 8601 in UTC (`2025-01-31T12:00:00.000Z`). A value
 * that does not apply is an empty cell. The string carries no byte-order mark; see
 * storage/download.ts for the spreadsheet-friendly BOM option.
 *
 * Formula-injection defence (OWASP "CSV Injection"): a TEXT cell that begins with `=`, `+`,
 * `-`, `@`, tab or CR is written with a leading `'`, so no spreadsheet runs it as a formula.
 * Numbers are never prefixed (a negative number stays a number). Only free-text columns
 * (label, lesson_id, user_agent, app_version, …) can ever start with those characters.
 *
 * Column reference (unit, meaning) — the same text as SAMPLE_COLUMN_DOCS / SUMMARY_COLUMN_DOCS:
 *
 * | column | unit | meaning |
 * |---|---|---|
 * | run_id | text | Id of the stored run (a UUID). Join key between the two files. |
 * | label | text | The run's label as the user named it. |
 * | lesson_id | text | Lesson the run came from; empty for free experiments. |
 * | created_at | ISO 8601 UTC | When the run was started. |
 * | status | text | complete, cancelled, failed, partial (the page closed mid-run) or running. |
 * | point_index | integer | Index of the configuration point in the experiment's sweep (0-based). |
 * | role | text | measured (the point's own configuration) or baseline (worker-seq on the same data, for speedup). |
 * | repetition | integer | Repetition number within the point and role (0-based). |
 * | strategy | text | main, main-async, worker-seq or pool. |
 * | workers | count | Workers (pool) or concurrent tasks (main-async). |
 * | records | count | Records in the dataset. |
 * | format | text | Record format: fixed, varlen or csv. |
 * | job | text | parse, group or group-naive. |
 * | shipping | text | How data reaches workers: copy, transfer, shared, generate-in-worker. |
 * | scheduling | text | static (one chunk per worker) or dynamic (batches). |
 * | batch_size | records | Records per batch under dynamic scheduling. |
 * | pool_life | text | cold (workers spawned per run) or warm (reused). |
 * | varlen_split | text | How a varlen buffer is cut: index (serial pass) or resync. |
 * | distinct_keys | count | Distinct group keys in the data. |
 * | key_skew | exponent | Zipf exponent of the key distribution; 0 = uniform. |
 * | payload_bytes | bytes | Mean payload of a varlen / csv record. |
 * | cost_skew | 0…1 | How strongly per-record cost grows towards the end of the data. |
 * | work_rounds | rounds | Integer-mixing rounds per record per unit of cost. |
 * | serial_fraction | 0…1 | Share of the sequential work forced onto one thread. |
 * | seed | integer | PRNG seed of the dataset. |
 * | fault_at_record | record id | Test option: the record that throws; empty when unset. |
 * | wall_ms | ms | Wall time of the whole run as the caller saw it. |
 * | spawn_ms … teardown_ms | ms | Time in each phase (spawn, init, generate, split, ship_in, compute, ship_out, merge, teardown); 0 when the phase does not apply. |
 * | throughput_records_per_s | records/s | records ÷ (wall_ms / 1000); empty when wall_ms is 0. |
 * | digest_records | count | Records the run saw. |
 * | digest_checksum | 16 hex digits | Order-independent checksum of the answer. Read as text (dtype=str / colClasses="character"). |
 * | digest_table_hash | 16 hex digits | Hash of the aggregate table (zeros for parse). Read as text. |
 * | correct | boolean | The digest equals the sequential reference. |
 * | user_agent | text | navigator.userAgent of the browser that ran it. |
 * | hardware_concurrency | count | navigator.hardwareConcurrency (a hint; browsers may clamp it). |
 * | cross_origin_isolated | boolean | COOP/COEP in force (SharedArrayBuffer, 5 µs timers). |
 * | shared_array_buffer | boolean | SharedArrayBuffer could be made (the `shared` mode); empty for runs recorded before it was kept. |
 * | measured_cores | count | Workers measured to run at full speed at once; empty when the probe had not run. |
 * | timer_resolution_ms | ms | Smallest step of performance.now() observed. |
 * | device_memory_gib | GiB | navigator.deviceMemory (Chromium only); empty when unknown. |
 * | app_version | text | Version of Parallel Playground that recorded the run. |
 * | input | text | generated, data-file (Your data) or kernel (Your code); for the last two, configuration columns that do not apply are empty. |
 * | input_file, input_bytes | text, bytes | Your data file's name and size; empty for generated records. |
 * | group_by, aggregate | text | A data-file run's key column and its totalled columns (space-separated). |
 * | kernel_hash | 16 hex digits | Hash of a kernel run's source (the JSON export holds the code); its digests hold its answer's hash. |
 *
 * Summary-only columns (per run and point; times over the measured repetitions):
 *
 * | column | unit | meaning |
 * |---|---|---|
 * | n | count | Measured repetitions at this point. |
 * | median_ms | ms | Median wall time. |
 * | ci95_lo_ms, ci95_hi_ms | ms | 95 % seeded percentile-bootstrap interval of the median. |
 * | mad_ms | ms | Raw median absolute deviation (not scaled by 1.4826). |
 * | mean_ms | ms | Mean wall time. |
 * | sd_ms | ms | Sample standard deviation (n − 1); 0 when n = 1. |
 * | min_ms, max_ms | ms | Fastest and slowest repetition. |
 * | cv | ratio | sd ÷ mean. |
 * | all_correct | boolean | Every measured repetition produced the reference digest. |
 * | baseline_n | count | Baseline (worker-seq) repetitions used for the speedup; 0 when none. |
 * | baseline_median_ms | ms | Median baseline wall time; empty when there is no baseline. |
 * | speedup | ratio | median(baseline) ÷ median(measured); > 1 is faster. Empty without a baseline. |
 * | speedup_ci95_lo, speedup_ci95_hi | ratio | 95 % bootstrap interval of the speedup. |
 * | efficiency | ratio | speedup ÷ threads (1 = ideal); main and worker-seq use one thread. |
 * | karp_flatt | ratio | Karp–Flatt serial fraction (1/S − 1/N) / (1 − 1/N); empty for one thread. |
 */

import { FIELDS } from '../model/fields';
import { CSV_CONFIG_FIELDS } from '../model/field-lists';
import { PHASES, type Phase, type RunConfig } from '../model/types';

// ---------------------------------------------------------------------------
// Columns

/** RunConfig field → column, and the config block's column order: both from the field table. */
const CONFIG_COLUMN_OF = (field: keyof RunConfig): string => FIELDS[field].csv.column;
const CONFIG_FIELDS = CSV_CONFIG_FIELDS;

const PHASE_COLUMN_OF: Record<Phase, string> = {
  spawn: 'spawn_ms',
  init: 'init_ms',
  generate: 'generate_ms',
  split: 'split_ms',
  shipIn: 'ship_in_ms',
  compute: 'compute_ms',
  shipOut: 'ship_out_ms',
  merge: 'merge_ms',
  teardown: 'teardown_ms',
};

const RUN_COLUMNS = ['run_id', 'label', 'lesson_id', 'created_at', 'status', 'point_index'] as const;
const ENV_COLUMNS = [
  'user_agent',
  'hardware_concurrency',
  'cross_origin_isolated',
  'shared_array_buffer',
  'measured_cores',
  'timer_resolution_ms',
  'device_memory_gib',
  'app_version',
] as const;
/** Last in both tables, so files written before they existed keep every other column's place. */
const INPUT_COLUMNS = ['input', 'input_file', 'input_bytes', 'group_by', 'aggregate', 'kernel_hash'] as const;

/** Header of samplesCsv, in order. */
export const SAMPLE_COLUMNS: readonly string[] = Object.freeze([
  ...RUN_COLUMNS,
  'role',
  'repetition',
  ...CONFIG_FIELDS.map((f) => CONFIG_COLUMN_OF(f)),
  'wall_ms',
  ...PHASES.map((p) => PHASE_COLUMN_OF[p]),
  'throughput_records_per_s',
  'digest_records',
  'digest_checksum',
  'digest_table_hash',
  'correct',
  ...ENV_COLUMNS,
  ...INPUT_COLUMNS,
]);

/** Header of summaryCsv, in order. */
export const SUMMARY_COLUMNS: readonly string[] = Object.freeze([
  ...RUN_COLUMNS,
  ...CONFIG_FIELDS.map((f) => CONFIG_COLUMN_OF(f)),
  'n',
  'median_ms',
  'ci95_lo_ms',
  'ci95_hi_ms',
  'mad_ms',
  'mean_ms',
  'sd_ms',
  'min_ms',
  'max_ms',
  'cv',
  'all_correct',
  'baseline_n',
  'baseline_median_ms',
  'speedup',
  'speedup_ci95_lo',
  'speedup_ci95_hi',
  'efficiency',
  'karp_flatt',
  ...INPUT_COLUMNS,
]);

/** Unit and meaning of one column, for the README and the UI. */
export interface ColumnDoc {
  unit: string;
  meaning: string;
}

const PHASE_MEANING: Record<Phase, string> = {
  spawn: 'creating workers (0 for a warm pool)',
  init: 'loading worker code until the first call is answered',
  generate: 'generating the dataset',
  split: 'cutting the data into chunks (incl. the serial index pass of varlen/index)',
  shipIn: 'sending data to the workers',
  compute: 'running the job itself (the parallel part)',
  shipOut: 'sending partial results back',
  merge: 'merging partial results on the main thread',
  teardown: 'terminating workers (0 for a warm pool)',
};

const RUN_DOCS: Record<(typeof RUN_COLUMNS)[number], ColumnDoc> = {
  run_id: { unit: 'text', meaning: 'Id of the stored run (a UUID); joins the samples and summary files.' },
  label: { unit: 'text', meaning: "The run's label as the user named it." },
  lesson_id: { unit: 'text', meaning: 'Lesson the run came from; empty for free experiments.' },
  created_at: { unit: 'ISO 8601 UTC', meaning: 'When the run was started.' },
  status: {
    unit: 'text',
    meaning: 'complete, cancelled, failed, partial (the page closed mid-run; finished repetitions kept) or running.',
  },
  point_index: { unit: 'integer', meaning: "Index of the configuration point in the experiment's sweep (0-based)." },
};

const ENV_DOCS: Record<(typeof ENV_COLUMNS)[number], ColumnDoc> = {
  user_agent: { unit: 'text', meaning: 'navigator.userAgent of the browser that ran it.' },
  hardware_concurrency: { unit: 'count', meaning: 'navigator.hardwareConcurrency (a hint; browsers may clamp it).' },
  cross_origin_isolated: { unit: 'boolean', meaning: 'COOP/COEP in force: SharedArrayBuffer and 5 µs timers available.' },
  shared_array_buffer: { unit: 'boolean', meaning: 'SharedArrayBuffer could be made (the `shared` mode); empty for runs recorded before it was kept.' },
  measured_cores: { unit: 'count', meaning: 'Workers measured to run at full speed at once; empty when the probe had not run.' },
  timer_resolution_ms: { unit: 'ms', meaning: 'Smallest step of performance.now() observed.' },
  device_memory_gib: { unit: 'GiB', meaning: 'navigator.deviceMemory (Chromium only); empty when unknown.' },
  app_version: { unit: 'text', meaning: 'Version of Parallel Playground that recorded the run.' },
};

const INPUT_DOCS: Record<(typeof INPUT_COLUMNS)[number], ColumnDoc> = {
  input: {
    unit: 'text',
    meaning:
      'generated (the records the configuration describes), data-file (your file through Your data) or kernel (your code); ' +
      'for the last two, configuration columns that do not apply (seed, distinct_keys, … of a generated dataset) are empty.',
  },
  input_file: { unit: 'text', meaning: "Your data file's name; empty for generated records." },
  input_bytes: { unit: 'bytes', meaning: "Your data file's size; empty for generated records." },
  group_by: { unit: 'text', meaning: 'The column a data-file run grouped by; empty otherwise.' },
  aggregate: { unit: 'text', meaning: 'The numeric columns a data-file run totalled, separated by spaces; empty otherwise.' },
  kernel_hash: {
    unit: '16 hex digits',
    meaning: "Hash of a kernel run's source code (the JSON export holds the code); its digest columns hold its answer's hash. Read it as text.",
  },
};

function configDocs(): Record<string, ColumnDoc> {
  return Object.fromEntries(CONFIG_FIELDS.map((f) => [CONFIG_COLUMN_OF(f), { unit: FIELDS[f].csv.unit, meaning: FIELDS[f].csv.meaning }]));
}

/** Unit and meaning of every SAMPLE_COLUMNS entry. */
export const SAMPLE_COLUMN_DOCS: Readonly<Record<string, ColumnDoc>> = Object.freeze({
  ...RUN_DOCS,
  role: {
    unit: 'text',
    meaning: "measured (the point's own configuration) or baseline (worker-seq on the same data, for the speedup).",
  },
  repetition: { unit: 'integer', meaning: 'Repetition number within the point and role (0-based).' },
  ...configDocs(),
  wall_ms: { unit: 'ms', meaning: 'Wall time of the whole run as the caller saw it.' },
  ...Object.fromEntries(
    PHASES.map((p) => [PHASE_COLUMN_OF[p], { unit: 'ms', meaning: `Time spent ${PHASE_MEANING[p]}; 0 when the phase does not apply.` }]),
  ),
  throughput_records_per_s: { unit: 'records/s', meaning: 'records ÷ (wall_ms / 1000); empty when wall_ms is 0.' },
  digest_records: { unit: 'count', meaning: 'Records the run saw.' },
  digest_checksum: {
    unit: '16 hex digits',
    meaning: 'Order-independent checksum of the answer. Read it as text (pandas dtype=str, R colClasses="character").',
  },
  digest_table_hash: { unit: '16 hex digits', meaning: 'Hash of the aggregate table (zeros for parse). Read it as text.' },
  correct: { unit: 'boolean', meaning: 'The digest equals the sequential reference for the same data and job.' },
  ...ENV_DOCS,
  ...INPUT_DOCS,
});

/** Unit and meaning of every SUMMARY_COLUMNS entry. */
export const SUMMARY_COLUMN_DOCS: Readonly<Record<string, ColumnDoc>> = Object.freeze({
  ...RUN_DOCS,
  ...configDocs(),
  n: { unit: 'count', meaning: 'Measured repetitions at this point.' },
  median_ms: { unit: 'ms', meaning: 'Median wall time of the measured repetitions.' },
  ci95_lo_ms: { unit: 'ms', meaning: '95 % seeded percentile-bootstrap interval of the median, lower end.' },
  ci95_hi_ms: { unit: 'ms', meaning: '95 % seeded percentile-bootstrap interval of the median, upper end.' },
  mad_ms: { unit: 'ms', meaning: 'Raw median absolute deviation (not scaled by 1.4826).' },
  mean_ms: { unit: 'ms', meaning: 'Mean wall time.' },
  sd_ms: { unit: 'ms', meaning: 'Sample standard deviation (divisor n − 1); 0 when n = 1.' },
  min_ms: { unit: 'ms', meaning: 'Fastest measured repetition.' },
  max_ms: { unit: 'ms', meaning: 'Slowest measured repetition.' },
  cv: { unit: 'ratio', meaning: 'Coefficient of variation, sd ÷ mean.' },
  all_correct: { unit: 'boolean', meaning: 'Every measured repetition produced the reference digest.' },
  baseline_n: { unit: 'count', meaning: 'Baseline (worker-seq) repetitions behind the speedup; 0 when there are none.' },
  baseline_median_ms: { unit: 'ms', meaning: 'Median baseline wall time; empty without a baseline.' },
  speedup: { unit: 'ratio', meaning: 'median(baseline) ÷ median(measured); above 1 is faster. Empty without a baseline.' },
  speedup_ci95_lo: { unit: 'ratio', meaning: '95 % bootstrap interval of the speedup, lower end.' },
  speedup_ci95_hi: { unit: 'ratio', meaning: '95 % bootstrap interval of the speedup, upper end.' },
  efficiency: { unit: 'ratio', meaning: 'speedup ÷ threads (1 = ideal); main and worker-seq run on one thread.' },
  karp_flatt: {
    unit: 'ratio',
    meaning: 'Karp–Flatt serial fraction (1/S − 1/N) / (1 − 1/N) over N threads; empty for one thread.',
  },
  ...INPUT_DOCS,
});
