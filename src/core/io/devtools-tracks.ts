/**
 * A repetition's phases and busy spans as entries of the DevTools Performance panel's custom
 * tracks: `performance.measure(name, { start, end, detail })` where `detail.devtools` names
 * the track, its group and a colour (Chrome's "extensibility API" for user timings). Pure:
 * this builds the entries; src/engine/devtools-tracks.ts hands them to the browser.
 */

import { PHASE_LABELS } from '../view/chart-data';
import { SPAN_LABELS } from '../view/timeline-data';
import type { RepetitionRecord, Span } from '../model/types';
import { PHASES, type Phase } from '../model/types';
import { configName, threadName } from './trace-events';

/** The palette DevTools accepts for custom-track entries. */
export type DevtoolsColor =
  | 'primary'
  | 'primary-light'
  | 'primary-dark'
  | 'secondary'
  | 'secondary-light'
  | 'secondary-dark'
  | 'tertiary'
  | 'tertiary-light'
  | 'tertiary-dark'
  | 'error';

/** One entry: a measure on the shared clock with its DevTools placement. */
export interface DevtoolsMeasure {
  name: string;
  /** Shared-clock ms (performance.timeOrigin + performance.now()). */
  startMs: number;
  endMs: number;
  detail: {
    devtools: {
      dataType: 'track-entry';
      track: string;
      trackGroup: string;
      color: DevtoolsColor;
      tooltipText: string;
    };
  };
}

/** The track group every entry goes in. */
export const DEVTOOLS_TRACK_GROUP = 'Parallel Playground';
/** At most this many span entries per repetition: tiny batches make millions, and each entry stays in the page's timeline. */
export const MAX_DEVTOOLS_SPANS = 2000;

const PHASE_COLORS: Readonly<Record<Phase, DevtoolsColor>> = {
  spawn: 'tertiary-dark',
  init: 'tertiary',
  generate: 'secondary',
  split: 'secondary-light',
  shipIn: 'primary-light',
  compute: 'primary',
  shipOut: 'primary-light',
  merge: 'secondary-dark',
  teardown: 'tertiary-light',
};
const SPAN_COLORS: Readonly<Record<Span['kind'], DevtoolsColor>> = {
  init: 'tertiary',
  generate: 'secondary',
  index: 'secondary-light',
  'ship-in': 'primary-light',
  compute: 'primary',
  'ship-out': 'primary-light',
  serial: 'error',
  merge: 'secondary-dark',
};

/** The entries of one repetition: its phases end to end on a "Phases" track, its spans on one track per thread. */
export function devtoolsMeasures(rep: RepetitionRecord): DevtoolsMeasure[] {
  const { config, sample } = rep;
  const about = `${rep.role === 'baseline' ? 'baseline of ' : ''}point ${rep.pointIndex + 1}, repetition ${rep.repetition + 1}: ${configName(config)}`;
  const entry = (name: string, startMs: number, endMs: number, track: string, color: DevtoolsColor): DevtoolsMeasure => ({
    name,
    startMs,
    endMs,
    detail: { devtools: { dataType: 'track-entry', track, trackGroup: DEVTOOLS_TRACK_GROUP, color, tooltipText: `${name} · ${about}` } },
  });
  const out: DevtoolsMeasure[] = [];
  let atMs = sample.startedAtMs;
  for (const phase of PHASES) {
    const ms = sample.phasesMs[phase];
    if (!(ms > 0)) continue;
    out.push(entry(PHASE_LABELS[phase], atMs, atMs + ms, 'Phases', PHASE_COLORS[phase]));
    atMs += ms;
  }
  for (const span of sample.spans.slice(0, MAX_DEVTOOLS_SPANS)) {
    out.push(entry(SPAN_LABELS[span.kind], span.startMs, Math.max(span.startMs, span.endMs), threadName(span.worker, config), sample.correct ? SPAN_COLORS[span.kind] : 'error'));
  }
  return out;
}
