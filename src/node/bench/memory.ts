/**
 * Peak memory of a page's renderer process, read from outside (Linux /proc). A page's
 * workers live in its renderer process, and their ArrayBuffers are real pages of that
 * process, so its resident set counts the dataset, every copy and both workers — which no
 * in-page API does (JSHeapUsedSize leaves ArrayBuffer backing stores out;
 * performance.measureUserAgentSpecificMemory waits for a GC, up to ~20 s, and gives one
 * reading, not a peak).
 *
 * The peak is the kernel's own high-water mark VmHWM, reset to the current RSS before each
 * run by writing 5 to /proc/<pid>/clear_refs (Linux ≥ 4.0); a 20 ms VmRSS sampler runs
 * beside it as a fallback and a cross-check.
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { openBenchPage, TOOL } from './pages';
import type { RawFigure } from './report';
import { log } from './session';

/** True when this machine has the /proc files the measurement needs. */
export function procAvailable(): boolean {
  return process.platform === 'linux' && existsSync('/proc/self/status');
}

function readPpid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: parse after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return undefined;
  }
}

/** Renderer processes descending from `rootPid` (Chromium's --type=renderer children). */
export function rendererPids(rootPid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = readPpid(Number(entry));
    if (ppid !== undefined) parent.set(Number(entry), ppid);
  }
  const descends = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) {
      if (p === rootPid) return true;
    }
    return false;
  };
  const out: number[] = [];
  for (const pid of parent.keys()) {
    if (!descends(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) out.push(pid);
    } catch {
      // exited meanwhile
    }
  }
  return out.sort((a, b) => a - b);
}

/** VmRSS and VmHWM of a process, bytes (0 when it is gone). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Resets a process's VmHWM to its current RSS; false when the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples the summed RSS of `pids` every `everyMs` until stopped; returns the highest sum seen. */
export function rssSampler(pids: readonly number[], everyMs = 20): { stop(): number } {
  let peak = 0;
  const tick = () => {
    peak = Math.max(peak, pids.reduce((s, p) => s + memoryOf(p).rss, 0));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}

/** The 10 M-record memory figure: a page of its own, its renderer read from /proc around every run. */
export async function measureMemory(browser: Browser, url: string, smoke: boolean, trials: number): Promise<RawFigure> {
  if (!procAvailable()) throw new Error('needs Linux /proc to read the renderer process memory; not available here');
  // Playwright's Browser does not expose its process: Chromium is a descendant of this Node process.
  const rootPid = process.pid;
  const page = await openBenchPage(browser, url);
  try {
    // Chromium may hand the page a pre-started spare renderer, so "the new process" is not
    // reliable: sum every renderer of this browser. The others are idle, and each one's
    // peak is reset to its current RSS, so they add (almost) nothing above the baseline.
    const pids = rendererPids(rootPid);
    const notes: string[] = [`summed over the ${pids.length} renderer processes of the bench's browser (all but the measuring page idle)`];
    const cdp = await page.context().newCDPSession(page);
    const records = smoke ? 1_000_000 : 10_000_000;
    const series: Record<string, number[]> = { peakRatio: [], peakMB: [], wallMs: [], sharedRatio: [], generateInWorkerRatio: [] };
    let failedRuns = 0;
    let sampledOnly = false;
    let lastFailure = '';

    const oneRun = async (datasetBytes: number): Promise<{ ratio: number; peakBytes: number; wallMs: number } | null> => {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      const baseline = pids.reduce((s, p) => s + memoryOf(p).rss, 0);
      const reset = pids.map((p) => resetPeak(p)).every(Boolean);
      const sampler = rssSampler(pids);
      const run = await page.evaluate(() => window.__bench!.memoryTrial());
      const sampled = sampler.stop();
      const hwm = reset ? pids.reduce((s, p) => s + memoryOf(p).hwm, 0) : 0;
      if (!reset) sampledOnly = true;
      if (!run.ok) {
        failedRuns++;
        lastFailure = run.message ?? 'unknown failure';
        return null;
      }
      const peakBytes = Math.max(hwm, sampled) - baseline;
      return { ratio: peakBytes / datasetBytes, peakBytes, wallMs: run.wallMs };
    };

    const modes: Array<{ shipping: string; series: string; trials: number; warmups: number }> = [
      { shipping: 'transfer', series: 'peakRatio', trials, warmups: smoke ? 0 : 1 },
      { shipping: 'shared', series: 'sharedRatio', trials: smoke ? 1 : 3, warmups: 0 },
      { shipping: 'generate-in-worker', series: 'generateInWorkerRatio', trials: smoke ? 1 : 3, warmups: 0 },
    ];
    let datasetBytes = 0;
    let estimate = 0;
    for (const mode of modes) {
      const prep = await page.evaluate((o) => window.__bench!.memoryPrepare(o), { records, shipping: mode.shipping });
      datasetBytes = prep.datasetBytes;
      if (mode.shipping === 'transfer') estimate = prep.estimatedBytes;
      for (let k = 0; k < mode.warmups + mode.trials; k++) {
        const r = await oneRun(prep.datasetBytes);
        if (k < mode.warmups || !r) continue;
        series[mode.series].push(r.ratio);
        if (mode.shipping === 'transfer') {
          series.peakMB.push(r.peakBytes / 1e6);
          series.wallMs.push(r.wallMs);
        }
      }
      log(TOOL, `  memory: shipping ${mode.shipping} done`);
    }
    if (failedRuns) notes.push(`${failedRuns} runs did not complete: ${lastFailure}`);
    notes.push(
      sampledOnly
        ? 'the kernel refused to reset VmHWM: peaks are from a 20 ms VmRSS sampler and may miss short spikes'
        : 'peak = kernel VmHWM (reset before each run via /proc/<pid>/clear_refs), cross-checked with a 20 ms VmRSS sampler',
    );
    return {
      series,
      notes,
      info: {
        records,
        datasetMB: datasetBytes / 1e6,
        engineEstimateMB: estimate / 1e6,
        method: 'Linux /proc of the renderer process',
        failedRuns,
      },
    };
  } finally {
    await page.context().close();
  }
}
