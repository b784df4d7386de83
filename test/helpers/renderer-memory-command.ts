/**
 * A vitest browser command that measures the test page's memory the way the bench's memory
 * figure does (src/node/bench/memory.ts): from outside, as the resident set of the browser's
 * renderer processes — the page and its workers live there, ArrayBuffers included, which no
 * in-page API counts. `start` collects garbage, takes the baseline RSS and resets each
 * renderer's kernel high-water mark (VmHWM) with a 20 ms RSS sampler beside it; `stop`
 * returns the peak above the baseline.
 */

import type { BrowserCommand } from 'vitest/node';
import { memoryOf, procAvailable, rendererPids, resetPeak, rssSampler } from '../../src/node/bench/memory.ts';

export type RendererMemoryAction = 'start' | 'stop';

export interface RendererMemoryReport {
  /** False when /proc is missing (not Linux): nothing was measured. */
  available: boolean;
  renderers: number;
  baselineBytes: number;
  /** Highest summed RSS above the baseline: max(VmHWM, the sampler's peak) − baseline. */
  peakAboveBaselineBytes: number;
  /** Whether the kernel reset VmHWM (else only the 20 ms sampler saw the peak). */
  hwmReset: boolean;
}

let session: { pids: number[]; baseline: number; reset: boolean; sampler: { stop(): number } } | undefined;

export const rendererMemory: BrowserCommand<[action: RendererMemoryAction]> = async (ctx, action): Promise<RendererMemoryReport> => {
  if (!procAvailable()) return { available: false, renderers: 0, baselineBytes: 0, peakAboveBaselineBytes: 0, hwmReset: false };
  if (action === 'start') {
    const cdp = await ctx.page.context().newCDPSession(ctx.page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    await cdp.detach().catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    // Playwright's Browser does not expose its process: Chromium descends from this Node process.
    const pids = rendererPids(process.pid);
    const baseline = pids.reduce((s, p) => s + memoryOf(p).rss, 0);
    const reset = pids.map((p) => resetPeak(p)).every(Boolean);
    session = { pids, baseline, reset, sampler: rssSampler(pids) };
    return { available: true, renderers: pids.length, baselineBytes: baseline, peakAboveBaselineBytes: 0, hwmReset: reset };
  }
  if (!session) throw new Error('rendererMemory("stop") without a "start"');
  const { pids, baseline, reset, sampler } = session;
  session = undefined;
  const sampled = sampler.stop();
  const hwm = reset ? pids.reduce((s, p) => s + memoryOf(p).hwm, 0) : 0;
  return {
    available: true,
    renderers: pids.length,
    baselineBytes: baseline,
    peakAboveBaselineBytes: Math.max(hwm, sampled) - baseline,
    hwmReset: reset,
  };
};
