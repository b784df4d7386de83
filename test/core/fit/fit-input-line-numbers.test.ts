/**
 * Property: whatever mix of blank lines, comments and line endings (LF, CRLF, CR) a file
 * has, every row and every error names the line an editor shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';

type Piece = { kind: 'data'; n: number; x: number } | { kind: 'blank'; text: string } | { kind: 'comment'; text: string };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ kind: fc.constant('data' as const), n: fc.integer({ min: 1, max: 64 }), x: fc.integer({ min: 0, max: 1e6 }) }),
  fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', ' ', '\t', '   ') }),
  fc.record({ kind: fc.constant('comment' as const), text: fc.constantFrom('# note', '  # indented', '#,;|"') }),
);

const breaks = fc.constantFrom('\n', '\r\n', '\r');

describe('parseScalingCsv line numbers', () => {
  it('match the file for rows and for a bad cell at the end', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), breaks, fc.constantFrom(',', ';', '\t', '|'), (pieces, br, d) => {
        const body = [{ kind: 'data', n: 1, x: 5 }, { kind: 'data', n: 2, x: 9 }, { kind: 'data', n: 3, x: 12 }, ...pieces] as Piece[];
        const lines = ['# header follows', `n${d}throughput`, ...body.map((p) => (p.kind === 'data' ? `${p.n}${d}${p.x}` : p.text))];
        const expected = body.flatMap((p, i) => (p.kind === 'data' ? [{ line: i + 3, n: p.n, throughput: p.x }] : []));
        const parsed = parseScalingCsv(lines.join(br));
        expect(parsed.ok && parsed.rows).toEqual(expected);

        const bad = parseScalingCsv([...lines, `4${d}oops`].join(br) + br);
        expect(bad).toMatchObject({ ok: false, code: 'not-a-number', line: lines.length + 1 });
      }),
      { numRuns: 300, seed: 20250131 },
    );
  });
});
