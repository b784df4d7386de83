/**
 * Chart redraws, one per task, and a way for a running experiment to wait for them.
 *
 * A results refresh changes every chart at once; drawing all of them in the effect that saw
 * the change made one main-thread task of 50–100 ms per refresh during a streaming sweep
 * (measured with the Long Tasks API on the built app). Queued, each chart draws in a task of
 * its own, and input is handled between them. A chart that changes again before its turn
 * keeps its place and draws only the latest state.
 *
 * The run waits for the queue to drain (uiWorkSettled) before its next repetition: drawing
 * in the middle of a measured repetition would put chart work inside the time being measured
 * (it visibly moved the speedups of main-thread-heavy configurations).
 *
 * Tasks are posted through a MessageChannel, not setTimeout: a background tab throttles
 * timers to one a second, which would stall a run waiting for its charts.
 */
import { tick } from 'svelte';

const pending = new Map<object, () => void>();
let waiters: (() => void)[] = [];
let scheduled = false;
let channel: MessageChannel | undefined;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = drawNext;
  }
  channel.port2.postMessage(null);
}

/** Runs `draw` for `owner` in a later task, replacing a draw still waiting for the same owner. */
export function queueRedraw(owner: object, draw: () => void): void {
  pending.set(owner, draw);
  schedule();
}

/** Forgets a waiting draw (the chart is going away). */
export function cancelRedraw(owner: object): void {
  pending.delete(owner);
  if (pending.size === 0) release();
}

/** Resolves once every change made so far has been drawn (at once when nothing is waiting). */
export async function uiWorkSettled(): Promise<void> {
  await tick(); // let effects of the latest state changes queue their redraws first
  if (pending.size === 0) return;
  await new Promise<void>((resolve) => waiters.push(resolve));
}

/** Draws one waiting chart, then yields to the event loop before the next. */
function drawNext(): void {
  scheduled = false;
  const next = pending.entries().next();
  if (!next.done) {
    const [owner, draw] = next.value;
    pending.delete(owner);
    try {
      draw();
    } finally {
      if (pending.size > 0) schedule();
      else release();
    }
  } else {
    release();
  }
}

function release(): void {
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}
