/**
 * Shows each measured repetition on custom tracks of the DevTools Performance panel while a
 * run is recorded there. Off by default: `?devtools-tracks` in the page's address or
 * localStorage `parallel-playground:devtools-tracks` = `on` turns it on. The setting is read
 * once per run; when off nothing else happens. When on, the entries are made after the
 * repetition has been timed, with their original start and end, so they never slow the
 * measured code down.
 */

import { devtoolsMeasures } from '../core/io/devtools-tracks';
import type { RepetitionRecord } from '../core/model/types';

/** The localStorage key that turns the tracks on (value `on`). */
export const DEVTOOLS_TRACKS_KEY = 'parallel-playground:devtools-tracks';

/** Whether this page asks for DevTools tracks. */
export function devtoolsTracksWanted(): boolean {
  try {
    if (new URLSearchParams(location.search).has('devtools-tracks')) return true;
    return localStorage.getItem(DEVTOOLS_TRACKS_KEY) === 'on';
  } catch {
    return false; // storage blocked (privacy settings): the default
  }
}

/** Puts one repetition on the DevTools tracks as performance.measure entries. */
export function emitDevtoolsTracks(rep: RepetitionRecord): void {
  const origin = performance.timeOrigin;
  for (const m of devtoolsMeasures(rep)) {
    performance.measure(m.name, { start: m.startMs - origin, end: m.endMs - origin, detail: m.detail });
  }
}
