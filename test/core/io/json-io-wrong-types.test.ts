import { describe, expect, it } from 'vitest';
import { exportJson, parseImport } from '../../../src/core/io/json-io';
import { makeRecord } from '../../helpers/run-records';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function mutate(edit: (runs: Json[]) => void): string {
  const file = JSON.parse(exportJson([0, 1, 2, 3].map((i) => makeRecord({ id: `r${i}` })))) as { runs: Json[] };
  edit(file.runs);
  return JSON.stringify(file);
}

function message(text: string): string {
  const result = parseImport(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

describe('parseImport wrong types', () => {
  it('names the path, the expected type and what it got', () => {
    const text = mutate((runs) => (runs[3].experiment.base.workers = '4'));
    expect(message(text)).toBe('runs[3].experiment.base.workers: expected number, got string');
  });

  it('reports enum values, missing fields, unknown fields, bad ranges and non-integers by path', () => {
    expect(message(mutate((r) => (r[1].experiment.base.format = 'xml')))).toBe(
      'runs[1].experiment.base.format: expected ("fixed" | "varlen" | "csv"), got "xml"',
    );
    expect(message(mutate((r) => delete r[0].environment.userAgent)).startsWith('runs[0].environment.userAgent: missing')).toBe(true);
    expect(message(mutate((r) => (r[2].repetitions[1].sample.extra = 1))).startsWith('runs[2].repetitions[1].sample.extra: unknown field')).toBe(true);
    expect(message(mutate((r) => (r[0].experiment.base.serialFraction = 2)))).toBe('runs[0].experiment.base.serialFraction: expected <=1, got 2');
    expect(message(mutate((r) => (r[0].repetitions[0].repetition = 1.5)))).toBe('runs[0].repetitions[0].repetition: expected an integer, got 1.5');
    expect(message(mutate((r) => (r[0].repetitions[2].sample.digest.checksum = 'xyz')))).toBe(
      'runs[0].repetitions[2].sample.digest.checksum: expected 16 hex digits, got "xyz"',
    );
    expect(message(mutate((r) => (r[0].label = 'x'.repeat(201))))).toBe('runs[0].label: expected <=200, got 201');
    expect(message(mutate((r) => (r[0].repetitions = null)))).toBe('runs[0].repetitions: expected Array, got null');
    expect(message(mutate((r) => (r[0].createdAt = 'yesterday')))).toMatch(/^runs\[0\]\.createdAt: expected an ISO 8601 time/);
    expect(message(mutate((r) => (r[0].id = '../etc')))).toMatch(/^runs\[0\]\.id: expected 1–64 letters/);
  });

  it('refuses a file with one bad run among good ones as a whole', () => {
    const result = parseImport(mutate((r) => (r[2].status = 'exploded')));
    expect(result).toMatchObject({ ok: false, code: 'invalid-run' });
    expect('records' in result).toBe(false);
  });
});
