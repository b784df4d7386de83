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
  /** Whether a lesson's explanation shows: beside the lesson normally; in place of its chart when presenting (hidden at first). */
  explanation = $state(true);

  readonly #root: HTMLElement;

  constructor(root: HTMLElement = document.documentElement) {
    this.#root = root;
  }

  set(on: boolean): void {
    this.on = on;
    this.explanation = !on;
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

  /** Presents the chart `step` places after (1) or before (−1) the current one, wrapping round. */
  cycleChart(step: 1 | -1): void {
    const at = CHART_CHOICES.findIndex((c) => c.id === this.chart);
    this.chart = CHART_CHOICES[(at + step + CHART_CHOICES.length) % CHART_CHOICES.length].id;
  }

  /** Whether a chart is shown: all of them normally, only the chosen one when presenting. */
  shows(id: ChartId): boolean {
    return !this.on || this.chart === id;
  }
}

export const presentation = new PresentationState();
