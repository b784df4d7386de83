/** Light / dark / system theme, persisted in localStorage and applied as `data-theme` on <html>. */

import { storage } from './local-storage';

export type ThemeMode = 'system' | 'light' | 'dark';
export const THEME_MODES: readonly ThemeMode[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'parallel-playground.theme';

export class ThemeState {
  mode = $state<ThemeMode>('system');
  /** What the system prefers, followed live. */
  systemDark = $state(false);
  /** The theme actually shown. */
  readonly resolved = $derived<'light' | 'dark'>(
    this.mode === 'system' ? (this.systemDark ? 'dark' : 'light') : this.mode,
  );

  readonly #root: HTMLElement;

  constructor(root: HTMLElement = document.documentElement) {
    this.#root = root;
    const saved = storage()?.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') this.mode = saved;
    const mql = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    if (mql) {
      this.systemDark = mql.matches;
      mql.addEventListener('change', (e) => (this.systemDark = e.matches));
    }
    this.#apply();
  }

  /** Chooses a theme, shows it at once and remembers it. */
  set(mode: ThemeMode): void {
    this.mode = mode;
    try {
      storage()?.setItem(STORAGE_KEY, mode);
    } catch {
      // quota or disabled storage: the choice lasts for this page only
    }
    this.#apply();
  }

  #apply(): void {
    if (this.mode === 'system') delete this.#root.dataset.theme;
    else this.#root.dataset.theme = this.mode;
  }
}

/** The page's theme. */
export const theme = new ThemeState();
