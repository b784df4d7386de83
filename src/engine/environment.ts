import type { LiveEnvironment } from '../core/model/environment';
import { timerResolution } from '../core/stats';

/** What this page can do, detected rather than assumed. */
export type Capabilities = Pick<LiveEnvironment, 'crossOriginIsolated' | 'sharedArrayBuffer' | 'atomicsWaitAsync' | 'moduleWorkers'>;

function canMakeSharedArrayBuffer(): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  try {
    return new SharedArrayBuffer(8).byteLength === 8;
  } catch {
    return false;
  }
}

/**
 * Module-worker support without starting a worker or fetching anything: a browser that knows
 * the `type` option reads it while converting the constructor's arguments, before it parses
 * the URL — and this URL cannot be parsed, so the constructor throws and nothing is loaded
 * (no request, nothing for the content security policy to report).
 */
function understandsModuleWorkers(): boolean {
  let read = false;
  const options = {
    get type(): WorkerType {
      read = true;
      return 'module';
    },
  };
  try {
    new Worker('http://[', options).terminate();
  } catch {
    // Expected: the URL does not parse. The options were read first.
  }
  return read;
}

/** Detects the page's capabilities (cheap; no worker is started). */
export function detectCapabilities(): Capabilities {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: canMakeSharedArrayBuffer(),
    atomicsWaitAsync: typeof Atomics === 'object' && typeof (Atomics as { waitAsync?: unknown }).waitAsync === 'function',
    moduleWorkers: typeof Worker === 'function' && understandsModuleWorkers(),
  };
}

let capabilities: Capabilities | undefined;

/**
 * This page's capabilities, detected on the first call: they cannot change while the page
 * lives, and detecting costs a thrown DOMException and a SharedArrayBuffer (≈ 10–40 µs,
 * measured in Chromium), which every run's validation would otherwise pay again.
 */
export function pageCapabilities(): Capabilities {
  return (capabilities ??= detectCapabilities());
}

let cached: LiveEnvironment | undefined;

/** Measures and returns the environment once per page; later calls return the same object. */
export function captureEnvironment(): LiveEnvironment {
  if (cached) return cached;
  const nav = navigator as Navigator & { deviceMemory?: number };
  cached = {
    userAgent: nav.userAgent,
    hardwareConcurrency: nav.hardwareConcurrency || 1,
    timerResolutionMs: timerResolution(() => performance.now()),
    ...(typeof nav.deviceMemory === 'number' ? { deviceMemoryGiB: nav.deviceMemory } : {}),
    appVersion: __APP_VERSION__,
    ...pageCapabilities(),
  };
  return cached;
}
