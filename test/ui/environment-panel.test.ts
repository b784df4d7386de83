import type { LiveEnvironment } from '../../src/core/model/environment';
import { afterEach, describe, expect, it } from 'vitest';
import EnvironmentPanel from '../../src/ui/EnvironmentPanel.svelte';
import { render } from './helpers';

const base: LiveEnvironment = {
  userAgent: 'test',
  hardwareConcurrency: 4,
  crossOriginIsolated: true,
  timerResolutionMs: 0.02,
  appVersion: '0.0.0',
  sharedArrayBuffer: false,
  atomicsWaitAsync: true,
  moduleWorkers: true,
};

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

const text = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;

describe('EnvironmentPanel', () => {
  it('shows isolation and SharedArrayBuffer separately: isolated without SharedArrayBuffer (WebKitGTK)', () => {
    const r = render(EnvironmentPanel, { env: base });
    destroy = r.destroy;
    expect(text(r.target, 'env-isolated')).toBe('yes');
    expect(text(r.target, 'env-sab')).toBe('no');
    expect(r.target.textContent).toContain('The “shared” mode is off: this browser gives no SharedArrayBuffer here, even though the page is cross-origin isolated.');
    expect(text(r.target, 'env-measured-cores')).toBe('not measured yet');
  });

  it('puts the measured cores beside the reported ones and says which lessons use when they disagree', () => {
    const r = render(EnvironmentPanel, {
      env: base,
      capacity: { capacity: 1.96, cores: 2, workers: 8, soloRatePerMs: 100, totalRatePerMs: 196 },
      onmeasure: () => {},
    });
    destroy = r.destroy;
    expect(text(r.target, 'env-cores')).toBe('4');
    expect(text(r.target, 'env-measured-cores')).toMatch(/^2 \(1\.96 of 8 busy workers\)$/);
    expect(text(r.target, 'env-cores-disagree')).toContain('lessons size and judge by the measured 2');
    expect(text(r.target, 'measure-cores')).toBe('Measure again');
  });

  it('says why the page is not isolated when the service worker could not help', () => {
    const r = render(EnvironmentPanel, {
      env: { ...base, crossOriginIsolated: false, sharedArrayBuffer: false },
      serviceWorker: { state: 'failed', detail: 'The browser refused the service worker: SecurityError.' },
    });
    destroy = r.destroy;
    expect(text(r.target, 'env-isolation-note')).toBe(
      'Not isolated: the server sends no COOP/COEP headers, and the browser refused the service worker: SecurityError.',
    );
    expect(r.target.textContent).toContain('SharedArrayBuffer needs a cross-origin isolated page');
    expect(text(r.target, 'env-sw')).toBe('refused by the browser');
  });

  it('does not offer the probe during a run', () => {
    const r = render(EnvironmentPanel, { env: base, running: true, onmeasure: () => {} });
    destroy = r.destroy;
    expect(r.target.querySelector<HTMLButtonElement>('[data-testid="measure-cores"]')!.disabled).toBe(true);
  });
});
