import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent, formatRate, formatRatio } from '../../../src/core/view/format';

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
