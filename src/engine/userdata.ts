/**
 * Grouping a user's own data file on the engine's worker pool, and proving that the
 * parallel answer equals the sequential one.
 *
 * The file is cut into byte chunks (equal cuts, or the caller's); every worker reads its
 * own chunks — from the File itself (`file-slice`: the page never reads the bytes) or from
 * one SharedArrayBuffer (`shared`) — guessing each chunk starts outside quotes. The page
 * then checks every guess from the chunks' quote parities and has the wrongly guessed
 * chunks parsed again (see core/userdata/split.ts), merges the partials and compares the
 * canonical answer's digest with the sequential reference: one worker reading the whole
 * file as one chunk.
 */

import { ConfigError, DATA_FILE_SHIPPINGS, SCHEDULINGS, type Digest, type Phase, type Scheduling, type Shipping, type Span } from '../core/model/types';
import {
  blobReader,
  combineChunks,
  entryStates,
  finishAnswer,
  parseChunkFromReader,
  planCuts,
  totalStalls,
  userDigest,
  type BlobReader,
  type ChunkResult,
  type DataIssue,
  type UserAnswer,
  type UserJob,
} from '../core/userdata';
import type { UserChunkReport, UserChunkSource } from '../core/protocol/engine';
import { sharedClock, throwIfAborted, type Clock } from './clock';
import { PhaseClock } from './phases';
import { abortable, defaultWorkerFactory, WorkerPool, type WorkerFactory } from './pool';
import { currentEnv, workerCap, type RunEnv } from './validate';

export interface UserRunOptions {
  /** Workers in the pool, 1 … workerCap. */
  workers: number;
  /** `file-slice` or `shared` (DATA_FILE_SHIPPINGS). */
  shipping: Shipping;
  /**
   * Chunk boundaries instead of equal byte cuts: first job.dataStart, last the file size,
   * non-decreasing. Lets a lesson or a test put a cut inside a quoted line break.
   */
  cuts?: number[];
  /**
   * `static` (default): one chunk per worker, chunk k on worker k mod workers. `dynamic`:
   * DYNAMIC_CHUNKS_PER_WORKER chunks per worker (none under DYNAMIC_MIN_CHUNK_BYTES), each
   * taken by whichever worker is free, so a slower worker or a heavier stretch of the file
   * delays the answer less.
   */
  scheduling?: Scheduling;
  signal?: AbortSignal;
  workerFactory?: WorkerFactory;
  clock?: Clock;
  env?: RunEnv;
}

/** One parallel run over a user's file, checked against the sequential answer. */
export interface UserRunResult {
  ok: true;
  answer: UserAnswer;
  digest: Digest;
  /** The sequential answer's digest (one worker, one chunk). */
  reference: Digest;
  correct: boolean;
  /** Why the run is incorrect; absent when correct. */
  message?: string;
  /** Wall time of the parallel run (reads, parses, fix-ups, merge), ms. */
  wallMs: number;
  chunks: number;
  /** Chunks whose guess "starts outside quotes" was wrong and that were parsed again. */
  redone: number;
  recordsPerWorker: number[];
  spans: Span[];
  /** File reads that stalled and were read again another way, in the reference reading and the run. */
  stalledReads: number;
}

/** Chunks per worker under dynamic scheduling, and the smallest chunk it cuts. */
export const DYNAMIC_CHUNKS_PER_WORKER = 8;
export const DYNAMIC_MIN_CHUNK_BYTES = 1024 * 1024;

function validate(file: Blob, job: UserJob, opts: Pick<UserRunOptions, 'workers' | 'shipping' | 'cuts' | 'scheduling'>, env: RunEnv): number[] {
  const cap = workerCap(env.hardwareConcurrency);
  if (!Number.isInteger(opts.workers) || opts.workers < 1 || opts.workers > cap) {
    throw new ConfigError('workers', `an integer from 1 to ${cap}`, opts.workers);
  }
  if (!DATA_FILE_SHIPPINGS.includes(opts.shipping)) {
    throw new ConfigError('shipping', `one of ${DATA_FILE_SHIPPINGS.map((s) => `'${s}'`).join(', ')} for a data file`, opts.shipping);
  }
  if (opts.shipping === 'shared' && !env.crossOriginIsolated) {
    throw new ConfigError('shipping', `'file-slice' here: 'shared' needs a cross-origin isolated page`, opts.shipping);
  }
  const scheduling = opts.scheduling ?? 'static';
  if (!SCHEDULINGS.includes(scheduling)) {
    throw new ConfigError('scheduling', `one of ${SCHEDULINGS.map((s) => `'${s}'`).join(', ')}`, scheduling);
  }
  const dataBytes = Math.max(0, file.size - job.dataStart);
  const dynamicChunks = Math.max(opts.workers, Math.min(opts.workers * DYNAMIC_CHUNKS_PER_WORKER, Math.floor(dataBytes / DYNAMIC_MIN_CHUNK_BYTES)));
  const cuts = opts.cuts ?? planCuts(job.dataStart, file.size, scheduling === 'dynamic' ? dynamicChunks : opts.workers);
  const ordered = cuts.every((c, i) => Number.isInteger(c) && (i === 0 || c >= cuts[i - 1]));
  if (cuts.length < 2 || cuts[0] !== job.dataStart || cuts[cuts.length - 1] !== file.size || !ordered) {
    throw new ConfigError('cuts', `non-decreasing byte offsets from ${job.dataStart} (the first data byte) to ${file.size} (the file size)`, cuts.join(','));
  }
  return cuts;
}

/** What one pass over the file needs: a started pool and where its workers read the bytes. */
export interface UserPassContext {
  pool: WorkerPool;
  file: Blob;
  job: UserJob;
  source: UserChunkSource;
  signal?: AbortSignal;
  clock: Clock;
}

/** One pass: the merged answer, or the file's first problem. */
export interface UserPass {
  answer: UserAnswer;
  digest: Digest;
  /** Dispatch → answer digested, ms. */
  wallMs: number;
  /**
   * The pass as phases: shipIn (dispatch → the critical worker got its chunk), compute (its
   * reading and parsing — with file-slice the disk read is part of it — plus the re-parse of
   * wrongly guessed chunks), shipOut (its partial back on the page), merge (combine, answer,
   * digest). The critical worker is the one whose first-pass partial arrived last.
   */
  phasesMs: Record<Phase, number>;
  chunks: number;
  redone: number;
  recordsPerWorker: number[];
  spans: Span[];
  /** File reads that stalled and were read again another way (see STALLED_READ_MS): the answer is whole, the time is not typical. */
  stalledReads: number;
}

/** Where a data-file pass reads from: the File itself, or one SharedArrayBuffer filled once by the page. */
export async function userChunkSource(file: Blob, shipping: Shipping, signal: AbortSignal | undefined, pool: WorkerPool): Promise<UserChunkSource> {
  if (shipping !== 'shared') return { kind: 'file-slice', file };
  const buffer = new SharedArrayBuffer(file.size);
  new Uint8Array(buffer).set(new Uint8Array(await abortable(file.arrayBuffer(), signal, pool)));
  return { kind: 'shared', buffer, byteLength: file.size };
}

/** Runs chunk [start, end) on worker `w`; aborting terminates the pool. */
function runChunk(ctx: UserPassContext, w: number, start: number, end: number, inQuotes: boolean): Promise<UserChunkReport> {
  const task = { worker: w, job: ctx.job, size: ctx.file.size, start, end, enteredInQuotes: inQuotes, source: ctx.source };
  return abortable(ctx.pool.workers[w].api.runUserChunk(task), ctx.signal, ctx.pool);
}

/** Runs every chunk: chunk k on worker k mod n (static), or each on the next free worker (dynamic). */
async function runChunks(ctx: UserPassContext, cuts: readonly number[], dynamic: boolean): Promise<UserChunkReport[]> {
  const n = ctx.pool.size;
  const count = cuts.length - 1;
  if (!dynamic) return Promise.all(Array.from({ length: count }, (_, k) => runChunk(ctx, k % n, cuts[k], cuts[k + 1], false)));
  const reports = new Array<UserChunkReport>(count);
  let next = 0;
  await Promise.all(
    ctx.pool.workers.map(async (_, w) => {
      for (let k = next++; k < count; k = next++) reports[k] = await runChunk(ctx, w, cuts[k], cuts[k + 1], false);
    }),
  );
  return reports;
}

/**
 * The critical worker (the one that finished last) and its busy time: reading and parsing
 * its chunks, summed (one chunk under static scheduling, several under dynamic).
 */
function criticalWorker(reports: readonly UserChunkReport[]): { doneAtMs: number; busyMs: number } {
  const last = reports.reduce((a, b) => (b.doneAtMs > a.doneAtMs ? b : a));
  const busyMs = reports.filter((r) => r.worker === last.worker).reduce((s, r) => s + (r.doneAtMs - r.receivedAtMs), 0);
  return { doneAtMs: last.doneAtMs, busyMs };
}

/**
 * Groups the file cut at `cuts` on the context's pool: every chunk parsed under the guess
 * "outside quotes", the wrong guesses parsed again, the partials merged. With cuts
 * [dataStart, size] on a pool of one this is the sequential reading.
 */
export async function groupPass(ctx: UserPassContext, cuts: readonly number[], scheduling: Scheduling = 'static'): Promise<UserPass | DataIssue> {
  const { job, clock } = ctx;
  const n = ctx.pool.size;
  const t0 = clock();
  const phases = new PhaseClock(clock, t0);
  const count = cuts.length - 1;
  const reports = await runChunks(ctx, cuts, scheduling === 'dynamic');
  const received = clock();
  const critical = criticalWorker(reports);
  phases.partition(
    received,
    [
      ['shipIn', critical.doneAtMs - t0 - critical.busyMs],
      ['compute', critical.busyMs],
    ],
    'shipOut',
  );
  const results: ChunkResult[] = reports.map((r) => r.result);
  const states = entryStates(results);
  const wrong = results.flatMap((r, k) => (r.enteredInQuotes === states[k] ? [] : [k]));
  const redoneReports = await Promise.all(wrong.map((k, i) => runChunk(ctx, i % n, cuts[k], cuts[k + 1], states[k])));
  wrong.forEach((k, i) => (results[k] = redoneReports[i].result));
  phases.mark('compute');
  const combined = combineChunks(job, results);
  if ('ok' in combined) return combined;
  const recordsPerWorker = new Array<number>(n).fill(0);
  const finalReports = [...reports];
  wrong.forEach((k, i) => (finalReports[k] = redoneReports[i]));
  finalReports.forEach((r) => (recordsPerWorker[r.worker] += r.result.partial.records));
  const answer = finishAnswer(job, combined);
  const digest = userDigest(answer);
  phases.mark('merge');
  return {
    answer,
    digest,
    wallMs: clock() - t0,
    phasesMs: phases.phasesMs,
    chunks: count,
    redone: wrong.length,
    recordsPerWorker,
    spans: [...reports, ...redoneReports].flatMap((r) => r.spans),
    stalledReads: totalStalls([...reports, ...redoneReports]),
  };
}

/**
 * The `main` strategy: the whole file read and grouped on the page itself, window by window
 * (the page yields between windows while it waits for the next read, and is busy for each
 * window's parse). Phases: compute (reading and parsing), merge (answer and digest).
 */
export async function mainThreadPass(ctx: Pick<UserPassContext, 'file' | 'job' | 'source' | 'clock'>): Promise<UserPass | DataIssue> {
  const { file, job, source, clock } = ctx;
  const t0 = clock();
  const phases = new PhaseClock(clock, t0);
  const reader: BlobReader =
    source.kind === 'shared'
      ? { read: (a: number, b: number) => new Uint8Array(source.buffer, 0, source.byteLength).subarray(a, b), close: () => {} }
      : blobReader(file);
  let result: ChunkResult;
  try {
    result = await parseChunkFromReader(job, file.size, job.dataStart, file.size, false, reader.read);
  } finally {
    reader.close();
  }
  phases.mark('compute');
  const combined = combineChunks(job, [result]);
  if ('ok' in combined) return combined;
  const answer = finishAnswer(job, combined);
  const digest = userDigest(answer);
  phases.mark('merge');
  return { answer, digest, wallMs: clock() - t0, phasesMs: phases.phasesMs, chunks: 1, redone: 0, recordsPerWorker: [], spans: [], stalledReads: reader.stalls ?? 0 };
}

/** Whether a pass's digest equals the reference's: records and answer hash. */
export function sameDigest(a: Digest, b: Digest): boolean {
  return a.records === b.records && a.checksum === b.checksum;
}

/** The message of an answer that differs from the sequential one. */
export function wrongAnswerMessage(digest: Digest, reference: Digest): string {
  return `WRONG ANSWER: digest ${digest.records}/${digest.checksum} ≠ sequential reference ${reference.records}/${reference.checksum}`;
}

/** Chunk boundaries for `opts` (equal cuts unless given), checked; throws a ConfigError naming the option at fault. */
export function userCuts(file: Blob, job: UserJob, opts: Pick<UserRunOptions, 'workers' | 'shipping' | 'cuts' | 'scheduling' | 'env'>): number[] {
  return validate(file, job, opts, opts.env ?? currentEnv());
}

/**
 * Groups `file` by `job` on a fresh pool of `opts.workers` workers and checks the answer
 * against the sequential one. A problem in the file comes back as a DataIssue (the
 * sequential reading's, which names the first problem); bad options throw a ConfigError.
 */
export async function runUserGroup(file: Blob, job: UserJob, opts: UserRunOptions): Promise<UserRunResult | DataIssue> {
  const cuts = userCuts(file, job, opts);
  const signal = opts.signal;
  throwIfAborted(signal);
  const clock = opts.clock ?? sharedClock;
  const pool = await WorkerPool.create({ size: opts.workers, factory: opts.workerFactory ?? defaultWorkerFactory, clock, signal });
  try {
    const ctx: UserPassContext = { pool, file, job, source: await userChunkSource(file, opts.shipping, signal, pool), signal, clock };
    // The sequential reference, outside the timing: one worker, the whole file as one chunk.
    const whole = await runChunk(ctx, 0, job.dataStart, file.size, false);
    const sequential = combineChunks(job, [whole.result]);
    if ('ok' in sequential) return sequential;
    const reference = userDigest(finishAnswer(job, sequential));

    const pass = await groupPass(ctx, cuts, opts.scheduling);
    if ('code' in pass) return pass;
    const correct = sameDigest(pass.digest, reference);
    const result: UserRunResult = {
      ok: true,
      answer: pass.answer,
      digest: pass.digest,
      reference,
      correct,
      wallMs: pass.wallMs,
      chunks: pass.chunks,
      redone: pass.redone,
      recordsPerWorker: pass.recordsPerWorker,
      spans: pass.spans,
      stalledReads: whole.stalledReads + pass.stalledReads,
    };
    if (!correct) result.message = wrongAnswerMessage(pass.digest, reference);
    return result;
  } finally {
    pool.terminate();
  }
}
