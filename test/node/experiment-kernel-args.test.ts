import { describe, expect, it } from 'vitest';
import { DEFAULT_KERNEL_SPEC } from '../../src/core/kernel';
import { parseKernelArgs, wantsKernelRun } from '../../src/node/experiment-kernel';

describe('npm run experiment -- --kernel …: arguments', () => {
  it('reads the kernel, the built-in records and the defaults', () => {
    const argv = ['--kernel', 'k.js', '--records=5000', '--format', 'varlen', '--shipping', 'shared', '--answer', 'out/a.json'];
    expect(wantsKernelRun(argv)).toBe(true);
    expect(wantsKernelRun(['--data', 'x.csv', '--group-by', 'k'])).toBe(false);
    expect(parseKernelArgs(argv)).toEqual({
      ok: true,
      options: {
        kernel: 'k.js',
        answer: 'out/a.json',
        request: { dataFormat: null, spec: { ...DEFAULT_KERNEL_SPEC, records: 5000, format: 'varlen' }, workers: 2, shipping: 'shared', scheduling: 'static', repetitions: 3 },
      },
    });
  });

  it('reads a data file, its format from the extension, file-slice by default', () => {
    expect(parseKernelArgs(['--kernel', 'k.mjs', '--data', 'log.jsonl', '--workers', '4', '--scheduling', 'dynamic', '--reps', '1'])).toEqual({
      ok: true,
      options: { kernel: 'k.mjs', data: 'log.jsonl', request: { dataFormat: 'ndjson', spec: { ...DEFAULT_KERNEL_SPEC }, workers: 4, shipping: 'file-slice', scheduling: 'dynamic', repetitions: 1 } },
    });
  });

  it('names the argument at fault', () => {
    const cases: Array<[string[], string]> = [
      [['--kernel', 'k.ts'], '--kernel must be a JavaScript module ending in .js or .mjs (got "k.ts")'],
      [['--kernel'], '--kernel needs a value'],
      [['--kernel', 'k.js', '--answer', 'a.csv'], '--answer must end in .json for a kernel (got "a.csv")'],
      [['--kernel', 'k.js', '--workers', '0'], '--workers must be an integer from 1 to 64 (got "0")'],
      [['--kernel', 'k.js', '--reps', '51'], '--reps must be an integer from 1 to 50 (got "51")'],
      [['--kernel', 'k.js', '--records', '-3'], '--records must be an integer from 0 to 50000000 (got "-3")'],
      [['--kernel', 'k.js', '--format', 'xml'], '--format must be fixed, varlen, csv (got "xml")'],
      [['--kernel', 'k.js', '--shipping', 'file-slice'], '--shipping must be copy, transfer, shared, generate-in-worker for the built-in records (got "file-slice")'],
      [['--kernel', 'k.js', '--data', 'x.csv', '--shipping', 'copy'], '--shipping must be file-slice, shared for a data file (got "copy")'],
      [['--kernel', 'k.js', '--data', 'x.txt'], '--data-format is needed: the extension of x.txt is not .csv, .tsv, .tab, .ndjson or .jsonl'],
      [['--kernel', 'k.js', '--data', 'x.csv', '--records', '10'], '--records sets the built-in records; with --data the file is the input'],
      [['--kernel', 'k.js', '--data-format', 'csv'], '--data-format needs --data'],
      [['--kernel', 'k.js', '--data', 'x.csv', '--group-by', 'city'], '--group-by belongs to the group job; a kernel reads every column itself: use --kernel or --group-by, not both'],
      [['--kernel', 'k.js', '--kernel', 'j.js'], '--kernel is given twice'],
      [['--kernel', 'k.js', '--scheduling', 'guided'], '--scheduling must be static or dynamic (got "guided")'],
    ];
    for (const [argv, message] of cases) expect(parseKernelArgs(argv), argv.join(' ')).toEqual({ ok: false, message });
    const unknown = parseKernelArgs(['--kernel', 'k.js', '--preset', 'x']);
    expect(unknown.ok).toBe(false);
    expect((unknown as { message: string }).message).toMatch(/^unknown argument "--preset" with --kernel\nusage:/);
  });
});
