/**
 * Two small chart.js plugins, passed per chart (not registered globally): error bars drawn
 * from a dataset's `errorBars` (lo/hi per point), and labelled vertical markers.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';

/** CI bounds per data point, in the y axis's units. */
export interface ErrorBar {
  lo: number;
  hi: number;
}

/** A vertical line at an x value, with a label at the top. */
export interface VerticalMarker {
  x: number;
  label: string;
  /** Used instead of `label` when the plot is too narrow for it. */
  shortLabel?: string;
  color: string;
}

type WithErrorBars = { errorBars?: ErrorBar[]; borderColor?: unknown };

/** Draws a vertical bar with caps from lo to hi at each point of datasets that carry `errorBars`. */
export const errorBarsPlugin: Plugin = {
  id: 'ppErrorBars',
  // The y axis spans the error bars too, so an interval is never drawn over the axis labels.
  afterDataLimits(chart: Chart, args: { scale: { id: string; type: string; min: number; max: number; options: { min?: unknown; max?: unknown } } }) {
    const scale = args.scale;
    if (scale.id !== 'y') return;
    const log = scale.type === 'logarithmic';
    chart.data.datasets.forEach((ds, i) => {
      const bars = (ds as WithErrorBars).errorBars;
      if (!bars || !chart.isDatasetVisible(i)) return;
      for (const bar of bars) {
        if (!bar) continue;
        if (scale.options.min === undefined && Number.isFinite(bar.lo) && (!log || bar.lo > 0) && bar.lo < scale.min) scale.min = bar.lo;
        if (scale.options.max === undefined && Number.isFinite(bar.hi) && bar.hi > scale.max) scale.max = bar.hi;
      }
    });
  },
  afterDatasetsDraw(chart: Chart) {
    const { ctx, chartArea } = chart;
    const yScale = chart.scales.y;
    if (!yScale) return;
    chart.data.datasets.forEach((ds, i) => {
      const bars = (ds as WithErrorBars).errorBars;
      const meta = chart.getDatasetMeta(i);
      if (!bars || meta.hidden || !chart.isDatasetVisible(i)) return;
      ctx.save();
      // A fixed axis range (speedup from 0) can still cut an interval: keep it inside the plot.
      ctx.beginPath();
      ctx.rect(chartArea.left - 6, chartArea.top, chartArea.right - chartArea.left + 12, chartArea.bottom - chartArea.top);
      ctx.clip();
      ctx.strokeStyle = typeof (ds as WithErrorBars).borderColor === 'string' ? ((ds as WithErrorBars).borderColor as string) : '#888';
      ctx.lineWidth = 1.5;
      meta.data.forEach((el, j) => {
        const bar = bars[j];
        if (!bar || !Number.isFinite(bar.lo) || !Number.isFinite(bar.hi)) return;
        const x = el.x;
        const top = yScale.getPixelForValue(bar.hi);
        const bottom = yScale.getPixelForValue(bar.lo);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.moveTo(x - 4, top);
        ctx.lineTo(x + 4, top);
        ctx.moveTo(x - 4, bottom);
        ctx.lineTo(x + 4, bottom);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

/** Options of the markers plugin: `options.plugins.ppMarkers`. */
export interface MarkersOptions {
  markers?: VerticalMarker[];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    ppMarkers?: MarkersOptions;
  }
}

/** Draws dashed, labelled vertical markers from `options.plugins.ppMarkers.markers` at x values. */
export const verticalMarkersPlugin: Plugin = {
  id: 'ppMarkers',
  afterDatasetsDraw(chart: Chart, _args: unknown, options: MarkersOptions) {
    const xScale = chart.scales.x;
    if (!xScale || !options?.markers) return;
    const { ctx, chartArea } = chart;
    for (const m of options.markers) {
      const x = xScale.getPixelForValue(m.x);
      if (!(x >= chartArea.left && x <= chartArea.right)) continue;
      ctx.save();
      ctx.strokeStyle = m.color;
      ctx.fillStyle = m.color;
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      const font = chart.options.font;
      ctx.font = `600 ${font?.size ?? 12}px ${font?.family ?? 'sans-serif'}`;
      let text = m.label;
      if (m.shortLabel && ctx.measureText(text).width > chartArea.right - chartArea.left - 4) text = m.shortLabel;
      const width = ctx.measureText(text).width;
      // Right of the line if it fits, else left of it, always inside the plot area.
      const preferred = x + 6 + width > chartArea.right ? x - 6 - width : x + 6;
      const left = Math.max(chartArea.left + 2, Math.min(preferred, chartArea.right - width - 2));
      ctx.textBaseline = 'top';
      ctx.fillText(text, left, chartArea.top + 4);
      ctx.restore();
    }
  },
};
