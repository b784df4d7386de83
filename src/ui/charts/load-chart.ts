/**
 * chart.js is the biggest dependency and no chart has data before the first run, so it is
 * loaded on demand, once, when the first chart mounts (keeps the initial bundle small).
 */
import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | undefined;

/** The registered Chart class (see chart-setup.ts), loaded on first use. */
export function loadChart(): Promise<typeof Chart> {
  loading ??= import('./chart-setup').then((m) => m.Chart);
  return loading;
}
