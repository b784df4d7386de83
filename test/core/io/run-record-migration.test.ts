import { describe, expect, it } from 'vitest';
import { exportJson, parseImport } from '../../../src/core/io/json-io';
import { migrate, SCHEMA_VERSION, type Migrations, type RunRecord } from '../../../src/core/io/run-record';
import { makeRecord } from '../../helpers/run-records';

/**
 * A fabricated version 0 (never shipped): no schemaVersion field, `name` for the label,
 * `created` as epoch ms, `config`/`env` for experiment/environment, `state` with other words,
 * and a flat `samples` list.
 */
function toV0(r: RunRecord): Record<string, unknown> {
  return {
    id: r.id,
    created: Date.parse(r.createdAt),
    name: r.label,
    appVersion: r.appVersion,
    config: r.experiment,
    env: r.environment,
    state: { complete: 'done', cancelled: 'stopped', failed: 'error', partial: 'cut', running: 'busy' }[r.status],
    samples: r.repetitions.map((rep) => ({ point: rep.pointIndex, rep: rep.repetition, role: rep.role, config: rep.config, sample: rep.sample })),
  };
}

const V0_STATES: Record<string, RunRecord['status']> = { done: 'complete', stopped: 'cancelled', error: 'failed', cut: 'partial', busy: 'running' };

/** A fabricated v0 → v1 step, then the identity to today's version (the real 1 → 2 step has its own test). */
const FABRICATED: Migrations = {
  1: (record) => ({ ...record }),
  0: (old) => ({
    id: old.id,
    createdAt: new Date(old.created as number).toISOString(),
    label: old.name,
    appVersion: old.appVersion,
    experiment: old.config,
    environment: old.env,
    status: V0_STATES[old.state as string],
    repetitions: (old.samples as Record<string, unknown>[]).map((s) => ({
      pointIndex: s.point,
      repetition: s.rep,
      role: s.role,
      config: s.config,
      sample: s.sample,
    })),
  }),
};

describe('migrate', () => {
  it('runs the v0 → v1 step and validates the result', () => {
    const original = makeRecord({ id: 'old-run' });
    const result = migrate(toV0(original), { migrations: FABRICATED, assumeVersion: 0 });
    expect(result).toEqual({ ok: true, value: original, fromVersion: 0 });
  });

  it('also migrates v0 runs inside an import file of version 0', () => {
    const original = makeRecord({ id: 'old-run' });
    const file = JSON.parse(exportJson([])) as Record<string, unknown>;
    const text = JSON.stringify({ ...file, schemaVersion: 0, runs: [toV0(original)] });
    expect(parseImport(text, { migrations: FABRICATED })).toEqual({ ok: true, records: [original], migrated: ['old-run'] });
  });

  it('passes a current record through unchanged', () => {
    const record = makeRecord();
    expect(migrate(record)).toEqual({ ok: true, value: record, fromVersion: SCHEMA_VERSION });
  });

  it('reports a step that produces an invalid record with the path', () => {
    const broken: Migrations = { ...FABRICATED, 0: (old) => ({ ...FABRICATED[0]!(old), label: 42 }) };
    const result = migrate(toV0(makeRecord()), { migrations: broken, assumeVersion: 0 });
    expect(result).toMatchObject({ ok: false, code: 'invalid', message: 'label: expected string, got number' });
  });

  it('reports a step that throws', () => {
    const throwing: Migrations = { 0: () => { throw new Error('no samples field'); } };
    const result = migrate(toV0(makeRecord()), { migrations: throwing, assumeVersion: 0 });
    expect(result).toMatchObject({ ok: false, code: 'migration-failed' });
    expect(!result.ok && result.message).toContain('from schemaVersion 0 to 1 failed: no samples field');
  });

  it('refuses a record without a version when none is assumed, and a newer one', () => {
    expect(migrate(toV0(makeRecord()))).toMatchObject({ ok: false, code: 'unknown-version', message: expect.stringContaining('none') });
    expect(migrate({ ...makeRecord(), schemaVersion: SCHEMA_VERSION + 1 })).toMatchObject({
      ok: false,
      code: 'newer-version',
      message: expect.stringContaining(`schemaVersion ${SCHEMA_VERSION + 1} is newer`),
    });
    expect(migrate('a string')).toMatchObject({ ok: false, code: 'not-an-object' });
  });
});
