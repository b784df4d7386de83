/**
 * The experiment form's state: the ExperimentConfig being edited, its errors, whether it can
 * run, and its link (URL hash) with the notice shown when a link could not be used whole.
 */
import {
  FIELDS,
  defaultExperiment,
  expandPoints,
  fieldErrors,
  formatNumber,
  sweepPresets,
  type ErrorKey,
  type FieldErrors,
} from '../core/model/config';
import { decodeHash, encodeHash } from '../core/io/url-hash';
import { SWEEP_PARAMS, type ExperimentConfig, type SweepParam } from '../core/model/types';
import { runConfigProblems } from '../engine/validate';
import type { RunEnv } from '../core/model/environment';

/** This browser's facts as the engine's validation sees them (the form checks every point with it). */
export type FormEnv = RunEnv;

/**
 * The engine's own check of every point (memory budget, batch vs records …), run once the
 * form's field rules pass, so Run is never enabled for a point the engine would refuse. Every
 * problem of every point is shown (the first one per field or sweep axis).
 */
export function engineErrors(experiment: ExperimentConfig, env: FormEnv): FieldErrors {
  const errors: FieldErrors = {};
  for (const point of expandPoints(experiment)) {
    for (const problem of runConfigProblems(point, env)) {
      const field = problem.field as keyof typeof FIELDS;
      const label = FIELDS[field]?.label ?? problem.field;
      const axis = experiment.sweep.findIndex((a) => a.param === problem.field);
      const key: ErrorKey = axis >= 0 ? `sweep.${axis}` : field in FIELDS ? field : 'sweep';
      if (errors[key]) continue;
      const value = typeof problem.got === 'number' ? formatNumber(problem.got) : String(problem.got);
      errors[key] = `${label} must be ${problem.allowed}` + (axis >= 0 ? ` (at ${label} = ${value})` : '');
    }
  }
  return errors;
}

export class ExperimentForm {
  /** The experiment being edited. Number fields may hold NaN or out-of-range values while typed. */
  experiment = $state<ExperimentConfig>(defaultExperiment());
  /** What was wrong with the last link read, if anything. */
  notice = $state<string | undefined>(undefined);
  readonly env: FormEnv;

  /** Every problem, keyed by field; empty when the experiment can run. */
  readonly errors: FieldErrors = $derived.by(() => {
    const own = fieldErrors(this.experiment, this.env);
    return Object.keys(own).length > 0 ? own : engineErrors(this.experiment, this.env);
  });
  readonly canRun: boolean = $derived(Object.keys(this.errors).length === 0);
  /**
   * The hash that reproduces the experiment ('#v=1&…'), '' for the defaults, and
   * undefined while the form has errors (a broken link is never written).
   */
  readonly hash: string | undefined = $derived.by(() => {
    if (!this.canRun) return undefined;
    const body = encodeHash(this.experiment);
    return body === 'v=1' ? '' : `#${body}`;
  });

  constructor(env: FormEnv, hash?: string) {
    this.env = env;
    if (hash !== undefined) this.loadHash(hash);
  }

  /**
   * Replaces the experiment with what a hash says; bad parts fall back and set `notice`.
   * A hash that is not a settings link (empty, '#results') leaves the form alone.
   */
  loadHash(hash: string): void {
    const decoded = decodeHash(hash, this.env);
    if (!decoded.fromLink) return;
    this.experiment = decoded.experiment;
    this.notice = decoded.notice;
  }

  /** Replaces the whole experiment (a lesson preset, an imported run). */
  load(experiment: ExperimentConfig): void {
    this.experiment = experiment;
    this.notice = undefined;
  }

  reset(): void {
    this.load(defaultExperiment());
  }

  dismissNotice(): void {
    this.notice = undefined;
  }

  error(key: ErrorKey): string | undefined {
    return this.errors[key];
  }

  /** Adds a swept parameter (the first not yet swept) with its first preset's values. */
  addAxis(): void {
    const used = new Set(this.experiment.sweep.map((a) => a.param));
    const param = SWEEP_PARAMS.find((p) => !used.has(p));
    if (!param || this.experiment.sweep.length >= 2) return;
    this.experiment.sweep.push({ param, values: sweepPresets(param, this.env)[0].values });
  }

  removeAxis(index: number): void {
    this.experiment.sweep.splice(index, 1);
  }

  /** Changes which parameter an axis sweeps; its values become that parameter's first preset. */
  setAxisParam(index: number, param: SweepParam): void {
    const axis = this.experiment.sweep[index];
    if (!axis || axis.param === param) return;
    axis.param = param;
    axis.values = sweepPresets(param, this.env)[0].values;
  }

  /** The sweep axis over a parameter, if it is swept. */
  sweptValues(param: SweepParam): (number | string)[] | undefined {
    return this.experiment.sweep.find((a) => a.param === param)?.values;
  }
}
