import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_COLUMNS, SUMMARY_COLUMNS } from '../../src/core/io/csv';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README documents the CSV export', () => {
  it('names every samples.csv and summary.csv column', () => {
    const missing = [...SAMPLE_COLUMNS, ...SUMMARY_COLUMNS].filter((c) => !readme.includes(`| \`${c}\` |`));
    expect(missing).toEqual([]);
  });
});
