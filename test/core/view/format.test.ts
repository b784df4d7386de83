import { describe, expect, it } from 'vitest';
import { errorText, formatBytes, formatMs, formatPercent, formatRate, formatRatio, plural } from '../../../src/core/view/format';

describe('number formats', () => {
  it('formats milliseconds to about three significant figures', () => {
    expect(formatMs(0.4123)).toBe('0.412 ms');
    expect(formatMs(4.123)).toBe('4.12 ms');
    expect(formatMs(41.23)).toBe('41.2 ms');
    expect(formatMs(412.3)).toBe('412 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatMs(Number.NaN)).toBe('—');
  });
  it('formats rates, ratios and percentages', () => {
    expect(formatRate(16_234_000)).toBe('16.2 M records/s');
    expect(formatRate(950)).toBe('950 records/s');
    expect(formatRate(1_500)).toBe('1.50 k records/s');
    expect(formatRatio(1.616)).toBe('1.62×');
    expect(formatPercent(0.434)).toBe('43 %');
  });
});


describe('the shared text helpers', () => {
  it('plural: singular for exactly one, thousands separators, an irregular plural when given', () => {
    expect(plural(1, 'worker')).toBe('1 worker');
    expect(plural(0, 'run')).toBe('0 runs');
    expect(plural(1500, 'row')).toBe('1,500 rows');
    expect(plural(2, 'other series is', 'other series are')).toBe('2 other series are');
  });

  it('formatBytes: KiB below 1 MiB, MiB below 1 GiB, GiB to two decimals', () => {
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50.0 MiB');
    expect(formatBytes(1024 ** 3)).toBe('1.00 GiB');
    expect(formatBytes(3.2e9)).toBe('2.98 GiB');
  });

  it('errorText: the message, named when the name says more than "Error"', () => {
    expect(errorText(new Error('disk full'))).toBe('disk full');
    expect(errorText(new TypeError('not a function'))).toBe('TypeError: not a function');
    expect(errorText({ name: 'QuotaExceededError', message: 'quota' })).toBe('QuotaExceededError: quota');
    expect(errorText('plain')).toBe('plain');
  });
});
