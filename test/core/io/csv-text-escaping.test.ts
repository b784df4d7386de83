import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { samplesCsv, summaryCsv } from '../../../src/core/io/csv';
import { makeRecord } from '../../helpers/run-records';

const LABELS = [
  'plain',
  'with "quotes" inside',
  'comma, separated, label',
  'two\nlines',
  'crlf\r\nline',
  'trailing quote"',
  '"',
  '',
  'emoji 🚀🧵 and ZWJ 👩‍💻',
  'RTL עברית العربية mixed',
  'combining e\u0301 n\u0303 a\u0308 (NFD)',
  '  leading and trailing spaces  ',
  'semi;colon\ttab-inside',
];

describe('samplesCsv text cells', () => {
  it('keeps quotes, commas, newlines and unicode in labels exactly', () => {
    const records = LABELS.map((label, i) => makeRecord({ id: `run-${i}`, label, points: 1, repetitions: 1, baseline: false }));
    for (const csv of [samplesCsv(records), summaryCsv(records)]) {
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.map((row) => row.label)).toEqual(LABELS);
      expect(parsed.data.map((row) => row.run_id)).toEqual(LABELS.map((_, i) => `run-${i}`));
    }
  });

  it('quotes a field only when it holds a quote, comma, CR or LF, doubling inner quotes', () => {
    const csv = samplesCsv([makeRecord({ label: 'say "hi", then\r\nleave', points: 1, repetitions: 1, baseline: false })]);
    expect(csv).toContain('\r\nrun-0001,"say ""hi"", then\r\nleave",,');
    // Cells without special characters stay bare.
    expect(csv).toContain(',pool,1,10000,fixed,group,');
  });
});
