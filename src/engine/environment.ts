import { timerResolution } from '../core/stats';

/** The facts about this browser that every run record carries and the Environment panel shows. */
export interface EnvironmentInfo {
  userAgent: string;
  /** navigator.hardwareConcurrency; browsers may clamp or randomise it (privacy), so it is a hint. */
  hardwareConcurrency: number;
  /** True when COOP/COEP are in force: SharedArrayBuffer, Atomics.wait and fine timers work. */
  crossOriginIsolated: boolean;
  /** Smallest positive step of performance.now() observed here, ms. */
  timerResolutionMs: number;
  /** navigator.deviceMemory in GiB (Chromium only, rounded and capped by the browser), when present. */
  deviceMemoryGiB?: number;
  appVersion: string;
}

let cached: EnvironmentInfo | undefined;

/** Measures and returns the environment once per page; later calls return the same object. */
export function captureEnvironment(): EnvironmentInfo {
  if (cached) return cached;
  const nav = navigator as Navigator & { deviceMemory?: number };
  cached = {
    userAgent: nav.userAgent,
    hardwareConcurrency: nav.hardwareConcurrency || 1,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    timerResolutionMs: timerResolution(() => performance.now()),
    ...(typeof nav.deviceMemory === 'number' ? { deviceMemoryGiB: nav.deviceMemory } : {}),
    appVersion: __APP_VERSION__,
  };
  return cached;
}
