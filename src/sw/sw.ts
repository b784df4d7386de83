/// <reference lib="webworker" />
/**
 * The app's one service worker. It does two jobs that have to be the same worker:
 *
 * 1. Offline: it precaches the built app (the list is injected at build time) and answers
 *    every same-origin GET from that cache first, so after one visit the playground loads and
 *    runs with no network.
 * 2. Isolation on any host: it adds Cross-Origin-Opener-Policy / -Embedder-Policy /
 *    -Resource-Policy to every response it serves. A static host that sends no headers then
 *    still gets a cross-origin isolated page (SharedArrayBuffer, fine timers) from the second
 *    load on; the page reloads itself once for that (src/state/service-worker.ts).
 *
 * Updates never swap code under a running experiment: a new worker waits until the page asks
 * it to take over (a SKIP_WAITING message, sent when the person accepts the reload offer).
 */
import { cleanupOutdatedCaches, matchPrecache, precache } from 'workbox-precaching';
import { KERNEL_WORKER_CSP, KERNEL_WORKER_SCRIPT } from './kernel-worker-csp';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** The isolation headers, as a server that can set them would send them. */
const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * A copy of `res` with the isolation headers added (opaque and error responses pass as they
 * are), and the kernel worker's own policy on its script: a static host sends none.
 */
function isolated(res: Response, url: URL): Response {
  if (res.status === 0 || res.type === 'opaque' || res.type === 'opaqueredirect') return res;
  const headers = new Headers(res.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  if (KERNEL_WORKER_SCRIPT.test(url.pathname)) headers.set('Content-Security-Policy', KERNEL_WORKER_CSP);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

const scopeUrl = new URL(self.registration.scope);
const indexUrl = new URL('index.html', scopeUrl).href;

async function respond(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // Navigations inside the scope are the single-page app: index.html, whatever the path.
  const cached =
    (await matchPrecache(url.href)) ??
    (request.mode === 'navigate' && url.href.startsWith(scopeUrl.href) ? await matchPrecache(indexUrl) : undefined);
  if (cached) return isolated(cached, url);
  // Not precached (source maps, the benchmark page): the network, as it is, plus the headers.
  return isolated(await fetch(request), url);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  // A cache-only request that is not same-origin would throw in fetch(); leave such to the browser.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(respond(request));
});

self.addEventListener('install', () => {
  // The first install takes control at once (there is no old code to protect); an update waits.
  if (!self.registration.active) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
