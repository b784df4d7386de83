/**
 * A sweep: its cross product of points and each point's configuration, the record-count
 * slider's stops, what a person types into a number or sweep field, and ready-made value lists.
 */
import {
  SHIPPINGS,
  STRATEGIES,
  type ExperimentConfig,
  type RunConfig,
  type SweepAxis,
  type SweepParam,
} from './types';
import type { EnvFacts } from './environment';
import { FIELDS, MAX_RECORDS, MAX_SWEEP_VALUES } from './fields';
import { workerCap } from './validate';

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
