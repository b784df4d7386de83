import { describe, expect, it } from 'vitest';
import { parseDataArgs, wantsDataRun } from '../../src/node/experiment-data';

describe('npm run experiment -- --data …: arguments', () => {
  it('reads the file, format from the extension, columns, answer path and defaults', () => {
    const argv = ['--data', 'sales.TSV', '--group-by', 'city', '--aggregate', 'amount, qty', '--answer=out/a.csv'];
    expect(wantsDataRun(argv)).toBe(true);
    expect(parseDataArgs(argv)).toEqual({
      ok: true,
      options: {
        data: 'sales.TSV',
        answer: 'out/a.csv',
        request: { format: 'tsv', groupBy: 'city', aggregate: ['amount', 'qty'], workers: 2, shipping: 'file-slice' },
      },
    });
    expect(wantsDataRun(['--preset', 'amdahl-wall', '--out', 'x.csv'])).toBe(false);
  });

  it('measures with --reps, and with --out (5 repetitions unless --reps says otherwise)', () => {
    const base = ['--data', 's.csv', '--group-by', 'k'];
    const request = { format: 'csv', groupBy: 'k', aggregate: [], workers: 2, shipping: 'file-slice' };
    expect(parseDataArgs([...base, '--out', 'run.csv'])).toEqual({ ok: true, options: { data: 's.csv', out: 'run.csv', request: { ...request, repetitions: 5 } } });
    expect(parseDataArgs([...base, '--reps', '12', '--out', 'run.json'])).toEqual({ ok: true, options: { data: 's.csv', out: 'run.json', request: { ...request, repetitions: 12 } } });
    expect(parseDataArgs([...base, '--reps', '3'])).toEqual({ ok: true, options: { data: 's.csv', request: { ...request, repetitions: 3 } } });
  });

  it('names the argument at fault', () => {
    const cases: Array<[string[], string]> = [
      [['--data', 'x.txt', '--group-by', 'k'], '--data-format is needed: the extension of x.txt is not .csv, .tsv, .tab, .ndjson or .jsonl'],
      [['--data', 'x.txt', '--data-format', 'xml', '--group-by', 'k'], '--data-format must be csv, tsv or ndjson (got "xml")'],
      [['--data', 'x.csv'], '--group-by is required with --data: the key column'],
      [['--data', 'x.csv', '--group-by', 'k', '--workers', '0'], '--workers must be an integer from 1 to 64 (got "0")'],
      [['--data', 'x.csv', '--group-by', 'k', '--shipping', 'copy'], '--shipping must be file-slice or shared for a data file (got "copy")'],
      [['--data', 'x.csv', '--group-by', 'k', '--answer', 'a.json'], '--answer must end in .csv (got "a.json")'],
      [['--data', 'x.csv', '--group-by', 'k', '--kernel', 'k.js'], '--kernel runs a kernel over the file (npm run experiment -- --kernel FILE.js --data FILE); it does not combine with --group-by / --aggregate'],
      [['--data'], '--data needs a value'],
      [['--data', 'x.csv', '--group-by', 'k', '--out', 'r.txt'], '--out must end in .csv or .json (got "r.txt")'],
      [['--data', 'x.csv', '--group-by', 'k', '--reps', '0'], '--reps must be an integer from 1 to 200 (got "0")'],
      [['--data', 'x.csv', '--group-by', 'k', '--reps', '201'], '--reps must be an integer from 1 to 200 (got "201")'],
    ];
    for (const [argv, message] of cases) expect(parseDataArgs(argv), argv.join(' ')).toEqual({ ok: false, message });
  });
});
