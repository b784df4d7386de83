import { describe, expect, it } from 'vitest';
import { addDecimal, addSum, emptySum, formatScaled, readDecimal, sumAt, type Decimal } from '../../../src/core/userdata/decimal';
import { answerAt, jobOf, utf8 } from './userdata-test-helpers';

function rowsOf(csv: string): string[][] {
  const bytes = utf8(csv);
  const answer = answerAt(jobOf(bytes, 'csv', 'k', ['v']), bytes);
  if ('ok' in answer) throw new Error(answer.message);
  return answer.rows;
}

function dec(text: string): Decimal {
  const d: Decimal = { m: 0, s: 0, f: 0 };
  const bytes = utf8(text);
  if (readDecimal(bytes, 0, bytes.length, d) !== 'ok') throw new Error(text);
  return d;
}

describe('sums, minima and maxima are exact decimals', () => {
  it('0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(rowsOf('k,v\na,0.1\na,0.2\n')).toEqual([['a', '2', '0.3', '0.1', '0.2']]);
  });

  it('integers past 2^53 and 19-digit fractions keep every digit', () => {
    expect(rowsOf('k,v\na,9007199254740993\na,1\na,-0.5\n')).toEqual([
      ['a', '3', '9007199254740993.5', '-0.5', '9007199254740993.0'],
    ]);
    expect(rowsOf('k,v\nb,0.1234567890123456789\nb,1\n')).toEqual([
      ['b', '2', '1.1234567890123456789', '0.1234567890123456789', '1.0000000000000000000'],
    ]);
  });

  it('a column is written at its largest scale; blanks, signs and a bare point are read', () => {
    expect(rowsOf('k,v\na, +1.5 \na,-.25\na,\na,7.\n')).toEqual([['a', '4', '8.25', '-0.25', '7.00']]);
  });

  it('a sum that leaves the safe-integer range spills into a bigint exactly', () => {
    const sum = emptySum();
    const big = dec('4503599627370495.5'); // 2^52 − 0.5: 17 significant digits, the bigint path
    const near = dec('900719925474099'); // 15 digits, the number path
    for (let i = 0; i < 20; i++) addDecimal(sum, i % 2 === 0 ? near : big);
    // 10 × 900719925474099 + 10 × 4503599627370495.5
    expect(formatScaled(sumAt(sum, 1), 1)).toBe('54043195528445945.0');
  });

  it('partial sums merged in any grouping give the same exact total', () => {
    const values = ['0.1', '12345678901234.56', '-3', '0.007', '99999999999999999.9', '-0.0001'].map(dec);
    const one = emptySum();
    for (const v of values) addDecimal(one, v);
    const left = emptySum();
    const right = emptySum();
    values.forEach((v, i) => addDecimal(i % 2 === 0 ? right : left, v));
    addSum(left, right);
    expect(sumAt(left, 4)).toBe(sumAt(one, 4));
    expect(formatScaled(sumAt(one, 4), 4)).toBe('100012345678901231.5669');
  });
});
