/**
 * `npm run experiment -- --kernel` and `-- --data` end to end on the built app: a starter writes
 * its answer and its run's CSV and exits 0; a merge that depends on order exits 1 with both
 * answers; a throw names its line; a measured data-file run writes History's JSON export.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { STARTER_KERNELS } from '../../src/core/kernel';
import type { RunRecord } from '../../src/core/io/run-record';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pp-kernel-'));
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

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run experiment -- --kernel', () => {
  it('writes a starter\'s answer over a data file and exits 0', { timeout: 100_000 }, async () => {
    const kernel = file('hash.js', STARTER_KERNELS.find((s) => s.id === 'field-hash')!.source.replace("const FIELD = 'key';", "const FIELD = 'city';"));
    const data = file('d.csv', 'city,amount\n"Bern, BE",1\nBasel,2\n"Zürich",3\n');
    const answer = join(dir, 'a.json');
    const out = join(dir, 'k.csv');
    const r = await experiment('--kernel', kernel, '--data', data, '--reps', '2', '--answer', answer, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(answer, 'utf8'))).toMatchObject({ field: 'city', records: 3 });
    // The run as History's CSV export writes it: 2 sequential + 2 parallel passes, each naming the kernel and the file.
    const samples = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(samples.map((s) => [s.role, s.strategy, s.job, s.input, s.input_file, s.digest_records, s.correct])).toEqual([
      ['baseline', 'worker-seq', 'kernel', 'kernel', 'd.csv', '3', 'true'],
      ['measured', 'pool', 'kernel', 'kernel', 'd.csv', '3', 'true'],
      ['baseline', 'worker-seq', 'kernel', 'kernel', 'd.csv', '3', 'true'],
      ['measured', 'pool', 'kernel', 'kernel', 'd.csv', '3', 'true'],
    ]);
    const summary = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'k.summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(summary.map((s) => [s.n, s.baseline_n, s.kernel_hash.length])).toEqual([['2', '2', 16]]);
  });

  it('measures a data file with --out: History\'s JSON export of the run, every pass correct', { timeout: 100_000 }, async () => {
    const data = file('g.csv', 'city,amount\n"Bern, BE",1\nBasel,2\n"Zürich",3\nBasel,4\n');
    const out = join(dir, 'g.json');
    const r = await experiment('--data', data, '--group-by', 'city', '--aggregate', 'amount', '--reps', '3', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { runs: RunRecord[] };
    expect(exported.runs).toHaveLength(1);
    const [run] = exported.runs;
    expect(run.input).toEqual({ kind: 'data-file', file: { name: 'g.csv', bytes: Buffer.byteLength(readFileSync(data)), format: 'csv' }, job: 'group', groupBy: 'city', aggregate: ['amount'] });
    expect(run.repetitions.map((x) => x.role).sort()).toEqual(['baseline', 'baseline', 'baseline', 'measured', 'measured', 'measured']);
    expect(run.repetitions.every((x) => x.sample.correct && x.sample.digest.records === 4)).toBe(true);
  });

  it('exits 1 when the parallel answer differs, and when the kernel throws (with its line)', { timeout: 100_000 }, async () => {
    const wrong = file(
      'first.js',
      'export function init() { return []; }\nexport function record(a, r) { if (a.length < 2) a.push(r.id); }\nexport function merge(a, b) { return [...b, ...a].slice(0, 2); }\nexport function finish(a) { return a; }\n',
    );
    const r = await experiment('--kernel', wrong, '--records', '1000', '--reps', '1');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/sequential: \[0,1\]\n\s+parallel: +\[[1-9]\d*,\d+\]\n/); // the second chunk's first ids came first
    const throwing = file('throw.js', 'export function init() { return 0; }\nexport function record() {}\nexport function merge(a) { return a; }\nexport function finish() {\n  throw new Error("no answer");\n}\n');
    const t = await experiment('--kernel', throwing, '--records', '10', '--reps', '1');
    expect(t.code, t.stderr).toBe(1);
    expect(t.stderr).toMatch(/finish\(\) failed \(line 5, column \d+\): Error: no answer/);
  });
});
