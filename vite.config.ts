/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findBrowser } from './src/node/find-browser.ts';
import { rendererMemory } from './test/helpers/renderer-memory-command.ts';
import { KERNEL_WORKER_CSP, KERNEL_WORKER_SCRIPT } from './src/sw/kernel-worker-csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Cross-origin isolation makes SharedArrayBuffer and Atomics available and gives
// performance.now() its finest resolution (5 µs instead of 100 µs in Chromium).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// The built app runs no inline script, no eval and loads nothing from elsewhere; the policy
// says so. (Not on the dev server: Vite's hot reload injects <style> elements there.)
const cspDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];
// frame-ancestors only works as a header (browsers ignore it in a <meta> tag, with a warning).
const contentSecurityPolicy = [...cspDirectives, "frame-ancestors 'none'"].join('; ');

/**
 * Static hosts send no headers, so the built index.html carries the policy itself as a
 * <meta> tag (first in <head>, before anything it governs).
 */
function cspMetaTag(): Plugin {
  return {
    name: 'csp-meta-tag',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspDirectives.join('; ') }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/**
 * The preview server's static files answer a revalidation with a bare 304 that lacks the
 * isolation headers; WebKit then refuses to start a module worker from the cached script
 * (every second `new Worker` of the same URL fails). Setting the headers before the static
 * handler runs puts them on every response, 304s included.
 */
function isolationOnEveryResponse(headers: Record<string, string>): Plugin {
  return {
    name: 'isolation-on-every-response',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        // The kernel worker runs a person's code: its own, narrower policy (src/sw/kernel-worker-csp.ts).
        if (KERNEL_WORKER_SCRIPT.test((req.url ?? '').split('?')[0])) res.setHeader('Content-Security-Policy', KERNEL_WORKER_CSP);
        next();
      });
    },
  };
}

// Only browser-touching test projects need a Chromium: find it lazily so `vite build` never does.
function browserLaunchOptions() {
  const { executablePath } = findBrowser();
  return { executablePath, args: CHROMIUM_ARGS };
}

const wantsBrowser = process.env.VITEST !== undefined;

export default defineConfig({
  // Relative asset URLs: the built app works from any folder of any static host.
  base: './',
  plugins: [
    svelte(),
    cspMetaTag(),
    isolationOnEveryResponse({ ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy }),
    // One service worker for the offline cache and the isolation headers (src/sw/sw.ts);
    // the page registers it itself (src/state/service-worker.ts), so no inline script is added.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      includeManifestIcons: false,
      registerType: 'prompt',
      manifest: {
        name: 'Parallel Playground',
        short_name: 'Parallel',
        description: 'See what parallelism really costs: record workloads across 1…N Web Workers, measured honestly.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#10151c',
        theme_color: '#10151c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        rollupFormat: 'iife',
        // The app, its workers, styles and icons; not source maps, not the benchmark page.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['**/bench*', 'bench/**', '**/workerpool*'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  server: { headers: isolationHeaders },
  worker: { format: 'es' },
  // Found late by the dep scanner (only behind a dynamic import), which made the first browser test reload.
  optimizeDeps: { include: ['papaparse', 'chart.js', 'comlink', 'idb-keyval', 'valibot', 'fflate', 'fast-check', 'axe-core', 'codemirror', '@codemirror/lang-javascript', '@codemirror/language', '@lezer/highlight'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The bench page (npm run bench) is built beside the app so it measures the same bundle, served the same way.
    rolldownOptions: { input: { main: 'index.html', bench: 'bench/index.html' } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/state/**/*.test.ts', 'test/lessons/**/*.test.ts', 'test/node/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/engine/**/*.test.ts', 'test/storage/**/*.test.ts', 'test/ui/**/*.test.ts'],
          testTimeout: 60_000,
          // One file at a time: the engine's long-task and timing-sensitive tests must not share the cores.
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: wantsBrowser ? browserLaunchOptions() : {} }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
            // The page's memory read from outside, as the bench reads it (test/engine/userdata-memory-200mb.test.ts).
            commands: { rendererMemory },
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/serve-built-app.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The built app in Chromium, Firefox and WebKit, one engine after another.
          name: 'engines',
          environment: 'node',
          include: ['test/engines/**/*.test.ts'],
          globalSetup: ['test/e2e/serve-built-app.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
