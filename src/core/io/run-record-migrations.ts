/**
 * How stored and imported records of older layouts become today's. Each step takes a plain
 * object of version k and returns version k + 1 without mutating its input; the validator
 * checks the result, so a step leaves shapes it does not understand alone for the validator
 * to name.
 */

import type { Migrations } from './run-record';

/** What a round's entries need to carry for their order to be read. */
interface RoundEntry {
  repetition?: unknown;
  config?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a record's runs went in one fixed order, read from its repetitions (stored in the
 * order they finished, one entry per configuration and round). True only when it can be
 * seen: at least two complete rounds of at least two configurations, every one in the same
 * order. With one configuration, or one round, order cannot bias anything, and nothing is claimed.
 */
export function ranInFixedOrder(repetitions: readonly RoundEntry[]): boolean {
  const rounds = new Map<number, string[]>();
  for (const entry of repetitions) {
    if (typeof entry.repetition !== 'number') return false;
    const round = rounds.get(entry.repetition) ?? [];
    round.push(JSON.stringify(entry.config));
    rounds.set(entry.repetition, round);
  }
  const orders = [...rounds.values()];
  const configs = Math.max(0, ...orders.map((o) => o.length));
  // A cancelled run's last round may be cut short: only complete rounds say anything.
  const complete = orders.filter((o) => o.length === configs);
  if (configs < 2 || complete.length < 2) return false;
  const first = complete[0].join('\n');
  return complete.every((o) => o.join('\n') === first);
}

/**
 * Version 1 → 2: the run order made explicit. Version 1 records were written both before
 * rounds were counterbalanced (every round in one order, baseline first) and after, with no
 * field saying which, so a record without `fixedOrder` would read as counterbalanced. The
 * record's own repetitions tell: a run whose rounds all went in one order is marked
 * `fixedOrder: true`. Its data is untouched.
 */
function runOrderMadeExplicit(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const experiment = record.experiment;
  const repetitions = record.repetitions;
  if (!isPlainObject(experiment) || !Array.isArray(repetitions)) return { ...record };
  if (experiment.fixedOrder !== undefined || experiment.shuffleSeed !== undefined) return { ...record };
  if (!repetitions.every(isPlainObject) || !ranInFixedOrder(repetitions)) return { ...record };
  return { ...record, experiment: { ...experiment, fixedOrder: true } };
}

/** The app's migrations, keyed by the version they migrate from. */
export const MIGRATIONS: Migrations = {
  1: runOrderMadeExplicit,
};
