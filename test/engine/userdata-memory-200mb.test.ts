/**
 * A 200 MB CSV grouped on 2 workers with `file-slice`: the page never holds the file. The
 * file is built from 8 MB parts (never one big string; the bench's data-csv generator). The
 * page's memory is measured from outside, as the bench's memory figure measures it (the renderer processes' resident set
 * from Linux /proc: kernel high-water mark plus a 20 ms sampler, above a baseline taken
 * after a garbage collection; see test/helpers/renderer-memory-command.ts). The largest
 * chunk in flight is one worker's part of the file, 100 MB; the page's peak must stay
 * below 1.5× that. A control reads the whole file on the page and must be seen above the
 * file's size, so the meter is shown to see what the page holds.
 */
import { commands } from 'vitest/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_CSV_KEYS, generateCsvFile } from '../../src/bench/data-csv';
import { makeJob, planCuts, readHeaderFromReader } from '../../src/core/userdata';
import { liveWorkerCount } from '../../src/engine';
import { runUserGroup } from '../../src/engine/userdata';

/** What the rendererMemory command (test/helpers/renderer-memory-command.ts, run in Node) reports. */
interface RendererMemoryReport {
  available: boolean;
  renderers: number;
  baselineBytes: number;
  peakAboveBaselineBytes: number;
  hwmReset: boolean;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    rendererMemory: (action: 'start' | 'stop') => Promise<RendererMemoryReport>;
  }
}

const FILE_BYTES = 200 * 1024 * 1024;

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('a 200 MB CSV on 2 workers with file-slice', () => {
  it("keeps the page's memory below 1.5× the largest chunk in flight", { timeout: 240_000 }, async (ctx) => {
    const { file, records } = generateCsvFile(FILE_BYTES, 8 * 1024 * 1024);
    expect(file.size).toBeGreaterThanOrEqual(FILE_BYTES);

    const header = await readHeaderFromReader('csv', file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()));
    if (!header.ok) throw new Error(header.message);
    const job = makeJob(header, 'city', ['amount', 'qty']);
    if ('ok' in job) throw new Error(job.message);
    const cuts = planCuts(job.dataStart, file.size, 2);
    const largestChunkBytes = Math.max(cuts[1] - cuts[0], cuts[2] - cuts[1]);

    const start = await commands.rendererMemory('start');
    if (!start.available) ctx.skip('needs Linux /proc to read the renderer processes');
    const run = await runUserGroup(file, job, { workers: 2, shipping: 'file-slice' });
    const memory = await commands.rendererMemory('stop');
    if (!run.ok) throw new Error(run.message);
    expect(run.correct).toBe(true);
    expect(run.answer.records).toBe(records);
    expect(run.answer.rows.map((r) => r[0]).sort()).toEqual([...DATA_CSV_KEYS].sort());
    const peakMB = memory.peakAboveBaselineBytes / 1e6;
    console.info(
      `200 MB file-slice: renderer peak +${peakMB.toFixed(1)} MB over ${memory.renderers} renderers (largest chunk ${(largestChunkBytes / 1e6).toFixed(1)} MB, limit ${((1.5 * largestChunkBytes) / 1e6).toFixed(1)} MB; VmHWM reset: ${memory.hwmReset})`,
    );
    expect(memory.peakAboveBaselineBytes).toBeLessThan(1.5 * largestChunkBytes);

    // The control: the same meter sees a page that holds the whole file.
    await commands.rendererMemory('start');
    const whole = new Uint8Array(await file.arrayBuffer());
    const held = await commands.rendererMemory('stop');
    expect(whole.length).toBe(file.size);
    console.info(`control, the whole file read on the page: renderer peak +${(held.peakAboveBaselineBytes / 1e6).toFixed(1)} MB`);
    expect(held.peakAboveBaselineBytes).toBeGreaterThan(0.9 * file.size);
  });
});
