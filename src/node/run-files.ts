/** The files a command-line run writes: the UI's own exports of one stored run. */

import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { samplesCsv, summaryCsv } from '../core/io/csv';
import { exportJson } from '../core/io/json-io';
import type { RunRecord } from '../core/io/run-record';

/** `<dir>/<name>.summary.csv` beside `<dir>/<name>.csv`. */
export function summaryPathOf(csvPath: string): string {
  return join(dirname(csvPath), `${basename(csvPath, extname(csvPath))}.summary.csv`);
}

/**
 * Writes a run with the UI's serialisers: `.json` the JSON export (History imports it),
 * `.csv` the samples CSV plus its summary beside it; returns the paths written.
 */
export function writeRunFiles(out: string, record: RunRecord): string[] {
  if (extname(out).toLowerCase() === '.json') {
    writeFileSync(out, exportJson([record]));
    return [out];
  }
  const summary = summaryPathOf(out);
  writeFileSync(out, samplesCsv([record]));
  writeFileSync(summary, summaryCsv([record]));
  return [out, summary];
}

