import { describe, expect, it } from 'vitest';
import { makeJob, readHeader, type DataIssue } from '../../../src/core/userdata';
import { answerAt, jobOf, utf8 } from './userdata-test-helpers';

/** The issue of the sequential parse, after checking that every single cut reports exactly it. */
function issueEverywhere(text: string, aggregate = ['v']): DataIssue {
  const bytes = utf8(text);
  const job = jobOf(bytes, 'csv', 'k', aggregate);
  const sequential = answerAt(job, bytes);
  if (!('ok' in sequential)) throw new Error('expected a problem, got an answer');
  for (let cut = job.dataStart; cut <= bytes.length; cut++) {
    expect(answerAt(job, bytes, [job.dataStart, cut, bytes.length], [1, 0]), `cut at ${cut}`).toEqual(sequential);
  }
  return sequential;
}

describe('files that cannot be read name the line and byte', () => {
  it('an empty file, or one holding only a BOM or blank lines', () => {
    for (const text of ['', '\ufeff', '\n\r\n']) {
      const h = readHeader(utf8(text), 'csv', true);
      expect(h).toMatchObject({ ok: false, code: 'empty-file', line: 1 });
    }
    expect(readHeader(utf8(''), 'ndjson', true)).toMatchObject({ ok: false, code: 'empty-file' });
  });

  it('a file whose first line is data, not names', () => {
    expect(readHeader(utf8('1,2.5\n3,4\n'), 'csv', true)).toMatchObject({
      ok: false,
      code: 'no-header',
      line: 1,
      byteOffset: 0,
    });
    expect(readHeader(utf8('[1,2]\n'), 'ndjson', true)).toMatchObject({ ok: false, code: 'no-header' });
    expect(readHeader(utf8('a,,c\n'), 'csv', true)).toMatchObject({ ok: false, code: 'bad-header', message: 'column 2 of the header has no name (line 1, byte 0)' });
  });

  it('a column the header does not have', () => {
    const header = readHeader(utf8('k,v\na,1\n'), 'csv', true);
    if (header === 'need-more' || !header.ok) throw new Error('header');
    expect(makeJob(header, 'k', ['w'])).toMatchObject({ ok: false, code: 'unknown-column', message: 'no column "w" in the header; the columns are "k", "v"' });
  });

  it('an unclosed quote: the line and byte of its opening quote', () => {
    expect(issueEverywhere('k,v\na,1\n"b,2\nc,3\n')).toEqual({
      ok: false,
      code: 'unclosed-quote',
      message: 'a quoted field is never closed: its opening quote (line 3, row 2, byte 8)',
      line: 3,
      byteOffset: 8,
      row: 2,
    });
  });

  it('a record with the wrong number of fields', () => {
    expect(issueEverywhere('k,v\na,1\nb\nc,3\n')).toEqual({
      ok: false,
      code: 'field-count',
      message: 'the record has 1 fields; the header has 2 (line 3, row 2, byte 8)',
      line: 3,
      byteOffset: 8,
      row: 2,
    });
  });

  it('a non-numeric value in an aggregated column: row and column, lines counted through a quoted line break', () => {
    expect(issueEverywhere('k,v\n"a\nb",1\nc,1x\n')).toEqual({
      ok: false,
      code: 'not-numeric',
      message: '"1x" in column "v" is not a number (allowed: digits with an optional sign and decimal point) (line 4, row 2, byte 14)',
      line: 4,
      byteOffset: 14,
      row: 2,
      column: 'v',
    });
  });

  it('exponent notation is refused with its own advice', () => {
    expect(issueEverywhere('k,v\na,1.5e3\n')).toMatchObject({ code: 'exponent', line: 2, row: 1, column: 'v', byteOffset: 6 });
  });

  it('a quote inside an unquoted field, and text after a closing quote', () => {
    expect(issueEverywhere('k,v\na,1\nb 5",2\n')).toMatchObject({ code: 'stray-quote', line: 3, byteOffset: 11 });
    expect(issueEverywhere('k,v\n"a"x,2\n')).toMatchObject({ code: 'after-quote', line: 2, byteOffset: 7 });
  });

  it('a key that is not valid UTF-8', () => {
    const bytes = new Uint8Array([...utf8('k,v\na,1\n'), 0x62, 0xff, ...utf8(',2\n')]);
    const job = jobOf(bytes, 'csv', 'k', ['v']);
    const sequential = answerAt(job, bytes);
    expect(sequential).toEqual({
      ok: false,
      code: 'invalid-utf8',
      message: 'the key is not valid UTF-8 (line 3, row 2, byte 8)',
      line: 3,
      byteOffset: 8,
      row: 2,
      column: 'k',
    });
    for (let cut = job.dataStart; cut <= bytes.length; cut++) {
      expect(answerAt(job, bytes, [job.dataStart, cut, bytes.length])).toEqual(sequential);
    }
  });

  it('the first problem wins: an earlier one hides a later one', () => {
    expect(issueEverywhere('k,v\na,x\nb\n')).toMatchObject({ code: 'not-numeric', line: 2 });
  });
});
