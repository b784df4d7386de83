/** Shared results of `count` fabricated machines: different core counts, browsers and noise. */

import { shareLink, shareOfRun, type SharedResult } from '../../src/core/io/share-link';
import { makeSweepRecord } from './sweep-record';

const BROWSERS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
];
const CORES = [2, 4, 8, 16];

/** Machine k: CORES[k % 4] cores, BROWSERS[k % 3], seed k + 1, labelled "machine k". */
export function machineResult(k: number): SharedResult {
  const cores = CORES[k % CORES.length];
  const record = makeSweepRecord({ seed: k + 1, cores, repetitions: 5, records: [10_000, 100_000, 1_000_000], environment: { userAgent: BROWSERS[k % BROWSERS.length] } });
  return shareOfRun({ ...record, label: `machine ${k}` });
}

/** The share links of machines 0 … count − 1. */
export function machineLinks(count: number): string[] {
  return Array.from({ length: count }, (_, k) => shareLink('https://example.org/', machineResult(k)));
}
