/**
 * The bench page (bench/index.html, built beside the app into dist/bench/): exposes
 * `window.__bench` for src/node/bench.ts, which drives every job through page.evaluate.
 * It imports the engine and the workloads exactly as the app does.
 */

import { hasSharedMemory } from './job-common';
import { memoryPrepare, memoryTrial } from './job-overhead';
import { PAGE_JOBS, type PageJobId } from './jobs';
import type { JobOptions, JobResult } from './harness';
import { timerResolution } from '../core/stats';
import type { BenchEnv } from '../core/model/environment';
import { fabricateClassroomLinks } from './fabricate';

/** What Node sees on `window.__bench`. */
export interface BenchPageApi {
  env: BenchEnv;
  jobs: PageJobId[];
  run(job: PageJobId, opts: JobOptions): Promise<JobResult>;
  memoryPrepare: typeof memoryPrepare;
  memoryTrial: typeof memoryTrial;
  /** Share links of `count` fabricated machines (the classroom figure pastes them into the app). */
  classroomLinks(count: number, appUrl: string): string[];
}

const nav = navigator as Navigator & { deviceMemory?: number };
const api: BenchPageApi = {
  env: {
    hardwareConcurrency: nav.hardwareConcurrency || 1,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedMemory: hasSharedMemory(),
    timerResolutionMs: timerResolution(() => performance.now()),
    userAgent: nav.userAgent,
    deviceMemoryGiB: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : null,
  },
  jobs: Object.keys(PAGE_JOBS) as PageJobId[],
  run: (job, opts) => {
    const fn = PAGE_JOBS[job];
    if (!fn) return Promise.reject(new Error(`no bench job "${job}"`));
    return fn(opts);
  },
  memoryPrepare,
  memoryTrial,
  classroomLinks: fabricateClassroomLinks,
};

(window as unknown as { __bench: BenchPageApi }).__bench = api;
