/** The "Analyse your own numbers" panel in a real browser: paste, analyse, read the fits, see the chart; errors inline. */
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SPECSDM91 = 'n,throughput\n1,64.9\n18,995.9\n36,1652.4\n72,1853.2\n108,1828.9\n144,1775.0\n216,1702.2\n';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  vi.restoreAllMocks();
});

/** Mounts the panel the way the app will: through a dynamic import. */
async function mountPanel(): Promise<HTMLElement> {
  const { default: FitPanel } = await import('../../src/ui/FitPanel.svelte');
  const target = document.createElement('div');
  target.style.width = '900px';
  document.body.append(target);
  const component = mount(FitPanel, { target });
  cleanup = () => {
    void unmount(component);
    target.remove();
  };
  flushSync();
  return target;
}

function paste(root: HTMLElement, text: string): void {
  const textarea = root.querySelector('textarea')!;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

function click(root: HTMLElement, name: string): void {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  button.click();
  flushSync();
}

function painted(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
  return n;
}

describe('FitPanel', () => {
  it('shows σ, κ, λ, Amdahl p and a drawn chart for pasted specsdm91 data', async () => {
    const root = await mountPanel();
    paste(root, SPECSDM91);
    click(root, 'Analyse');

    const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(text('fit-usl-sigma')).toBe('0.02773');
    expect(text('fit-usl-kappa')).toBe('1.044e-4');
    expect(text('fit-usl-lambda')).toBe('90');
    expect(text('fit-amdahl-p')).toBe('0.9264');
    expect(root.querySelectorAll('[data-testid="fit-karp-flatt"] tbody tr')).toHaveLength(6);
    expect(root.querySelectorAll('[data-testid="fit-data"] tbody tr')).toHaveLength(7);
    expect(root.querySelector('[data-testid="fit-error"]')).toBeNull();

    // chart.js loads on demand and may animate: wait for the pixels rather than the Chart object
    // (after a cold dependency-optimiser reload the test's own chart.js import can be another instance).
    const canvas = root.querySelector('canvas')!;
    await expect.poll(() => (canvas.width > 0 ? painted(canvas) : 0), { timeout: 10_000 }).toBeGreaterThan(500);
    expect(root.querySelector('[role="img"]')?.getAttribute('aria-label')).toMatch(
      /^Line chart of throughput against worker count: measured 64\.9 at n = 1, 995\.9 at n = 18, /,
    );
  });

  it('shows a bad file’s line and column inline, in a polite live region', async () => {
    const root = await mountPanel();
    paste(root, 'n,throughput\n1,64.9\n18,lots\n36,1652.4\n');
    click(root, 'Analyse');

    const error = root.querySelector('[data-testid="fit-error"]')!;
    expect(error.textContent).toContain('Line 3, column 2 (throughput): "lots" is not a number.');
    expect(error.closest('[aria-live="polite"]')).not.toBeNull();
    expect(root.querySelector('textarea')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[data-testid="fit-results"]')).toBeNull();

    click(root, 'Show line 3');
    const textarea = root.querySelector('textarea')!;
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe('18,lots');
  });

  it('fills in the example and downloads the fitted CSV through a Blob URL', async () => {
    const root = await mountPanel();
    click(root, 'Example: SPEC SDM91 (USL)');
    expect(root.querySelector('textarea')!.value).toContain('1,64.9');
    expect(root.querySelector('[data-testid="fit-usl-sigma"]')?.textContent).toBe('0.02773');

    let download: { name: string; href: string } | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      download = { name: this.download, href: this.href };
    });
    click(root, 'Download fitted CSV');
    expect(download?.name).toBe('specsdm91-fitted.csv');
    expect(download?.href.startsWith('blob:')).toBe(true);
    const csv = await (await fetch(download!.href)).text();
    expect(csv.split('\r\n')[0]).toBe('n,measured,amdahl_fitted,usl_fitted,karp_flatt');
    expect(csv.split('\r\n')).toHaveLength(9); // header, 7 rows, and the empty string after the final CRLF
  });
});
