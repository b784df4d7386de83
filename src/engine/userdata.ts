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

import { ConfigError, DATA_FILE_SHIPPINGS, type Digest, type Shipping, type Span } from '../core/model/types';
import {
  combineChunks,
  entryStates,
  finishAnswer,
  planCuts,
  userDigest,
  type ChunkResult,
  type DataIssue,
  type UserAnswer,
  type UserJob,
} from '../core/userdata';
import type { UserChunkReport, UserChunkSource } from '../core/protocol/engine';
import { sharedClock, throwIfAborted, type Clock } from './clock';
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
}

function validate(file: Blob, job: UserJob, opts: UserRunOptions, env: RunEnv): number[] {
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
  const cuts = opts.cuts ?? planCuts(job.dataStart, file.size, opts.workers);
  const ordered = cuts.every((c, i) => Number.isInteger(c) && (i === 0 || c >= cuts[i - 1]));
  if (cuts.length < 2 || cuts[0] !== job.dataStart || cuts[cuts.length - 1] !== file.size || !ordered) {
    throw new ConfigError('cuts', `non-decreasing byte offsets from ${job.dataStart} (the first data byte) to ${file.size} (the file size)`, cuts.join(','));
  }
  return cuts;
}

/**
 * Groups `file` by `job` on a fresh pool of `opts.workers` workers and checks the answer
 * against the sequential one. A problem in the file comes back as a DataIssue (the
 * sequential reading's, which names the first problem); bad options throw a ConfigError.
 */
export async function runUserGroup(file: Blob, job: UserJob, opts: UserRunOptions): Promise<UserRunResult | DataIssue> {
  const cuts = validate(file, job, opts, opts.env ?? currentEnv());
  const signal = opts.signal;
  throwIfAborted(signal);
  const clock = opts.clock ?? sharedClock;
  const n = opts.workers;
  const size = file.size;
  const pool = await WorkerPool.create({ size: n, factory: opts.workerFactory ?? defaultWorkerFactory, clock, signal });
  try {
    let source: UserChunkSource;
    if (opts.shipping === 'shared') {
      const buffer = new SharedArrayBuffer(size);
      new Uint8Array(buffer).set(new Uint8Array(await abortable(file.arrayBuffer(), signal, pool)));
      source = { kind: 'shared', buffer, byteLength: size };
    } else {
      source = { kind: 'file-slice', file };
    }
    const runChunk = (k: number, start: number, end: number, inQuotes: boolean): Promise<UserChunkReport> =>
      abortable(
        pool.workers[k % n].api.runUserChunk({ worker: k % n, job, size, start, end, enteredInQuotes: inQuotes, source }),
        signal,
        pool,
      );

    // The sequential reference, outside the timing: one worker, the whole file as one chunk.
    const whole = await runChunk(0, job.dataStart, size, false);
    const sequential = combineChunks(job, [whole.result]);
    if ('ok' in sequential) return sequential;
    const reference = userDigest(finishAnswer(job, sequential));

    const t0 = clock();
    const count = cuts.length - 1;
    const reports = await Promise.all(
      Array.from({ length: count }, (_, k) => runChunk(k, cuts[k], cuts[k + 1], false)),
    );
    const results: ChunkResult[] = reports.map((r) => r.result);
    const states = entryStates(results);
    const wrong = results.flatMap((r, k) => (r.enteredInQuotes === states[k] ? [] : [k]));
    const redoneReports = await Promise.all(wrong.map((k) => runChunk(k, cuts[k], cuts[k + 1], states[k])));
    wrong.forEach((k, i) => (results[k] = redoneReports[i].result));
    const combined = combineChunks(job, results);
    if ('ok' in combined) return combined;
    const recordsPerWorker = new Array<number>(n).fill(0);
    results.forEach((r, k) => (recordsPerWorker[k % n] += r.partial.records));
    const answer = finishAnswer(job, combined);
    const digest = userDigest(answer);
    const wallMs = clock() - t0;

    const correct = digest.records === reference.records && digest.checksum === reference.checksum;
    const result: UserRunResult = {
      ok: true,
      answer,
      digest,
      reference,
      correct,
      wallMs,
      chunks: count,
      redone: wrong.length,
      recordsPerWorker,
      spans: [...reports, ...redoneReports].flatMap((r) => r.spans),
    };
    if (!correct) {
      result.message = `WRONG ANSWER: digest ${digest.records}/${digest.checksum} ≠ sequential reference ${reference.records}/${reference.checksum}`;
    }
    return result;
  } finally {
    pool.terminate();
  }
}
