import { describe, expect, it } from 'vitest';
import { answerDigest } from '../../../src/core/userdata';
import { answerAt, jobOf, papaparseRows, utf8 } from './userdata-test-helpers';

function everyCutAgrees(bytes: Uint8Array, format: 'tsv' | 'ndjson', groupBy: string, aggregate: string[]): string[][] {
  const job = jobOf(bytes, format, groupBy, aggregate);
  const reference = answerAt(job, bytes);
  if ('ok' in reference) throw new Error(reference.message);
  for (let cut = job.dataStart; cut <= bytes.length; cut++) {
    const answer = answerAt(job, bytes, [job.dataStart, cut, bytes.length], [1, 0]);
    if ('ok' in answer) throw new Error(`cut ${cut}: ${answer.message}`);
    expect(answerDigest(answer), `cut ${cut}`).toBe(answerDigest(reference));
  }
  return reference.rows;
}

describe('TSV and NDJSON files', () => {
  it('TSV: tabs separate, quotes are plain text, CRLF ends; papaparse agrees', () => {
    const text = 'name\tsay\tn\r\n"q\tsaid "hi"\t1.5\r\nü\t\t2\r\n"q\tx\t-1\r\n';
    const rows = everyCutAgrees(utf8(text), 'tsv', 'name', ['n']);
    expect(rows).toEqual([
      ['"q', '2', '0.5', '-1.0', '1.5'],
      ['ü', '1', '2.0', '2.0', '2.0'],
    ]);
    expect(papaparseRows(text, 'tsv', '\r\n', 'name', ['n'])).toEqual(rows);
  });

  it('NDJSON: keys of the first object name the columns; missing and null values are skipped', () => {
    const text =
      '\ufeff{"city":"Zürich","amount":1.25,"qty":"3"}\n' +
      '{"city":"日本","amount":-2.5}\n' +
      '\n' +
      '{"qty":4,"city":"Zürich","amount":null}\n' +
      '{"city":"日本","amount":"0.125","qty":2}';
    expect(everyCutAgrees(utf8(text), 'ndjson', 'city', ['amount', 'qty'])).toEqual([
      ['Zürich', '2', '1.250', '1.250', '1.250', '7', '3', '4'],
      ['日本', '2', '-2.375', '-2.500', '0.125', '2', '2', '2'],
    ]);
  });

  it('NDJSON: a line that is not an object names its line and byte', () => {
    const bytes = utf8('{"k":"a","v":1}\n{"k":"b","v":2}\n[3]\n');
    const answer = answerAt(jobOf(bytes, 'ndjson', 'k', ['v']), bytes);
    expect(answer).toEqual({
      ok: false,
      code: 'bad-json',
      message: 'the line is not a JSON object (line 3, row 3, byte 32)',
      line: 3,
      byteOffset: 32,
      row: 3,
    });
  });
});
