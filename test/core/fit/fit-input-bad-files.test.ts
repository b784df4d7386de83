/** Every refusal of parseScalingCsv, with its exact message, line (1-based, as in the file) and column. */
import { describe, expect, it } from 'vitest';
import { checkFileSize, parseScalingCsv } from '../../../src/core/fit/fit-input';
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from '../../../src/core/fit/scaling-types';

describe('parseScalingCsv refuses bad files', () => {
  it('a missing worker-count column (at the header line, after a comment)', () => {
    expect(parseScalingCsv('# run 7\nfoo,throughput\n1,2\n')).toEqual({
      ok: false,
      code: 'missing-column',
      message:
        'Line 2: no worker-count column: expected "n" (or workers, threads, cores, processes); found "foo", "throughput".',
      line: 2,
    });
  });

  it('a missing measure column', () => {
    expect(parseScalingCsv('n,speed\n1,2\n')).toEqual({
      ok: false,
      code: 'missing-column',
      message:
        'Line 1: no measure column: expected "throughput" (or rate, x) or "time_ms" (or time, ms, elapsed_ms); found "n", "speed".',
      line: 1,
    });
  });

  it('a header that is not split by a known delimiter', () => {
    expect(parseScalingCsv('n throughput\n1 2\n')).toMatchObject({
      code: 'missing-column',
      message:
        'Line 1: no worker-count column: expected "n" (or workers, threads, cores, processes); found "n throughput". Columns must be separated by a comma, semicolon, tab or pipe (|).',
    });
  });

  it('two columns for the same quantity', () => {
    expect(parseScalingCsv('n,workers,x\n1,1,2\n')).toEqual({
      ok: false,
      code: 'ambiguous-column',
      message: 'Line 1, column 2 (workers): column 1 (n) and column 2 (workers) name the same quantity; keep one of them.',
      line: 1,
      column: { name: 'workers', index: 2 },
    });
  });

  it('no header row (numbers first)', () => {
    expect(parseScalingCsv('1,10\n2,20\n4,30\n')).toEqual({
      ok: false,
      code: 'no-header',
      message: 'Line 1: the first row must be a header naming the columns, such as "n,throughput"; found only numbers ("1", "10").',
      line: 1,
    });
  });

  it('nothing but blank and comment lines', () => {
    expect(parseScalingCsv('\n# only a comment\n  \n')).toEqual({
      ok: false,
      code: 'no-header',
      message: 'The file has no header row: expected a first line such as "n,throughput" or "n,time_ms".',
    });
  });

  it('a non-numeric cell', () => {
    expect(parseScalingCsv('n,throughput\n1,10\n2,abc\n4,30\n')).toEqual({
      ok: false,
      code: 'not-a-number',
      message: 'Line 3, column 2 (throughput): "abc" is not a number.',
      line: 3,
      column: { name: 'throughput', index: 2 },
    });
  });

  it('an empty cell', () => {
    expect(parseScalingCsv('n,throughput\n1,10\n2,\n4,30\n')).toEqual({
      ok: false,
      code: 'empty-cell',
      message: 'Line 3, column 2 (throughput): the cell is empty.',
      line: 3,
      column: { name: 'throughput', index: 2 },
    });
  });

  it('a row that ends before the measure column', () => {
    expect(parseScalingCsv('n,label,throughput\n1,a,10\n2\n4,c,30\n')).toEqual({
      ok: false,
      code: 'empty-cell',
      message: 'Line 3, column 3 (throughput): the value is missing: the row ends after 1 field.',
      line: 3,
      column: { name: 'throughput', index: 3 },
    });
  });

  it('more cells than the header (a decimal comma in a comma file)', () => {
    expect(parseScalingCsv('n,x\n1,10\n2,19,5\n')).toEqual({
      ok: false,
      code: 'field-count',
      message: 'Line 3: the row has 3 fields but the header (line 1) has 2. A decimal comma? Use "." for decimals, or quote the cell.',
      line: 3,
    });
  });

  it('a negative time', () => {
    expect(parseScalingCsv('n;time_ms\n1;100\n2;-5\n')).toEqual({
      ok: false,
      code: 'negative-value',
      message: 'Line 3, column 2 (time_ms): "-5" is negative: a time must be > 0 ms.',
      line: 3,
      column: { name: 'time_ms', index: 2 },
    });
  });

  it('a negative throughput', () => {
    expect(parseScalingCsv('n,x\n1,10\n2,-5\n')).toEqual({
      ok: false,
      code: 'negative-value',
      message: 'Line 3, column 2 (x): "-5" is negative: a throughput must be ≥ 0.',
      line: 3,
      column: { name: 'x', index: 2 },
    });
  });

  it.each([
    ['0', 3],
    ['-2', 3],
    ['-0.5', 3],
  ])('n = %s, not a positive load', (bad, line) => {
    expect(parseScalingCsv(`threads\ttime\n1\t100\n${bad}\t60\n`)).toEqual({
      ok: false,
      code: 'bad-worker-count',
      message: `Line ${line}, column 1 (threads): "${bad}" is not a load: n must be > 0 (a worker count such as 4, or an average load such as 0.5).`,
      line,
      column: { name: 'threads', index: 1 },
    });
  });

  it('a time of 0 ms (line counted past a comment and a blank line)', () => {
    expect(parseScalingCsv('# header below\n\nN,Elapsed_ms\n1,100\n2,0\n')).toEqual({
      ok: false,
      code: 'zero-time',
      message:
        'Line 5, column 2 (Elapsed_ms): a time of 0 ms gives no throughput and no speedup (was the run shorter than the timer can resolve?).',
      line: 5,
      column: { name: 'Elapsed_ms', index: 2 },
    });
  });

  it('fewer than 3 distinct n (repetitions do not count)', () => {
    expect(parseScalingCsv('n,time_ms\n1,93\n4,24\n1,95\n')).toEqual({
      ok: false,
      code: 'too-few-points',
      message:
        'Only 2 distinct worker counts (n = 1, 4): the fits need at least 3 distinct values of n (the USL has three parameters σ, κ, λ).',
    });
  });

  it('no data rows', () => {
    expect(parseScalingCsv('n,x\n# nothing yet\n')).toEqual({
      ok: false,
      code: 'too-few-points',
      message:
        'There are no data rows below the header: the fits need at least 3 distinct values of n (the USL has three parameters σ, κ, λ).',
    });
  });

  it('an unclosed quote (at the line where the cell opens)', () => {
    expect(parseScalingCsv('n,x\n1,10\n2,"19\n4,30\n')).toEqual({
      ok: false,
      code: 'bad-quotes',
      message: 'Line 3: a quoted cell (one that starts with ") never closes.',
      line: 3,
    });
  });

  it('more than 10,000 data rows (at the first row over the limit)', () => {
    const body = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => `${(i % 7) + 1},${i}`).join('\n');
    expect(parseScalingCsv(`# big\nn,x\n${body}`)).toEqual({
      ok: false,
      code: 'too-many-rows',
      message: 'Line 10003: more than 10,000 data rows; the limit is 10,000.',
      line: 10003,
    });
  });

  it('a file over 5 MiB, counted in UTF-8 bytes', () => {
    // 2-byte characters: under the limit in UTF-16 units, over it in bytes.
    const text = `n,x\n#${'é'.repeat(MAX_FILE_BYTES / 2)}`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(parseScalingCsv(text)).toEqual({
      ok: false,
      code: 'too-large',
      message: 'The file is 5.0 MiB (5,242,885 bytes); the limit is 5 MiB (5,242,880 bytes).',
    });
    expect(checkFileSize(MAX_FILE_BYTES)).toBeUndefined();
    expect(checkFileSize(6 * 1024 * 1024)?.message).toBe(
      'The file is 6.0 MiB (6,291,456 bytes); the limit is 5 MiB (5,242,880 bytes).',
    );
  });
});
