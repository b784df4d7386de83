/**
 * The live-mode figures, measured on the built app (dist/index.html) in Chromium:
 * - `live-latency`: a records-slider step by keyboard (the step is the release: input and
 *   change fire on the key) to the map and cards drawn with the new point's first repetition;
 * - `live-longest-task`: the longest main-thread task (Long Tasks API) from that key until
 *   the point's measurement ended, over every release;
 * - `live-explore`: distinct points the background explorer measures per minute.
 * The first two come from one session (one page, releases one after another, each waiting for
 * the previous point's measurement to end); the explorer gets fresh pages of its own.
 */
import type { Browser, Page } from 'playwright';
import type { RawFigure } from './report';

export type LiveFigureId = 'live-latency' | 'live-longest-task' | 'live-explore';

/** What the page-side probe keeps (installed before the app's scripts; a string, so no bundler helpers leak into it). */
interface LiveProbe {
  /** [startTime, duration] of every long task seen. */
  longTasks: [number, number][];
  /** [time, gap] of every gap of 20 ms or more between setTimeout(0) ticks. */
  gaps: [number, number][];
  /** When the last keydown on a live slider reached the page. */
  keyAt: number;
  /** When the live panel last said a point was drawn (its data-drawn-ms changed), and what it said. */
  drawnAt: number;
  drawnMs: number;
  /** The first animation frame after drawnAt. */
  paintedAt: number;
  longTaskApi: boolean;
}

const PROBE = `(() => {
  const probe = (window.__liveProbe = { longTasks: [], gaps: [], keyAt: 0, drawnAt: 0, drawnMs: NaN, paintedAt: 0, longTaskApi: false });
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    probe.longTaskApi = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  }
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - last >= 20) probe.gaps.push([now, now - last]);
    last = now;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  // performance.now() in the first listener to see the key (a capturing one on window): the
  // timeStamp of a key event sent over the DevTools protocol is not on the page's clock.
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLElement && e.target.id.startsWith('live-')) probe.keyAt = performance.now();
  }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName !== 'data-drawn-ms') continue;
      const v = Number(r.target.getAttribute('data-drawn-ms'));
      if (!Number.isFinite(v)) continue;
      probe.drawnAt = performance.now();
      probe.drawnMs = v;
      requestAnimationFrame(() => { probe.paintedAt = performance.now(); });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn-ms'] });
})();`;

const DRAWN_TIMEOUT_MS = 30_000;

async function openLive(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  await page.goto(url);
  await page.getByTestId('mode-live').click({ timeout: 30_000 });
  await page.locator('#live-records').waitFor({ timeout: 30_000 });
  return page;
}

const probeOf = (page: Page): Promise<LiveProbe> => page.evaluate(() => (window as unknown as { __liveProbe: LiveProbe }).__liveProbe);

/** Waits until nothing is being measured (the status line says so). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="live-status"]')?.getAttribute('data-measuring') === 'false', null, {
    timeout: DRAWN_TIMEOUT_MS,
    polling: 20,
  });
}

interface Release {
  latencyMs: number;
  appLatencyMs: number;
  longestTaskMs: number;
  longestGapMs: number;
  records: number;
}

/** Presses `key` on a live slider and times it to the drawn point; then waits for the point's measurement to end. */
async function release(page: Page, slider: '#live-records' | '#live-workers', key: string): Promise<Release> {
  const before = await probeOf(page);
  await page.locator(slider).press(key);
  const records = Number((await page.getByTestId('live-records-value').textContent())?.replace(/\D/g, ''));
  await page.waitForFunction(
    (after) => {
      const p = (window as unknown as { __liveProbe: LiveProbe }).__liveProbe;
      return p.keyAt > after && p.drawnAt > p.keyAt && p.paintedAt > p.drawnAt;
    },
    before.keyAt,
    { timeout: DRAWN_TIMEOUT_MS, polling: 10 },
  );
  await idle(page);
  const p = await probeOf(page);
  const within = (t: number) => t >= p.keyAt;
  return {
    latencyMs: p.paintedAt - p.keyAt,
    appLatencyMs: p.drawnMs,
    // A long task that began before the key but ran into it blocks the page meanwhile too.
    longestTaskMs: Math.max(0, ...p.longTasks.filter(([s, d]) => within(s + d)).map(([, d]) => d)),
    longestGapMs: Math.max(0, ...p.gaps.filter(([t]) => within(t)).map(([, g]) => g)),
    records,
  };
}

/** One session of releases: records 10 … 100 k at 2 workers, then (full) the same at 1 worker. */
async function latencySession(browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  const page = await openLive(browser, url);
  try {
    if (!(await probeOf(page)).longTaskApi) throw new Error('this Chromium has no Long Tasks API (PerformanceObserver "longtask")');
    const series: Record<string, number[]> = { latencyMs: [], appLatencyMs: [], longestTaskMs: [], maxLongestTaskMs: [], longestGapMs: [] };
    const keep = (r: Release) => {
      if (r.records > 100_000) throw new Error(`a release went to ${r.records} records, beyond the figure's 100,000`);
      series.latencyMs.push(r.latencyMs);
      series.appLatencyMs.push(r.appLatencyMs);
      series.longestTaskMs.push(r.longestTaskMs);
      series.longestGapMs.push(r.longestGapMs);
    };
    // Unmeasured: the first release starts the warm pool (worker start-up is the cold-pool figure's).
    await idle(page);
    if (smoke) {
      await release(page, '#live-records', 'ArrowLeft'); // 5,000
      for (let i = 0; i < 4; i++) keep(await release(page, '#live-records', 'ArrowRight')); // 10 k … 100 k
    } else {
      await release(page, '#live-records', 'Home'); // 10
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1) {
          keep(await release(page, '#live-workers', 'Home')); // 1 worker, at 100 k
          keep(await release(page, '#live-records', 'Home'));
        }
        for (let i = 0; i < 12; i++) keep(await release(page, '#live-records', 'ArrowRight')); // 20 … 100 k
      }
    }
    series.maxLongestTaskMs.push(Math.max(...series.longestTaskMs));
    const workers = smoke ? '2 workers' : '2 workers, then 1';
    return {
      series,
      notes: [
        `${series.latencyMs.length} releases (${workers}, records up to 100,000, warm pool, transfer, 20 rounds/record), one after another on one page; the first release, which starts the warm pool, is not counted`,
        'a long task is one of 50 ms or more (Long Tasks API): 0 means none in the window',
      ],
      info: { page: 'index.html', releases: series.latencyMs.length, viewport: '1366×768' },
    };
  } finally {
    await page.context().close();
  }
}

/** One explorer trial: distinct points measured from switching "Explore while idle" on, over `windowMs` or until the map is complete. */
async function exploreTrial(browser: Browser, url: string, windowMs: number): Promise<{ perMinute: number; points: number; elapsedMs: number; complete: boolean }> {
  const page = await openLive(browser, url);
  try {
    await page.evaluate(() => {
      const w = window as unknown as { __explored: { what: string; at: number }[]; __complete?: number };
      w.__explored = [];
      const status = document.querySelector('[data-testid="live-status"]')!;
      new MutationObserver(() => {
        const text = status.textContent ?? '';
        const m = /Measured (.+?):/.exec(text);
        if (m && !w.__explored.some((e) => e.what === m[1])) w.__explored.push({ what: m[1], at: performance.now() });
        if (/measured at every stop/.test(text) && w.__complete === undefined) w.__complete = performance.now();
      }).observe(status, { subtree: true, childList: true, characterData: true });
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('live-explore').check();
    await page
      .waitForFunction(() => (window as unknown as { __complete?: number }).__complete !== undefined, null, { timeout: windowMs, polling: 100 })
      .catch(() => undefined); // the window ended first: the usual case
    const r = await page.evaluate(() => {
      const w = window as unknown as { __explored: { what: string; at: number }[]; __complete?: number };
      return { points: w.__explored.length, complete: w.__complete, now: performance.now() };
    });
    await page.getByTestId('live-explore').uncheck();
    const elapsedMs = (r.complete ?? r.now) - t0;
    return { perMinute: (r.points * 60_000) / elapsedMs, points: r.points, elapsedMs, complete: r.complete !== undefined };
  } finally {
    await page.context().close();
  }
}

async function exploreFigure(browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  const windowMs = smoke ? 8_000 : 60_000;
  const trials = smoke ? 1 : 3;
  const series: Record<string, number[]> = { pointsPerMinute: [] };
  const counted: string[] = [];
  let completed = 0;
  for (let k = 0; k < trials; k++) {
    const t = await exploreTrial(browser, url, windowMs);
    series.pointsPerMinute.push(t.perMinute);
    counted.push(`${t.points} points in ${(t.elapsedMs / 1000).toFixed(1)} s${t.complete ? ' (every stop measured)' : ''}`);
    if (t.complete) completed++;
  }
  return {
    series,
    notes: [
      `${trials} fresh page${trials === 1 ? '' : 's'}, ${windowMs / 1000} s each from switching "Explore while idle" on (2 workers, warm pool, 20 rounds/record); ` +
        `${completed} filled every stop up to 1 M records before the window ended (the rate is then over the time it took)`,
      `per trial: ${counted.join('; ')}`,
    ],
    info: { page: 'index.html', windowS: windowMs / 1000, trials, completed },
  };
}

const sessions = new Map<string, Promise<RawFigure>>();

/** Measures one live figure; `live-latency` and `live-longest-task` share one session per bench run. */
export function measureLiveFigure(id: LiveFigureId, browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  if (id === 'live-explore') return exploreFigure(browser, url, smoke);
  const key = `${url}|${smoke}`;
  let session = sessions.get(key);
  if (!session) {
    session = latencySession(browser, url, smoke);
    sessions.set(key, session);
    session.catch(() => sessions.delete(key));
  }
  return session;
}
