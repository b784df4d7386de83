/** The `data-csv` figure: a user's CSV file grouped by the engine and by papaparse, the same answer checked. */

import type { FigureSpec } from './figures';

export const DATA_CSV_FIGURE: FigureSpec = {
  id: 'data-csv',
  title: 'Your CSV file, parse + group sequentially (100 MB, in a worker): engine vs papaparse',
  source: { kind: 'page', job: 'data-csv' },
  value: { series: 'engine', label: 'engine, one worker reading the File (file-slice)', unit: 'records/s' },
  reference: { series: 'reference', label: 'papaparse streaming the File in a worker, same grouping', unit: 'records/s' },
  ratio: { series: 'ratio', label: 'engine ÷ papaparse' },
  target: { on: 'ratio', op: '>=', bound: 1, text: '≥ 1.0× papaparse' },
  context: [
    { series: 'speedup2w', label: '2-worker speedup: one worker ÷ two workers (one chunk each, quote parities checked)', unit: '×' },
    { series: 'parallel', label: 'engine, 2 workers', unit: 'records/s' },
    { series: 'engineMBps', label: 'engine, one worker', unit: 'MB/s' },
    { series: 'papaparseMBps', label: 'papaparse', unit: 'MB/s' },
  ],
  method:
    'A generated 100 MB CSV File (built from 8 MB parts; quoted keys holding commas, quoted line breaks, decimals) grouped by ' +
    'its city column with amount and qty totalled (count, exact sum, min, max). Each trial, in rotating order: the engine on ' +
    'one worker of a warm pool of 2, the whole file as one chunk read through File slices; the same pool with two chunks; and ' +
    'papaparse 5 (delimiter given) streaming the same File in a module worker of its own — the file decoded by one ' +
    'TextDecoderStream and handed to papaparse\'s stream reader, because its own File reader decodes each 10 MiB slice apart ' +
    'and corrupts a character split by a slice boundary (one of this file\'s 9 boundaries does) — ' +
    'every row grouped with the engine\'s exact decimals. All three answers\' digests are compared every trial; times are ' +
    'the page\'s, from the call to the answer. 1 MB/s = 10^6 bytes per second.',
};
