/**
 * `npm run bench -- --smoke`: the bench still runs to the end on the built app and writes a
 * results file with every figure measured (3 trials, small sizes; the numbers themselves are
 * not judged here — timing claims live in BENCHMARKS.md, not in tests). Written to a temp
 * path, so CI never rewrites the performance record.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_IDS } from '../../src/node/bench/figures';
import type { BenchResults } from '../../src/node/bench/report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  it('completes and writes every figure', { timeout: 180_000 }, async () => {
    const out = join(dir, 'results.json');
    const r = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      execFile(
        process.platform === 'win32' ? 'npx.cmd' : 'npx',
        ['tsx', 'src/node/bench.ts', '--smoke', '--out', out],
        { cwd: root, encoding: 'utf8', timeout: 170_000 },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);

    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
    expect(results.complete).toBe(true);
    expect(results.mode).toBe('smoke');
    expect(results.figures.map((f) => f.id)).toEqual(FIGURE_IDS);
    for (const f of results.figures) {
      expect(f.status, `${f.id}: ${f.verdict}`).not.toBe('error');
      expect(f.value?.n, f.id).toBeGreaterThan(0);
      expect(Number.isFinite(f.judged), f.id).toBe(true);
    }
    expect(results.machine.browser).toMatch(/^\d+\./);
    // Every figure's line is on stdout too.
    for (const id of FIGURE_IDS) expect(r.stdout).toContain(id);
  });
});
