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
