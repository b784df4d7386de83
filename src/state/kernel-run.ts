/**
 * One kernel run as plain data: what the headless runner (npm run experiment -- --kernel)
 * and the kernel view both call. The person's code goes to the engine's kernel workers as
 * text and is never evaluated on this page.
 */

import { describeFailure, type KernelRunRequest, type KernelRunResponse } from '../core/kernel';
import { ConfigError } from '../core/model/types';
import { median } from '../core/stats';
import { readHeaderFromReader } from '../core/userdata';
import { runKernel, type KernelInput, type KernelRunOutcome } from '../engine/kernel-index';
import type { KernelRunResult } from '../engine/kernel';
import { captureEnvironment } from '../engine/environment';
import type { RunRecord } from '../core/io/run-record';
import { kernelRecord, type KernelRunFacts } from './input-runs';

/** The engine's input for a request: the built-in records, or `file` read through its header. */
export async function kernelInputFor(request: Pick<KernelRunRequest, 'dataFormat' | 'spec'>, file: Blob | null): Promise<KernelInput | { ok: false; message: string }> {
  if (request.dataFormat === null) return { kind: 'built-in', spec: request.spec };
  if (!file) return { ok: false, message: 'no data file chosen' };
  const header = await readHeaderFromReader(request.dataFormat, file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()));
  if (!header.ok) return { ok: false, message: header.message };
  return { kind: 'file', file, shape: header };
}

/** A run's outcome as the plain response (median pass times over the repetitions); `record` makes its stored run. */
export function kernelResponse(run: KernelRunOutcome, record: (result: KernelRunResult) => RunRecord): KernelRunResponse {
  if (!run.ok) {
    if ('failure' in run) {
      return { ok: false, message: `${run.strategy === 'pool' ? 'parallel' : 'sequential'} pass: ${describeFailure(run.failure)}`, failure: run.failure };
    }
    return { ok: false, message: run.message };
  }
  const response: KernelRunResponse = {
    ok: true,
    answerJson: run.sequential.json,
    parallelJson: run.parallel.json,
    hash: run.sequential.hash,
    parallelHash: run.parallel.hash,
    correct: run.correct,
    records: run.records,
    chunks: run.chunks,
    redone: run.redone,
    sequentialMs: median(run.repetitions.map((r) => r.sequential.wallMs)),
    parallelMs: median(run.repetitions.map((r) => r.parallel.wallMs)),
    record: record(run),
  };
  if (run.explanation) response.explanation = run.explanation;
  return response;
}

/** Runs a kernel request over `file` (or the built-in records); bad options come back as a message. */
export async function runKernelRequest(request: KernelRunRequest, file: Blob | null): Promise<KernelRunResponse> {
  const input = await kernelInputFor(request, file);
  if ('ok' in input) return input;
  try {
    const run = await runKernel({ source: request.source, input, workers: request.workers, shipping: request.shipping, scheduling: request.scheduling, repetitions: request.repetitions });
    const over: KernelRunFacts['over'] =
      file && request.dataFormat ? { file: { name: file instanceof File ? file.name : 'data', size: file.size }, format: request.dataFormat } : { spec: request.spec };
    return kernelResponse(run, (result) =>
      kernelRecord({ ...request, warmups: 0, status: 'complete', environment: captureEnvironment(), over, axis: null, points: [{ coords: {}, result }] }),
    );
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, message: err.message };
    throw err;
  }
}
