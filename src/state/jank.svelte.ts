/**
 * Jank meter: while a run is going, how long the page's main thread was blocked and how
 * many frames were dropped. Two sources: gaps between requestAnimationFrame callbacks
 * (anything over ~1.5 frames is a stall) and PerformanceObserver 'longtask' entries
 * (tasks over 50 ms, where the browser reports them).
 */

export interface JankDeps {
  raf: (cb: (t: number) => void) => number;
  caf: (id: number) => void;
  /** Subscribes to long tasks; returns an unsubscribe. Undefined where unsupported. */
  observeLongTasks?: (onTask: (durationMs: number) => void) => () => void;
  /** Nominal frame interval, ms. */
  frameMs?: number;
}

function browserDeps(): JankDeps {
  const deps: JankDeps = {
    raf: (cb) => requestAnimationFrame(cb),
    caf: (id) => cancelAnimationFrame(id),
  };
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    deps.observeLongTasks = (onTask) => {
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) onTask(e.duration);
      });
      obs.observe({ type: 'longtask' });
      return () => obs.disconnect();
    };
  }
  return deps;
}

export class JankMeter {
  running = $state(false);
  /** Longest stretch the main thread could not paint, ms. */
  longestBlockMs = $state(0);
  /** Frames that should have been drawn and were not. */
  droppedFrames = $state(0);
  /** Frames drawn while measuring. */
  frames = $state(0);
  /** Long tasks (≥ 50 ms) the browser reported. */
  longTasks = $state(0);

  readonly #deps: JankDeps;
  #rafId = 0;
  #last = Number.NaN;
  #unobserve: (() => void) | undefined;

  constructor(deps: JankDeps = browserDeps()) {
    this.#deps = deps;
  }

  /** Resets the counters and starts measuring. */
  start(): void {
    this.stop();
    this.longestBlockMs = 0;
    this.droppedFrames = 0;
    this.frames = 0;
    this.longTasks = 0;
    this.running = true;
    this.#last = Number.NaN;
    this.#unobserve = this.#deps.observeLongTasks?.((d) => {
      this.longTasks++;
      if (d > this.longestBlockMs) this.longestBlockMs = d;
    });
    this.#rafId = this.#deps.raf(this.#tick);
  }

  /** Stops measuring; the numbers stay for display. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.#deps.caf(this.#rafId);
    this.#unobserve?.();
    this.#unobserve = undefined;
  }

  readonly #tick = (t: number): void => {
    if (!this.running) return;
    const frameMs = this.#deps.frameMs ?? 1000 / 60;
    if (!Number.isNaN(this.#last)) {
      const gap = t - this.#last;
      this.frames++;
      if (gap > 1.5 * frameMs) {
        this.droppedFrames += Math.max(1, Math.round(gap / frameMs) - 1);
        const blocked = gap - frameMs;
        if (blocked > this.longestBlockMs) this.longestBlockMs = blocked;
      }
    }
    this.#last = t;
    this.#rafId = this.#deps.raf(this.#tick);
  };
}
