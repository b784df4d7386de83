/** The fit CLI (`npx tsx src/node/fit.ts <file>`): JSON on stdout and exit 0; refused file 1; bad arguments 2. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pp-fit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function fit(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      ['tsx', 'src/node/fit.ts', ...args],
      { cwd: root, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('fit CLI', { timeout: 60_000, concurrent: true }, () => {
  it('prints the analysis as JSON and exits 0', async () => {
    const path = file('specsdm91.csv', 'n,throughput\n1,64.9\n18,995.9\n36,1652.4\n72,1853.2\n108,1828.9\n144,1775.0\n216,1702.2\n');
    const r = await fit(path);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { usl: { sigma: number; kappa: number; lambda: number }; points: unknown[] };
    expect(Math.abs(json.usl.sigma - 0.02772848) / 0.02772848).toBeLessThan(1e-4);
    expect(Math.abs(json.usl.kappa - 1.0437e-4) / 1.0437e-4).toBeLessThan(1e-4);
    expect(Math.abs(json.usl.lambda - 89.9952) / 89.9952).toBeLessThan(1e-4);
    expect(json.points).toHaveLength(7);
  });

  it('writes an infinite Amdahl ceiling as "Infinity", not null', async () => {
    const r = await fit(file('superlinear.csv', 'n,time_ms\n1,105150\n2,55000\n4,6200\n'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { amdahl: { p: number; ceiling: unknown } };
    expect(json.amdahl).toMatchObject({ p: 1, ceiling: 'Infinity' });
  });

  it('refuses a bad file with its line and column on stderr and exits 1', async () => {
    const r = await fit(file('bad.csv', 'n,x\n1,10\n2,abc\n4,30\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fit: bad.csv: Line 3, column 2 (x): "abc" is not a number.');
  });

  it.each([
    ['no file', [] as string[], 'fit: no file given'],
    ['--help', ['--help'], 'usage: npm run -s fit -- <file.csv>'],
    ['an unknown option', ['--json'], 'fit: unknown option --json'],
    ['a missing path', ['/nonexistent/scaling.csv'], 'fit: cannot read /nonexistent/scaling.csv (ENOENT)'],
    ['a directory', ['.'], 'fit: cannot read .: not a file'],
    ['two files', ['a.csv', 'b.csv'], 'fit: one file at a time, got 2'],
  ])('prints usage on stderr and exits 2 for %s', async (_what, args, message) => {
    const r = await fit(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: npm run -s fit -- <file.csv>');
  });
});
