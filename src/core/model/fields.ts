/**
 * The run configuration's field table: one entry per field a person sets (label, kind, unit,
 * range or choices, help), with where it appears outside the form — its URL key, its CSV
 * column and what that column documents, and its place in a comparison. The form, the URL
 * codec, the CSV exporter and the comparison derive their per-field tables from it.
 */
import {
  FORMATS,
  JOBS,
  POOL_LIVES,
  SCHEDULINGS,
  SHIPPINGS,
  STRATEGIES,
  VARLEN_SPLITS,
  type RunConfig,
  type SweepParam,
} from './types';
import {
  MAX_DISTINCT_KEYS,
  MAX_KEY_SKEW,
  MAX_PAYLOAD_BYTES,
  MAX_RECORDS,
  MAX_SEED,
  MAX_SERIAL_FRACTION,
  MAX_REPETITIONS,
  MAX_WARMUPS,
  MAX_WORK_ROUNDS,
  WORKER_HARD_LIMIT,
} from './limits';

export * from './limits';

// ---------------------------------------------------------------------------
// The field table: one entry per control.

/** Every editable field: the RunConfig fields plus the experiment-level ones. */
export type FieldId = keyof RunConfig | 'warmups' | 'repetitions' | 'shuffleSeed';
/** Keys of the error map: a field, the sweep as a whole, or one sweep axis. */
export type ErrorKey = FieldId | 'lessonId' | 'sweep' | `sweep.${number}`;
export type FieldErrors = Partial<Record<ErrorKey, string>>;

/** A RunConfig field's column in the CSV exports: a documented format, so names never change. */
export interface CsvColumnSpec {
  column: string;
  /** Place of the column in the configuration block (0 first). */
  order: number;
  unit: string;
  meaning: string;
}

interface FieldBase {
  /** Short name used in labels and messages ("Records"). */
  label: string;
  /** One sentence for the control's help text. */
  help: string;
  /** The field's key in the URL hash (kept short; links in the wild use them). */
  urlKey: string;
  /** The CSV column (RunConfig fields only). */
  csv?: CsvColumnSpec;
  /** Place in a comparison's settings table, 0 first (RunConfig fields only). */
  compareOrder?: number;
  /** What a new experiment starts with (every RunConfig field but the optional test option). */
  default?: number | string;
}
export interface NumericField extends FieldBase {
  kind: 'integer' | 'number';
  unit?: string;
  min: number;
  /** Upper bound; fields whose bound depends on the machine say so through `rangeOf`. */
  max: number;
  /**
   * The bounds a stored run may carry (RunConfig fields): wider than the form's on purpose,
   * so a run recorded under older or other limits stays loadable; see io/run-record-schema.
   */
  stored?: { min: number; max: number };
}
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  choices: readonly string[];
  /** Help text per choice. */
  choiceHelp: Readonly<Record<string, string>>;
  /** The values a stored run may carry, when more than the form offers. */
  storedChoices?: readonly string[];
}
export type FieldSpec = NumericField | ChoiceField;
/** A RunConfig field's entry: it always has a CSV column and a place in a comparison. */
export type RunFieldSpec = FieldSpec & Required<Pick<FieldBase, 'csv' | 'compareOrder'>>;

/** Describes every control: label, unit, kind, range or choices, help text. */
export const FIELDS: Readonly<{ [K in FieldId]: K extends keyof RunConfig ? RunFieldSpec : FieldSpec }> = {
  job: {
    kind: 'choice',
    default: 'group',
    label: 'Job',
    choices: JOBS,
    help: 'What is computed over the records.',
    choiceHelp: {
      parse: 'parse: decode every record and checksum it',
      group: 'group: one hash pass, count/sum/min/max per key',
      'group-naive': 'group-naive: one scan of all the data per key (the N+1 queries pattern)',
    },
    urlKey: 'job',
    csv: { column: 'job', order: 4, unit: 'text', meaning: 'parse, group or group-naive.' },
    compareOrder: 3,
  },
  format: {
    kind: 'choice',
    default: 'fixed',
    label: 'Format',
    choices: FORMATS,
    help: 'How the records are laid out in memory.',
    choiceHelp: {
      fixed: 'fixed: fixed-width binary, split by offset',
      varlen: 'varlen: length-prefixed binary, boundaries known only by scanning',
      csv: 'csv: text lines, numbers parsed from text',
    },
    urlKey: 'format',
    csv: { column: 'format', order: 3, unit: 'text', meaning: 'Record format: fixed, varlen or csv.' },
    compareOrder: 4,
  },
  records: {
    kind: 'integer',
    default: 200_000,
    stored: { min: 0, max: 1_000_000_000 },
    label: 'Records',
    unit: 'records',
    min: 0,
    max: MAX_RECORDS,
    help: 'How many records are generated and processed per run.',
    urlKey: 'records',
    csv: { column: 'records', order: 2, unit: 'count', meaning: 'Records in the dataset.' },
    compareOrder: 2,
  },
  seed: {
    kind: 'integer',
    default: 1,
    stored: { min: 0, max: MAX_SEED },
    label: 'Seed',
    min: 0,
    max: MAX_SEED,
    help: 'The data generator seed: the same seed gives the same records.',
    urlKey: 'seed',
    csv: { column: 'seed', order: 16, unit: 'integer', meaning: 'PRNG seed of the dataset.' },
    compareOrder: 16,
  },
  distinctKeys: {
    kind: 'integer',
    default: 1_000,
    stored: { min: 1, max: 2 ** 32 },
    label: 'Distinct keys',
    unit: 'keys',
    min: 1,
    max: MAX_DISTINCT_KEYS,
    help: 'Number of different group keys (symbols, probes).',
    urlKey: 'keys',
    csv: { column: 'distinct_keys', order: 10, unit: 'count', meaning: 'Distinct group keys in the data.' },
    compareOrder: 10,
  },
  keySkew: {
    kind: 'number',
    default: 0,
    stored: { min: 0, max: 64 },
    label: 'Key skew',
    unit: 'Zipf s',
    min: 0,
    max: MAX_KEY_SKEW,
    help: '0 spreads records evenly over the keys; larger values pile them onto a few keys.',
    urlKey: 'skew',
    csv: { column: 'key_skew', order: 11, unit: 'exponent', meaning: 'Zipf exponent of the key distribution; 0 = uniform.' },
    compareOrder: 11,
  },
  payloadBytes: {
    kind: 'integer',
    default: 32,
    stored: { min: 0, max: 1 << 20 },
    label: 'Payload',
    unit: 'bytes',
    min: 0,
    max: MAX_PAYLOAD_BYTES,
    help: 'Mean extra bytes per varlen or csv record (fixed records ignore it).',
    urlKey: 'payload',
    csv: { column: 'payload_bytes', order: 12, unit: 'bytes', meaning: 'Mean payload of a varlen / csv record.' },
    compareOrder: 12,
  },
  costSkew: {
    kind: 'number',
    default: 0,
    stored: { min: 0, max: 1 },
    label: 'Cost skew',
    min: 0,
    max: 1,
    help: '0: every record costs the same; 1: the last records cost far more (uneven chunks).',
    urlKey: 'costskew',
    csv: { column: 'cost_skew', order: 13, unit: '0…1', meaning: 'How strongly per-record cost grows towards the end of the data.' },
    compareOrder: 13,
  },
  workRounds: {
    kind: 'integer',
    default: 20,
    stored: { min: 0, max: 1_000_000_000 },
    label: 'Work per record',
    unit: 'rounds',
    min: 0,
    max: MAX_WORK_ROUNDS,
    help: 'Rounds of integer mixing per record: more work per record makes parallelism pay.',
    urlKey: 'work',
    csv: { column: 'work_rounds', order: 14, unit: 'rounds', meaning: 'Integer-mixing rounds per record per unit of cost.' },
    compareOrder: 14,
  },
  strategy: {
    kind: 'choice',
    default: 'pool',
    label: 'Strategy',
    choices: STRATEGIES,
    help: 'Where the work runs.',
    choiceHelp: {
      main: 'main: sequential on the page thread (the page freezes)',
      'main-async': 'main-async: interleaved tasks on the page thread (concurrency, no parallelism)',
      'worker-seq': 'worker-seq: the whole job in one worker (the baseline)',
      pool: 'pool: split across N workers',
    },
    urlKey: 'strategy',
    csv: { column: 'strategy', order: 0, unit: 'text', meaning: 'main, main-async, worker-seq or pool.' },
    compareOrder: 0,
  },
  workers: {
    kind: 'integer',
    default: 2,
    stored: { min: 1, max: 1024 },
    label: 'Workers',
    unit: 'workers',
    min: 1,
    max: WORKER_HARD_LIMIT,
    help: 'Worker count for the pool, or concurrent tasks for main-async.',
    urlKey: 'workers',
    csv: { column: 'workers', order: 1, unit: 'count', meaning: 'Workers (pool) or concurrent tasks (main-async).' },
    compareOrder: 1,
  },
  shipping: {
    kind: 'choice',
    default: 'transfer',
    // A stored run over a person's file was shipped file-slice (the form offers it only in Your data).
    storedChoices: [...SHIPPINGS, 'file-slice'],
    label: 'Shipping',
    choices: SHIPPINGS,
    help: 'How the data reaches the workers.',
    choiceHelp: {
      copy: 'copy: structured clone (like pickling to a process)',
      transfer: 'transfer: move ArrayBuffers, zero-copy',
      shared: 'shared: one SharedArrayBuffer (needs cross-origin isolation)',
      'generate-in-worker': 'generate-in-worker: each worker makes its own shard, nothing shipped',
    },
    urlKey: 'ship',
    csv: { column: 'shipping', order: 5, unit: 'text', meaning: 'How data reaches workers: copy, transfer, shared or generate-in-worker.' },
    compareOrder: 5,
  },
  scheduling: {
    kind: 'choice',
    default: 'static',
    label: 'Scheduling',
    choices: SCHEDULINGS,
    help: 'How work is handed out.',
    choiceHelp: {
      static: 'static: N equal chunks',
      dynamic: 'dynamic: idle workers pull batches from a queue',
    },
    urlKey: 'sched',
    csv: { column: 'scheduling', order: 6, unit: 'text', meaning: 'static (one chunk per worker) or dynamic (batches).' },
    compareOrder: 6,
  },
  batchSize: {
    kind: 'integer',
    default: 10_000,
    stored: { min: 0, max: 1_000_000_000 },
    label: 'Batch size',
    unit: 'records',
    min: 1,
    max: MAX_RECORDS,
    help: 'Records per batch with dynamic scheduling.',
    urlKey: 'batch',
    csv: { column: 'batch_size', order: 7, unit: 'records', meaning: 'Records per batch under dynamic scheduling.' },
    compareOrder: 7,
  },
  poolLife: {
    kind: 'choice',
    default: 'cold',
    label: 'Pool',
    choices: POOL_LIVES,
    help: 'Whether worker start-up is inside the timing.',
    choiceHelp: {
      cold: 'cold: spawn, run and terminate inside every timed run',
      warm: 'warm: reuse a running pool (spawn cost reported once)',
    },
    urlKey: 'pool',
    csv: { column: 'pool_life', order: 8, unit: 'text', meaning: 'cold (workers spawned per run) or warm (reused).' },
    compareOrder: 8,
  },
  varlenSplit: {
    kind: 'choice',
    default: 'index',
    label: 'Varlen split',
    choices: VARLEN_SPLITS,
    help: 'How a varlen buffer is cut for workers.',
    choiceHelp: {
      index: 'index: a serial pass finds record boundaries first',
      resync: 'resync: cut by bytes, each worker resynchronises',
    },
    urlKey: 'split',
    csv: { column: 'varlen_split', order: 9, unit: 'text', meaning: 'How a varlen buffer is cut: index (serial pass first) or resync.' },
    compareOrder: 9,
  },
  serialFraction: {
    kind: 'number',
    default: 0,
    stored: { min: 0, max: 1 },
    label: 'Serial fraction',
    min: 0,
    max: MAX_SERIAL_FRACTION,
    help: 'Share of the work that must run on one thread (Amdahl).',
    urlKey: 'serial',
    csv: { column: 'serial_fraction', order: 15, unit: '0…1', meaning: 'Share of the sequential work forced onto one thread.' },
    compareOrder: 15,
  },
  faultAtRecord: {
    kind: 'integer',
    stored: { min: 0, max: MAX_SEED },
    label: 'Fault at record',
    min: 0,
    max: MAX_SEED,
    help: 'Test option: a worker throws at this record id.',
    urlKey: 'fault',
    csv: { column: 'fault_at_record', order: 17, unit: 'record id', meaning: 'Test option: the record whose processing throws; empty when unset.' },
    compareOrder: 17,
  },
  warmups: {
    kind: 'integer',
    label: 'Warm-ups',
    unit: 'runs',
    min: 0,
    max: MAX_WARMUPS,
    help: 'Unmeasured runs per point before the repetitions (JIT, caches).',
    urlKey: 'warmups',
  },
  repetitions: {
    kind: 'integer',
    label: 'Repetitions',
    unit: 'runs',
    min: 1,
    max: MAX_REPETITIONS,
    help: 'Measured runs per point; more repetitions give tighter intervals.',
    urlKey: 'reps',
  },
  shuffleSeed: {
    kind: 'integer',
    label: 'Shuffle seed',
    min: 0,
    max: MAX_SEED,
    help: 'When set, the order of the runs within each round is shuffled with this seed instead of the balanced rotation.',
    urlKey: 'shuffle',
  },
};

/** Labels of the sweepable parameters. */
export function sweepLabel(param: SweepParam): string {
  return FIELDS[param].label;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Formats a number for messages: thousands separators, up to 6 decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return numberFormat.format(n);
}

export const RUN_FIELDS: readonly (keyof RunConfig)[] = [
  'job',
  'format',
  'records',
  'seed',
  'distinctKeys',
  'keySkew',
  'payloadBytes',
  'costSkew',
  'workRounds',
  'strategy',
  'workers',
  'shipping',
  'scheduling',
  'batchSize',
  'poolLife',
  'varlenSplit',
  'serialFraction',
];

/** Every RunConfig field: the form's, then the test option a stored run may still carry. */
export const RUN_CONFIG_FIELDS: readonly (keyof RunConfig)[] = [...RUN_FIELDS, 'faultAtRecord'];
