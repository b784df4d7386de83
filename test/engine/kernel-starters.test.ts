/** The starter kernels on the engine: every shipping mode, built-in records and a user's file, parallel answer = sequential answer = an in-page reference. */
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetSpec, Shipping } from '../../src/core/model/types';
import { canonicalAnswerOf, STARTER_KERNELS, visitBuiltIn } from '../../src/core/kernel';
import { generate } from '../../src/core/workloads';
import { readHeaderFromReader } from '../../src/core/userdata';
import { liveWorkerCount } from '../../src/engine';
import { runKernel, type KernelInput, type KernelRunOutcome, type KernelRunResult } from '../../src/engine/kernel-index';

const spec: DatasetSpec = { seed: 9, records: 3000, format: 'csv', distinctKeys: 40, keySkew: 0.5, payloadBytes: 24, costSkew: 0 };

function ok(run: KernelRunOutcome): KernelRunResult {
  if (!run.ok) throw new Error('failure' in run ? JSON.stringify(run.failure) : run.message);
  return run;
}

/**
 * The same kernel evaluated here, in the test (never in the app's page), from a module
 * built from the source: the answer one pass with one accumulator gives.
 */
async function reference(source: string, records: unknown[]): Promise<string> {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const mod = (await import(/* @vite-ignore */ url)) as { init(): unknown; record(a: unknown, r: unknown): void; finish(a: unknown): unknown };
  const acc = mod.init();
  for (const r of records) mod.record(acc, r);
  return canonicalAnswerOf(mod.finish(acc)).json;
}

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('starter kernels on the built-in records', () => {
  const shippings: Shipping[] = ['copy', 'transfer', 'generate-in-worker', ...(crossOriginIsolated ? (['shared'] as Shipping[]) : [])];
  const records: unknown[] = [];
  visitBuiltIn(spec.format, generate(spec), (r) => records.push(r));

  for (const starter of STARTER_KERNELS) {
    for (const shipping of shippings) {
      it(`${starter.id}, ${shipping}, 3 workers`, async () => {
        const run = ok(await runKernel({ source: starter.source, input: { kind: 'built-in', spec }, workers: 3, shipping, repetitions: 1 }));
        expect(run.correct).toBe(true);
        expect(run.parallel.hash).toBe(run.sequential.hash);
        expect(run.records).toBe(spec.records);
        expect(run.sequential.json).toBe(await reference(starter.source, records));
        const rep = run.repetitions[0];
        expect(rep.parallel.recordsPerWorker.every((n) => n > 0)).toBe(true);
        expect(rep.parallel.phasesMs.compute).toBeGreaterThan(0);
        // The timeline's spans: each worker's record() time with its records, and the merge in worker 0, inside the pass.
        const compute = rep.parallel.spans.filter((s) => s.kind === 'compute');
        expect([...new Set(compute.map((s) => s.worker))].sort()).toEqual([0, 1, 2]);
        expect(compute.reduce((n, s) => n + (s.records ?? 0), 0)).toBe(spec.records);
        expect(rep.parallel.spans.filter((s) => s.kind === 'merge').map((s) => s.worker)).toEqual([0]);
        const passEndMs = rep.parallel.startedAtMs + rep.parallel.wallMs;
        for (const s of rep.parallel.spans) expect(s.startMs <= s.endMs && s.startMs >= rep.parallel.startedAtMs && s.endMs <= passEndMs).toBe(true);
        expect(rep.sequential.spans.filter((s) => s.kind === 'compute').map((s) => s.worker)).toEqual([0]);
      });
    }
  }

  for (const starter of STARTER_KERNELS) {
    it(`${starter.id}, transfer, 2 workers, dynamic scheduling`, async () => {
      const run = ok(await runKernel({ source: starter.source, input: { kind: 'built-in', spec }, workers: 2, shipping: 'transfer', scheduling: 'dynamic', repetitions: 1 }));
      expect(run.correct).toBe(true);
      expect(run.chunks).toBe(8);
      expect(run.sequential.json).toBe(await reference(starter.source, records));
    });
  }

  it('runs the shared mode when the page is isolated (else says it cannot)', () => {
    // The browser project serves the tests with the isolation headers; shared must have been covered.
    expect(crossOriginIsolated).toBe(true);
  });
});

describe('starter kernels on a user file', () => {
  const text =
    'id,city,note,price\r\n' +
    Array.from({ length: 2000 }, (_, i) => `${i},${['Zürich', 'Basel', '"Bern, BE"'][i % 3]},"word${i % 17} aeiou ""q""${i % 50 === 0 ? '\nline' : ''}",${(i * 37) % 1000}`).join('\r\n');
  const file = new File([text], 'f.csv');

  for (const starter of STARTER_KERNELS) {
    for (const [shipping, scheduling] of [['file-slice', 'static'], ['shared', 'static'], ['file-slice', 'dynamic']] as const) {
      it(`${starter.id}, ${shipping}, 2 workers, ${scheduling}`, async () => {
        const header = await readHeaderFromReader('csv', file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()));
        if (!header.ok) throw new Error(header.message);
        const input: KernelInput = { kind: 'file', file, shape: header };
        const run = ok(await runKernel({ source: starter.source, input, workers: 2, shipping, scheduling, repetitions: 2 }));
        expect(run.correct).toBe(true);
        expect(run.records).toBe(2000);
        expect(run.repetitions).toHaveLength(2);
      });
    }
  }
});
