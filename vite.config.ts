/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findBrowser } from './src/node/find-browser.ts';

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
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Only browser-touching test projects need a Chromium: find it lazily so `vite build` never does.
function browserLaunchOptions() {
  const { executablePath } = findBrowser();
  return { executablePath, args: CHROMIUM_ARGS };
}

const wantsBrowser = process.env.VITEST !== undefined;

export default defineConfig({
  plugins: [svelte()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  server: { headers: isolationHeaders },
  preview: { headers: { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy } },
  worker: { format: 'es' },
  // Found late by the dep scanner (only behind a dynamic import), which made the first browser test reload.
  optimizeDeps: { include: ['papaparse', 'chart.js', 'comlink', 'idb-keyval', 'valibot', 'fflate', 'fast-check', 'axe-core'] },
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
          include: ['test/core/**/*.test.ts', 'test/node/**/*.test.ts'],
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
    ],
  },
});
