/**
 * The bench's measuring jobs, run in the built page (cross-origin isolated, 5 µs timers).
 * Each job measures the engine and its reference side by side in every trial, alternating
 * which goes first, and returns raw per-trial series; Node (src/node/bench) turns them into
 * medians and judges the targets. Every job terminates the workers it made.
 */

import { coldBreakEvenJob, batchJob, smallBatchJob, smallTasksJob, speedupJob } from './job-scaling';
import { devtoolsTracksJob, harnessJob, historyJob } from './job-overhead';
import { kernelJob, pingJob, workerpoolJob } from './job-one-worker';
import { coldPoolJob, mainBlockJob, shipJob } from './job-startup';
import { dataCsvJob } from './data-csv';
import type { JobOptions, JobResult } from './harness';

/** Every job the page runs, by id. */
export const PAGE_JOBS = {
  'fixed-parse': (o: JobOptions) => kernelJob(o, 'fixed-parse', 'engine-parse', 'bare-parse', ['decode-only']),
  group: (o: JobOptions) => kernelJob(o, 'group', 'engine-group', 'object-group', ['object-group-no-checksum', 'table-only-group']),
  ping: pingJob,
  workerpool: workerpoolJob,
  'speedup-2w': speedupJob,
  'batch-overhead': batchJob,
  ship: shipJob,
  'cold-pool': coldPoolJob,
  'main-block': mainBlockJob,
  'harness-overhead': harnessJob,
  history: historyJob,
  'devtools-tracks': devtoolsTracksJob,
  'group-vs-hand': (o: JobOptions) => kernelJob(o, 'group-vs-hand', 'engine-group', 'hand-group', ['object-group', 'table-only-group']),
  'small-tasks': smallTasksJob,
  'small-batch': smallBatchJob,
  'cold-break-even': coldBreakEvenJob,
  'data-csv': dataCsvJob,
} satisfies Record<string, (o: JobOptions) => Promise<JobResult>>;

export type PageJobId = keyof typeof PAGE_JOBS;
