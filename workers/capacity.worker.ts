/**
 * The capacity probe's worker: spins a fixed integer loop inside a window of wall time on
 * the shared clock and reports how many iterations it got done. No comlink: the probe must
 * be cheap and start fast.
 */
import { CAPACITY_READY, type SpinReply, type SpinRequest } from '../src/core/protocol/capacity';

const now = (): number => performance.timeOrigin + performance.now();

/** Iterations between clock reads: long enough that reading the clock costs nothing. */
const CHUNK = 2048;

function spin(req: SpinRequest): SpinReply {
  // Wait for the common start, so every worker's window overlaps the others'.
  while (now() < req.startAtMs) {
    /* busy: a sleeping worker would wake late */
  }
  const start = now();
  const end = req.startAtMs + req.windowMs;
  let x = 0x9e3779b9 | 0;
  let iterations = 0;
  let t = start;
  while (t < end) {
    for (let i = 0; i < CHUNK; i++) {
      x ^= x >>> 16;
      x = Math.imul(x, 0x7feb352d);
      x ^= x >>> 15;
    }
    iterations += CHUNK;
    t = now();
  }
  // `x` flows into the reply so the loop cannot be optimised away.
  return { type: 'spun', iterations: iterations + (x & 0), windowMs: t - start };
}

self.addEventListener('message', (ev: MessageEvent<SpinRequest>) => {
  if (ev.data?.type === 'spin') self.postMessage(spin(ev.data));
});
self.postMessage({ type: CAPACITY_READY });
