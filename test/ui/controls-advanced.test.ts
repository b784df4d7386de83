/** The form's "More settings" disclosure: closed at first, says what it hides, opens on an error. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import Controls from '../../src/ui/Controls.svelte';
import { ExperimentForm } from '../../src/state/experiment-form.svelte';
import { byId, render, typeInto } from './helpers';

const env = { hardwareConcurrency: 2, crossOriginIsolated: true };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup(hash?: string) {
  const form = new ExperimentForm(env, hash);
  const r = render(Controls, { form, onrun: vi.fn(), oncancel: vi.fn() });
  cleanup = r.destroy;
  const details = r.target.querySelector<HTMLDetailsElement>('[data-testid="advanced"]')!;
  return { form, root: r.target, details };
}

describe('More settings', () => {
  it('is closed with the defaults and says nothing is changed', () => {
    const { root, details } = setup();
    expect(details.open).toBe(false);
    expect(root.querySelector('[data-testid="advanced-changed"]')).toBeNull();
    // Its fields are in the form all the same (Enter, links and the engine's checks see them).
    expect(byId<HTMLInputElement>(root, 'repetitions').value).toBe('5');
  });

  it('counts the settings a link changed behind it, and stays closed', () => {
    const { root, details } = setup('#v=1&ship=copy&reps=9');
    expect(details.open).toBe(false);
    expect(root.querySelector('[data-testid="advanced-changed"]')?.textContent).toBe('· 2 changed');
  });

  it('opens when one of its fields becomes invalid, so the error is never hidden', async () => {
    const { root, details } = setup();
    typeInto(byId<HTMLInputElement>(root, 'repetitions'), '0');
    await expect.poll(() => details.open).toBe(true);
    expect(byId(root, 'run-blocked').textContent).toMatch(/Repetitions/);
    expect(details.querySelector('summary')?.textContent).toMatch(/has an error/);
  });
});
