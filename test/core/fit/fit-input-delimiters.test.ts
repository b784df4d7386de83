/** The delimiter is guessed (comma, semicolon, tab, pipe); header names are case-insensitive aliases. */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';

const rows = [
  [1, 100],
  [2, 180],
  [4, 300],
];

function table(header: string, delimiter: string): string {
  return [header, ...rows.map((r) => r.join(delimiter))].join('\n');
}

describe('parseScalingCsv delimiters', () => {
  it.each([
    [',', 'n,throughput', 'comma'],
    [';', 'n;throughput', 'semicolon'],
    ['\t', 'n\tthroughput', 'tab'],
    ['|', 'n|throughput', 'pipe'],
  ])('reads %j-separated values', (delimiter, header) => {
    const parsed = parseScalingCsv(table(header, delimiter));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.rows).toEqual([
      { line: 2, n: 1, throughput: 100 },
      { line: 3, n: 2, throughput: 180 },
      { line: 4, n: 4, throughput: 300 },
    ]);
  });

  it('says so when the file is not comma-separated', () => {
    const semicolon = parseScalingCsv(table('n;throughput', ';'));
    const tab = parseScalingCsv(table('n\tthroughput', '\t'));
    expect(semicolon.ok && semicolon.notes).toEqual(['Read as semicolon-separated values.']);
    expect(tab.ok && tab.notes).toEqual(['Read as tab-separated values.']);
  });

  it('reads a semicolon file with decimal points, and refuses decimal commas by line and column', () => {
    const ok = parseScalingCsv('Threads;Rate\n1;1.5\n2;2.75\n4;4.25\n');
    expect(ok.ok && ok.rows.map((r) => r.throughput)).toEqual([1.5, 2.75, 4.25]);
    expect(parseScalingCsv('Threads;Rate\n1;1.5\n2;2,75\n4;4.25\n')).toEqual({
      ok: false,
      code: 'not-a-number',
      message: 'Line 3, column 2 (Rate): "2,75" is not a number. Use "." as the decimal separator and no thousands separators.',
      line: 3,
      column: { name: 'Rate', index: 2 },
    });
  });

  it('matches header aliases case-insensitively and trimmed, and ignores other columns', () => {
    const parsed = parseScalingCsv('label\t WORKERS \tElapsed_MS\na\t1\t100\nb\t2\t60\nc\t4\t40\n');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.measure).toBe('time_ms');
    expect(parsed.columns).toEqual({ n: { name: 'WORKERS', index: 2 }, measure: { name: 'Elapsed_MS', index: 3 } });
    expect(parsed.rows.map((r) => [r.n, r.timeMs])).toEqual([
      [1, 100],
      [2, 60],
      [4, 40],
    ]);
  });

  it('skips blank and # comment lines and keeps the file’s line numbers (CRLF, LF, a BOM)', () => {
    const text = '\uFEFF# measured on a laptop\r\n\r\nn,x\r\n1,10\r\n   \r\n  # warm-up discarded\r\n2,19\r\n4,30';
    const parsed = parseScalingCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows).toEqual([
      { line: 4, n: 1, throughput: 10 },
      { line: 7, n: 2, throughput: 19 },
      { line: 8, n: 4, throughput: 30 },
    ]);
  });

  it('counts a line break inside a quoted cell when numbering the lines after it', () => {
    const parsed = parseScalingCsv('n,label,x\n1,"two\nlines",10\n2,b,19\n4,c,30\n');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it('accepts a trailing delimiter (an empty extra cell)', () => {
    const parsed = parseScalingCsv('n,x,\n1,10,\n2,19,\n4,30,\n');
    expect(parsed.ok && parsed.rows.length).toBe(3);
  });
});
