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
      expect(f.status, `${f.id}: ${f.verdict}`).not.toBe('unavailable');
      // A break-even that did not cross on a loaded machine has a ratio but no record counts.
      expect((f.value?.n ?? 0) + (f.ratio?.n ?? 0), f.id).toBeGreaterThan(0);
      expect(Number.isFinite(f.judged), f.id).toBe(true);
    }
    // The figures that compare like with like are among them, with their references measured.
    for (const id of ['group-vs-hand', 'small-tasks', 'small-batch-1k', 'small-batch-10k', 'cold-break-even', 'data-csv']) {
      expect(results.figures.find((f) => f.id === id)?.ratio?.n, id).toBeGreaterThan(0);
    }
    // The withdrawn targets stay as context, beside the explorer's rate (a figure without a target).
    expect(results.figures.filter((f) => f.status === 'context').map((f) => f.id)).toEqual(['group', 'workerpool', 'live-explore']);
    expect(results.machine.browser).toMatch(/^\d+\./);
    // Every figure's line is on stdout too.
    for (const id of FIGURE_IDS) expect(r.stdout).toContain(id);
  });

  it('measures the new figures in Firefox and WebKit, and says why one cannot run there', { timeout: 240_000 }, async () => {
    const out = join(dir, 'engines.json');
    const only = 'group-vs-hand,small-tasks,small-batch-1k,memory-10m';
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.platform === 'win32' ? 'npx.cmd' : 'npx',
        ['tsx', 'src/node/bench.ts', '--smoke', '--only', only, '--browser', 'firefox,webkit', '--out', out],
        { cwd: root, encoding: 'utf8', timeout: 230_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
    expect(results.engines?.map((e) => e.engine)).toEqual(['firefox', 'webkit']);
    for (const e of results.engines!) {
      expect(e.version).toMatch(e.engine === 'firefox' ? /^Firefox \d+/ : /^WebKitGTK \d+/);
      const byId = Object.fromEntries(e.figures.map((f) => [f.id, f]));
      expect(Object.keys(byId)).toEqual(only.split(','));
      expect(byId['group-vs-hand'].ratio?.n, `${e.engine} group-vs-hand: ${byId['group-vs-hand'].verdict}`).toBeGreaterThan(0);
      expect(byId['small-batch-1k'].ratio?.n, `${e.engine} small-batch-1k: ${byId['small-batch-1k'].verdict}`).toBeGreaterThan(0);
      expect(byId['memory-10m'].status).toBe('unavailable');
      expect(byId['memory-10m'].verdict).toMatch(/^CANNOT RUN IN [A-Z]+ — Chromium only: /);
      // Shared memory decides the Atomics path: measured where the page has it, explained where not.
      if (e.sharedMemory) expect(byId['small-tasks'].ratio?.n, byId['small-tasks'].verdict).toBeGreaterThan(0);
      else expect(byId['small-tasks'].verdict).toMatch(/no SharedArrayBuffer/);
    }
  });
});
