import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { userEvent } from 'vitest/browser';
import Controls from '../../src/ui/Controls.svelte';
import { ExperimentForm } from '../../src/state/experiment-form.svelte';
import { byId, render, typeInto } from './helpers';

const env = { hardwareConcurrency: 2, crossOriginIsolated: true };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup(running = false) {
  const form = new ExperimentForm(env);
  const onrun = vi.fn();
  const oncancel = vi.fn();
  const r = render(Controls, { form, running, onrun, oncancel });
  cleanup = r.destroy;
  const run = r.target.querySelector<HTMLButtonElement>('[data-testid="run"]')!;
  return { form, onrun, oncancel, root: r.target, run };
}

describe('Controls validation', () => {
  it('starts valid with Run enabled', () => {
    const { run, root } = setup();
    expect(run.disabled).toBe(false);
    expect(root.querySelector('.error')).toBeNull();
  });

  for (const text of ['-1', '1e12', 'abc']) {
    it(`shows the allowed range and disables Run for records "${text}"`, () => {
      const { run, root, form } = setup();
      const input = byId<HTMLInputElement>(root, 'records-exact');
      typeInto(input, text);
      const error = byId(root, 'records-error');
      expect(error.textContent).toBe('Records must be an integer from 0 to 50,000,000');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')?.split(' ')).toContain('records-error');
      expect(input.value).toBe(text); // what was typed stays visible
      expect(run.disabled).toBe(true);
      expect(form.canRun).toBe(false);
      expect(byId(root, 'run-blocked').textContent).toContain('Records');

      typeInto(input, '5000');
      expect(root.querySelector('#records-error')).toBeNull();
      expect(run.disabled).toBe(false);
      expect(form.experiment.base.records).toBe(5000);
    });
  }

  it('shows the worker range for 0 workers', () => {
    const { run, root } = setup();
    typeInto(byId<HTMLInputElement>(root, 'workers-exact'), '0');
    expect(byId(root, 'workers-error').textContent).toBe('Workers must be an integer from 1 to 8');
    expect(run.disabled).toBe(true);
  });

  it('moves the exact field with the log slider', () => {
    const { root, form } = setup();
    const slider = byId<HTMLInputElement>(root, 'records-slider');
    slider.value = '19'; // 1, 2, 5 × 10^k: stop 19 is 1,000,000
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(form.experiment.base.records).toBe(1_000_000);
    expect(byId<HTMLInputElement>(root, 'records-exact').value).toBe('1000000');
    expect(slider.getAttribute('aria-valuetext')).toBe('1,000,000 records');
  });

  it('checks sweep values with the range of the swept field', () => {
    const { run, root, form } = setup();
    form.setAxisParam(0, 'workers'); // the default sweeps records
    flushSync();
    typeInto(byId<HTMLInputElement>(root, 'sweep-0-values'), '1, 2, 99');
    expect(byId(root, 'sweep-0-error').textContent).toBe('Swept Workers: each value must be an integer from 1 to 8 (got 99)');
    expect(run.disabled).toBe(true);
  });

  it("shows the engine's memory-budget refusal before Run is pressed", () => {
    const { run, root, form } = setup();
    // Unswept, so the typed count is the one that would run (the default sweeps records).
    form.removeAxis(0);
    flushSync();
    typeInto(byId<HTMLInputElement>(root, 'records-exact'), '50000000');
    expect(byId(root, 'records-error').textContent).toMatch(/^Records must be small enough for the memory budget of /);
    expect(run.disabled).toBe(true);
  });

  it('runs on Enter when valid and not when invalid', async () => {
    const { root, onrun } = setup();
    const input = byId<HTMLInputElement>(root, 'records-exact');
    await userEvent.click(input);
    await userEvent.keyboard('{Enter}');
    expect(onrun).toHaveBeenCalledTimes(1);
    typeInto(input, '-1');
    await userEvent.keyboard('{Enter}');
    expect(onrun).toHaveBeenCalledTimes(1);
  });

  it('cancels on Escape while running', async () => {
    const { oncancel, run } = setup(true);
    expect(run.disabled).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});
