/**
 * Page-side pieces every bench job shares: the trial loop (warm-ups discarded, order
 * alternated), the bare reference worker, and the shape a job hands back to Node.
 */

import type { BenchReply, BenchRequest } from './protocol';

/** What Node asks of a job. */
export interface JobOptions {
  /** Measured trials. */
  trials: number;
  /** Unmeasured trials first (JIT warm-up, caches, first-use allocation). */
  warmups: number;
  /** Small sizes for the CI smoke run. */
  smoke: boolean;
}

/** What a job hands back: per-trial series (Node computes medians and judges targets) and notes. */
export interface JobResult {
  series: Record<string, number[]>;
  notes: string[];
  info: Record<string, number | string | boolean>;
}

/** Progress for Node's stderr (relayed from the console). */
export function say(message: string): void {
  console.log(`[bench] ${message}`);
}

/** The shared clock: comparable with every worker's readings. */
export const sharedNow = (): number => performance.timeOrigin + performance.now();

/**
 * Runs `warmups` + `trials` trials; `trial(t, flip)` gets the measured index (negative for
 * warm-ups) and whether to run the reference first, alternating so neither side always
 * runs in the other's wake.
 */
export async function trialLoop(opts: JobOptions, name: string, trial: (t: number, flip: boolean) => Promise<void>): Promise<void> {
  const total = opts.warmups + opts.trials;
  let lastSaid = performance.now();
  for (let k = 0; k < total; k++) {
    const t = k - opts.warmups;
    await trial(t, k % 2 === 1);
    if (performance.now() - lastSaid > 5000 || k === total - 1) {
      say(`${name}: ${Math.max(0, t + 1)}/${opts.trials} trials`);
      lastSaid = performance.now();
    }
  }
}

/** Rotates `items` by `k` (k-th trial starts with a different item): order-balanced interleaving. */
export function rotate<T>(items: readonly T[], k: number): T[] {
  const n = items.length;
  const s = ((k % n) + n) % n;
  return [...items.slice(s), ...items.slice(0, s)];
}

/** Collects named per-trial series. */
export class Series {
  readonly data: Record<string, number[]> = {};
  push(name: string, value: number): void {
    (this.data[name] ??= []).push(value);
  }
}

/** The hand-written reference worker (src/bench/bench.worker.ts), driven by bare postMessage. */
export class BenchWorker {
  private constructor(
    readonly worker: Worker,
    /** Shared-clock time of its top-level ready message. */
    readonly readyAtMs: number,
  ) {}

  static async spawn(): Promise<BenchWorker> {
    const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench-reference' });
    const ready = await new Promise<BenchReply>((resolve, reject) => {
      worker.addEventListener('message', (ev: MessageEvent<BenchReply>) => resolve(ev.data), { once: true });
      worker.addEventListener('error', (ev) => reject(new Error(`bench worker failed to start: ${ev.message}`)), { once: true });
    });
    return new BenchWorker(worker, ready.op === 'ready' ? ready.atMs : sharedNow());
  }

  /** One request, its one reply; a reply of op 'error' rejects. */
  call<R extends BenchReply['op']>(req: BenchRequest, expect: R, transfer: Transferable[] = []): Promise<Extract<BenchReply, { op: R }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (ev: MessageEvent<BenchReply>) => {
        this.worker.removeEventListener('message', onMessage);
        const reply = ev.data;
        if (reply.op === 'error') reject(new Error(`bench worker: ${reply.message}`));
        else if (reply.op !== expect) reject(new Error(`bench worker answered ${reply.op}, expected ${expect}`));
        else resolve(reply as Extract<BenchReply, { op: R }>);
      };
      this.worker.addEventListener('message', onMessage);
      this.worker.postMessage(req, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** Throws when two digests differ: a reference that computes a different answer measures nothing. */
export function sameDigest(what: string, a: { records: number; checksum: string; tableHash: string } | null, b: typeof a): void {
  if (!a || !b || a.records !== b.records || a.checksum !== b.checksum || a.tableHash !== b.tableHash) {
    throw new Error(`${what}: the reference's answer differs from the engine's (${JSON.stringify(a)} vs ${JSON.stringify(b)})`);
  }
}

/** Where the line a + b·n (parallel) meets a_s + b_s·n (main thread); 0 when parallel always wins, Infinity when never. */
export function breakEvenRecords(parallel: { a: number; b: number }, main: { a: number; b: number }): number {
  if (parallel.a <= main.a) return 0;
  if (parallel.b >= main.b) return Infinity;
  return (parallel.a - main.a) / (main.b - parallel.b);
}

/** The line a + b·n through two (records, ms) points. */
export function lineThrough(n1: number, ms1: number, n2: number, ms2: number): { a: number; b: number } {
  const b = (ms2 - ms1) / (n2 - n1);
  return { a: ms1 - b * n1, b };
}
