/**
 * The experiment form's rules, as pure data and functions: defaults, a description of
 * every control, and `fieldErrors`, which names each bad field and what it allows.
 * No DOM, no svelte: the URL-hash decoder, the form state and the unit tests share it.
 */
import {
  FORMATS,
  JOBS,
  POOL_LIVES,
  SCHEDULINGS,
  SHIPPINGS,
  STRATEGIES,
  SWEEP_PARAMS,
  VARLEN_SPLITS,
  type ExperimentConfig,
  type RunConfig,
  type SweepAxis,
  type SweepParam,
} from './types';
import type { EnvFacts } from './environment';

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

/** What the validation needs to know about this browser: a view of the one Environment. */
export type { EnvFacts };

/**
 * Why the `shared` shipping mode cannot run in this environment, or undefined when it can.
 * One sentence fragment, used by the form, the engine's validation and the lessons alike.
 */
export function sharedMemoryUnavailable(env: Pick<EnvFacts, 'crossOriginIsolated' | 'sharedArrayBuffer'>): string | undefined {
  if (env.sharedArrayBuffer ?? env.crossOriginIsolated) return undefined;
  return env.crossOriginIsolated
    ? 'this browser gives no SharedArrayBuffer here, even though the page is cross-origin isolated'
    : 'SharedArrayBuffer needs a cross-origin isolated page (COOP: same-origin and COEP: require-corp, from the server or the app’s service worker), and this page is not isolated';
}

/**
 * Largest worker count offered: twice the reported cores (so oversubscription can be shown),
 * at least 8, never above WORKER_HARD_LIMIT.
 */
export function workerCap(hardwareConcurrency: number): number {
  const hc = Number.isFinite(hardwareConcurrency) && hardwareConcurrency >= 1 ? Math.floor(hardwareConcurrency) : 1;
  return Math.min(WORKER_HARD_LIMIT, Math.max(8, 2 * hc));
}

/** Defaults that show overhead against speedup in a few seconds on a 2-core machine. */
export const DEFAULT_RUN_CONFIG: Readonly<RunConfig> = Object.freeze({
  seed: 1,
  records: 200_000,
  format: 'fixed',
  distinctKeys: 1_000,
  keySkew: 0,
  payloadBytes: 32,
  costSkew: 0,
  job: 'group',
  workRounds: 20,
  strategy: 'pool',
  workers: 2,
  shipping: 'transfer',
  scheduling: 'static',
  batchSize: 10_000,
  poolLife: 'cold',
  varlenSplit: 'index',
  serialFraction: 0,
});

/** The experiment a first visit shows: 1, 2 and 4 workers (4 oversubscribes a 2-core machine). */
export const DEFAULT_EXPERIMENT: Readonly<ExperimentConfig> = Object.freeze({
  base: DEFAULT_RUN_CONFIG,
  sweep: Object.freeze([Object.freeze({ param: 'workers', values: Object.freeze([1, 2, 4]) })]) as unknown as SweepAxis[],
  warmups: 1,
  repetitions: 5,
});

/** A deep, mutable copy of an experiment (plain data; safe for svelte proxies too). */
export function cloneExperiment(e: Readonly<ExperimentConfig>): ExperimentConfig {
  const out: ExperimentConfig = {
    base: { ...e.base },
    sweep: e.sweep.map((a) => ({ param: a.param, values: [...a.values] })),
    warmups: e.warmups,
    repetitions: e.repetitions,
  };
  if (e.shuffleSeed !== undefined) out.shuffleSeed = e.shuffleSeed;
  if (e.fixedOrder !== undefined) out.fixedOrder = e.fixedOrder;
  if (e.lessonId !== undefined) out.lessonId = e.lessonId;
  return out;
}

/** A fresh, mutable copy of DEFAULT_EXPERIMENT. */
export function defaultExperiment(): ExperimentConfig {
  return cloneExperiment(DEFAULT_EXPERIMENT);
}

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

/**
 * The range a numeric field allows for this experiment and machine: workers up to the
 * machine's cap; a dynamic batch no larger than the largest record count run.
 */
export function rangeOf(field: FieldId, experiment: ExperimentConfig, env: EnvFacts): { min: number; max: number } {
  const spec = FIELDS[field];
  if (spec.kind === 'choice') throw new Error(`${field} is not numeric`);
  if (field === 'workers') return { min: 1, max: workerCap(env.hardwareConcurrency) };
  if (field === 'batchSize' && experiment.base.scheduling === 'dynamic') {
    return { min: 1, max: Math.max(1, largestRecords(experiment)) };
  }
  return { min: spec.min, max: spec.max };
}

/** The largest record count any point of the experiment runs with (valid values only). */
function largestRecords(experiment: ExperimentConfig): number {
  const axis = experiment.sweep.find((a) => a.param === 'records');
  if (!axis) return isIntIn(experiment.base.records, 0, MAX_RECORDS) ? experiment.base.records : MAX_RECORDS;
  const valid = axis.values.filter((v): v is number => isIntIn(v, 0, MAX_RECORDS));
  return valid.length > 0 ? Math.max(...valid) : MAX_RECORDS;
}

function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** "Records must be an integer from 0 to 50,000,000" and the like. */
export function allowedText(spec: FieldSpec, range?: { min: number; max: number }): string {
  if (spec.kind === 'choice') return `one of ${spec.choices.join(', ')}`;
  const r = range ?? spec;
  return `${spec.kind === 'integer' ? 'an integer' : 'a number'} from ${formatNumber(r.min)} to ${formatNumber(r.max)}`;
}

/** Checks one value against one field; returns the message or undefined. */
export function valueError(field: FieldId, value: unknown, experiment: ExperimentConfig, env: EnvFacts): string | undefined {
  const spec = FIELDS[field];
  if (spec.kind === 'choice') {
    if (typeof value !== 'string' || !spec.choices.includes(value)) {
      return `${spec.label} must be ${allowedText(spec)}`;
    }
    const noShared = field === 'shipping' && value === 'shared' ? sharedMemoryUnavailable(env) : undefined;
    if (noShared) return `Shipping "shared" cannot run here: ${noShared}; choose copy, transfer or generate-in-worker`;
    return undefined;
  }
  const range = rangeOf(field, experiment, env);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (spec.kind === 'number' || Number.isInteger(value)) &&
    value >= range.min &&
    value <= range.max;
  return ok ? undefined : `${spec.label} must be ${allowedText(spec, range)}`;
}

/** Errors of a RunConfig alone (what every point of a sweep must also satisfy). */
export function runConfigErrors(config: RunConfig, env: EnvFacts): FieldErrors {
  const experiment: ExperimentConfig = { base: config, sweep: [], warmups: 0, repetitions: 1 };
  return baseErrors(experiment, env);
}

/** Every user-set RunConfig field, in the order the form shows them. */
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

function baseErrors(experiment: ExperimentConfig, env: EnvFacts): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of RUN_FIELDS) {
    const msg = valueError(field, experiment.base[field], experiment, env);
    if (msg) errors[field] = msg;
  }
  if (experiment.base.faultAtRecord !== undefined) {
    const msg = valueError('faultAtRecord', experiment.base.faultAtRecord, experiment, env);
    if (msg) errors.faultAtRecord = msg;
  }
  return errors;
}

/** Lesson ids are short kebab-case names (they travel in the URL). */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Every problem with an experiment, keyed by field ('records', 'sweep.0', …), each message
 * naming the field and what it allows. Empty when the experiment can run.
 */
export function fieldErrors(experiment: ExperimentConfig, env: EnvFacts): FieldErrors {
  const errors = baseErrors(experiment, env);
  for (const field of ['warmups', 'repetitions'] as const) {
    const msg = valueError(field, experiment[field], experiment, env);
    if (msg) errors[field] = msg;
  }
  if (experiment.shuffleSeed !== undefined) {
    const msg = valueError('shuffleSeed', experiment.shuffleSeed, experiment, env);
    if (msg) errors.shuffleSeed = msg;
  }
  if (experiment.lessonId !== undefined && !LESSON_ID.test(experiment.lessonId)) {
    errors.lessonId = 'Lesson id must be 1 to 64 lower-case letters, digits or dashes';
  }
  if (experiment.sweep.length > MAX_SWEEP_AXES) {
    errors.sweep = `At most ${MAX_SWEEP_AXES} parameters can be swept`;
  }
  const seen = new Set<string>();
  experiment.sweep.forEach((axis, i) => {
    const msg = axisError(axis, seen, experiment, env);
    if (msg) errors[`sweep.${i}`] = msg;
    seen.add(axis.param);
  });
  return errors;
}

function axisError(axis: SweepAxis, seen: Set<string>, experiment: ExperimentConfig, env: EnvFacts): string | undefined {
  if (!SWEEP_PARAMS.includes(axis.param)) {
    return `Swept parameter must be one of ${SWEEP_PARAMS.join(', ')}`;
  }
  const label = sweepLabel(axis.param);
  if (seen.has(axis.param)) return `${label} is swept twice; pick another parameter`;
  if (axis.values.length === 0) return `Swept ${label} needs at least one value`;
  if (axis.values.length > MAX_SWEEP_VALUES) return `Swept ${label} takes at most ${MAX_SWEEP_VALUES} values`;
  const unique = new Set<number | string>();
  for (const v of axis.values) {
    const msg = valueError(axis.param, v, experiment, env);
    if (msg) {
      const spec = FIELDS[axis.param];
      if (spec.kind === 'choice' && msg.includes('cross-origin')) return `Swept ${msg}`;
      const range = spec.kind === 'choice' ? undefined : rangeOf(axis.param, experiment, env);
      return `Swept ${label}: each value must be ${allowedText(spec, range)} (got ${describeValue(v)})`;
    }
    if (unique.has(v)) return `Swept ${label}: ${describeValue(v)} appears twice`;
    unique.add(v);
  }
  return undefined;
}

function describeValue(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'not a number' : formatNumber(v);
  if (typeof v === 'string') return v === '' ? 'an empty value' : JSON.stringify(v);
  return String(v);
}

/** Number of points (configurations) an experiment runs: the product of its sweep sizes. */
export function pointCount(experiment: ExperimentConfig): number {
  return experiment.sweep.reduce((n, a) => n * a.values.length, 1);
}

/** The swept values of every point: the sweep's cross product, first axis outermost. */
export function sweepCells(sweep: readonly SweepAxis[]): Partial<Record<SweepParam, number | string>>[] {
  let cells: Partial<Record<SweepParam, number | string>>[] = [{}];
  for (const axis of sweep) {
    const next: Partial<Record<SweepParam, number | string>>[] = [];
    for (const cell of cells) for (const v of axis.values) next.push({ ...cell, [axis.param]: v });
    cells = next;
  }
  return cells;
}

/**
 * The RunConfig of one point: the base with the point's swept values. A batch larger than
 * the point's records is cut to its records (one batch holds all the data), so a records
 * sweep from 10 upwards keeps a batch size chosen for the large points. No other validation.
 */
export function pointConfig(base: RunConfig, cell: Partial<Record<SweepParam, number | string>>): RunConfig {
  const config = { ...base, ...cell } as RunConfig;
  if (config.records > 0 && config.batchSize > config.records) config.batchSize = config.records;
  return config;
}

/** The RunConfig of every point, in sweep order (first axis outermost); see pointConfig. */
export function expandPoints(experiment: ExperimentConfig): RunConfig[] {
  return sweepCells(experiment.sweep).map((cell) => pointConfig(experiment.base, cell));
}

/** Record counts the log slider stops at: 0, then 1, 2, 5 × 10^k up to MAX_RECORDS. */
export const RECORD_STEPS: readonly number[] = (() => {
  const steps = [0];
  for (let p = 1; p <= MAX_RECORDS; p *= 10) {
    for (const m of [1, 2, 5]) if (m * p <= MAX_RECORDS) steps.push(m * p);
  }
  return steps;
})();

/** Index of the slider stop nearest (on a log scale) to a record count; 0 for 0 or invalid. */
export function nearestRecordStep(records: number): number {
  if (!(records > 0)) return 0;
  const target = Math.log10(records);
  let best = 1;
  for (let i = 2; i < RECORD_STEPS.length; i++) {
    if (Math.abs(Math.log10(RECORD_STEPS[i]) - target) < Math.abs(Math.log10(RECORD_STEPS[best]) - target)) best = i;
  }
  return best;
}

// ---------------------------------------------------------------------------
// Text the user typed → numbers.

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses what a person types into a number field: "200000", "200_000", "200 000", "2e5",
 * "0.5". Anything else (empty, "abc", "0x10", "1,5") gives NaN, so validation can say why.
 */
export function parseNumberText(text: string): number {
  const compact = text.trim().replace(/(?<=\d)[_\s\u00a0\u202f](?=\d)/g, '');
  return NUMBER_TEXT.test(compact) ? Number(compact) : Number.NaN;
}

/** Parses a comma (or semicolon) separated list of sweep values for a parameter. */
export function parseSweepValues(param: SweepParam, text: string): (number | string)[] {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p, i, all) => p !== '' || all.length === 1);
  if (parts.length === 1 && parts[0] === '') return [];
  return FIELDS[param].kind === 'choice' ? parts : parts.map(parseNumberText);
}

/** The text a sweep value list is shown as. */
export function formatSweepValues(values: readonly (number | string)[]): string {
  return values.map((v) => (typeof v === 'number' && Number.isNaN(v) ? '?' : String(v))).join(', ');
}

/** Ready-made value lists for a swept parameter. */
export function sweepPresets(param: SweepParam, env: EnvFacts): { label: string; values: (number | string)[] }[] {
  const cap = workerCap(env.hardwareConcurrency);
  switch (param) {
    case 'records':
      return [
        { label: '10 → 1M (×10)', values: [10, 100, 1_000, 10_000, 100_000, 1_000_000] },
        { label: '1k → 10M (×10)', values: [1_000, 10_000, 100_000, 1_000_000, 10_000_000] },
        { label: '100k → 3.2M (×2)', values: [100_000, 200_000, 400_000, 800_000, 1_600_000, 3_200_000] },
      ];
    case 'workers': {
      const pow2: number[] = [];
      for (let n = 1; n <= cap; n *= 2) pow2.push(n);
      const upTo = (m: number) => Array.from({ length: Math.min(m, cap) }, (_, i) => i + 1);
      const presets = [
        { label: `powers of 2 (1 → ${pow2[pow2.length - 1]})`, values: pow2 },
        { label: `1 → ${Math.min(8, cap)}`, values: upTo(8) },
      ];
      const top = Math.min(cap, MAX_SWEEP_VALUES);
      if (top > 8) presets.push({ label: `1 → ${top}${top === cap ? ' (cap)' : ''}`, values: upTo(top) });
      return presets;
    }
    case 'batchSize':
      return [
        { label: '10 → 100k (×10)', values: [10, 100, 1_000, 10_000, 100_000] },
        { label: '1 → 10k (×10)', values: [1, 10, 100, 1_000, 10_000] },
      ];
    case 'workRounds':
      return [
        { label: '0 → 1000 (×10)', values: [0, 1, 10, 100, 1_000] },
        { label: '0, 20, 200', values: [0, 20, 200] },
      ];
    case 'shipping':
      return [
        {
          label: env.crossOriginIsolated ? 'all four' : 'all available',
          values: SHIPPINGS.filter((s) => s !== 'shared' || env.crossOriginIsolated),
        },
        { label: 'copy vs transfer', values: ['copy', 'transfer'] },
      ];
    case 'strategy':
      return [
        { label: 'all four', values: [...STRATEGIES] },
        { label: 'main-async vs pool', values: ['main-async', 'pool'] },
      ];
    case 'serialFraction':
      return [{ label: '0 → 0.9', values: [0, 0.1, 0.25, 0.5, 0.9] }];
    case 'costSkew':
      return [{ label: '0, 0.5, 1', values: [0, 0.5, 1] }];
    case 'keySkew':
      return [{ label: 'uniform → Zipf 2', values: [0, 0.5, 1, 2] }];
    case 'distinctKeys':
      return [{ label: '10 → 100k (×10)', values: [10, 100, 1_000, 10_000, 100_000] }];
    default: {
      const spec = FIELDS[param];
      return spec.kind === 'choice' ? [{ label: 'all', values: [...spec.choices] }] : [];
    }
  }
}
