/**
 * Naming the machine a result came from, for people: the browser and its major version from
 * the user agent, and one line of the facts that decide whether two machines' numbers can be
 * compared (cores reported, browser, cross-origin isolation, timer step).
 */

import type { Environment } from '../model/environment';
import { plural } from '../view/format';

/** A browser as the user agent names it. */
export interface BrowserId {
  /** Edge, Opera, Samsung Internet, Chrome, Firefox, Safari, or 'unknown browser'. */
  name: string;
  /** Major version; undefined when the user agent does not say. */
  major?: number;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
const BROWSERS: readonly [string, RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

/** The browser a user agent names. */
export function browserOf(userAgent: string): BrowserId {
  for (const [name, pattern] of BROWSERS) {
    const m = pattern.exec(userAgent);
    if (m) return { name, major: Number(m[1]) };
  }
  return { name: 'unknown browser' };
}

/** "Chrome 140". */
export function browserName(userAgent: string): string {
  const b = browserOf(userAgent);
  return b.major === undefined ? b.name : `${b.name} ${b.major}`;
}

/** "8 cores reported · Chrome 140 · cross-origin isolated · timer step 0.005 ms". */
export function machineLine(env: Environment): string {
  return [
    `${plural(env.hardwareConcurrency, 'core')} reported`,
    browserName(env.userAgent),
    env.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated',
    `timer step ${env.timerResolutionMs} ms`,
  ].join(' · ');
}
