/**
 * The figures measured on the built app itself: how soon it answers, its frame rate while
 * results stream in, the Classroom view, live mode, and the measuring tool measured (A/A
 * calibration, lesson reliability). Run after the engine figures, in this order.
 */

import type { FigureSpec } from './figures';

export const APP_FIGURES: readonly FigureSpec[] = [
  {
    id: 'ui-interactive',
    title: 'Built page interactive',
    source: { kind: 'node', what: 'ui-interactive' },
    value: { series: 'respondsMs', label: 'navigation start → Run enabled and main thread free', unit: 'ms' },
    target: { on: 'value', op: '<', bound: 1000, text: '< 1 s' },
    context: [
      { series: 'enabledMs', label: 'navigation start → Run button enabled', unit: 'ms' },
      { series: 'domContentLoadedMs', label: 'DOMContentLoaded', unit: 'ms' },
    ],
    method:
      'The built app (dist/index.html, not the bench page), a fresh browser context per trial: an init script watches the DOM ' +
      'with a MutationObserver and notes performance.now() when `[data-testid="run"]` is present and enabled, then the time the ' +
      'next main-thread task runs (a MessageChannel message), i.e. when a click on Run could be handled; ms since navigation start.',
  },
  {
    id: 'ui-fps-streaming',
    title: 'Frame rate while a sweep streams results',
    source: { kind: 'node', what: 'ui-fps' },
    value: { series: 'fps', label: 'requestAnimationFrame callbacks ÷ run seconds', unit: 'fps' },
    target: { on: 'value', op: '>=', bound: 30, text: '≥ 30 fps' },
    context: [
      { series: 'maxFrameGapMs', label: 'longest gap between frames', unit: 'ms' },
      { series: 'wallMs', label: 'sweep wall time', unit: 'ms' },
    ],
    method:
      'The built app in a fresh context per trial: `window.__playground.run` of the default experiment with 20,000 records, ' +
      'a warm pool, workers swept over [1, 2], 0 warmups and 15 repetitions (30 runs of a few ms each, results published as ' +
      'they arrive while the charts redraw), counting requestAnimationFrame callbacks over the run; fps = frames ÷ run seconds.',
  },
  {
    id: 'classroom-50',
    title: 'Classroom of 50 machines drawn',
    source: { kind: 'node', what: 'classroom' },
    value: { series: 'drawnMs', label: '“Add the links” → 50 table rows and both charts painted', unit: 'ms' },
    target: { on: 'value', op: '<', bound: 2000, text: '< 2 s' },
    context: [{ series: 'longestTaskMs', label: 'longest main-thread task meanwhile', unit: 'ms' }],
    method:
      'The built app in a fresh context per trial, Classroom view: 50 share links of fabricated machines (2–16 cores, three ' +
      'browsers, records × workers sweeps of 6 points each; made by the bench page from the app\'s own share encoder) pasted, then “Add the links” clicked ' +
      'in the page; timed with performance.now() until the table holds 50 rows and both charts\' canvases have painted ' +
      'pixels (checked every animation frame); long tasks from a PerformanceObserver.',
  },
  {
    id: 'live-latency',
    title: 'Live mode: slider release to the map and cards drawn',
    source: { kind: 'node', what: 'live' },
    value: { series: 'latencyMs', label: 'key on the records slider → map and cards drawn with the point’s first repetition', unit: 'ms' },
    target: { on: 'value', op: '<=', bound: 500, text: 'median ≤ 500 ms (points up to 100 k records, 2 cores)' },
    context: [{ series: 'appLatencyMs', label: 'the same as the page itself reports it (from its change handler)', unit: 'ms' }],
    method:
      'The built app at 1366×768 in live mode: Playwright presses an arrow key on the records slider (a keyboard step is a release: ' +
      'input and change fire on it), stepping 10 → 100,000 records at 2 workers and, in a full run, again at 1 worker; each release ' +
      'waits for the previous point to finish. Timed from the keydown reaching the page (a capturing listener) to the first animation frame after the live ' +
      'panel reports the point drawn (set once the map and cards have been redrawn with its first repetition). The first release, ' +
      'which starts the warm pool, is not counted.',
  },
  {
    id: 'live-longest-task',
    title: 'Live mode: longest main-thread task while points are measured',
    source: { kind: 'node', what: 'live' },
    value: { series: 'maxLongestTaskMs', label: 'longest long task over every release of the live-latency session (0: none ≥ 50 ms)', unit: 'ms' },
    target: { on: 'value', op: '<=', bound: 50, text: 'never blocked > 50 ms' },
    context: [
      { series: 'longestTaskMs', label: 'longest long task per release', unit: 'ms' },
      { series: 'longestGapMs', label: 'longest gap between setTimeout(0) ticks per release (finer than the 50 ms long-task floor)', unit: 'ms' },
    ],
    method:
      'The live-latency session: a PerformanceObserver for "longtask" entries (Long Tasks API: tasks of 50 ms or more) installed ' +
      'before the app loads; per release, the longest task that ended after the key until the point’s measurement ended. The value ' +
      'is the maximum over all releases, so one blocked moment misses the target.',
  },
  {
    id: 'live-explore',
    title: 'Live mode: points the background explorer measures per minute',
    source: { kind: 'node', what: 'live' },
    value: { series: 'pointsPerMinute', label: 'distinct points measured per minute while idle', unit: 'points/min' },
    contextOnly: 'how fast the map fills by itself; each point is a real live measurement after a 1.5 s rest',
    method:
      'The built app in live mode, a fresh page per trial: "Explore while idle" is switched on and the status line is watched; ' +
      'each distinct "Measured …" point counts. Rate = points × 60 s ÷ the time from switching on to the end of the window ' +
      '(60 s; 8 s in a smoke run) or to the map being measured at every stop up to 1 M records, whichever came first.',
  },
  {
    id: 'aa',
    title: 'A/A calibration: false-positive rate of the speedup interval',
    source: { kind: 'node', what: 'aa' },
    value: { series: 'falsePositivePct', label: 'A/A experiments whose 95 % interval excludes 1', unit: '%' },
    target: { on: 'value', op: '<=', bound: 10, text: '≤ 10 % (nominal 5 %)' },
    context: [
      { series: 'ruleClaimPct', label: 'A/A experiments the change rule called faster or slower', unit: '%' },
      { series: 'ciWidthPct', label: 'interval width, hi ÷ lo − 1, per experiment', unit: '%' },
      { series: 'ratio', label: 'measured A ÷ B, per experiment', unit: '×' },
    ],
    method:
      'The built app through window.__playground.run (the Run button\'s path, default run order), 10 experiments for each of ' +
      'six configurations — worker-seq, pool 2 warm, pool 2 cold; group over 20,000 and 300,000 `fixed` records — each ' +
      'sweeping varlenSplit over index and resync, which `fixed` data ignores: two identical configurations measured as two ' +
      'points, with the default 1 warm-up and 5 repetitions. Per experiment, median(A) ÷ median(B) with the app\'s 95 % ' +
      'bootstrap interval; a false positive is an interval that excludes 1.',
  },
  {
    id: 'lessons',
    title: 'Lesson reliability: how often each quick preset reproduces',
    source: { kind: 'node', what: 'lessons' },
    // Judged on the lessons below their own target, so one lesson under its 9 of 10 is a MISSED figure.
    value: { series: 'lessonsBelowOwnTarget', label: 'lessons below their own target', unit: 'lessons' },
    target: { on: 'value', op: '<=', bound: 0, text: 'every lesson ≥ 7 of 10 (lessons 1, 2, 5, 6, 7: ≥ 9 of 10)' },
    context: [
      { series: 'worstReproducePct', label: 'lowest reproduce rate of any lesson', unit: '%' },
      { series: 'reproducePct', label: 'reproduce rate per lesson', unit: '%' },
    ],
    method:
      'Every lesson\'s quick preset for this page\'s environment, 10 runs each through window.__playground.run, each judged by ' +
      'the lesson\'s own verdict from the stored record (the Lessons view\'s path); per lesson the count reproduced and, when ' +
      'not, the verdict\'s reasons.',
  },
];
