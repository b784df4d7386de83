/** What differs between two runs' settings: configuration, sweep, experiment and environment, field by field, in one order. */

import { COMPARE_CONFIG_FIELDS, FIELDS, formatNumber } from '../model/config';
import type { Environment } from '../model/environment';
import type { RunRecord } from '../io/run-record';
import type { ExperimentConfig, SweepParam } from '../model/types';
import type { FieldDiff, FieldGroup } from './compare';

/** Every RunConfig field, in the order a comparison lists them (the field table's compareOrder). */
const CONFIG_FIELDS = COMPARE_CONFIG_FIELDS;

const ENV_LABELS: Record<keyof Environment, string> = {
  hardwareConcurrency: 'Cores reported',
  crossOriginIsolated: 'Cross-origin isolated',
  sharedArrayBuffer: 'SharedArrayBuffer',
  atomicsWaitAsync: 'Atomics.waitAsync',
  moduleWorkers: 'Module workers',
  measuredCores: 'Cores measured',
  timerResolutionMs: 'Timer resolution (ms)',
  deviceMemoryGiB: 'Device memory (GiB)',
  userAgent: 'Browser (user agent)',
  appVersion: 'App version',
};

/** A setting as text: numbers with separators, booleans as yes/no, absent as an em dash. */
export function formatSetting(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function sweepValues(experiment: ExperimentConfig, param: SweepParam): string {
  const axis = experiment.sweep.find((a) => a.param === param);
  return axis ? axis.values.map(formatSetting).join(', ') : 'not swept';
}

/** How a run ordered the configurations within a round (plan.planExperiment). */
function orderText(e: ExperimentConfig): string {
  if (e.fixedOrder === true) return 'fixed';
  return e.shuffleSeed === undefined ? 'counterbalanced' : 'shuffled';
}

/** Field-by-field comparison of two runs' settings, every field listed, `changed` marking differences. */
export function diffSettings(before: RunRecord, after: RunRecord): FieldDiff[] {
  const out: FieldDiff[] = [];
  const b = before.experiment;
  const a = after.experiment;
  const sweptB = new Set(b.sweep.map((s) => s.param));
  const sweptA = new Set(a.sweep.map((s) => s.param));
  const row = (group: FieldGroup, path: string, label: string, bv: string, av: string, note?: string): void => {
    const changed = bv !== av && note === undefined;
    out.push({ group, path, label, before: bv, after: av, changed, ...(note !== undefined && bv !== av ? { note } : {}) });
  };

  for (const field of CONFIG_FIELDS) {
    const bothSwept = sweptB.has(field as SweepParam) && sweptA.has(field as SweepParam);
    row(
      'configuration',
      `base.${field}`,
      FIELDS[field].label,
      formatSetting(b.base[field]),
      formatSetting(a.base[field]),
      bothSwept ? 'swept in both runs, so this base value is not used' : undefined,
    );
  }
  const params: SweepParam[] = [];
  for (const axis of [...b.sweep, ...a.sweep]) if (!params.includes(axis.param)) params.push(axis.param);
  for (const param of params) {
    row('sweep', `sweep.${param}`, `Sweep of ${FIELDS[param].label.toLowerCase()}`, sweepValues(b, param), sweepValues(a, param));
  }
  row('experiment', 'warmups', FIELDS.warmups.label, formatSetting(b.warmups), formatSetting(a.warmups));
  row('experiment', 'repetitions', FIELDS.repetitions.label, formatSetting(b.repetitions), formatSetting(a.repetitions));
  row('experiment', 'shuffleSeed', FIELDS.shuffleSeed.label, formatSetting(b.shuffleSeed), formatSetting(a.shuffleSeed));
  row('experiment', 'fixedOrder', 'Run order', orderText(b), orderText(a));
  row('experiment', 'lessonId', 'Lesson', formatSetting(before.lessonId ?? b.lessonId), formatSetting(after.lessonId ?? a.lessonId));
  for (const key of Object.keys(ENV_LABELS) as (keyof Environment)[]) {
    row('environment', `environment.${key}`, ENV_LABELS[key], formatSetting(before.environment[key]), formatSetting(after.environment[key]));
  }
  return out;
}
