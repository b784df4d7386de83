import { describe, expect, it } from 'vitest';
import { newRunRecord, presentStatus, validateRecord, validateRepetition } from '../../../src/core/io/run-record';
import { ENVIRONMENT, makeRecord, makeRepetition } from '../../helpers/run-records';

describe('validateRecord', () => {
  it('accepts a valid record and returns a fresh copy', () => {
    const record = makeRecord();
    const result = validateRecord(record);
    expect(result).toEqual({ ok: true, value: record });
    expect(result.ok && result.value).not.toBe(record);
  });

  it('refuses non-finite numbers', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const rep = makeRepetition(0);
      rep.sample.wallMs = bad;
      expect(validateRepetition(rep)).toMatchObject({ ok: false, code: 'invalid' });
    }
    const rep = makeRepetition(0);
    rep.sample.phasesMs.merge = Number.NEGATIVE_INFINITY;
    expect(validateRepetition(rep)).toMatchObject({ ok: false, message: 'sample.phasesMs.merge: expected a finite number, got -Infinity' });
  });

  it('bounds string lengths and array sizes', () => {
    const rep = makeRepetition(0);
    rep.sample.recordsPerWorker = new Array(1025).fill(1);
    expect(validateRepetition(rep)).toMatchObject({ ok: false, message: 'sample.recordsPerWorker: expected <=1024, got 1025' });
    expect(validateRecord({ ...makeRecord(), error: 'e'.repeat(10_001) })).toMatchObject({ ok: false, message: 'error: expected <=10000, got 10001' });
  });

  it('refuses fields the format does not have', () => {
    expect(validateRecord({ ...makeRecord(), extra: true })).toMatchObject({ ok: false, message: expect.stringMatching(/^extra: unknown field/) });
  });
});

describe('newRunRecord and presentStatus', () => {
  it('creates a valid running record', () => {
    const record = newRunRecord({
      label: 'x',
      experiment: makeRecord().experiment,
      environment: ENVIRONMENT,
      lessonId: 'overhead',
      now: new Date('2025-05-05T05:05:05Z'),
    });
    expect(record).toMatchObject({ status: 'running', repetitions: [], createdAt: '2025-05-05T05:05:05.000Z', lessonId: 'overhead' });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(validateRecord(record).ok).toBe(true);
  });

  it("shows a 'running' record nobody is running as partial", () => {
    expect(presentStatus('running', false)).toBe('partial');
    expect(presentStatus('running', true)).toBe('running');
    expect(presentStatus('complete', false)).toBe('complete');
  });
});
