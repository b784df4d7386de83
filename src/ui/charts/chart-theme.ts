/**
 * Chart colours and type, read from the CSS variables when a chart is (re)built, so a theme
 * or presentation toggle gives every chart the new colours.
 */
import type { Phase } from '../../core/model/types';
import type { SpanKind } from '../../core/view/timeline-data';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  /** Series colours in order (Okabe–Ito), for lines such as one per worker count. */
  series: string[];
  phase: Record<Phase, string>;
  span: Record<SpanKind, string>;
  orange: string;
  vermillion: string;
  blue: string;
  green: string;
  purple: string;
  grey: string;
  fontFamily: string;
  fontSize: number;
  /** Presentation mode: thicker lines, bigger points. */
  bold: boolean;
  reducedMotion: boolean;
}

/** Point shapes that tell series apart without colour. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'cross', 'rectRounded'] as const;
/** Dash patterns that tell series apart without colour (solid first). */
export const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/** Reads the current theme's chart colours and type scale. */
export function readChartTheme(root: HTMLElement = document.documentElement): ChartTheme {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const c = {
    orange: v('--c-orange', '#e69f00'),
    sky: v('--c-sky', '#56b4e9'),
    green: v('--c-green', '#009e73'),
    yellow: v('--c-yellow', '#f0e442'),
    blue: v('--c-blue', '#0072b2'),
    vermillion: v('--c-vermillion', '#d55e00'),
    purple: v('--c-purple', '#cc79a7'),
    grey: v('--c-grey', '#8c8c8c'),
    ink: v('--c-ink', '#000000'),
  };
  // Chart type follows the page's type: 12 px beside 16 px body text, larger when presenting.
  const rootPx = Number.parseFloat(css.fontSize) || 16;
  return {
    text: v('--text', '#16181d'),
    muted: v('--muted', '#555b66'),
    grid: v('--chart-grid', 'rgba(0,0,0,0.12)'),
    surface: v('--surface', '#ffffff'),
    series: [c.blue, c.orange, c.green, c.vermillion, c.purple, c.sky, c.ink, c.yellow],
    phase: {
      spawn: c.grey,
      init: c.purple,
      generate: c.yellow,
      split: c.sky,
      shipIn: c.orange,
      compute: c.blue,
      shipOut: c.vermillion,
      merge: c.green,
      teardown: c.ink,
    },
    span: {
      init: c.purple,
      generate: c.yellow,
      index: c.sky,
      'ship-in': c.orange,
      compute: c.blue,
      'ship-out': c.vermillion,
      serial: c.ink,
      merge: c.green,
    },
    orange: c.orange,
    vermillion: c.vermillion,
    blue: c.blue,
    green: c.green,
    purple: c.purple,
    grey: c.grey,
    fontFamily: v('--font', 'system-ui, sans-serif'),
    fontSize: Math.round((12 * rootPx) / 16),
    bold: root.dataset.presentation === 'on',
    reducedMotion: globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
  };
}

/**
 * Options every chart shares: fonts, colours, legend, and no animation — an animated redraw
 * runs on the main thread for 250 ms after every update and competes with the workers being
 * measured for the same cores (it visibly lowered measured speedups on 2 cores).
 */
export function baseOptions(t: ChartTheme) {
  const font = themeFont(t);
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: t.text,
    font,
    plugins: {
      legend: {
        position: 'bottom' as const,
        labels: { color: t.text, usePointStyle: true, font },
      },
      tooltip: {
        titleFont: font,
        bodyFont: font,
      },
    },
  };
}

/** The chart type: bold on a projector (presentation mode), where thin strokes wash out. */
export function themeFont(t: ChartTheme) {
  return { family: t.fontFamily, size: t.fontSize, weight: t.bold ? ('bold' as const) : ('normal' as const) };
}

/** A themed axis. */
export function axis(t: ChartTheme, title: string) {
  const font = themeFont(t);
  return {
    title: { display: true, text: title, color: t.text, font },
    ticks: { color: t.bold ? t.text : t.muted, font },
    grid: { color: t.grid, lineWidth: t.bold ? 1.5 : 1 },
    border: { color: t.muted, width: t.bold ? 2 : 1 },
  };
}

/** Formats numbers on axis ticks compactly: 1k, 10M. */
export function compactNumber(n: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 }).format(n);
}
