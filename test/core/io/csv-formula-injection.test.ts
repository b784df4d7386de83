import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { samplesCsv } from '../../../src/core/io/csv';
import { makeRecord } from '../../helpers/run-records';

const DANGEROUS = ['=SUM(A1:A9)', '+cmd|"/C calc"!A0', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1'];

describe('samplesCsv formula-injection defence', () => {
  it('prefixes text cells that start with = + - @ tab or CR with an apostrophe', () => {
    const records = DANGEROUS.map((label, i) =>
      makeRecord({ id: `run-${i}`, label, points: 1, repetitions: 1, baseline: false, overrides: { lessonId: label } }),
    );
    const parsed = Papa.parse<Record<string, string>>(samplesCsv(records), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.label)).toEqual(DANGEROUS.map((l) => `'${l}`));
    expect(parsed.data.map((r) => r.lesson_id)).toEqual(DANGEROUS.map((l) => `'${l}`));
  });

  it('leaves harmless text alone', () => {
    const parsed = Papa.parse<Record<string, string>>(
      samplesCsv([makeRecord({ label: 'a=b, x-y @home', points: 1, repetitions: 1, baseline: false })]),
      { header: true, skipEmptyLines: true },
    );
    expect(parsed.data[0].label).toBe('a=b, x-y @home');
  });

  it('writes negative numbers as numbers, without the prefix', () => {
    const record = makeRecord({ points: 1, repetitions: 1, baseline: false });
    record.repetitions[0].sample.phasesMs.shipOut = -0.125;
    record.repetitions[0].sample.phasesMs.merge = -3;
    const parsed = Papa.parse<Record<string, string>>(samplesCsv([record]), { header: true, skipEmptyLines: true });
    expect(parsed.data[0].ship_out_ms).toBe('-0.125');
    expect(parsed.data[0].merge_ms).toBe('-3');
  });
});
