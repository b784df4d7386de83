/**
 * What every strategy's runner shares: the run's context (what runOnce derived from the
 * config and options), making the data on the main thread, the serial part there, and
 * turning a finished run into its sample (digest check, wall time taken last).
 */

import type { DatasetSpec, Digest, JobSpec, Phase, RunConfig, Span } from '../core/model/types';
import { SpanLog, serialRoundsFor, serialUnitsFor, serialWork } from '../core/workloads/kernel';
import type { Clock } from './clock';
import { generateInChunks, layoutOf, needsIndex, type Layout } from './dataset';
import { PhaseClock } from './phases';
import type { WorkerFactory } from './pool';
import type { EngineSample } from './run';


/** What every runner reads: the config, what runOnce derived from it, and its progress reporter. */
export interface Ctx {
  config: RunConfig;
  spec: DatasetSpec;
  job: JobSpec;
  clock: Clock;
  signal: AbortSignal | undefined;
  factory: WorkerFactory;
  reference: Digest;
  initTimeoutMs: number | undefined;
  progress: (phase: Phase, recordsDone?: number) => void;
}

/** Sums per lane, digest check, and the final wall time (taken last: the rest is harness overhead). */
export function finishSample(
  ctx: Ctx,
  pc: PhaseClock,
  digest: Digest,
  spans: Span[],
  recordsPerWorker: number[],
  batchesPerWorker: number[],
  serialResult: number | undefined,
): EngineSample {
  const ref = ctx.reference;
  const counted = recordsPerWorker.reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (counted !== ctx.config.records) problems.push(`records counted ${counted} ≠ records generated ${ctx.config.records}`);
  if (digest.records !== ref.records || digest.checksum !== ref.checksum || digest.tableHash !== ref.tableHash) {
    problems.push(
      `digest ${digest.records}/${digest.checksum}/${digest.tableHash} ≠ sequential reference ${ref.records}/${ref.checksum}/${ref.tableHash}`,
    );
  }
  const sample: EngineSample = {
    wallMs: 0,
    phasesMs: pc.phasesMs,
    spans,
    recordsPerWorker,
    batchesPerWorker,
    digest,
    correct: problems.length === 0,
    startedAtMs: pc.startMs,
    reference: ref,
  };
  if (problems.length > 0) sample.message = `WRONG ANSWER: ${problems.join('; ')}`;
  if (serialResult !== undefined) sample.serialResult = serialResult;
  sample.wallMs = ctx.clock() - pc.startMs;
  return sample;
}

/** Runs the serial part on this thread; returns its result, or undefined when f = 0. */
export function serialOnMain(ctx: Ctx, pc: PhaseClock, main: SpanLog): number | undefined {
  const units = serialUnitsFor(ctx.config.records, ctx.config.serialFraction);
  if (units === 0) return undefined;
  const s = pc.last;
  const result = serialWork(units, serialRoundsFor(ctx.config), ctx.config.seed);
  main.add('serial', s, pc.mark('compute'));
  return result;
}

/** Generates on this thread and, for varlen + index, runs the serial index pass. */
export async function prepareOnMain(ctx: Ctx, pc: PhaseClock, main: SpanLog, shared: boolean): Promise<Layout> {
  const { config, spec } = ctx;
  ctx.progress('generate');
  let s = pc.last;
  const bytes = await generateInChunks(spec, { shared, signal: ctx.signal });
  main.add('generate', s, pc.mark('generate'), config.records);
  ctx.progress('split');
  s = pc.last;
  const index = needsIndex(config.format, config.varlenSplit);
  const layout = await layoutOf(config.format, config.records, bytes, index, ctx.signal);
  const e = pc.mark('split');
  if (index) main.add('index', s, e, config.records);
  return layout;
}
