/**
 * Figures measured on the built app itself (index.html) rather than the bench page: how soon
 * Run answers, the frame rate while a sweep streams in, the A/A calibration and the lessons'
 * reproduce rate (the last two run real experiments through the app's Run path).
 */

import type { Browser } from 'playwright';
import { DEFAULT_RUN_CONFIG } from '../../core/model/config';
import { LESSONS } from '../../lessons';
import { lessonEnvOf } from '../../lessons/judge-record';
import {
  AA_CONFIGS,
  aaExperiment,
  aaExperimentsPerConfig,
  aaFigure,
  aaOutcome,
  lessonOutcome,
  lessonRunsPerLesson,
  lessonsFigure,
  type AaOutcome,
  type LessonOutcome,
} from './calibration';
import { errorLine, openAppPage, openBenchPage, openPlayground, playgroundRun, TOOL, withTimeout, type PlaygroundEnv, type UiReady } from './pages';
import type { RawFigure } from './report';
import { log } from './session';

/** `ui-interactive`: navigation start → Run enabled and the main thread free, fresh context per trial. */
export async function measureUiInteractive(browser: Browser, url: string, trials: number, warmups: number): Promise<RawFigure> {
  const series: Record<string, number[]> = { respondsMs: [], enabledMs: [], domContentLoadedMs: [] };
  for (let k = 0; k < warmups + trials; k++) {
    const page = await openAppPage(browser, url);
    try {
      const t = await page.evaluate(() => {
        const r = (window as unknown as { __uiReady: UiReady }).__uiReady;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { enabledMs: r.enabledMs!, respondsMs: r.respondsMs!, domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : NaN };
      });
      if (k < warmups) continue;
      series.respondsMs.push(t.respondsMs);
      series.enabledMs.push(t.enabledMs);
      if (Number.isFinite(t.domContentLoadedMs)) series.domContentLoadedMs.push(t.domContentLoadedMs);
    } finally {
      await page.context().close();
    }
  }
  return {
    series,
    notes: [`${warmups} unmeasured page load${warmups === 1 ? '' : 's'} first (HTTP and compile caches of the preview server warm); every trial a new browser context`],
    info: { page: 'index.html', warmups },
  };
}

interface FpsTrial {
  status: string;
  error?: string;
  frames: number;
  elapsedMs: number;
  maxGap: number;
}

/** Counts requestAnimationFrame callbacks while `__playground.run(experiment)` runs (a string: see UI_READY_PROBE). */
const FPS_PROBE = `async (exp) => {
  let frames = 0;
  let on = true;
  const t0 = performance.now();
  let last = t0;
  let maxGap = 0;
  const tick = (t) => {
    if (!on) return;
    frames++;
    maxGap = Math.max(maxGap, t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const out = await window.__playground.run(exp);
  const t1 = performance.now();
  on = false;
  maxGap = Math.max(maxGap, t1 - last);
  return { status: out.status, error: out.error, frames, elapsedMs: t1 - t0, maxGap };
}`;

/** `ui-fps-streaming`: rAF callbacks counted on the app page while `__playground.run` streams a sweep. */
export async function measureUiFps(browser: Browser, url: string, smoke: boolean, trials: number): Promise<RawFigure> {
  const experiment = {
    base: { ...DEFAULT_RUN_CONFIG, records: smoke ? 10_000 : 20_000, poolLife: 'warm' },
    sweep: [{ param: 'workers', values: [1, 2] }],
    warmups: 0,
    repetitions: smoke ? 6 : 15,
  };
  const series: Record<string, number[]> = { fps: [], maxFrameGapMs: [], wallMs: [], frames: [] };
  const notes: string[] = [];
  for (let k = 0; k < trials; k++) {
    const page = await openAppPage(browser, url);
    try {
      await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined, null, { timeout: 30_000 });
      const r = await withTimeout(
        page.evaluate<FpsTrial>(`(${FPS_PROBE})(${JSON.stringify(experiment)})`),
        smoke ? 60_000 : 120_000,
        'the streaming sweep',
      );
      if (r.status !== 'complete') {
        throw new Error(`the sweep ended with status ${r.status}${r.error ? `: ${r.error}` : ''}`);
      }
      series.fps.push(r.frames / (r.elapsedMs / 1000));
      series.maxFrameGapMs.push(r.maxGap);
      series.wallMs.push(r.elapsedMs);
      series.frames.push(r.frames);
    } finally {
      await page.context().close();
    }
  }
  const runs = experiment.repetitions * 2;
  notes.push(`${runs} runs per sweep (${experiment.base.records.toLocaleString('en-US')} records, warm pool, workers [1, 2]); a fresh app page per trial`);
  return { series, notes, info: { page: 'index.html', records: experiment.base.records, runsPerSweep: runs } };
}

/** What the classroom probe reports for one trial. */
interface ClassroomTrial {
  drawnMs?: number;
  longestTaskMs?: number;
  error?: string;
}

/**
 * Pastes the links into the Classroom view, clicks "Add the links" and times, in the page,
 * until the table holds every machine and both charts have painted (a string: see UI_READY_PROBE).
 */
const CLASSROOM_PROBE = `async (links) => {
  const root = document.querySelector('[data-testid="classroom"]');
  const area = root.querySelector('[data-testid="classroom-paste"]');
  area.value = links.join('\\n');
  area.dispatchEvent(new Event('input', { bubbles: true }));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  await frame();
  let longest = 0;
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  try { observer.observe({ type: 'longtask' }); } catch {}
  const painted = (canvas) => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4 * 61) if (data[i] !== 0) return true;
    return false;
  };
  const t0 = performance.now();
  root.querySelector('[data-testid="classroom-add"]').click();
  for (;;) {
    await frame();
    const rows = root.querySelectorAll('[data-testid="classroom-table"] tbody tr').length;
    const canvases = [...root.querySelectorAll('canvas')];
    if (rows === links.length && canvases.length === 2 && canvases.every(painted)) break;
    if (performance.now() - t0 > 30000) { observer.disconnect(); return { error: 'after 30 s: ' + rows + ' rows, ' + canvases.length + ' charts' }; }
  }
  const drawnMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  return { drawnMs, longestTaskMs: longest };
}`;

/** `classroom-50`: 50 machines' links pasted into the Classroom view, timed until drawn; a fresh app page per trial. */
export async function measureClassroom(browser: Browser, url: string, trials: number): Promise<RawFigure> {
  const machines = 50;
  const benchPage = await openBenchPage(browser, url);
  let links: string[];
  try {
    links = await benchPage.evaluate(({ n, app }) => window.__bench!.classroomLinks(n, app), { n: machines, app: url });
  } finally {
    await benchPage.context().close();
  }
  const series: Record<string, number[]> = { drawnMs: [], longestTaskMs: [] };
  for (let k = 0; k < trials; k++) {
    const page = await openAppPage(browser, url);
    try {
      await page.click('[data-testid="view-classroom"]');
      await page.waitForSelector('[data-testid="classroom-paste"]', { timeout: 30_000 });
      const t = await withTimeout(page.evaluate<ClassroomTrial>(`(${CLASSROOM_PROBE})(${JSON.stringify(links)})`), 60_000, 'the classroom view');
      if (t.error || t.drawnMs === undefined) throw new Error(`the classroom view was not drawn: ${t.error ?? 'no timing'}`);
      series.drawnMs.push(t.drawnMs);
      series.longestTaskMs.push(t.longestTaskMs ?? 0);
    } finally {
      await page.context().close();
    }
  }
  const chars = links.reduce((n, l) => n + l.length, 0);
  return {
    series,
    notes: [`${machines} links of ${Math.round(chars / machines).toLocaleString('en-US')} characters on average; a fresh app page per trial`],
    info: { page: 'index.html', machines, linkChars: chars },
  };
}

/** `aa`: A/A experiments on the app page, counted by calibration.aaFigure. */
export async function measureAa(browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  const page = await openPlayground(browser, url);
  const outcomes: AaOutcome[] = [];
  const failed: string[] = [];
  try {
    const k = aaExperimentsPerConfig(smoke);
    // Configurations interleaved experiment by experiment, so drift hits them alike.
    for (let i = 0; i < k; i++) {
      for (const config of AA_CONFIGS) {
        const run = await playgroundRun(page, aaExperiment(config, smoke), smoke);
        const outcome = run.status === 'complete' && run.record ? aaOutcome(config.name, run.record) : undefined;
        if (outcome) outcomes.push(outcome);
        else failed.push(`${config.name}: ${run.status}${run.error ? ` (${run.error})` : ''}`);
      }
      log(TOOL, `  aa: ${i + 1}/${k} rounds of ${AA_CONFIGS.length} configurations`);
    }
  } finally {
    await page.context().close();
  }
  return aaFigure(outcomes, failed);
}

/** `lessons`: every lesson's quick preset, run and judged by its own verdict. */
export async function measureLessons(browser: Browser, url: string, smoke: boolean): Promise<RawFigure> {
  const page = await openPlayground(browser, url);
  const outcomes: LessonOutcome[] = [];
  try {
    const env = lessonEnvOf(await page.evaluate(() => (window as unknown as { __playground: { env: PlaygroundEnv } }).__playground.env));
    const k = lessonRunsPerLesson(smoke);
    for (let i = 0; i < k; i++) {
      for (const lesson of LESSONS) {
        let outcome: LessonOutcome;
        try {
          const run = await playgroundRun(page, lesson.preset(env, 'quick'), smoke);
          outcome = lessonOutcome(lesson.id, run.status, run.error, run.record);
        } catch (err) {
          outcome = { lessonId: lesson.id, reproduced: false, reason: errorLine(err) };
        }
        outcomes.push(outcome);
        log(TOOL, `  lessons: run ${i + 1}/${k}, lesson ${lesson.number}: ${outcome.reproduced ? 'reproduced' : `not reproduced (${outcome.reason})`}`);
      }
    }
  } finally {
    await page.context().close();
  }
  return lessonsFigure(outcomes);
}
