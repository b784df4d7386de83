/**
 * The Content-Security-Policy of the kernel worker's script, the one place a person's own
 * code runs. A worker loaded from a URL does not inherit the page's policy; it gets the one
 * sent with its script. The page's policy stays as it is (`script-src 'self'`, no blob:);
 * only this worker may import its kernel module from a blob: URL, and it may open no
 * connection at all (connect-src 'none': fetch, XHR, WebSocket, EventSource), load scripts
 * from nowhere else and start no workers. The kernel worker also removes those APIs itself
 * (workers/kernel-sandbox.ts); this policy is what also stops a dynamic import() from
 * another origin, which no script can take away. Sent by the preview server
 * (vite.config.ts) and added by the service worker on any static host (src/sw/sw.ts).
 */

/** Matches the built kernel worker's file name (`assets/kernel.worker-<hash>.js`). */
export const KERNEL_WORKER_SCRIPT = /\/kernel\.worker-[\w-]+\.js$/;

export const KERNEL_WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self' blob:",
  "connect-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
