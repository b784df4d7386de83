/** The code view in a real browser: the editor loads, a link only shows its code, Run shows answers or the failing line, Cancel stops. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { kernelHash, STARTER_KERNELS } from '../../src/core/kernel';
import { liveWorkerCount } from '../../src/engine';
import { KernelState } from '../../src/state/kernel.svelte';
import { render, seriousViolations } from './helpers';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function mountView(app: { kernelHash: string | undefined }, kernel: KernelState): Promise<HTMLElement> {
  const { default: KernelView } = await import('../../src/ui/kernel/KernelView.svelte');
  const view = render(KernelView, { app, kernel });
  cleanup = view.destroy;
  return view.target;
}

/** The editor's content, inside the shadow root it is mounted in. */
function editorContent(root: HTMLElement): HTMLElement | null {
  return root.querySelector('[data-testid="kernel-editor"] > div')?.shadowRoot?.querySelector<HTMLElement>('.cm-content') ?? null;
}

async function until(what: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!what()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
    flushSync();
  }
}

describe('the code view', () => {
  it('loads CodeMirror with the starter and has no serious accessibility problems', async () => {
    const root = await mountView({ kernelHash: undefined }, new KernelState());
    await until(() => editorContent(root) !== null);
    expect(editorContent(root)!.textContent).toContain('export function init()');
    expect(await seriousViolations(root)).toEqual([]);
  });

  it('shows code from a link without running it', async () => {
    const source = 'export function init() { for (;;) {} }\nexport function record() {}\nexport function merge(a) { return a; }\nexport function finish(a) { return a; }';
    const link = kernelHash(source);
    if (!link.ok) throw new Error(link.message);
    const kernel = new KernelState();
    const app = { kernelHash: link.hash as string | undefined };
    const root = await mountView(app, kernel);
    await until(() => editorContent(root)?.textContent?.includes('for (;;)') === true);
    expect(kernel.source).toBe(source);
    expect(kernel.origin).toBe('link');
    expect(root.querySelector('[data-testid="kernel-notice"]')!.textContent).toMatch(/came from a link/);
    expect(kernel.status).toBe('idle');
    expect(liveWorkerCount()).toBe(0);
  });

  it('runs a starter and shows the matching answers and timings', async () => {
    const kernel = new KernelState();
    kernel.loadStarter(STARTER_KERNELS[2].id);
    kernel.records = 5000;
    kernel.repetitions = 1;
    const root = await mountView({ kernelHash: undefined }, kernel);
    root.querySelector<HTMLButtonElement>('[data-testid="kernel-run"]')!.click();
    await until(() => kernel.status !== 'running' && kernel.status !== 'idle');
    flushSync();
    expect(root.querySelector('[data-testid="kernel-verdict"]')!.textContent).toMatch(/Parallel answer = sequential answer/);
    expect(root.querySelector('[data-testid="kernel-answer"]')!.textContent).toContain('"field": "price"');
    expect(root.querySelector('table')!.textContent).toContain('compute');
  });

  it('shows a throwing kernel\'s message and line, and Cancel stops an endless one', async () => {
    const kernel = new KernelState();
    kernel.edit('export function init() { return 0; }\nexport function record(acc, rec) {\n  throw new RangeError("no " + rec.id);\n}\nexport function merge(a) { return a; }\nexport function finish(a) { return a; }');
    kernel.records = 100;
    kernel.repetitions = 1;
    const root = await mountView({ kernelHash: undefined }, kernel);
    root.querySelector<HTMLButtonElement>('[data-testid="kernel-run"]')!.click();
    await until(() => kernel.status === 'failed');
    expect(root.querySelector('[data-testid="kernel-failure"]')!.textContent).toBe('record() failed (line 3, column 9): RangeError: no 0');

    kernel.edit('export function init() { return 0; }\nexport function record() { for (;;) {} }\nexport function merge(a) { return a; }\nexport function finish(a) { return a; }');
    root.querySelector<HTMLButtonElement>('[data-testid="kernel-run"]')!.click();
    await until(() => liveWorkerCount() > 0);
    await new Promise((r) => setTimeout(r, 500));
    root.querySelector<HTMLButtonElement>('[data-testid="kernel-cancel"]')!.click();
    await until(() => kernel.status === 'cancelled', 2000);
    expect(liveWorkerCount()).toBe(0);
  });
});
