import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerDigest } from '../../../src/core/userdata';
import { answerAt, jobOf, papaparseRows, utf8 } from './userdata-test-helpers';

const TEXT_CHARS = ['a', 'Z', ',', '"', '\n', '\r\n', '\r', ' ', 'é', '€', '🙂'];
const text = fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 6 }).map((cs) => cs.join(''));
const key = fc.constantFrom('k', 'k,2', 'q"q', 'n\nl', 'ü', '🙂', '');
const decimal = fc.oneof(
  fc.constant(''),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.tuple(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 3 })).map(
    ([i, f, places]) => `${i < 0 ? '-' : ''}${Math.abs(i)}.${String(f).padStart(3, '0').slice(0, places)}`,
  ),
);

function field(v: string, forceQuotes: boolean): string {
  return forceQuotes || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const file = fc
  .record({
    rows: fc.array(fc.tuple(key, text, decimal, fc.boolean()), { minLength: 1, maxLength: 25 }),
    newline: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ rows, newline, bom, finalNewline }) => {
    const lines = ['key,note,value', ...rows.map(([k, t, d, q]) => [field(k, q), field(t, q), field(d, q)].join(','))];
    return { text: (bom ? '\ufeff' : '') + lines.join(newline) + (finalNewline ? newline : ''), newline };
  });

// Any generated CSV, cut at any offsets, merged in any order: the sequential answer, and papaparse's.
describe('generated CSV files cut anywhere', () => {
  it('give the sequential answer and papaparse reads the same', () => {
    fc.assert(
      fc.property(
        file,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 9 }),
        ({ text: csv, newline }, fractions, shuffle) => {
          const bytes = utf8(csv);
          const job = jobOf(bytes, 'csv', 'key', ['value']);
          const reference = answerAt(job, bytes);
          if ('ok' in reference) throw new Error(reference.message);
          expect(reference.rows).toEqual(papaparseRows(new TextDecoder().decode(bytes), 'csv', newline, 'key', ['value']));
          const span = bytes.length - job.dataStart;
          const inner = fractions.map((f) => job.dataStart + Math.floor(f * span)).sort((a, b) => a - b);
          const cuts = [job.dataStart, ...inner, bytes.length];
          const order = [...Array(cuts.length - 1).keys()].sort((a, b) => (shuffle[a] ?? a) - (shuffle[b] ?? b) || a - b);
          const answer = answerAt(job, bytes, cuts, order);
          if ('ok' in answer) throw new Error(answer.message);
          expect(answer.rows).toEqual(reference.rows);
          expect(answerDigest(answer)).toBe(answerDigest(reference));
        },
      ),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
