import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import Controls from '../../src/ui/Controls.svelte';
import { ExperimentForm } from '../../src/state/experiment-form.svelte';
import { byId, render, typeInto } from './helpers';

const env = { hardwareConcurrency: 4, crossOriginIsolated: true };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function renderForm(form: ExperimentForm) {
  const r = render(Controls, { form, onrun: vi.fn(), oncancel: vi.fn() });
  cleanup = r.destroy;
  return r.target;
}

describe('URL hash ⇄ form', () => {
  it('restores every edited field from the link the form writes', () => {
    const first = new ExperimentForm(env);
    let root = renderForm(first);
    typeInto(byId<HTMLInputElement>(root, 'records-exact'), '1e6');
    typeInto(byId<HTMLInputElement>(root, 'workers-exact'), '6');
    typeInto(byId<HTMLInputElement>(root, 'serialFraction'), '0.25');
    const shipping = byId<HTMLSelectElement>(root, 'shipping');
    shipping.value = 'copy';
    shipping.dispatchEvent(new Event('change', { bubbles: true }));
    first.setAxisParam(0, 'workers'); // the default sweeps records
    flushSync();
    typeInto(byId<HTMLInputElement>(root, 'sweep-0-values'), '1, 2, 8');
    typeInto(byId<HTMLInputElement>(root, 'repetitions'), '9');
    const hash = first.hash!;
    expect(hash).toBe('#v=1&records=1000000&workers=6&ship=copy&serial=0.25&reps=9&sweep=workers:1,2,8');
    cleanup?.();

    const second = new ExperimentForm(env, hash);
    root = renderForm(second);
    expect(second.notice).toBeUndefined();
    expect(second.experiment).toEqual(first.experiment);
    expect(byId<HTMLInputElement>(root, 'records-exact').value).toBe('1000000');
    expect(byId<HTMLInputElement>(root, 'workers-exact').value).toBe('6');
    expect(byId<HTMLSelectElement>(root, 'shipping').value).toBe('copy');
    expect(byId<HTMLInputElement>(root, 'serialFraction').value).toBe('0.25');
    expect(byId<HTMLInputElement>(root, 'sweep-0-values').value).toBe('1, 2, 8');
    expect(byId<HTMLInputElement>(root, 'repetitions').value).toBe('9');
  });

  it('shows a notice for a bad link and keeps what was good', () => {
    const form = new ExperimentForm(env, '#v=1&records=-5&workers=3');
    const root = renderForm(form);
    expect(form.experiment.base.workers).toBe(3);
    expect(form.experiment.base.records).toBe(200_000);
    const notice = root.querySelector('[data-testid="hash-notice"]')!;
    expect(notice.textContent).toContain('Records must be an integer from 0 to 50,000,000 (got "-5")');
    expect(notice.getAttribute('role')).toBe('status');
  });

  it('writes no hash while the form is invalid and an empty one for the defaults', () => {
    const form = new ExperimentForm(env);
    expect(form.hash).toBe('');
    form.experiment.base.records = -1;
    expect(form.hash).toBeUndefined();
  });

  it('ignores a hash that is not a settings link', () => {
    const form = new ExperimentForm(env, '#v=1&workers=3');
    form.loadHash('#results');
    expect(form.experiment.base.workers).toBe(3);
  });
});
