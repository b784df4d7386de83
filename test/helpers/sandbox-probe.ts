/**
 * A kernel that reports, from inside its worker, which ways out it can still see; and what it
 * must report when the sandbox did its job. Used by the engine test and the three-engine test.
 */
export const SANDBOX_PROBE_KERNEL = `export function init() { return {}; }
export function record(acc) {
  if (acc.seen) return;
  acc.seen = {
    indexedDB: typeof indexedDB, fetch: typeof fetch, XMLHttpRequest: typeof XMLHttpRequest, WebSocket: typeof WebSocket,
    caches: typeof caches, Worker: typeof Worker, importScripts: typeof importScripts, storage: typeof navigator.storage,
    viaProto: typeof Object.getPrototypeOf(globalThis).indexedDB,
  };
}
export function merge(a, b) { return a.seen ? a : b; }
export function finish(acc) { return acc.seen; }
`;

export const SANDBOXED_VIEW = {
  indexedDB: 'undefined',
  fetch: 'undefined',
  XMLHttpRequest: 'undefined',
  WebSocket: 'undefined',
  caches: 'undefined',
  Worker: 'undefined',
  importScripts: 'undefined',
  storage: 'undefined',
  viaProto: 'undefined',
};
