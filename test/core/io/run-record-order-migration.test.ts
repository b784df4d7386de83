import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION, type RunRecord } from '../../../src/core/io/run-record';
import { ranInFixedOrder } from '../../../src/core/io/run-record-migrations';
import { makeRecord } from '../../helpers/run-records';

/** The record as version 1 stored it: no `fixedOrder`, whatever order its rounds ran in. */
function asVersion1(record: RunRecord): Record<string, unknown> {
  const { fixedOrder: _dropped, ...experiment } = record.experiment;
  return { ...record, schemaVersion: 1, experiment };
}

/** Reverses the order of every odd round, as a counterbalanced run of two configurations does. */
function alternated(record: RunRecord): RunRecord {
  const byRound = new Map<number, RunRecord['repetitions']>();
  for (const r of record.repetitions) byRound.set(r.repetition, [...(byRound.get(r.repetition) ?? []), r]);
  const repetitions = [...byRound.entries()].flatMap(([round, reps]) => (round % 2 === 1 ? [...reps].reverse() : reps));
  return { ...record, repetitions };
}

describe('version 1 → 2: the run order made explicit', () => {
  it('marks a record whose rounds all ran in one order as fixed-order, leaving its data alone', () => {
    const old = makeRecord({ points: 2, repetitions: 4 });
    const result = migrate(asVersion1(old));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromVersion).toBe(1);
    expect(result.value.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.value.experiment.fixedOrder).toBe(true);
    expect(result.value.repetitions).toEqual(old.repetitions);
  });

  it('leaves a counterbalanced record counterbalanced', () => {
    const result = migrate(asVersion1(alternated(makeRecord({ points: 2, repetitions: 4 }))));
    expect(result.ok && result.value.experiment.fixedOrder).toBe(undefined);
  });

  it('claims nothing when order cannot be seen: one round, or one configuration', () => {
    expect(ranInFixedOrder(makeRecord({ points: 2, repetitions: 1 }).repetitions)).toBe(false);
    expect(ranInFixedOrder(makeRecord({ points: 1, repetitions: 5, baseline: false }).repetitions)).toBe(false);
    expect(ranInFixedOrder([])).toBe(false);
  });

  it('reads only complete rounds (a cancelled run may end mid-round)', () => {
    const full = makeRecord({ points: 2, repetitions: 3 }).repetitions;
    const cut = [...full, { ...full[1], repetition: 3 }];
    expect(ranInFixedOrder(cut)).toBe(true);
  });

  it('keeps an explicit order or a shuffle seed as stored', () => {
    const seeded = asVersion1(makeRecord({ points: 2, repetitions: 4 }));
    (seeded.experiment as Record<string, unknown>).shuffleSeed = 7;
    const result = migrate(seeded);
    expect(result.ok && result.value.experiment).toMatchObject({ shuffleSeed: 7 });
    expect(result.ok && result.value.experiment.fixedOrder).toBe(undefined);
  });

  it('does not mutate its input', () => {
    const input = asVersion1(makeRecord({ points: 2, repetitions: 4 }));
    const copy = structuredClone(input);
    migrate(input);
    expect(input).toEqual(copy);
  });
});
