/** A kernel's failures and its sandbox: a wrong merge shown, an endless loop cancelled fast, a throw located, no storage or network. */
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/core/model/types';
import { isAbortError, liveWorkerCount } from '../../src/engine';
import { runKernel, type KernelRunOutcome } from '../../src/engine/kernel-index';
import { SANDBOX_PROBE_KERNEL, SANDBOXED_VIEW } from '../helpers/sandbox-probe';

const spec: DatasetSpec = { seed: 3, records: 2000, format: 'fixed', distinctKeys: 10, keySkew: 0, payloadBytes: 0, costSkew: 0 };
const builtIn = { kind: 'built-in' as const, spec };

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('correctness of the merge', () => {
  it('detects an order-dependent merge and shows both answers with the explanation', async () => {
    // "The first five ids seen", with merge putting b's before a's: right only when nothing is merged.
    const source = `
      export function init() { return { ids: [] }; }
      export function record(acc, rec) { if (acc.ids.length < 5) acc.ids.push(rec.id); }
      export function merge(a, b) { return { ids: [...b.ids, ...a.ids].slice(0, 5) }; }
      export function finish(acc) { return { firstIds: acc.ids }; }`;
    const run = await runKernel({ source, input: builtIn, workers: 2, shipping: 'copy', repetitions: 1 });
    if (!run.ok) throw new Error('unexpected failure');
    expect(run.correct).toBe(false);
    expect(JSON.parse(run.sequential.json)).toEqual({ firstIds: [0, 1, 2, 3, 4] });
    expect(JSON.parse(run.parallel.json)).toEqual({ firstIds: [1000, 1001, 1002, 1003, 1004] });
    expect(run.parallel.hash).not.toBe(run.sequential.hash);
    expect(run.explanation).toMatch(/associative/);
  });

  it('detects a merge that keeps one side under dynamic scheduling too', async () => {
    const source = `
      export function init() { return { n: 0 }; }
      export function record(acc) { acc.n++; }
      export function merge(a, b) { return a; }
      export function finish(acc) { return acc; }`;
    const run = await runKernel({ source, input: builtIn, workers: 2, shipping: 'shared', scheduling: 'dynamic', repetitions: 1 });
    if (!run.ok) throw new Error('unexpected failure');
    expect(run.correct).toBe(false);
    expect(JSON.parse(run.sequential.json)).toEqual({ n: 2000 });
    expect(JSON.parse(run.parallel.json)).toEqual({ n: 250 });
  });

  it('compares canonical JSON: key order does not matter', async () => {
    const source = `
      export function init() { return { n: 0, first: null }; }
      export function record(acc, rec) { acc.n++; }
      export function merge(a, b) { return { first: 'b', n: a.n + b.n }; }
      export function finish(acc) { return acc.first === 'b' ? { z: 1, a: acc.n } : { a: acc.n, z: 1 }; }`;
    const run = await runKernel({ source, input: builtIn, workers: 2, shipping: 'transfer', repetitions: 1 });
    if (!run.ok) throw new Error('unexpected failure');
    expect(run.correct).toBe(true);
    expect(run.sequential.json).toBe('{"a":2000,"z":1}');
  });
});

describe('failures', () => {
  it('reports a throw in record() with its message and line', async () => {
    const source = ['export function init() { return 0; }', 'export function record(acc, rec) {', '  if (rec.id === 1500) throw new Error("bad record " + rec.id);', '}', 'export function merge(a, b) { return a + b; }', 'export function finish(a) { return a; }'].join('\n');
    const run = await runKernel({ source, input: builtIn, workers: 2, shipping: 'copy', repetitions: 1 });
    expect(run.ok).toBe(false);
    const failure = (run as Extract<KernelRunOutcome, { strategy: string }>).failure;
    expect(failure.stage).toBe('record');
    expect(failure.message).toBe('Error: bad record 1500');
    expect(failure.line).toBe(3);
  });

  it('names a missing export and a syntax error', async () => {
    const missing = await runKernel({ source: 'export function init() {}', input: builtIn, workers: 2, shipping: 'copy', repetitions: 1 });
    expect((missing as { failure: { message: string } }).failure.message).toMatch(/record is missing, merge is missing, finish is missing/);
    const syntax = await runKernel({ source: 'export function init( {', input: builtIn, workers: 2, shipping: 'copy', repetitions: 1 });
    expect((syntax as { failure: { stage: string; message: string } }).failure).toMatchObject({ stage: 'load', message: expect.stringMatching(/SyntaxError/) });
  });

  it('refuses an answer JSON cannot hold, naming where', async () => {
    const source = `export function init() { return 0; } export function record() {} export function merge(a) { return a; }
      export function finish() { return { mean: 0 / 0 }; }`;
    const run = await runKernel({ source, input: builtIn, workers: 2, shipping: 'copy', repetitions: 1 });
    expect((run as { failure: { stage: string; message: string } }).failure).toMatchObject({ stage: 'answer', message: expect.stringMatching(/NaN at answer\.mean/) });
  });

  it('cancels a kernel that never returns within 100 ms, its workers terminated', async () => {
    const source = `export function init() { return 0; }
      export function record(acc, rec) { for (;;) {} }
      export function merge(a, b) { return a; } export function finish(a) { return a; }`;
    const controller = new AbortController();
    const running = runKernel({ source, input: builtIn, workers: 2, shipping: 'copy', repetitions: 1, signal: controller.signal });
    // Let the pass reach record(): wait until a worker is spinning (the promise stays pending).
    await new Promise((r) => setTimeout(r, 1500));
    expect(liveWorkerCount()).toBeGreaterThan(0);
    const cancelAt = performance.now();
    controller.abort();
    const err = await running.then(() => null, (e: unknown) => e);
    const cancelMs = performance.now() - cancelAt;
    expect(isAbortError(err)).toBe(true);
    expect(liveWorkerCount()).toBe(0);
    expect(cancelMs).toBeLessThan(100);
  });
});

describe('sandbox', () => {
  it('gives the kernel no IndexedDB, fetch, WebSocket, caches or nested workers', async () => {
    const source = SANDBOX_PROBE_KERNEL;
    const run = await runKernel({ source, input: builtIn, workers: 2, shipping: 'copy', repetitions: 1 });
    if (!run.ok) throw new Error('unexpected failure');
    expect(JSON.parse(run.sequential.json)).toEqual(SANDBOXED_VIEW);
    expect(run.sandbox.kept).toEqual([]);
    expect(run.sandbox.removed).toEqual(expect.arrayContaining(['indexedDB', 'fetch', 'WebSocket']));
  });
});
