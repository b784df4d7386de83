import { describe, expect, it } from 'vitest';
import { JankMeter, type JankDeps } from '../../src/state/jank.svelte';

function fakeDeps() {
  let pending: ((t: number) => void) | undefined;
  let onTask: ((d: number) => void) | undefined;
  const deps: JankDeps = {
    raf: (cb) => {
      pending = cb;
      return 1;
    },
    caf: () => (pending = undefined),
    observeLongTasks: (cb) => {
      onTask = cb;
      return () => (onTask = undefined);
    },
    frameMs: 16,
  };
  return {
    deps,
    frame: (t: number) => pending?.(t),
    longTask: (d: number) => onTask?.(d),
    get observing() {
      return onTask !== undefined;
    },
  };
}

describe('JankMeter', () => {
  it('counts dropped frames from rAF gaps and keeps the longest block', () => {
    const f = fakeDeps();
    const meter = new JankMeter(f.deps);
    meter.start();
    f.frame(0);
    f.frame(16);
    f.frame(32);
    f.frame(132); // a 100 ms gap: about 5 frames missed, blocked ≈ 84 ms
    f.frame(148);
    expect(meter.frames).toBe(4);
    expect(meter.droppedFrames).toBe(5);
    expect(meter.longestBlockMs).toBe(84);
    f.longTask(230);
    expect(meter.longTasks).toBe(1);
    expect(meter.longestBlockMs).toBe(230);
    meter.stop();
    expect(meter.running).toBe(false);
    expect(f.observing).toBe(false);
    f.frame(1000);
    expect(meter.frames).toBe(4);
  });

  it('resets on start', () => {
    const f = fakeDeps();
    const meter = new JankMeter(f.deps);
    meter.start();
    f.frame(0);
    f.frame(100);
    meter.stop();
    meter.start();
    expect([meter.frames, meter.droppedFrames, meter.longestBlockMs]).toEqual([0, 0, 0]);
  });
});
