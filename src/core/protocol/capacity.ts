/** The capacity probe's messages (src/engine/capacity.ts ↔ workers/capacity.worker.ts). */

/** Spin a fixed integer loop from `startAtMs` to `startAtMs + windowMs` (shared clock). */
export interface SpinRequest {
  type: 'spin';
  startAtMs: number;
  windowMs: number;
}

/** Iterations done inside the window, and the window as the worker really saw it. */
export interface SpinReply {
  type: 'spun';
  iterations: number;
  windowMs: number;
}

/** Posted once at top level, so the probe knows the worker is up. */
export const CAPACITY_READY = 'capacity-ready';
