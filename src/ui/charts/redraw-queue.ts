/**
 * Chart redraws, one per task. A results refresh changes every chart at once; drawing all
 * of them in the effect that saw the change made one main-thread task of 50–100 ms per
 * refresh during a streaming sweep (measured with the Long Tasks API on the built app).
 * Queued, each chart draws in a task of its own, and input is handled between them. A chart
 * that changes again before its turn keeps its place and draws only the latest state.
 */

const pending = new Map<object, () => void>();
let scheduled = false;

/** Runs `draw` for `owner` in a later task, replacing a draw still waiting for the same owner. */
export function queueRedraw(owner: object, draw: () => void): void {
  pending.set(owner, draw);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drawNext, 0);
  }
}

/** Forgets a waiting draw (the chart is going away). */
export function cancelRedraw(owner: object): void {
  pending.delete(owner);
}

/** Draws one waiting chart, then yields to the event loop before the next. */
function drawNext(): void {
  scheduled = false;
  const next = pending.entries().next();
  if (next.done) return;
  const [owner, draw] = next.value;
  pending.delete(owner);
  if (pending.size > 0) {
    scheduled = true;
    setTimeout(drawNext, 0);
  }
  draw();
}
