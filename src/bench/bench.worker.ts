/**
 * The bench's hand-written reference worker: bare postMessage, no comlink, no pool. It runs
 * the reference kernels (and the engine's kernel over the same buffer, for a same-worker
 * comparison), one shard of the raw 2-worker split, and answers ship-in probes.
 */

import { createAccumulator, finishAccumulator, generate, generateShard, processRange, transferablesOf } from '../core/workloads';
import type { BenchReply, BenchRequest, KernelId } from './protocol';
import { handGroup } from './kernel-hand-group';
import { objectGroup } from './kernel-object-group';
import { bareParse, decodeOnly, engineKernel, tableOnlyGroup, type KernelOutput } from './kernels';
import { errorText } from '../core/view/format';

/** The worker global, typed by hand: this file is checked with the DOM library. */
const scope = self as unknown as {
  postMessage(message: BenchReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<BenchRequest>) => void): void;
};

const now = (): number => performance.timeOrigin + performance.now();

let data = new Uint8Array(0);
let distinctKeys = 1;

function runKernel(kernel: KernelId): KernelOutput {
  switch (kernel) {
    case 'engine-parse':
      return engineKernel('parse', data, distinctKeys);
    case 'bare-parse':
      return bareParse(data);
    case 'decode-only':
      return decodeOnly(data);
    case 'engine-group':
      return engineKernel('group', data, distinctKeys);
    case 'object-group':
      return objectGroup(data, true);
    case 'object-group-no-checksum':
      return objectGroup(data, false);
    case 'table-only-group':
      return tableOnlyGroup(data, distinctKeys);
    case 'hand-group':
      return handGroup(data, distinctKeys);
  }
}

function handle(req: BenchRequest): void {
  switch (req.op) {
    case 'receive': {
      // First thing: the arrival time is what the probe measures.
      const atMs = now();
      scope.postMessage({ op: 'received', atMs, byteLength: req.bytes.byteLength });
      return;
    }
    case 'load':
      data = generate(req.spec);
      distinctKeys = req.spec.distinctKeys;
      scope.postMessage({ op: 'loaded', records: req.spec.records, byteLength: data.byteLength });
      return;
    case 'kernel': {
      const t0 = performance.now();
      const out = runKernel(req.kernel);
      const ms = performance.now() - t0;
      scope.postMessage({ op: 'kernel', kernel: req.kernel, ms, records: out.records, digest: out.digest, sink: out.sink });
      return;
    }
    case 'shard': {
      const bytes = generateShard(req.spec, req.shard, req.shards);
      const t0 = performance.now();
      const acc = createAccumulator(req.job, req.spec.distinctKeys);
      processRange(acc, req.spec.format, bytes, 0, bytes.length);
      const partial = finishAccumulator(acc);
      scope.postMessage({ op: 'shard', partial, computeMs: performance.now() - t0 }, transferablesOf(partial));
      return;
    }
  }
}

scope.addEventListener('message', (ev) => {
  try {
    handle(ev.data);
  } catch (err) {
    scope.postMessage({ op: 'error', message: errorText(err) });
  }
});

scope.postMessage({ op: 'ready', atMs: now() });
