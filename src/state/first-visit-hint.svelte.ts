/**
 * A hint shown once: until the person dismisses it, then never again on this browser (kept in
 * localStorage; where storage is disabled, dismissing lasts for the page).
 */
import { storage } from './local-storage';

export class FirstVisitHint {
  dismissed = $state(false);
  readonly #key: string;

  constructor(name: string) {
    this.#key = `parallel-playground.hint.${name}`;
    this.dismissed = storage()?.getItem(this.#key) === 'dismissed';
  }

  dismiss(): void {
    this.dismissed = true;
    try {
      storage()?.setItem(this.#key, 'dismissed');
    } catch {
      // quota or disabled storage: dismissed for this page only
    }
  }
}
