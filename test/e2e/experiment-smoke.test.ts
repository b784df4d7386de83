/**
 * `npm run experiment` end to end: a lesson run headless on the built app writes a CSV
 * identical in format to the UI's export (same serialiser, same header) and exits 0.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_COLUMNS, SUMMARY_COLUMNS } from '../../src/core/io/csv';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pp-experiment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function experiment(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      ['tsx', 'src/node/experiment.ts', ...args],
      { cwd: root, encoding: 'utf8', timeout: 90_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
  });
}

describe('npm run experiment', () => {
  it('runs a lesson preset headless and writes the UI export format', { timeout: 100_000 }, async () => {
    const out = join(dir, 'x.csv');
    const r = await experiment('--preset', 'overhead-small-batches', '--quick', '--reps', '1', '--out', out);
    expect(r.code, r.stderr).toBe(0);

    const rows = readFileSync(out, 'utf8').split('\r\n');
    expect(rows[0]).toBe(SAMPLE_COLUMNS.join(','));
    expect(rows.at(-1)).toBe(''); // CRLF after the last row too
    const samples = rows.slice(1, -1).map((row) => row.split(','));
    expect(samples.length).toBeGreaterThan(0);
    const col = (name: string) => SAMPLE_COLUMNS.indexOf(name);
    for (const cells of samples) {
      expect(cells[col('lesson_id')]).toBe('overhead-small-batches');
      expect(cells[col('status')]).toBe('complete');
      expect(cells[col('repetition')]).toBe('0');
      expect(cells[col('correct')]).toBe('true');
    }

    const summary = readFileSync(join(dir, 'x.summary.csv'), 'utf8').split('\r\n');
    expect(summary[0]).toBe(SUMMARY_COLUMNS.join(','));
  });
});
