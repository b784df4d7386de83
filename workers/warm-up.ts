/**
 * JIT warm-up of a fresh engine worker: its hot loops run on a small generated buffer a few
 * times before the first measured task, and the results are discarded.
 */

import type { DatasetSpec, Format, JobSpec } from '../src/core/model/types';
import type { InitOptions } from '../src/core/protocol/engine';
import { createAccumulator, finishAccumulator, generateRange, processRange } from '../src/core/workloads';

const WARM_UP_RECORDS = 2048;

function warmUpSpec(format: Format): DatasetSpec {
  return { seed: 7, records: WARM_UP_RECORDS, format, distinctKeys: 64, keySkew: 0, payloadBytes: 16, costSkew: 0 };
}

/** Runs `job` over a small generated buffer `calls` times and discards the results. */
function warmUpPair(job: JobSpec, format: Format, calls: number): number {
  const spec = warmUpSpec(format);
  const bytes = generateRange(spec, 0, spec.records);
  const { faultAtRecord: _, ...safe } = job; // a warm-up must never trip an injected fault
  for (let c = 0; c < calls; c++) {
    const acc = createAccumulator(safe, spec.distinctKeys);
    processRange(acc, format, bytes, 0, bytes.length);
    finishAccumulator(acc);
  }
  return calls;
}

/**
 * JIT warm-up: a fresh worker runs hot loops ~3× slower for its first few calls, so warm
 * pools run them on a small buffer first (5 calls for the focus job/format, 2 for every
 * format × parse/group) and discard the results.
 */
export function warmUpLoops(focus: InitOptions['focus']): number {
  let n = 0;
  if (focus) n += warmUpPair(focus.job, focus.format, 5);
  for (const format of ['fixed', 'varlen', 'csv'] as const) {
    for (const job of ['parse', 'group'] as const) n += warmUpPair({ job, workRounds: 1 }, format, focus ? 2 : 5);
  }
  return n;
}
