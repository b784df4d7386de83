/**
 * What a kernel worker takes away before it loads a person's code: every way out of the
 * worker to the network, to the app's stored data and to further workers. The worker is
 * same-origin (it must be, to load the app's own code under cross-origin isolation), so
 * without this the kernel could open the app's IndexedDB history or send data anywhere.
 *
 * A WebIDL global's attributes and operations are configurable properties of the global
 * object or its prototypes: deleting them everywhere on the chain leaves no reference to
 * recover (a dedicated worker has no iframes or other realms to borrow a fresh one from).
 * Dynamic import() is syntax and cannot be removed: the worker's Content-Security-Policy
 * (script-src 'self' blob:, connect-src 'none') is what keeps it from loading from
 * elsewhere; see vite.config.ts and src/sw/sw.ts.
 */

import type { KernelSandbox } from '../src/core/protocol/kernel';

/** Globals that reach the network, storage or another worker. */
export const SANDBOXED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'indexedDB',
  'IDBFactory',
  'caches',
  'CacheStorage',
  'cookieStore',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'FileSystemHandle',
  'FileSystemDirectoryHandle',
  'FileSystemFileHandle',
  'FileSystemSyncAccessHandle',
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
] as const;

/** navigator members that reach storage or the network. */
const SANDBOXED_NAVIGATOR = ['storage', 'locks', 'sendBeacon', 'serviceWorker'] as const;

function strip(target: object, name: string): void {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d?.configurable) delete (o as Record<string, unknown>)[name];
  }
}

/** Removes the globals above from this worker; reports what went and what could not. */
export function sandboxWorker(global: typeof globalThis = globalThis): KernelSandbox {
  const removed: string[] = [];
  const kept: string[] = [];
  for (const name of SANDBOXED_GLOBALS) {
    if (!(name in global)) continue;
    strip(global, name);
    (name in global ? kept : removed).push(name);
  }
  const nav = (global as { navigator?: object }).navigator;
  if (nav) {
    for (const name of SANDBOXED_NAVIGATOR) {
      if (!(name in nav)) continue;
      strip(nav, name);
      (name in nav ? kept : removed).push(`navigator.${name}`);
    }
  }
  return { removed, kept };
}
