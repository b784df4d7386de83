/**
 * A 200 MB CSV grouped on 2 workers with `file-slice`: the page never holds the file. The
 * file is a Blob built from 8 MB parts (never one big string); its memory is measured from
 * outside, as the bench's memory figure measures it (the renderer processes' resident set
 * from Linux /proc: kernel high-water mark plus a 20 ms sampler, above a baseline taken
 * after a garbage collection; see test/helpers/renderer-memory-command.ts). The largest
 * chunk in flight is one worker's part of the file, 100 MB; the page's peak must stay
 * below 1.5× that. A control reads the whole file on the page and must be seen above the
 * file's size, so the meter is shown to see what the page holds.
 */
import { commands } from 'vitest/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { makeJob, planCuts, readHeaderFromReader } from '../../src/core/userdata';
import { liveWorkerCount, runUserGroup } from '../../src/engine';
import type { RendererMemoryAction, RendererMemoryReport } from '../helpers/renderer-memory-command';

declare module 'vitest/browser' {
  interface BrowserCommands {
    rendererMemory: (action: RendererMemoryAction) => Promise<RendererMemoryReport>;
  }
}

const PART_BYTES = 8 * 1024 * 1024;
const FILE_BYTES = 200 * 1024 * 1024;
const KEYS = ['Zürich, CH', 'Tokyo', 'Lyon', 'São Paulo', 'Oslo', 'Nairobi', 'Lima', '東京'];

/** One part of whole rows: keys with quoted commas, a quoted line break now and then, decimals. Returns the bytes and the row count. */
function part(seed: number): { bytes: Uint8Array<ArrayBuffer>; rows: number } {
  const lines: string[] = [];
  let size = 0;
  let x = seed * 2654435761 + 1;
  while (size < PART_BYTES - 200) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const key = KEYS[x % KEYS.length];
    const note = x % 97 === 0 ? '"two\nlines"' : `n${x % 1000}`;
    const line = `"${key}",${note},${(x % 100000) / 100},${x % 7}\n`;
    lines.push(line);
    size += line.length + (key.length > 6 ? 8 : 0); // a rough byte count; the part only needs to be about 8 MB
  }
  return { bytes: new TextEncoder().encode(lines.join('')), rows: lines.length };
}

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('a 200 MB CSV on 2 workers with file-slice', () => {
  it("keeps the page's memory below 1.5× the largest chunk in flight", { timeout: 240_000 }, async (ctx) => {
    const parts: Blob[] = [new Blob(['city,note,amount,qty\n'])];
    let records = 0;
    let bytes = 0;
    for (let seed = 1; bytes < FILE_BYTES; seed++) {
      const p = part(seed);
      parts.push(new Blob([p.bytes])); // the bytes go to the browser's blob store; the array is garbage after this
      records += p.rows;
      bytes += p.bytes.length;
    }
    const file = new File(parts, 'big.csv', { type: 'text/csv' });
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
    expect(run.answer.rows.map((r) => r[0]).sort()).toEqual([...KEYS].sort());
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
