/**
 * Presentation mode for a projector: large type (--scale), high contrast, and only the
 * chosen chart with the key numbers. Applied as `data-presentation` on <html>.
 */

export type ChartId = 'time' | 'speedup' | 'phases' | 'timeline' | 'spread';
export const CHART_CHOICES: readonly { id: ChartId; label: string }[] = [
  { id: 'speedup', label: 'Speedup vs workers' },
  { id: 'time', label: 'Time vs records' },
  { id: 'phases', label: 'Phase breakdown' },
  { id: 'timeline', label: 'Worker timeline' },
  { id: 'spread', label: 'Sample spread' },
];

/** Type scale in presentation mode. */
export const PRESENTATION_SCALE = 1.5;

export class PresentationState {
  on = $state(false);
  chart = $state<ChartId>('speedup');

  readonly #root: HTMLElement;

  constructor(root: HTMLElement = document.documentElement) {
    this.#root = root;
  }

  set(on: boolean): void {
    this.on = on;
    if (on) {
      this.#root.dataset.presentation = 'on';
      this.#root.style.setProperty('--scale', String(PRESENTATION_SCALE));
    } else {
      delete this.#root.dataset.presentation;
      this.#root.style.removeProperty('--scale');
    }
  }

  toggle(): void {
    this.set(!this.on);
  }

  /** Whether a chart is shown: all of them normally, only the chosen one when presenting. */
  shows(id: ChartId): boolean {
    return !this.on || this.chart === id;
  }
}

export const presentation = new PresentationState();
