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
  MAX_WORK_ROUNDS,
} from '../workloads';

// The data limits are the workloads module's own, so the form and the engine agree.
export { MAX_DISTINCT_KEYS, MAX_KEY_SKEW, MAX_PAYLOAD_BYTES, MAX_RECORDS, MAX_SEED, MAX_WORK_ROUNDS };
/** Worker counts never exceed this, whatever the machine reports. */
export const WORKER_HARD_LIMIT = 64;
/** Largest share of work that must run on one thread. */
export const MAX_SERIAL_FRACTION = 0.95;
export const MAX_WARMUPS = 20;
export const MAX_REPETITIONS = 200;
/** At most this many parameters are swept (their cross product is run). */
export const MAX_SWEEP_AXES = 2;
/** At most this many values per swept parameter. */
export const MAX_SWEEP_VALUES = 32;

// ---------------------------------------------------------------------------
// The field table: one entry per control.

/** Every editable field: the RunConfig fields plus the experiment-level ones. */
export type FieldId = keyof RunConfig | 'warmups' | 'repetitions' | 'shuffleSeed';
/** Keys of the error map: a field, the sweep as a whole, or one sweep axis. */
export type ErrorKey = FieldId | 'lessonId' | 'sweep' | `sweep.${number}`;
export type FieldErrors = Partial<Record<ErrorKey, string>>;

interface FieldBase {
  /** Short name used in labels and messages ("Records"). */
  label: string;
  /** One sentence for the control's help text. */
  help: string;
}
export interface NumericField extends FieldBase {
  kind: 'integer' | 'number';
  unit?: string;
  min: number;
  /** Upper bound; fields whose bound depends on the machine say so through `rangeOf`. */
  max: number;
}
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  choices: readonly string[];
  /** Help text per choice. */
  choiceHelp: Readonly<Record<string, string>>;
}
export type FieldSpec = NumericField | ChoiceField;

/** Describes every control: label, unit, kind, range or choices, help text. */
export const FIELDS: Readonly<Record<FieldId, FieldSpec>> = {
  job: {
    kind: 'choice',
    label: 'Job',
    choices: JOBS,
    help: 'What is computed over the records.',
    choiceHelp: {
      parse: 'parse: decode every record and checksum it',
      group: 'group: one hash pass, count/sum/min/max per key',
      'group-naive': 'group-naive: one scan of all the data per key (the N+1 queries pattern)',
    },
  },
  format: {
    kind: 'choice',
    label: 'Format',
    choices: FORMATS,
    help: 'How the records are laid out in memory.',
    choiceHelp: {
      fixed: 'fixed: fixed-width binary, split by offset',
      varlen: 'varlen: length-prefixed binary, boundaries known only by scanning',
      csv: 'csv: text lines, numbers parsed from text',
    },
  },
  records: {
    kind: 'integer',
    label: 'Records',
    unit: 'records',
    min: 0,
    max: MAX_RECORDS,
    help: 'How many records are generated and processed per run.',
  },
  seed: {
    kind: 'integer',
    label: 'Seed',
    min: 0,
    max: MAX_SEED,
    help: 'The data generator seed: the same seed gives the same records.',
  },
  distinctKeys: {
    kind: 'integer',
    label: 'Distinct keys',
    unit: 'keys',
    min: 1,
    max: MAX_DISTINCT_KEYS,
    help: 'Number of different group keys (symbols, probes).',
  },
  keySkew: {
    kind: 'number',
    label: 'Key skew',
    unit: 'Zipf s',
    min: 0,
    max: MAX_KEY_SKEW,
    help: '0 spreads records evenly over the keys; larger values pile them onto a few keys.',
  },
  payloadBytes: {
    kind: 'integer',
    label: 'Payload',
    unit: 'bytes',
    min: 0,
    max: MAX_PAYLOAD_BYTES,
    help: 'Mean extra bytes per varlen or csv record (fixed records ignore it).',
  },
  costSkew: {
    kind: 'number',
    label: 'Cost skew',
    min: 0,
    max: 1,
    help: '0: every record costs the same; 1: the last records cost far more (uneven chunks).',
  },
  workRounds: {
    kind: 'integer',
    label: 'Work per record',
    unit: 'rounds',
    min: 0,
    max: MAX_WORK_ROUNDS,
    help: 'Rounds of integer mixing per record: more work per record makes parallelism pay.',
  },
  strategy: {
    kind: 'choice',
    label: 'Strategy',
    choices: STRATEGIES,
    help: 'Where the work runs.',
    choiceHelp: {
      main: 'main: sequential on the page thread (the page freezes)',
      'main-async': 'main-async: interleaved tasks on the page thread (concurrency, no parallelism)',
      'worker-seq': 'worker-seq: the whole job in one worker (the baseline)',
      pool: 'pool: split across N workers',
    },
  },
  workers: {
    kind: 'integer',
    label: 'Workers',
    unit: 'workers',
    min: 1,
    max: WORKER_HARD_LIMIT,
    help: 'Worker count for the pool, or concurrent tasks for main-async.',
  },
  shipping: {
    kind: 'choice',
    label: 'Shipping',
    choices: SHIPPINGS,
    help: 'How the data reaches the workers.',
    choiceHelp: {
      copy: 'copy: structured clone (like pickling to a process)',
      transfer: 'transfer: move ArrayBuffers, zero-copy',
      shared: 'shared: one SharedArrayBuffer (needs cross-origin isolation)',
      'generate-in-worker': 'generate-in-worker: each worker makes its own shard, nothing shipped',
    },
  },
  scheduling: {
    kind: 'choice',
    label: 'Scheduling',
    choices: SCHEDULINGS,
    help: 'How work is handed out.',
    choiceHelp: {
      static: 'static: N equal chunks',
      dynamic: 'dynamic: idle workers pull batches from a queue',
    },
  },
  batchSize: {
    kind: 'integer',
    label: 'Batch size',
    unit: 'records',
    min: 1,
    max: MAX_RECORDS,
    help: 'Records per batch with dynamic scheduling.',
  },
  poolLife: {
    kind: 'choice',
    label: 'Pool',
    choices: POOL_LIVES,
    help: 'Whether worker start-up is inside the timing.',
    choiceHelp: {
      cold: 'cold: spawn, run and terminate inside every timed run',
      warm: 'warm: reuse a running pool (spawn cost reported once)',
    },
  },
  varlenSplit: {
    kind: 'choice',
    label: 'Varlen split',
    choices: VARLEN_SPLITS,
    help: 'How a varlen buffer is cut for workers.',
    choiceHelp: {
      index: 'index: a serial pass finds record boundaries first',
      resync: 'resync: cut by bytes, each worker resynchronises',
    },
  },
  serialFraction: {
    kind: 'number',
    label: 'Serial fraction',
    min: 0,
    max: MAX_SERIAL_FRACTION,
    help: 'Share of the work that must run on one thread (Amdahl).',
  },
  faultAtRecord: {
    kind: 'integer',
    label: 'Fault at record',
    min: 0,
    max: MAX_SEED,
    help: 'Test option: a worker throws at this record id.',
  },
  warmups: {
    kind: 'integer',
    label: 'Warm-ups',
    unit: 'runs',
    min: 0,
    max: MAX_WARMUPS,
    help: 'Unmeasured runs per point before the repetitions (JIT, caches).',
  },
  repetitions: {
    kind: 'integer',
    label: 'Repetitions',
    unit: 'runs',
    min: 1,
    max: MAX_REPETITIONS,
    help: 'Measured runs per point; more repetitions give tighter intervals.',
  },
  shuffleSeed: {
    kind: 'integer',
    label: 'Shuffle seed',
    min: 0,
    max: MAX_SEED,
    help: 'When set, the order of the runs within each round is shuffled with this seed instead of the balanced rotation.',
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
