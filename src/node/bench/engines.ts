/**
 * Which figures can be measured in which engine: a figure that cannot run somewhere says
 * why, instead of failing or being left out quietly. Pure (bench.ts asks before measuring).
 */

import type { EngineName } from '../engines/find-engines';
import type { FigureSpec } from './figures';

/** What the bench page reports about itself that decides what can run there. */
export interface PageCapabilities {
  /** SharedArrayBuffer and Atomics usable (a cross-origin isolated page in an engine that has them). */
  sharedMemory: boolean;
}

/** Page jobs that cannot run without shared memory, and the part of them that needs it. */
const NEEDS_SHARED_MEMORY: Record<string, string> = {
  'batch-overhead': 'its Atomics queue',
  'harness-overhead': 'one of its four configurations (pool × 2, shipping shared)',
  'small-tasks': 'the Atomics path its target is judged on',
};

/** Figures driven through Chromium-only machinery from Node, and what that machinery is. */
const CHROMIUM_ONLY: Record<string, string> = {
  memory: 'it reads the renderer process from /proc and collects garbage through the Chrome DevTools Protocol',
  'ui-interactive': 'it opens a fresh Playwright browser context per trial with an init script installed before the app',
  'ui-fps': 'it opens a fresh Playwright browser context per trial',
  classroom: 'it opens a fresh Playwright browser context per trial and takes its links from the Chromium bench page',
  live: 'it drives the app page with Playwright’s keyboard and reads Chromium’s Long Tasks API',
  aa: 'its A/A experiments drive the app page through Playwright (the lessons three-engine test covers the other engines’ verdicts)',
  lessons: 'it drives the app page through Playwright (the three-engine test tier runs every lesson in Firefox and WebKit)',
};

/** Why `spec` cannot be measured in `engine` (with the page's capabilities), or undefined when it can. */
export function cannotRun(spec: FigureSpec, engine: EngineName, caps: PageCapabilities): string | undefined {
  if (spec.source.kind === 'node') {
    const why = CHROMIUM_ONLY[spec.source.what];
    return why && engine !== 'chromium' ? `Chromium only: ${why}` : undefined;
  }
  const part = NEEDS_SHARED_MEMORY[spec.source.job];
  if (part && !caps.sharedMemory) return `no SharedArrayBuffer in this engine's page, which ${part} needs`;
  return undefined;
}
