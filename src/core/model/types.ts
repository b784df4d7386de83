/**
 * The shared data shapes of the playground. Plain data only: everything here crosses
 * realms (main thread ⇄ workers), goes into IndexedDB and out to CSV/JSON.
 */

export type Format = 'fixed' | 'varlen' | 'csv';
export type JobKind = 'parse' | 'group' | 'group-naive';
export type Strategy = 'main' | 'main-async' | 'worker-seq' | 'pool';
/**
 * How data reaches the workers. `file-slice` is for a user's data file only: each worker
 * is handed the File (a handle, not its bytes) and reads its own slice(), so the page
 * never holds the file.
 */
export type Shipping = 'copy' | 'transfer' | 'shared' | 'generate-in-worker' | 'file-slice';
export type Scheduling = 'static' | 'dynamic';
export type PoolLife = 'cold' | 'warm';
/** How a `varlen` buffer is cut for workers: a serial index pass first, or byte cuts + resync. */
export type VarlenSplit = 'index' | 'resync';

export const FORMATS: readonly Format[] = ['fixed', 'varlen', 'csv'];
export const JOBS: readonly JobKind[] = ['parse', 'group', 'group-naive'];
export const STRATEGIES: readonly Strategy[] = ['main', 'main-async', 'worker-seq', 'pool'];
/** Shippings of the generated datasets. */
export const SHIPPINGS: readonly Shipping[] = ['copy', 'transfer', 'shared', 'generate-in-worker'];
/** Shippings of a user's data file (a File the page need not read): each worker reads its own part. */
export const DATA_FILE_SHIPPINGS: readonly Shipping[] = ['file-slice', 'shared'];
export const SCHEDULINGS: readonly Scheduling[] = ['static', 'dynamic'];
export const POOL_LIVES: readonly PoolLife[] = ['cold', 'warm'];
export const VARLEN_SPLITS: readonly VarlenSplit[] = ['index', 'resync'];

/** What data to generate. The same spec gives the same bytes in every realm. */
export interface DatasetSpec {
  /** PRNG seed, an integer 0 … 2^32−1. */
  seed: number;
  /** Number of records, an integer 0 … MAX_RECORDS. */
  records: number;
  format: Format;
  /** Number of distinct group keys, an integer 1 … MAX_DISTINCT_KEYS. */
  distinctKeys: number;
  /** Zipf exponent s of the key distribution; 0 = uniform. 0 … 4. */
  keySkew: number;
  /** Mean payload bytes of a `varlen` / `csv` record (ignored by `fixed`). 0 … 1024. */
  payloadBytes: number;
  /** 0 … 1: how strongly per-record cost grows towards the end of the data (a heavy tail). */
  costSkew: number;
}

/** What to compute over the data. */
export interface JobSpec {
  job: JobKind;
  /** Rounds of integer mixing per record (× the record's cost), 0 … MAX_WORK_ROUNDS. */
  workRounds: number;
  /** Test/lesson option: throw while processing the record with this id. */
  faultAtRecord?: number;
}

/** Everything that defines one measured configuration. */
export interface RunConfig extends DatasetSpec, JobSpec {
  strategy: Strategy;
  /** Worker count (for `pool`) or concurrent tasks (for `main-async`), 1 … workerCap. */
  workers: number;
  shipping: Shipping;
  scheduling: Scheduling;
  /** Records per batch for dynamic scheduling, 1 … records. */
  batchSize: number;
  poolLife: PoolLife;
  varlenSplit: VarlenSplit;
  /** 0 … 0.95: share of the sequential work that must run on one thread. */
  serialFraction: number;
}

/**
 * Proof of the answer. Identical answers give identical digests whatever the split,
 * the merge order or the realm. Hex strings so they survive JSON and CSV unchanged.
 */
export interface Digest {
  /** Records seen. */
  records: number;
  /** 64-bit order-independent checksum of every record's decoded fields and work, 16 hex digits. */
  checksum: string;
  /** 64-bit order-independent hash of the aggregate table (0…0 for `parse`), 16 hex digits. */
  tableHash: string;
}

/** The phases a sample is cut into, in pipeline order. */
export const PHASES = [
  'spawn',
  'init',
  'generate',
  'split',
  'shipIn',
  'compute',
  'shipOut',
  'merge',
  'teardown',
] as const;
export type Phase = (typeof PHASES)[number];

/** One busy span of one worker (or of the main thread, worker −1), on the shared clock. */
export interface Span {
  worker: number;
  kind: 'generate' | 'index' | 'serial' | 'compute' | 'ship-in' | 'ship-out' | 'merge' | 'init';
  /** Milliseconds on the shared clock: performance.timeOrigin + performance.now(). */
  startMs: number;
  endMs: number;
  /** Records handled in this span, when it handles records. */
  records?: number;
}

/** One repetition of one configuration. */
export interface Sample {
  /** Wall time of the whole run as the caller saw it, ms. */
  wallMs: number;
  /** Time per phase, ms. Phases that do not apply are 0. */
  phasesMs: Record<Phase, number>;
  spans: Span[];
  /** Records processed per worker (index = worker). */
  recordsPerWorker: number[];
  /** Batches processed per worker (index = worker). */
  batchesPerWorker: number[];
  digest: Digest;
  /** digest equals the sequential reference for the same dataset and job. */
  correct: boolean;
  /** Shared-clock ms when the run started; spans are relative to nothing else. */
  startedAtMs: number;
  /** Why the sample is incorrect (a digest or record-count mismatch); absent when correct. */
  message?: string;
}

/** A typed, expected failure of bad input: names the field and what is allowed. */
/** One problem with a configuration, as data: the field, what it allows, and what it got. */
export interface ConfigProblem {
  field: string;
  allowed: string;
  got: unknown;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly field: string,
    readonly allowed: string,
    readonly got: unknown,
  ) {
    super(`${field} must be ${allowed} (got ${formatGot(got)})`);
  }
}

/** A typed failure of corrupt data: names where in the input it is. */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    message: string,
    /** Byte offset (binary formats) or 1-based line number (csv) of the problem. */
    readonly at: { byteOffset?: number; line?: number },
  ) {
    super(message);
  }
}

function formatGot(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return String(v);
}

// ---------------------------------------------------------------------------
// Experiments: a base configuration, up to two swept parameters, warm-ups and repetitions.

/** Parameters a sweep may vary. */
export type SweepParam =
  | 'records'
  | 'workers'
  | 'batchSize'
  | 'shipping'
  | 'strategy'
  | 'workRounds'
  | 'job'
  | 'format'
  | 'scheduling'
  | 'poolLife'
  | 'varlenSplit'
  | 'serialFraction'
  | 'costSkew'
  | 'distinctKeys'
  | 'keySkew';
export const SWEEP_PARAMS: readonly SweepParam[] = [
  'records',
  'workers',
  'batchSize',
  'shipping',
  'strategy',
  'workRounds',
  'job',
  'format',
  'scheduling',
  'poolLife',
  'varlenSplit',
  'serialFraction',
  'costSkew',
  'distinctKeys',
  'keySkew',
];

export interface SweepAxis {
  param: SweepParam;
  /** Numbers for numeric parameters, names for shipping / strategy. */
  values: (number | string)[];
}

export interface ExperimentConfig {
  base: RunConfig;
  /** 0, 1 or 2 swept parameters; the points are their cross product. */
  sweep: SweepAxis[];
  /** Unmeasured runs per point before the repetitions (JIT, caches, pool warm-up). */
  warmups: number;
  /** Measured repetitions per point. */
  repetitions: number;
  /**
   * When set, the order of the runs within each round is a seeded random permutation
   * instead of the default counterbalanced (Williams) rotation.
   */
  shuffleSeed?: number;
  /**
   * When true, every round runs the configurations in the same order (baseline first) —
   * for teaching how a fixed order biases a result. Default: counterbalanced.
   */
  fixedOrder?: boolean;
  /** Lesson id when the experiment comes from a lesson. */
  lessonId?: string;
}

/** A finished repetition as the sweep runner hands it out (to storage and charts) the moment it exists. */
export interface RepetitionRecord {
  /**
   * Index of the first point (in the plan's point list) that this configuration belongs to.
   * A baseline shared by several points is run once per round and recorded once; match
   * baselines to points by configuration (plan.configKey), not by this index.
   */
  pointIndex: number;
  /** 0-based repetition number. */
  repetition: number;
  /** 'measured' is the point's own config, 'baseline' the worker-seq run on the same data. */
  role: 'measured' | 'baseline';
  config: RunConfig;
  sample: Sample;
}

export type RunStatus = 'running' | 'complete' | 'cancelled' | 'failed' | 'partial';
