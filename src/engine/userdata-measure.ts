/**
 * Measuring a user's data file the way the playground measures its own workloads: one pool
 * started once (its start-up reported on its own), the sequential reading first as the
 * reference answer, unmeasured warm-ups, then repetitions that interleave the sequential
 * baseline (one worker, the whole file as one chunk), the parallel pass and, when asked,
 * the page's own pass in rotating order, each pass cut into phases and its answer's digest
 * checked against the reference.
 */

import { ConfigError, type Digest, type Phase, type Span } from '../core/model/types';
import { MAX_USER_REPETITIONS, MAX_USER_WARMUPS, type DataIssue, type UserAnswer, type UserJob } from '../core/userdata';
import { sharedClock, throwIfAborted, yieldToEventLoop } from './clock';
import type { RunHooks } from '../core/experiment/run-hooks';
import { defaultWorkerFactory, WorkerPool } from './pool';
import { groupPass, mainThreadPass, sameDigest, userChunkSource, userCuts, wrongAnswerMessage, type UserPass, type UserPassContext, type UserRunOptions } from './userdata';

export interface UserMeasureOptions extends Omit<UserRunOptions, 'cuts'> {
  /** Measured repetitions of each pass, 1 … 200. */
  repetitions: number;
  /** Unmeasured rounds before them, 0 … 10 (default 1): a fresh worker's first passes run slower. */
  warmups?: number;
  /** Also measure the `main` strategy: the file read and grouped on the page (which is busy meanwhile). */
  mainThread?: boolean;
  /** Passes finished out of the total (the reference, warm-ups and repetitions), in the run hooks' words. */
  onProgress?: RunHooks['onProgress'];
}

/** One measured pass. */
export interface UserSample {
  /** `sequential`: one worker, one chunk; `parallel`: every worker, one chunk each (or more, dynamic); `main`: the page, one chunk. */
  role: 'sequential' | 'parallel' | 'main';
  wallMs: number;
  phasesMs: Record<Phase, number>;
  chunks: number;
  redone: number;
  recordsPerWorker: number[];
  /** The pass's own answer digest, and whether it equals the sequential reference. */
  digest: Digest;
  correct: boolean;
  /** Shared-clock ms when the pass was dispatched. */
  startedAtMs: number;
  spans: Span[];
  /** File reads that stalled and were read again another way: this pass's time includes the wait. */
  stalledReads: number;
}

export interface UserMeasurement {
  ok: true;
  /** The sequential answer. */
  answer: UserAnswer;
  reference: Digest;
  /** Starting the pool (spawn and init of every worker), once, ms. */
  spawnMs: number;
  sequential: UserSample[];
  parallel: UserSample[];
  /** Empty unless `mainThread` was asked for. */
  main: UserSample[];
  /** Every measured and warm-up pass gave the reference answer. */
  correct: boolean;
  /** Why not, when not. */
  message?: string;
}

export { MAX_USER_REPETITIONS, MAX_USER_WARMUPS };

function sampleOf(role: UserSample['role'], pass: UserPass, reference: Digest, startedAtMs: number): UserSample {
  return {
    role,
    wallMs: pass.wallMs,
    phasesMs: pass.phasesMs,
    chunks: pass.chunks,
    redone: pass.redone,
    recordsPerWorker: pass.recordsPerWorker,
    digest: pass.digest,
    correct: sameDigest(pass.digest, reference),
    startedAtMs,
    spans: pass.spans,
    stalledReads: pass.stalledReads,
  };
}

/**
 * Measures `opts.repetitions` sequential and parallel passes over `file`. A problem in the
 * file comes back as the sequential reading's DataIssue before anything is measured; bad
 * options throw a ConfigError; a cancel rejects with an AbortError and terminates the pool.
 */
export async function measureUserGroup(file: Blob, job: UserJob, opts: UserMeasureOptions): Promise<UserMeasurement | DataIssue> {
  const cuts = userCuts(file, job, opts);
  const warmups = opts.warmups ?? 1;
  if (!Number.isInteger(opts.repetitions) || opts.repetitions < 1 || opts.repetitions > MAX_USER_REPETITIONS) {
    throw new ConfigError('repetitions', `an integer from 1 to ${MAX_USER_REPETITIONS}`, opts.repetitions);
  }
  if (!Number.isInteger(warmups) || warmups < 0 || warmups > MAX_USER_WARMUPS) {
    throw new ConfigError('warmups', `an integer from 0 to ${MAX_USER_WARMUPS}`, warmups);
  }
  const signal = opts.signal;
  throwIfAborted(signal);
  const clock = opts.clock ?? sharedClock;
  const roles: UserSample['role'][] = opts.mainThread ? ['sequential', 'parallel', 'main'] : ['sequential', 'parallel'];
  const total = 1 + roles.length * (warmups + opts.repetitions);
  let done = 0;
  const step = async (): Promise<void> => {
    opts.onProgress?.({ done: ++done, total, etaMs: null, label: 'data-file passes' });
    await yieldToEventLoop(); // the page draws the progress between passes, never inside one
    throwIfAborted(signal);
  };
  opts.onProgress?.({ done: 0, total, etaMs: null, label: 'data-file passes' });
  const t0 = clock();
  const pool = await WorkerPool.create({ size: opts.workers, factory: opts.workerFactory ?? defaultWorkerFactory, clock, signal });
  const spawnMs = clock() - t0;
  try {
    const ctx: UserPassContext = { pool, file, job, source: await userChunkSource(file, opts.shipping, signal, pool), signal, clock };
    const whole = [job.dataStart, file.size];
    const first = await groupPass(ctx, whole);
    if ('code' in first) return first;
    const reference = first.digest;
    await step();
    const result: UserMeasurement = { ok: true, answer: first.answer, reference, spawnMs, sequential: [], parallel: [], main: [], correct: true };
    const pass = async (role: UserSample['role'], keep: boolean): Promise<DataIssue | undefined> => {
      const startedAtMs = clock();
      const p =
        role === 'main'
          ? await mainThreadPass(ctx)
          : await groupPass(ctx, role === 'sequential' ? whole : cuts, role === 'sequential' ? 'static' : opts.scheduling);
      if ('code' in p) return p;
      const sample = sampleOf(role, p, reference, startedAtMs);
      if (!sample.correct && result.correct) {
        result.correct = false;
        result.message = `${role} pass: ${wrongAnswerMessage(p.digest, reference)}`;
      }
      if (keep) result[role].push(sample);
      await step();
      return undefined;
    };
    for (let r = 0; r < warmups + opts.repetitions; r++) {
      const keep = r >= warmups;
      // Rotate which pass goes first, so a drift in the machine's speed hits them alike.
      const order = [...roles.slice(r % roles.length), ...roles.slice(0, r % roles.length)];
      for (const role of order) {
        const issue = await pass(role, keep);
        if (issue) return issue;
      }
    }
    return result;
  } finally {
    pool.terminate();
  }
}
