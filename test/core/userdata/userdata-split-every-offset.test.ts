import { describe, expect, it } from 'vitest';
import { answerDigest } from '../../../src/core/userdata';
import { answerAt, jobOf, papaparseRows, utf8 } from './userdata-test-helpers';

// Quoted commas, doubled quotes, a quoted CRLF and a quoted LF, multi-byte UTF-8 (2, 3 and
// 4 bytes), a BOM, an empty value and a last line without a line end.
const ROWS = [
  'city,note,amount,qty',
  '"Zürich, CH","said ""hi""",1.25,3',
  '日本,"line1\r\nline2",-2.5,',
  '"Zürich, CH","a\nb",10,4',
  '🙂,plain,0.125,-1',
  '日本,,7,2',
];

const EXPECTED = [
  ['Zürich, CH', '2', '11.250', '1.250', '10.000', '7', '3', '4'],
  ['日本', '2', '4.500', '-2.500', '7.000', '2', '2', '2'],
  ['🙂', '1', '0.125', '0.125', '0.125', '-1', '-1', '-1'],
];

describe.each([
  ['CRLF', '\r\n'],
  ['LF', '\n'],
] as const)('a small tricky file with %s line ends, cut anywhere', (_name, newline) => {
  const text = '\ufeff' + ROWS.join(newline);
  const bytes = utf8(text);
  const job = jobOf(bytes, 'csv', 'city', ['amount', 'qty']);

  it('reads the exact answer sequentially, as papaparse does', () => {
    const answer = answerAt(job, bytes);
    if ('ok' in answer) throw new Error(answer.message);
    expect(answer.rows).toEqual(EXPECTED);
    expect(answer.records).toBe(5);
    expect(papaparseRows(new TextDecoder().decode(bytes), 'csv', newline, 'city', ['amount', 'qty'])).toEqual(EXPECTED);
  });

  it('gives the same answer and digest for one cut at every byte offset', () => {
    const reference = answerAt(job, bytes);
    if ('ok' in reference) throw new Error(reference.message);
    for (let cut = job.dataStart; cut <= bytes.length; cut++) {
      const answer = answerAt(job, bytes, [job.dataStart, cut, bytes.length], [1, 0]);
      if ('ok' in answer) throw new Error(`cut ${cut}: ${answer.message}`);
      expect(answer.rows, `cut at ${cut}`).toEqual(EXPECTED);
      expect(answerDigest(answer)).toBe(answerDigest(reference));
    }
  });

  it('gives the same answer for every pair of cuts (three chunks)', () => {
    let checked = 0;
    for (let a = job.dataStart; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b++) {
        const answer = answerAt(job, bytes, [job.dataStart, a, b, bytes.length], [2, 0, 1]);
        if ('ok' in answer) throw new Error(`cuts ${a}, ${b}: ${answer.message}`);
        expect(answer.rows).toEqual(EXPECTED);
        checked++;
      }
    }
    const n = bytes.length - job.dataStart + 1;
    expect(checked).toBe((n * (n + 1)) / 2);
  });
});
