import { williamsOrder } from './counterbalance';
import { pointConfig, sweepCells } from '../model/config';
import type { ExperimentConfig, RunConfig, SweepParam } from '../model/types';
import { mulberry32 } from '../stats';

/**
 * A measured point of an experiment: one cell of the swept parameters' cross product, and the
 * sequential baseline its speedup is measured against.
 */
export interface PlannedPoint {
  index: number;
  config: RunConfig;
  /** Index into RunPlan.units of the point's own configuration. */
  unit: number;
  /** Index into RunPlan.units of its baseline: `worker-seq` on the same data and job. */
  baselineUnit: number;
  /** The swept values that make this point, e.g. { records: 1000, workers: 4 }. */
  coords: Partial<Record<SweepParam, number | string>>;
  label: string;
}

/** A distinct configuration to run. Points sharing a baseline share its unit, so it runs once per round. */
export interface PlannedUnit {
  index: number;
  key: string;
  config: RunConfig;
  role: 'measured' | 'baseline';
}

export interface PlannedStep {
  kind: 'warmup' | 'measure';
  unit: number;
  /** Round number: the warm-up index for warm-ups, the repetition for measurements. */
  round: number;
}

export interface RunPlan {
  points: PlannedPoint[];
  units: PlannedUnit[];
  /** Every run in execution order: warm-ups first, then measurement rounds interleaved across units. */
  steps: PlannedStep[];
  measuredSteps: number;
}

/** A stable key for a configuration: equal configs, equal keys (fields in a fixed order). */
export function configKey(config: RunConfig): string {
  const keys = Object.keys(config).sort() as (keyof RunConfig)[];
  return keys.map((k) => `${k}=${String(config[k])}`).join('&');
}

/**
 * The sequential baseline of a configuration: the whole job in one worker on the same data,
 * with the same shipping mode and pool life, so the speedup isolates the parallel part.
 */
export function baselineOf(config: RunConfig): RunConfig {
  return {
    ...config,
    strategy: 'worker-seq',
    workers: 1,
    scheduling: 'static',
    // generate-in-worker's baseline generates all data in the one worker; other modes ship it whole.
  };
}

/** Seeded Fisher–Yates shuffle (mulberry32), so a shuffled run order is reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const next = mulberry32(seed >>> 0);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The order of the units in measurement round `round`: counterbalanced by default (a
 * Williams design, see ./counterbalance), a seeded random permutation with `shuffleSeed`,
 * or the same order every round with `fixedOrder` (for teaching).
 */
export function roundOrder<T>(units: readonly T[], experiment: Pick<ExperimentConfig, 'shuffleSeed' | 'fixedOrder'>, round: number): T[] {
  if (experiment.fixedOrder === true) return units.slice();
  if (experiment.shuffleSeed !== undefined) return shuffled(units, (experiment.shuffleSeed + round * 0x9e3779b9) >>> 0);
  return williamsOrder(units.length, round).map((i) => units[i]);
}

/**
 * Turns an experiment into the list of runs to make. Measurement rounds go over every unit
 * once each, so that slow drift — thermal throttling, a neighbour's load — hits every
 * configuration alike instead of biasing the ones measured last (the interleaving hyperfine
 * and criterion recommend), and the order within a round is counterbalanced (roundOrder) so
 * that no configuration always runs first or always after the same one.
 */
export function planExperiment(experiment: ExperimentConfig): RunPlan {
  const cells = sweepCells(experiment.sweep);
  const units: PlannedUnit[] = [];
  const unitByKey = new Map<string, number>();
  const unitFor = (config: RunConfig, role: 'measured' | 'baseline'): number => {
    const key = configKey(config);
    const existing = unitByKey.get(key);
    if (existing !== undefined) {
      // A point that is itself the baseline configuration is measured, not only a baseline.
      if (role === 'measured') units[existing].role = 'measured';
      return existing;
    }
    const index = units.length;
    units.push({ index, key, config, role });
    unitByKey.set(key, index);
    return index;
  };

  const points: PlannedPoint[] = cells.map((coords, index) => {
    // The same configuration the form validates (expandPoints).
    const config = pointConfig(experiment.base, coords);
    const unit = unitFor(config, 'measured');
    const baselineUnit = unitFor(baselineOf(config), 'baseline');
    const label =
      Object.entries(coords)
        .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
        .join(', ') || 'this configuration';
    return { index, config, unit, baselineUnit, coords, label };
  });

  const steps: PlannedStep[] = [];
  for (let w = 0; w < experiment.warmups; w++) {
    for (const u of units) steps.push({ kind: 'warmup', unit: u.index, round: w });
  }
  for (let r = 0; r < experiment.repetitions; r++) {
    for (const u of roundOrder(units, experiment, r)) steps.push({ kind: 'measure', unit: u.index, round: r });
  }
  return { points, units, steps, measuredSteps: units.length * experiment.repetitions };
}
