/**
 * What `npm run experiment` and `npm run bench` share: build dist/ when it is missing or
 * older than the sources, serve it with Vite's preview server (COOP/COEP and the rest of
 * the headers come from vite.config.ts), launch the discovered headless Chromium, and tear
 * all of it down exactly once — on success, on failure and on SIGINT.
 */

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findBrowser } from '../find-browser';
import { errorText } from '../../core/view/format';

/** The repository root (this file is src/node/bench/session.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Everything that ends up in dist/: a change to any of these makes the build stale. */
const SOURCE_PATHS = ['src', 'workers', 'public', 'index.html', 'bench/index.html', 'vite.config.ts', 'svelte.config.js', 'package.json'];
/** Parts of the source tree that never reach the bundle (Node tools). */
const NOT_BUNDLED = [join('src', 'node')];

/** Prints one progress line on stderr (stdout stays free for results). */
export function log(tool: string, message: string): void {
  process.stderr.write(`${tool}: ${message}\n`);
}

function newestMtimeMs(root: string, path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const rel = relative(root, full);
  if (NOT_BUNDLED.some((n) => rel === n || rel.startsWith(`${n}/`))) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtimeMs(root, join(path, entry)));
  return newest;
}

/** Why dist/ must be (re)built, or undefined when every `required` file is newer than every source. */
export function staleReason(root: string, required: readonly string[]): string | undefined {
  let oldestBuilt = Infinity;
  for (const file of required) {
    const full = join(root, 'dist', file);
    if (!existsSync(full)) return `dist/${file} is missing`;
    oldestBuilt = Math.min(oldestBuilt, statSync(full).mtimeMs);
  }
  const newestSource = Math.max(...SOURCE_PATHS.map((p) => newestMtimeMs(root, p)));
  return newestSource > oldestBuilt ? 'the sources changed since dist/ was built' : undefined;
}

/** Runs `npx vite build` when dist/ is missing or stale; its output goes to stderr. */
export async function ensureBuilt(tool: string, required: readonly string[], root = REPO_ROOT): Promise<void> {
  const reason = staleReason(root, required);
  if (!reason) return;
  log(tool, `building the app (${reason}): npx vite build`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(npx, ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
  const still = staleReason(root, required);
  if (still) throw new Error(`vite build finished but ${still}`);
}

/**
 * A private copy of dist/ for this command to serve: other tools (the test runner, a second
 * bench) rebuild dist/ in place, which would pull files from under a running page. Retries
 * when a rebuild was caught half-way (a required file missing from the copy).
 */
export async function snapshotDist(required: readonly string[], root = REPO_ROOT): Promise<{ dir: string; remove(): void }> {
  removeStaleSnapshots();
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'pp-dist-'));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    try {
      cpSync(join(root, 'dist'), dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
      const missing = required.find((f) => !existsSync(join(dir, f)));
      if (!missing) return { dir, remove };
      throw new Error(`dist/${missing} is missing`);
    } catch (err) {
      remove();
      if (attempt >= 3) throw new Error(`could not copy dist/ (is something rebuilding it?): ${errorText(err)}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/** Copies left behind by a killed run (SIGKILL skips Teardown) older than a day. */
function removeStaleSnapshots(): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  try {
    for (const name of readdirSync(tmpdir())) {
      if (!name.startsWith('pp-dist-')) continue;
      const path = join(tmpdir(), name);
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // best effort: a leftover copy only costs disk space
  }
}

/** A running preview server. */
export interface Served {
  /** Base URL, ending in '/'. */
  url: string;
  close(): Promise<void>;
}

/** Serves a built app directory on a free loopback port with the headers vite.config.ts gives `preview`. */
export async function serveDist(distDir = join(REPO_ROOT, 'dist'), root = REPO_ROOT): Promise<Served> {
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a URL');
  }
  return { url: url.endsWith('/') ? url : `${url}/`, close: () => server.close() };
}

/**
 * Flags on top of CHROMIUM_ARGS for measuring: a headless page must not be throttled as if
 * it were in a background tab.
 */
export const MEASURING_ARGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Launches the discovered headless Chromium (CHROME_PATH, /usr/bin/chromium, Playwright's own). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const { executablePath } = findBrowser();
  // Playwright would close the browser on Ctrl-C by itself; Teardown does it, after the run is cancelled and saved.
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true, handleSIGINT: false, handleSIGTERM: false });
}

/**
 * Tears down what a command started, once, in reverse order: on the normal path (run()),
 * and on SIGINT/SIGTERM (the first signal calls `onSignal` so the command can cancel
 * gracefully; a second one tears down at once and exits 130).
 */
export class Teardown {
  private readonly steps: Array<{ what: string; fn: () => Promise<unknown> | unknown }> = [];
  private running: Promise<void> | undefined;
  private signals = 0;
  private firstSignalAt = 0;
  private readonly handler = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches this process twice: from the terminal (the whole process group) and
    // relayed by the npm/tsx wrappers. Only a second press, a moment later, means "now".
    if (this.signals > 0 && Date.now() - this.firstSignalAt < 1000) return;
    this.signals++;
    if (this.signals === 1) this.firstSignalAt = Date.now();
    if (this.signals === 1 && this.onSignal) {
      this.onSignal(signal);
      return;
    }
    void this.run().finally(() => process.exit(130));
  };

  constructor(
    private readonly tool: string,
    /** Called on the first SIGINT/SIGTERM (e.g. cancel the run); absent: tear down and exit 130. */
    private readonly onSignal?: (signal: NodeJS.Signals) => void,
  ) {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }

  /** True once a SIGINT/SIGTERM arrived. */
  get interrupted(): boolean {
    return this.signals > 0;
  }

  /** Registers a step; steps run last-registered first. */
  add(what: string, fn: () => Promise<unknown> | unknown): void {
    this.steps.push({ what, fn });
  }

  /** Runs every step once (later calls wait for the first); a failing step does not stop the rest. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([step.fn(), new Promise((r) => (timer = setTimeout(r, 10_000)))]).finally(() => clearTimeout(timer));
        } catch (err) {
          log(this.tool, `could not close the ${step.what}: ${errorText(err)}`);
        }
      }
      process.off('SIGINT', this.handler);
      process.off('SIGTERM', this.handler);
    })();
    return this.running;
  }
}

/** "12.3 s" / "1 min 05 s" for progress lines. */
export function formatElapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
}

