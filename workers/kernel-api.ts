/**
 * What a kernel worker does: load a person's kernel module (after sandboxWorker has taken
 * the network and storage away) and run it over records — built-in ones from any of the
 * engine's shippings, or a user's file read through its own slice(). Every call of the
 * person's code is wrapped so a throw comes back as data with its line in their source.
 */

import type { InitOptions, InitReport, UserChunkSource } from '../src/core/protocol/engine';
import type { KernelChunkReport, KernelFinishReport, KernelSource, KernelTask, KernelWorkerApi } from '../src/core/protocol/kernel';
import { canonicalAnswerOf, checkExports, kernelFailure, visitBuiltIn, visitFileChunk, type KernelFailure, type KernelStage } from '../src/core/kernel';
import { generateShard } from '../src/core/workloads';
import { SpanLog } from '../src/core/workloads/kernel';
import { WINDOW_BYTES, type ChunkResult } from '../src/core/userdata';
import { sandboxWorker } from './kernel-sandbox';
import { errorText } from '../src/core/view/format';

const now = (): number => performance.timeOrigin + performance.now();

interface KernelModule {
  init(): unknown;
  record(acc: unknown, rec: unknown): void;
  merge(a: unknown, b: unknown): unknown;
  finish(acc: unknown): unknown;
}

/** A failure inside the person's code, carried up to the API boundary. */
class KernelThrow extends Error {
  constructor(readonly failure: KernelFailure) {
    super(failure.message);
  }
}

async function readFile(file: UserChunkSource, a: number, b: number): Promise<Uint8Array> {
  if (file.kind === 'shared') return new Uint8Array(file.buffer, 0, file.byteLength).slice(a, b);
  return new Uint8Array(await file.file.slice(a, b).arrayBuffer());
}

/** Calls visit for each record of the source; returns the file chunk's scan for a file. */
async function visitSource(src: KernelSource, visit: (rec: unknown) => void): Promise<{ records: number; scan?: ChunkResult }> {
  switch (src.kind) {
    case 'bytes':
      return { records: visitBuiltIn(src.format, src.bytes, visit) };
    case 'shared-range':
      return { records: visitBuiltIn(src.format, new Uint8Array(src.buffer, 0, src.byteLength).subarray(src.start, src.end), visit) };
    case 'generate-shard': {
      const bytes = generateShard(src.spec, src.shard, src.shards);
      return { records: visitBuiltIn(src.spec.format, bytes, visit) };
    }
    case 'file': {
      // The chunk plus the byte before it (it tells whether a record starts at `start`),
      // then more windows while the last record runs on past what was read.
      const first = src.start === src.shape.dataStart;
      const base = first ? src.start : src.start - 1;
      let to = Math.min(src.size, Math.max(src.end, base + 1));
      let bytes = await readFile(src.file, base, to);
      for (;;) {
        const records: unknown[] = [];
        const scan = visitFileChunk(src.shape, bytes, base, src.start, src.end, src.enteredInQuotes, to >= src.size, (r) => records.push(r));
        if (scan !== 'need-more') {
          for (const r of records) visit(r);
          return { records: records.length, scan };
        }
        const more = await readFile(src.file, to, Math.min(src.size, to + WINDOW_BYTES));
        const grown = new Uint8Array(bytes.length + more.length);
        grown.set(bytes);
        grown.set(more, bytes.length);
        bytes = grown;
        to += more.length;
      }
    }
  }
}

/** Calls the person's code at a stage; a throw becomes a KernelThrow with its line in their source. */
type Call = <T>(stage: KernelStage, f: () => T) => T;

/** merge() the partial accumulators left to right, finish() the result, and its canonical answer. */
function mergeAndFinish(k: KernelModule, accs: unknown[], call: Call): KernelFinishReport {
  try {
    const m0 = now();
    let acc = accs[0];
    for (let i = 1; i < accs.length; i++) {
      const a = acc;
      acc = call('merge', () => k.merge(a, accs[i]));
    }
    const answer = call('finish', () => k.finish(acc));
    const f1 = now();
    let canonical;
    try {
      canonical = canonicalAnswerOf(answer);
    } catch (err) {
      return { ok: false, failure: { stage: 'answer', message: errorText(err) } };
    }
    return { ok: true, json: canonical.json, hash: canonical.hash, startedAtMs: m0, doneAtMs: f1 };
  } catch (err) {
    if (err instanceof KernelThrow) return { ok: false, failure: err.failure };
    throw err;
  }
}

/** The kernel worker's API: its state is the loaded module and the accumulator a `keep` task continues. */
export function createKernelWorkerApi(): KernelWorkerApi {
  let index = 0;
  let mod: KernelModule | null = null;
  let moduleUrl = '';
  let current: { acc: unknown } | null = null;

  const call: Call = (stage, f) => {
    try {
      return f();
    } catch (err) {
      throw new KernelThrow(kernelFailure(stage, err, moduleUrl));
    }
  };

  return {
    init(opts: InitOptions): InitReport {
      index = opts.index;
      const t = now();
      return { startMs: t, endMs: t, warmUpCalls: 0 };
    },

    ping(): number {
      return now();
    },

    async load(source: string) {
      const sandbox = sandboxWorker();
      moduleUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      let loaded: Record<string, unknown>;
      try {
        loaded = (await import(/* @vite-ignore */ moduleUrl)) as Record<string, unknown>;
      } catch (err) {
        return { ok: false as const, failure: kernelFailure('load', err, moduleUrl) };
      }
      const missing = checkExports(loaded);
      if (missing) return { ok: false as const, failure: { stage: 'load' as const, message: missing } };
      mod = loaded as unknown as KernelModule;
      return { ok: true as const, sandbox };
    },

    async run(task: KernelTask): Promise<KernelChunkReport> {
      const receivedAtMs = now();
      if (!mod) return { ok: false, failure: { stage: 'load', message: 'no kernel loaded in this worker' } };
      const k = mod;
      const worker = task.worker ?? index;
      const log = new SpanLog(worker);
      try {
        const t0 = now();
        const acc = task.keep && current ? current.acc : call('init', () => k.init());
        if (typeof (acc as { then?: unknown } | null)?.then === 'function') {
          return { ok: false, failure: { stage: 'init', message: 'init() returned a Promise: a kernel is synchronous (no async functions, no await)' } };
        }
        current = { acc };
        const { records, scan } = await visitSource(task.source, (rec) => call('record', () => k.record(acc, rec)));
        const doneAtMs = now();
        log.add('compute', t0, doneAtMs, records);
        const report: KernelChunkReport = { ok: true, worker, acc, records, spans: log.spans, computeMs: log.computeMs, receivedAtMs, doneAtMs };
        if (scan) report.scan = scan;
        return report;
      } catch (err) {
        if (err instanceof KernelThrow) return { ok: false, failure: err.failure };
        throw err;
      }
    },

    finish(accs: unknown[]): KernelFinishReport {
      if (!mod) return { ok: false, failure: { stage: 'load', message: 'no kernel loaded in this worker' } };
      return mergeAndFinish(mod, accs, call);
    },
  };
}
