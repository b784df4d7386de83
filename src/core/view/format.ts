/** Number and word formats for the cards, labels and tables: units in the text, three significant figures. */

/** "0.412 ms", "12.3 ms", "1.24 s": three significant figures, ms below 10 s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** "16.2 M records/s". */
export function formatRate(perSec: number, unit = 'records/s'): string {
  if (!Number.isFinite(perSec)) return '—';
  const [d, s] = perSec >= 1e9 ? [1e9, 'G'] : perSec >= 1e6 ? [1e6, 'M'] : perSec >= 1e3 ? [1e3, 'k'] : [1, ''];
  const v = perSec / d;
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}${s ? ` ${s}` : ''} ${unit}`;
}

/** "1.62×". */
export function formatRatio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : '—';
}

/** "43 %" from 0.43. */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)} %` : '—';
}

/** "1 worker" / "3 workers": n and the form that goes with it. */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
