/**
 * The strategies that stay on the UI thread: `main` (sequential, blocking it on purpose) and
 * `main-async` (N interleaved tasks: concurrency without parallelism).
 */

import { createAccumulator, digestOf, finishAccumulator, mergePartials, processRange, type PartialResult } from '../core/workloads';
import { SpanLog } from '../core/workloads/kernel';
import { abortError, throwIfAborted, yieldToEventLoop } from './clock';
import { batchPlan, batchStart, staticCuts, type Layout } from './dataset';
import { PhaseClock } from './phases';
import { finishSample, prepareOnMain, serialOnMain, type Ctx } from './run-context';
import type { EngineSample } from './run';

// ---------------------------------------------------------------------------------------
// main: sequential on the UI thread
// ---------------------------------------------------------------------------------------

export async function runMain(ctx: Ctx): Promise<EngineSample> {
  const { clock, config } = ctx;
  const pc = new PhaseClock(clock, clock());
  const main = new SpanLog(-1);
  const layout = await prepareOnMain(ctx, pc, main, false);
  ctx.progress('compute');
  const serialResult = serialOnMain(ctx, pc, main);
  const s = pc.last;
  const acc = createAccumulator(ctx.job, config.distinctKeys);
  const n = processRange(acc, config.format, layout.bytes, 0, layout.bytes.length);
  const partial = finishAccumulator(acc);
  main.add('compute', s, pc.mark('compute'), n);
  throwIfAborted(ctx.signal); // the blocking part cannot be interrupted; honour a cancel after it
  ctx.progress('merge', n);
  const m = pc.last;
  const digest = digestOf(mergePartials([partial]));
  main.add('merge', m, pc.mark('merge'));
  return finishSample(ctx, pc, digest, main.spans, [n], [1], serialResult);
}

// ---------------------------------------------------------------------------------------
// main-async: N tasks interleaved on the one thread (the browser's GIL)
// ---------------------------------------------------------------------------------------

export async function runMainAsync(ctx: Ctx): Promise<EngineSample> {
  const { clock, config, signal } = ctx;
  const n = config.workers;
  const pc = new PhaseClock(clock, clock());
  const main = new SpanLog(-1);
  const layout = await prepareOnMain(ctx, pc, main, false);
  ctx.progress('compute');
  const serialResult = serialOnMain(ctx, pc, main);
  const bytes = layout.bytes;
  const fmt = config.format;
  const lanes = Array.from({ length: n }, (_, t) => new SpanLog(t));
  const records = new Array<number>(n).fill(0);
  const batches = new Array<number>(n).fill(0);
  let done = 0;
  let failed = false; // one task threw: the others stop at their next yield

  const sub = (t: number, acc: ReturnType<typeof createAccumulator>, a: number, b: number) => {
    if (failed) throw new Error('another task failed');
    const t0 = clock();
    let k: number;
    try {
      k = processRange(acc, fmt, bytes, a, b);
    } catch (e) {
      failed = true;
      throw e;
    }
    lanes[t].add('compute', t0, clock(), k);
    records[t] += k;
    batches[t]++;
    done += k;
  };

  let tasks: Array<Promise<PartialResult>>;
  if (config.scheduling === 'static') {
    const cuts = staticCuts(layout, n);
    const step = byteStep(layout, config.batchSize);
    tasks = Array.from({ length: n }, async (_, t) => {
      const acc = createAccumulator(ctx.job, config.distinctKeys);
      for (let a = cuts[t]; a < cuts[t + 1]; a += step) {
        sub(t, acc, a, Math.min(a + step, cuts[t + 1]));
        await yieldToEventLoop();
        if (signal?.aborted) throw abortError();
        ctx.progress('compute', done);
      }
      return finishAccumulator(acc);
    });
  } else {
    const plan = batchPlan(layout, config.batchSize);
    let cursor = 0;
    tasks = Array.from({ length: n }, async (_, t) => {
      const acc = createAccumulator(ctx.job, config.distinctKeys);
      for (let k = cursor++; k < plan.count; k = cursor++) {
        sub(t, acc, batchStart(plan, k), batchStart(plan, k + 1));
        await yieldToEventLoop();
        if (signal?.aborted) throw abortError();
        ctx.progress('compute', done);
      }
      return finishAccumulator(acc);
    });
  }
  tasks.forEach((p) => p.catch(() => {}));
  const partials = await Promise.all(tasks);
  pc.mark('compute');
  ctx.progress('merge', done);
  const m = pc.last;
  const digest = digestOf(mergePartials(partials));
  main.add('merge', m, pc.mark('merge'));
  const spans = main.spans.concat(...lanes.map((l) => l.spans));
  return finishSample(ctx, pc, digest, spans, records, batches, serialResult);
}

/** Byte step of a sub-batch of `batchSize` records (exact for fixed, approximate otherwise). */
function byteStep(layout: Layout, batchSize: number): number {
  const L = layout.bytes.length;
  if (layout.records === 0 || L === 0) return 1;
  return Math.max(1, Math.round((batchSize * L) / layout.records));
}
