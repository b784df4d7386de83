import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import ThemeToggle from '../../src/ui/ThemeToggle.svelte';
import { ThemeState } from '../../src/state/theme.svelte';
import { render } from './helpers';
import '../../src/ui/global.css';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('ThemeToggle', () => {
  it('sets data-theme on <html>, remembers it, and removes it for System', async () => {
    localStorage.clear();
    const theme = new ThemeState(document.documentElement);
    const r = render(ThemeToggle, { theme });
    cleanup = r.destroy;
    const radio = (name: string) =>
      [...r.target.querySelectorAll('label')].find((l) => l.textContent?.trim() === name)!.querySelector('input')!;

    await userEvent.click(radio('Dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(theme.resolved).toBe('dark');
    expect(getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()).toBe('#111318');
    expect(localStorage.getItem('parallel-playground.theme')).toBe('dark');
    expect(new ThemeState(document.createElement('html')).mode).toBe('dark');

    await userEvent.click(radio('Light'));
    expect(document.documentElement.dataset.theme).toBe('light');

    await userEvent.click(radio('System'));
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(theme.mode).toBe('system');
  });
});
