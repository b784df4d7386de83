/** A live panel on the real engine and an in-memory history, for the live-mode browser tests. */
import { flushSync } from 'svelte';
import { afterEach, expect } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../../src/core/model/config';
import { LIVE_RECORD_STEPS } from '../../src/core/experiment/live-map';
import { disposeWarmPools, liveWorkerCount } from '../../src/engine';
import { captureEnvironment } from '../../src/engine/environment';
import { memoryBackend, openHistory, type History } from '../../src/storage';
import { LiveState } from '../../src/state/live.svelte';
import LivePanel from '../../src/ui/live/LivePanel.svelte';
import { byId, render } from './helpers';

/** Warm-ups and repetitions of a pinned (full-precision) measurement in these tests. */
export const FULL = { warmups: 1, repetitions: 5 };

export async function renderLive(over: { idleMs?: number } = {}): Promise<{ live: LiveState; history: History; target: HTMLElement; destroy: () => void }> {
  const history = await openHistory({ backend: memoryBackend() });
  const env = captureEnvironment();
  const live = new LiveState({
    env: () => env,
    history: async () => history,
    // Little work per record keeps every point quick on a loaded 2-core machine.
    base: () => ({ ...DEFAULT_RUN_CONFIG, workRounds: 2 }),
    full: () => FULL,
    ...over,
  });
  live.knobs.workRounds = 0;
  const view = render(LivePanel, { live, env, fullRepetitions: FULL.repetitions });
  return { live, history, target: view.target, destroy: view.destroy };
}

export function recordsSlider(target: HTMLElement): HTMLInputElement {
  return byId<HTMLInputElement>(target, 'live-records');
}

/** Index of a record count on the live records slider. */
export function stepOf(records: number): number {
  const i = LIVE_RECORD_STEPS.indexOf(records);
  if (i < 0) throw new Error(`${records} is not a live slider stop`);
  return i;
}

/** A pointer drag released at `step`: input events while moving, change on release. */
export function releaseAt(slider: HTMLInputElement, step: number): void {
  slider.value = String(step);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  slider.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

/** Waits until nothing is being measured. */
export async function settled(live: LiveState): Promise<void> {
  await expect.poll(() => live.measuring, { timeout: 60_000, interval: 20 }).toBeNull();
}

/** Registers each test's teardown (unmount, end the warm pools, no worker left); returns the setter of the unmount. */
export function liveTeardown(): (destroy: () => void) => void {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
    disposeWarmPools();
    expect(liveWorkerCount()).toBe(0);
  });
  return (destroy) => {
    cleanup = destroy;
  };
}
