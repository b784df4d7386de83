/**
 * A person's own kernel on the engine: each repetition runs it sequentially in one worker
 * (worker-seq: one accumulator, no merge) and on a pool of N workers with static or dynamic
 * chunks (one accumulator per chunk, merged left to right in file order), both from a cold pool,
 * in alternating order. The answers are compared as hashes of canonical JSON.
 *
 * Safety: the code only ever runs in kernel workers (workers/kernel.worker.ts), which
 * remove the network and storage APIs before loading it; Cancel terminates every worker
 * at once, so a kernel that never returns is stopped however it loops.
 *
 * Phases per pass, on the shared clock: spawn (cold pool up), init (the kernel module
 * loaded in every worker), shipIn (the page's slicing and the messages in, waiting),
 * compute (the critical worker's init() + record() time), shipOut (its accumulator back),
 * merge (merge() + finish() in worker 0, with the canonical answer), teardown.
 */

import { transfer, type Remote } from 'comlink';
import { ConfigError, SCHEDULINGS, type Phase, type Scheduling, type Shipping, type Span } from '../core/model/types';
import { checkAnswers, type CanonicalAnswer, type KernelFailure } from '../core/kernel';
import type { KernelChunkReport, KernelFinishReport, KernelSandbox, KernelWorkerApi } from '../core/protocol/kernel';
import { combineChunks, entryStates, type ChunkResult, type DataIssue } from '../core/userdata';
import { sharedClock, throwIfAborted, type Clock } from './clock';
import { builtInSources, chunkCount, fileCuts, fileSource, prepareInput, validateShipping, type KernelInput, type PlannedSource, type PreparedInput } from './kernel-input';
import { PhaseClock } from './phases';
import type { RunHooks } from '../core/experiment/run-hooks';
import { abortable, WorkerPool, type WorkerFactory } from './pool';
import { currentEnv, workerCap, type RunEnv } from './validate';

export type KernelStrategy = 'worker-seq' | 'pool';

/** Chunks per worker of a dynamically scheduled pass: enough for a fast worker to take more. */
export const DYNAMIC_CHUNKS_PER_WORKER = 4;

type ChunkReport = Extract<KernelChunkReport, { ok: true }>;

/** The kernel worker, bundled by Vite from workers/kernel.worker.ts. */
export const kernelWorkerFactory: WorkerFactory = (index) =>
  new Worker(new URL('../../workers/kernel.worker.ts', import.meta.url), { type: 'module', name: `kernel-${index}` });

export const MAX_KERNEL_REPETITIONS = 50;

export interface KernelRunOptions {
  /** The kernel module's source text. */
  source: string;
  input: KernelInput;
  /** Workers of the parallel pass, 1 … workerCap. */
  workers: number;
  shipping: Shipping;
  /** How the parallel pass hands out chunks (default static: one per worker, or a file's chunks round-robin). */
  scheduling?: Scheduling;
  /** Measured repetitions, 1 … MAX_KERNEL_REPETITIONS; each runs both passes. */
  repetitions: number;
  signal?: AbortSignal;
  workerFactory?: WorkerFactory;
  clock?: Clock;
  env?: RunEnv;
  /** Repetitions finished (each a sequential and a parallel pass), in the run hooks' words. */
  onProgress?: RunHooks['onProgress'];
}

/** One pass's timing. */
export interface KernelPassTiming {
  wallMs: number;
  phasesMs: Record<Phase, number>;
  records: number;
  recordsPerWorker: number[];
  /** Shared-clock ms when the pass started. */
  startedAtMs: number;
  /** The hash of this pass's canonical answer (16 hex digits). */
  answerHash: string;
  /** Busy spans on the shared clock: every chunk's record() time (a chunk run again too) and the merge in worker 0. */
  spans: Span[];
}

export interface KernelRunResult {
  ok: true;
  sequential: CanonicalAnswer;
  parallel: CanonicalAnswer;
  correct: boolean;
  /** Why the answers usually differ; absent when correct. */
  explanation?: string;
  records: number;
  chunks: number;
  /** File chunks whose entry-state guess was wrong and that were run again. */
  redone: number;
  repetitions: { sequential: KernelPassTiming; parallel: KernelPassTiming }[];
  /** What the kernel workers took away from the code (network, storage). */
  sandbox: KernelSandbox;
}

/** The kernel failed (its message and line), in the named pass. */
export interface KernelRunFailure {
  ok: false;
  strategy: KernelStrategy;
  failure: KernelFailure;
}

export type KernelRunOutcome = KernelRunResult | KernelRunFailure | DataIssue;

interface PassOutcome {
  answer: CanonicalAnswer;
  timing: KernelPassTiming;
  chunks: number;
  redone: number;
  sandbox: KernelSandbox;
}

function validate(opts: KernelRunOptions, env: RunEnv): void {
  const cap = workerCap(env.hardwareConcurrency);
  if (!Number.isInteger(opts.workers) || opts.workers < 1 || opts.workers > cap) throw new ConfigError('workers', `an integer from 1 to ${cap}`, opts.workers);
  if (!Number.isInteger(opts.repetitions) || opts.repetitions < 1 || opts.repetitions > MAX_KERNEL_REPETITIONS) {
    throw new ConfigError('repetitions', `an integer from 1 to ${MAX_KERNEL_REPETITIONS}`, opts.repetitions);
  }
  if (typeof opts.source !== 'string' || opts.source.trim() === '') throw new ConfigError('source', 'a kernel module exporting init, record, merge and finish', '(empty)');
  if (opts.scheduling !== undefined && !SCHEDULINGS.includes(opts.scheduling)) throw new ConfigError('scheduling', `one of ${SCHEDULINGS.join(', ')}`, opts.scheduling);
  validateShipping(opts.input, opts.shipping, env);
}

/** A failure inside one pass, carried out of it. */
class PassFailure extends Error {
  constructor(readonly outcome: KernelRunFailure | DataIssue) {
    super('kernel pass failed');
  }
}

const COMLINK_CLONE = /Unserializable|could not be cloned|DataCloneError/i;

/**
 * Runs the kernel over the whole input once, sequentially or on a pool; throws PassFailure.
 * Longer than most functions on purpose: it is one pass's critical path, and every phase
 * milestone (spawn, init, ship, compute, merge, teardown) has to be marked on one PhaseClock
 * in the order it happens, with one pool to terminate on every way out.
 */
async function runPass(strategy: KernelStrategy, prep: PreparedInput, opts: KernelRunOptions): Promise<PassOutcome> {
  const clock = opts.clock ?? sharedClock;
  const n = strategy === 'pool' ? opts.workers : 1;
  const scheduling = strategy === 'pool' ? (opts.scheduling ?? 'static') : 'static';
  const t0 = clock();
  const pc = new PhaseClock(clock, t0);
  const pool = await WorkerPool.create({ size: n, factory: opts.workerFactory ?? kernelWorkerFactory, clock, signal: opts.signal });
  const fail = (failure: KernelFailure): never => {
    throw new PassFailure({ ok: false, strategy, failure });
  };
  const crashed = new Promise<never>((_, reject) => pool.onFailure((e) => reject(new PassFailure({ ok: false, strategy, failure: { stage: 'record', message: e.message } }))));
  crashed.catch(() => {});
  const wait = <T>(p: Promise<T>): Promise<T> => abortable(Promise.race([p, crashed]), opts.signal, pool);
  try {
    pc.mark('spawn');
    const apis = pool.workers.map((w) => w.api as unknown as Remote<KernelWorkerApi>);
    const loads = await wait(Promise.all(apis.map((a) => a.load(opts.source))));
    for (const l of loads) if (!l.ok) fail(l.failure);
    const sandbox = (loads[0] as { sandbox: KernelSandbox }).sandbox;
    pc.mark('init');

    // Every task's spans as it reports, a chunk run again under the right entry state included: it was work done.
    const spans: Span[] = [];
    const send = async (w: number, planned: PlannedSource, keep = false): Promise<ChunkReport> => {
      const task = { worker: w, keep, source: planned.source };
      let report: KernelChunkReport;
      try {
        report = await wait<KernelChunkReport>(apis[w].run(planned.transfers.length > 0 ? transfer(task, planned.transfers) : task));
      } catch (err) {
        if (err instanceof Error && COMLINK_CLONE.test(err.message)) {
          fail({ stage: 'transfer', message: 'the accumulator could not be copied out of the worker: use plain objects, arrays, Maps, Sets, strings and numbers (no functions or class instances)' });
        }
        throw err;
      }
      if (!report.ok) throw new PassFailure({ ok: false, strategy, failure: report.failure });
      spans.push(...report.spans);
      return report;
    };
    // Static: chunk k goes to worker k mod n up front. Dynamic: each worker takes the next
    // chunk when it is done with one. Either way the accumulators are kept in chunk order.
    const runAll = async (count: number, sourceOf: (k: number) => PlannedSource): Promise<ChunkReport[]> => {
      const out = new Array<ChunkReport>(count);
      if (scheduling === 'static') {
        await Promise.all(Array.from({ length: count }, async (_, k) => (out[k] = await send(k % n, sourceOf(k)))));
      } else {
        let next = 0;
        await Promise.all(apis.map(async (_, w) => {
          while (next < count) {
            const k = next++;
            out[k] = await send(w, sourceOf(k));
          }
        }));
      }
      return out;
    };

    const dispatchMs = clock();
    let reports: ChunkReport[];
    let redone = 0;
    let chunks: number;
    if (prep.input.kind === 'built-in') {
      chunks = scheduling === 'dynamic' && strategy === 'pool' ? n * DYNAMIC_CHUNKS_PER_WORKER : n;
      const planned = builtInSources(prep, chunks);
      reports = await runAll(chunks, (k) => planned[k]);
    } else {
      chunks = chunkCount(prep, scheduling === 'dynamic' && strategy === 'pool' ? n * DYNAMIC_CHUNKS_PER_WORKER : n);
      const cuts = fileCuts(prep, chunks);
      const chunk = (k: number, inQuotes: boolean): PlannedSource => ({ source: fileSource(prep, cuts[k], cuts[k + 1], inQuotes), transfers: [] });
      if (strategy === 'worker-seq') {
        // One accumulator through every chunk in file order; each chunk's true entry state
        // follows from the one before it, so no guess is ever wrong here.
        let inQuotes = false;
        reports = [];
        for (let k = 0; k < chunks; k++) {
          const r = await send(0, chunk(k, inQuotes), k > 0);
          reports.push(r);
          if (r.scan!.quoteParity === 1) inQuotes = !inQuotes;
        }
      } else {
        reports = await runAll(chunks, (k) => chunk(k, false));
        const states = entryStates(reports.map((r) => r.scan!));
        const wrong = states.flatMap((st, k) => (st === reports[k].scan!.enteredInQuotes ? [] : [k]));
        const again = await Promise.all(wrong.map((k) => send(k % n, chunk(k, states[k]))));
        wrong.forEach((k, i) => (reports[k] = again[i]));
        redone = wrong.length;
      }
      const job = { ...prep.input.shape, groupBy: 0, aggregate: [] };
      const checked = combineChunks(job, reports.map((r) => r.scan as ChunkResult));
      if ('ok' in checked) throw new PassFailure(checked);
    }
    const receivedMs = clock();
    // The critical worker is the one that finished last; its compute is every chunk it ran.
    const critical = reports.reduce((a, b) => (b.doneAtMs > a.doneAtMs ? b : a));
    const own = reports.filter((r) => r.worker === critical.worker);
    const computeMs = own.reduce((sum, r) => sum + r.computeMs, 0);
    const firstIn = Math.min(...own.map((r) => r.receivedAtMs));
    pc.partition(critical.doneAtMs, [['shipIn', firstIn - dispatchMs], ['compute', computeMs]], 'shipIn');
    pc.mark('shipOut', receivedMs);

    const accs = strategy === 'worker-seq' ? [reports[reports.length - 1].acc] : reports.map((r) => r.acc);
    const done = await wait(apis[0].finish(accs) as Promise<KernelFinishReport>);
    if (!done.ok) throw new PassFailure({ ok: false, strategy, failure: done.failure });
    pc.mark('merge');
    spans.push({ worker: 0, kind: 'merge', startMs: done.startedAtMs, endMs: done.doneAtMs });
    const recordsPerWorker = new Array<number>(n).fill(0);
    reports.forEach((r) => (recordsPerWorker[r.worker] += r.records));
    pool.terminate();
    pc.mark('teardown');
    const records = recordsPerWorker.reduce((s, x) => s + x, 0);
    return {
      answer: { json: done.json, hash: done.hash },
      timing: { wallMs: clock() - t0, phasesMs: pc.phasesMs, records, recordsPerWorker, startedAtMs: t0, answerHash: done.hash, spans },
      chunks,
      redone,
      sandbox,
    };
  } finally {
    pool.terminate();
  }
}

/**
 * Runs a kernel as configured. A kernel that throws (or cannot be loaded, or returns an
 * answer JSON cannot hold) comes back as a KernelRunFailure with its message and line; a
 * problem in a data file as its DataIssue; bad options throw a ConfigError; Cancel rejects
 * with an AbortError after every worker is terminated.
 */
export async function runKernel(opts: KernelRunOptions): Promise<KernelRunOutcome> {
  validate(opts, opts.env ?? currentEnv());
  throwIfAborted(opts.signal);
  const prep = await prepareInput(opts.input, opts.shipping, opts.signal);
  const reps: KernelRunResult['repetitions'] = [];
  let first: { sequential: PassOutcome; parallel: PassOutcome } | null = null;
  let mismatch: { sequential: PassOutcome; parallel: PassOutcome } | null = null;
  try {
    for (let r = 0; r < opts.repetitions; r++) {
      throwIfAborted(opts.signal);
      // Alternate which pass runs first, so neither always meets a cooler or warmer machine.
      const order: KernelStrategy[] = r % 2 === 0 ? ['worker-seq', 'pool'] : ['pool', 'worker-seq'];
      const got: Partial<Record<KernelStrategy, PassOutcome>> = {};
      for (const s of order) got[s] = await runPass(s, prep, opts);
      const pair = { sequential: got['worker-seq']!, parallel: got.pool! };
      first ??= pair;
      if (!mismatch && pair.sequential.answer.hash !== pair.parallel.answer.hash) mismatch = pair;
      reps.push({ sequential: pair.sequential.timing, parallel: pair.parallel.timing });
      opts.onProgress?.({ done: r + 1, total: opts.repetitions, etaMs: null, label: 'kernel repetitions' });
    }
  } catch (err) {
    if (err instanceof PassFailure) return err.outcome;
    throw err;
  }
  const shown = mismatch ?? first!;
  const check = checkAnswers(shown.sequential.answer, shown.parallel.answer);
  const result: KernelRunResult = {
    ok: true,
    sequential: shown.sequential.answer,
    parallel: shown.parallel.answer,
    correct: check.correct,
    records: shown.sequential.timing.records,
    chunks: shown.parallel.chunks,
    redone: shown.parallel.redone,
    repetitions: reps,
    sandbox: shown.parallel.sandbox,
  };
  if (check.explanation) result.explanation = check.explanation;
  return result;
}
