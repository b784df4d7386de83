import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPERIMENT,
  cloneExperiment,
  expandPoints,
  formatSweepValues,
  parseNumberText,
  parseSweepValues,
  pointCount,
  RECORD_STEPS,
  nearestRecordStep,
  sweepPresets,
  workerCap,
} from '../../../src/core/model/config';

describe('parseNumberText', () => {
  it('reads plain, grouped and exponent forms', () => {
    expect(parseNumberText('200000')).toBe(200_000);
    expect(parseNumberText(' 200_000 ')).toBe(200_000);
    expect(parseNumberText('200 000')).toBe(200_000);
    expect(parseNumberText('2e5')).toBe(200_000);
    expect(parseNumberText('0.5')).toBe(0.5);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('-1')).toBe(-1);
    expect(parseNumberText('1e12')).toBe(1e12);
  });
  it('gives NaN for text, empty, hex and decimal commas', () => {
    for (const t of ['', 'abc', '0x10', '1,5', '12abc', '1e', '--1']) expect(parseNumberText(t)).toBeNaN();
  });
});

describe('sweep value lists', () => {
  it('parses numbers and names, ignoring blank items', () => {
    expect(parseSweepValues('workers', '1, 2,4,')).toEqual([1, 2, 4]);
    expect(parseSweepValues('records', '1e3; 10 000')).toEqual([1_000, 10_000]);
    expect(parseSweepValues('shipping', 'copy, transfer')).toEqual(['copy', 'transfer']);
    expect(parseSweepValues('workers', '')).toEqual([]);
    expect(parseSweepValues('workers', '1, x')).toEqual([1, Number.NaN]);
  });
  it('formats lists back', () => {
    expect(formatSweepValues([1, 2, 4])).toBe('1, 2, 4');
    expect(formatSweepValues(['copy', 'shared'])).toBe('copy, shared');
  });
});

describe('record slider stops', () => {
  it('runs 0, 1, 2, 5, 10 … 50M and snaps to the nearest on a log scale', () => {
    expect(RECORD_STEPS.slice(0, 5)).toEqual([0, 1, 2, 5, 10]);
    expect(RECORD_STEPS[RECORD_STEPS.length - 1]).toBe(50_000_000);
    expect(RECORD_STEPS).toHaveLength(25);
    expect(RECORD_STEPS[nearestRecordStep(200_000)]).toBe(200_000);
    expect(RECORD_STEPS[nearestRecordStep(300_000)]).toBe(200_000);
    expect(RECORD_STEPS[nearestRecordStep(400_000)]).toBe(500_000);
    expect(nearestRecordStep(0)).toBe(0);
    expect(nearestRecordStep(Number.NaN)).toBe(0);
    expect(RECORD_STEPS[nearestRecordStep(1e12)]).toBe(50_000_000);
  });
});

describe('worker cap and points', () => {
  it('is max(8, 2 × cores) capped at 64', () => {
    expect(workerCap(1)).toBe(8);
    expect(workerCap(2)).toBe(8);
    expect(workerCap(6)).toBe(12);
    expect(workerCap(40)).toBe(64);
    expect(workerCap(0)).toBe(8);
    expect(workerCap(Number.NaN)).toBe(8);
  });
  it('expands the cross product of the sweep, first axis outermost', () => {
    const e = cloneExperiment(DEFAULT_EXPERIMENT);
    e.sweep = [
      { param: 'records', values: [10, 20] },
      { param: 'workers', values: [1, 2, 4] },
    ];
    expect(pointCount(e)).toBe(6);
    expect(expandPoints(e).map((c) => [c.records, c.workers])).toEqual([
      [10, 1],
      [10, 2],
      [10, 4],
      [20, 1],
      [20, 2],
      [20, 4],
    ]);
    e.sweep = [];
    expect(expandPoints(e)).toEqual([DEFAULT_EXPERIMENT.base]);
  });
  it("cuts a batch larger than a point's records to its records", () => {
    const e = cloneExperiment(DEFAULT_EXPERIMENT);
    e.base.batchSize = 500;
    e.sweep = [{ param: 'records', values: [0, 10, 1_000] }];
    expect(expandPoints(e).map((c) => c.batchSize)).toEqual([500, 10, 500]);
  });
  it('offers worker presets within the cap and no shared shipping without isolation', () => {
    const env = { hardwareConcurrency: 2, crossOriginIsolated: false };
    expect(sweepPresets('workers', env).map((p) => p.label)).toEqual(['powers of 2 (1 → 8)', '1 → 8']);
    expect(sweepPresets('workers', env)[0]!.values).toEqual([1, 2, 4, 8]);
    expect(sweepPresets('workers', { hardwareConcurrency: 8, crossOriginIsolated: true })[2]).toEqual({
      label: '1 → 16 (cap)',
      values: Array.from({ length: 16 }, (_, i) => i + 1),
    });
    expect(sweepPresets('shipping', env)[0]!.values).toEqual(['copy', 'transfer', 'generate-in-worker']);
  });
});
