/**
 * The valibot schemas of a stored run, and the sanity limits they enforce. Strict about types
 * (unknown fields are refused, numbers must be finite) and bounded (string lengths, array
 * sizes), so a corrupt or hostile record is refused with the path of the first problem instead
 * of reaching a chart or a CSV. Bounds are deliberately wider than the form's (model/fields.ts),
 * so a run that was valid when recorded stays loadable when those limits change.
 */
import * as v from 'valibot';
import type { Environment } from '../model/environment';
import { DATA_FILE_FORMATS, type RunInput } from '../model/run-input';
import { FIELDS, RUN_CONFIG_FIELDS, type RunFieldSpec } from '../model/fields';
import {
  PHASES,
  SWEEP_PARAMS,
  type Digest,
  type ExperimentConfig,
  type Phase,
  type RepetitionRecord,
  type RunConfig,
  type RunStatus,
  type Sample,
  type Span,
  type SweepAxis,
} from '../model/types';
import type { PointSummary, RunRecord } from './run-record';

/** The record layout this app writes. Older records are migrated on load (see `migrate`). */
export const SCHEMA_VERSION = 2;

/** Sanity bounds of a stored record. Wider than the form's limits on purpose (see the file comment). */
export const LIMITS = {
  idChars: 64,
  labelChars: 200,
  lessonIdChars: 64,
  appVersionChars: 64,
  userAgentChars: 2048,
  errorChars: 10_000,
  /** Repetition records in one run (points × repetitions × roles). */
  repetitions: 500_000,
  /** Busy spans in one sample (dynamic scheduling with tiny batches makes many). */
  spansPerSample: 1_000_000,
  workers: 1024,
  records: 1_000_000_000,
  sweepAxes: 2,
  sweepValues: 1000,
  sweepValueChars: 64,
  warmups: 10_000,
  experimentRepetitions: 100_000,
  /** Points in one experiment (the sweep's cross product). */
  points: 1_000_000,
  /** A data file's name, a column name, columns in one file, a kernel module's characters. */
  fileNameChars: 1024,
  columnChars: 1024,
  columns: 10_000,
  kernelSourceChars: 1024 * 1024,
} as const;

// ---------------------------------------------------------------------------
// Schemas

const finite = v.pipe(v.number(), v.finite('expected a finite number'));
const nonNegative = v.pipe(v.number(), v.finite('expected a finite number'), v.minValue(0));
const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('expected an integer'), v.minValue(min), v.maxValue(max));
const numberIn = (min: number, max: number) =>
  v.pipe(v.number(), v.finite('expected a finite number'), v.minValue(min), v.maxValue(max));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const hex16 = v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{16}$/, 'expected 16 hex digits'));

/** Letters, digits, `-`, `_`: safe as a storage key part and a file name. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const runId = v.pipe(v.string(), v.regex(RUN_ID_PATTERN, 'expected 1–64 letters, digits, "-" or "_"'));

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const isoTime = v.pipe(
  v.string(),
  v.maxLength(40),
  v.regex(ISO_8601, 'expected an ISO 8601 time such as 2025-01-31T12:00:00.000Z'),
  v.check((s) => Number.isFinite(Date.parse(s)), 'expected a real calendar time'),
);

const SPAN_KINDS = ['generate', 'index', 'serial', 'compute', 'ship-in', 'ship-out', 'merge', 'init'] as const;
const RUN_STATUSES = ['running', 'complete', 'cancelled', 'failed', 'partial'] as const;
const ROLES = ['measured', 'baseline'] as const;

/** A RunConfig field as a stored run may carry it: the field table's kind with its stored bounds or choices. */
function storedFieldSchema(spec: RunFieldSpec): v.GenericSchema {
  if (spec.kind === 'choice') return v.picklist(spec.storedChoices ?? spec.choices);
  const bounds = spec.stored ?? spec;
  return spec.kind === 'integer' ? int(bounds.min, bounds.max) : numberIn(bounds.min, bounds.max);
}

/**
 * A stored run configuration: one entry per RunConfig field of the field table (model/fields),
 * the optional test option optional, nothing else. Derived, so a field added to the table is
 * stored and read back with no second list to keep in step.
 */
export const RunConfigSchema = v.strictObject(
  Object.fromEntries(
    RUN_CONFIG_FIELDS.map((f) => [f, f === 'faultAtRecord' ? v.optional(storedFieldSchema(FIELDS[f])) : storedFieldSchema(FIELDS[f])]),
  ),
) as unknown as v.GenericSchema<RunConfig, RunConfig> & { readonly entries: Readonly<Record<keyof RunConfig, v.GenericSchema>> };

const phaseEntries = Object.fromEntries(PHASES.map((p) => [p, finite])) as Record<Phase, typeof finite>;
export const PhasesSchema = v.strictObject(phaseEntries);

export const SpanSchema = v.strictObject({
  worker: int(-1, LIMITS.workers),
  kind: v.picklist(SPAN_KINDS),
  startMs: finite,
  endMs: finite,
  records: v.optional(int(0, LIMITS.records)),
});

export const DigestSchema = v.strictObject({
  records: int(0, LIMITS.records),
  checksum: hex16,
  tableHash: hex16,
});

export const SampleSchema = v.strictObject({
  wallMs: nonNegative,
  phasesMs: PhasesSchema,
  spans: v.pipe(v.array(SpanSchema), v.maxLength(LIMITS.spansPerSample)),
  recordsPerWorker: v.pipe(v.array(int(0, LIMITS.records)), v.maxLength(LIMITS.workers)),
  batchesPerWorker: v.pipe(v.array(int(0, LIMITS.records)), v.maxLength(LIMITS.workers)),
  digest: DigestSchema,
  correct: v.boolean(),
  startedAtMs: finite,
  message: v.optional(text(LIMITS.labelChars * 4)),
});

export const RepetitionSchema = v.strictObject({
  pointIndex: int(0, LIMITS.points),
  repetition: int(0, LIMITS.experimentRepetitions),
  role: v.picklist(ROLES),
  config: RunConfigSchema,
  sample: SampleSchema,
});

const SweepAxisSchema = v.strictObject({
  param: v.picklist(SWEEP_PARAMS),
  values: v.pipe(
    v.array(v.union([finite, text(LIMITS.sweepValueChars)])),
    v.maxLength(LIMITS.sweepValues),
  ),
});

export const ExperimentSchema = v.strictObject({
  base: RunConfigSchema,
  sweep: v.pipe(v.array(SweepAxisSchema), v.maxLength(LIMITS.sweepAxes)),
  warmups: int(0, LIMITS.warmups),
  repetitions: int(0, LIMITS.experimentRepetitions),
  shuffleSeed: v.optional(int(0, 2 ** 32 - 1)),
  fixedOrder: v.optional(v.boolean()),
  lessonId: v.optional(text(LIMITS.lessonIdChars)),
});

export const EnvironmentSchema = v.strictObject({
  userAgent: text(LIMITS.userAgentChars),
  hardwareConcurrency: int(0, 1 << 16),
  crossOriginIsolated: v.boolean(),
  timerResolutionMs: nonNegative,
  deviceMemoryGiB: v.optional(nonNegative),
  appVersion: text(LIMITS.appVersionChars),
  sharedArrayBuffer: v.optional(v.boolean()),
  atomicsWaitAsync: v.optional(v.boolean()),
  moduleWorkers: v.optional(v.boolean()),
  measuredCores: v.optional(int(1, 1 << 16)),
});

const PointSummarySchema = v.strictObject({
  pointIndex: int(0, LIMITS.points),
  role: v.picklist(ROLES),
  n: int(0, LIMITS.repetitions),
  medianMs: nonNegative,
  ci95LoMs: nonNegative,
  ci95HiMs: nonNegative,
});

export const RunStatusSchema = v.picklist(RUN_STATUSES);

const DataFileFactsSchema = v.strictObject({
  name: text(LIMITS.fileNameChars),
  bytes: int(0, Number.MAX_SAFE_INTEGER),
  format: v.picklist(DATA_FILE_FORMATS),
});

/** What a run measured when it was not the generated records (model/run-input.ts). */
export const RunInputSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('data-file'),
    file: DataFileFactsSchema,
    job: v.picklist(['group', 'parse']),
    groupBy: v.optional(text(LIMITS.columnChars)),
    aggregate: v.pipe(v.array(text(LIMITS.columnChars)), v.maxLength(LIMITS.columns)),
  }),
  v.strictObject({
    kind: v.literal('kernel'),
    source: text(LIMITS.kernelSourceChars),
    sourceHash: hex16,
    file: v.optional(DataFileFactsSchema),
  }),
]);

export const RunRecordSchema = v.strictObject({
  id: runId,
  createdAt: isoTime,
  label: text(LIMITS.labelChars),
  lessonId: v.optional(text(LIMITS.lessonIdChars)),
  input: v.optional(RunInputSchema),
  schemaVersion: v.literal(SCHEMA_VERSION),
  appVersion: text(LIMITS.appVersionChars),
  experiment: ExperimentSchema,
  environment: EnvironmentSchema,
  status: RunStatusSchema,
  error: v.optional(text(LIMITS.errorChars)),
  repetitions: v.pipe(v.array(RepetitionSchema), v.maxLength(LIMITS.repetitions)),
  pinned: v.optional(v.boolean()),
  summaries: v.optional(v.pipe(v.array(PointSummarySchema), v.maxLength(LIMITS.repetitions))),
});

/** A label as `rename` and `create` accept it. */
export const LabelSchema = text(LIMITS.labelChars);

// Compile-time guard: the schemas and the shared types must describe the same shapes, so a
// field added to types.ts fails the build here instead of being refused (or dropped) at runtime.
type SameShape<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;
const schemasMatchTypes: [
  SameShape<RunConfig, v.InferOutput<typeof RunConfigSchema>>,
  SameShape<Record<Phase, number>, v.InferOutput<typeof PhasesSchema>>,
  SameShape<Span, v.InferOutput<typeof SpanSchema>>,
  SameShape<Digest, v.InferOutput<typeof DigestSchema>>,
  SameShape<Sample, v.InferOutput<typeof SampleSchema>>,
  SameShape<RepetitionRecord, v.InferOutput<typeof RepetitionSchema>>,
  SameShape<SweepAxis, v.InferOutput<typeof SweepAxisSchema>>,
  SameShape<ExperimentConfig, v.InferOutput<typeof ExperimentSchema>>,
  SameShape<Environment, v.InferOutput<typeof EnvironmentSchema>>,
  SameShape<PointSummary, v.InferOutput<typeof PointSummarySchema>>,
  SameShape<RunStatus, v.InferOutput<typeof RunStatusSchema>>,
  SameShape<RunInput, v.InferOutput<typeof RunInputSchema>>,
  SameShape<RunRecord, v.InferOutput<typeof RunRecordSchema>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void schemasMatchTypes;
