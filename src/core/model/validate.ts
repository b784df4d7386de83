/**
 * The form's validation: every problem with an experiment as data (`fieldErrors`), each
 * message naming the field and what it allows, and the environment rules behind them.
 */
import {
  SWEEP_PARAMS,
  type ConfigProblem,
  type ExperimentConfig,
  type RunConfig,
  type SweepAxis,
} from './types';
import type { EnvFacts } from './environment';
import {
  FIELDS,
  MAX_RECORDS,
  MAX_SWEEP_AXES,
  MAX_SWEEP_VALUES,
  RUN_FIELDS,
  WORKER_HARD_LIMIT,
  formatNumber,
  sweepLabel,
  type FieldErrors,
  type FieldId,
  type FieldSpec,
} from './fields';

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


/**
 * The range a numeric field allows for this experiment and machine: workers up to the
 * machine's cap; a dynamic batch no larger than the largest record count run (any size when
 * that is 0 records: there is nothing to batch). A static run ignores its batch size.
 */
export function rangeOf(field: FieldId, experiment: ExperimentConfig, env: EnvFacts): { min: number; max: number } {
  const spec = FIELDS[field];
  if (spec.kind === 'choice') throw new Error(`${field} is not numeric`);
  if (field === 'workers') return { min: 1, max: workerCap(env.hardwareConcurrency) };
  if (field === 'batchSize' && experiment.base.scheduling === 'dynamic') {
    const largest = largestRecords(experiment);
    return { min: 1, max: largest > 0 ? largest : spec.max };
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

/** True when the strategy ships data to workers, so that the shipping mode matters. */
export function usesShipping(strategy: RunConfig['strategy']): boolean {
  return strategy === 'pool' || strategy === 'worker-seq';
}

/**
 * The one rule of a field: its value against the field table's type and range (for this
 * experiment and machine), as a problem naming the field and what it allows, or undefined.
 * The form words it for a person (`valueError`); the engine throws it as a ConfigError.
 * `shared` is refused where it cannot run, but only for a strategy that ships data.
 */
export function fieldProblem(field: FieldId, value: unknown, experiment: ExperimentConfig, env: EnvFacts): ConfigProblem | undefined {
  const spec = FIELDS[field];
  if (spec.kind === 'choice') {
    if (typeof value !== 'string' || !spec.choices.includes(value)) return { field, allowed: allowedText(spec), got: value };
    const noShared = field === 'shipping' && value === 'shared' && usesShipping(experiment.base.strategy) ? sharedMemoryUnavailable(env) : undefined;
    if (noShared) return { field, allowed: `copy, transfer or generate-in-worker here: "shared" cannot run because ${noShared}`, got: value };
    return undefined;
  }
  const range = rangeOf(field, experiment, env);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (spec.kind === 'number' || Number.isInteger(value)) &&
    value >= range.min &&
    value <= range.max;
  return ok ? undefined : { field, allowed: allowedText(spec, range), got: value };
}

/** Checks one value against one field; returns the form's message or undefined. */
export function valueError(field: FieldId, value: unknown, experiment: ExperimentConfig, env: EnvFacts): string | undefined {
  const problem = fieldProblem(field, value, experiment, env);
  if (!problem) return undefined;
  if (field === 'shipping' && value === 'shared' && problem.allowed.includes('cannot run because')) {
    return `Shipping "shared" cannot run here: ${sharedMemoryUnavailable(env)}; choose copy, transfer or generate-in-worker`;
  }
  return `${FIELDS[field].label} must be ${problem.allowed}`;
}

/**
 * Every problem of one run configuration, as data, in the form's field order: the one
 * definition the form's per-point check and the engine's validation share (the engine adds
 * only what needs the engine: module workers and the memory budget).
 */
export function configProblems(config: RunConfig, env: EnvFacts): ConfigProblem[] {
  const experiment: ExperimentConfig = { base: config, sweep: [], warmups: 0, repetitions: 1 };
  const problems: ConfigProblem[] = [];
  for (const field of RUN_FIELDS) {
    const problem = fieldProblem(field, config[field], experiment, env);
    if (problem) problems.push(problem);
  }
  if (config.faultAtRecord !== undefined) {
    const problem = fieldProblem('faultAtRecord', config.faultAtRecord, experiment, env);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Errors of a RunConfig alone (what every point of a sweep must also satisfy). */
export function runConfigErrors(config: RunConfig, env: EnvFacts): FieldErrors {
  const experiment: ExperimentConfig = { base: config, sweep: [], warmups: 0, repetitions: 1 };
  return baseErrors(experiment, env);
}

/** Each user-set field's error, in the order the form shows them. */
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

