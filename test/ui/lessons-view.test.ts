import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { page, userEvent } from 'vitest/browser';
import { analyseExperiment } from '../../src/core/experiment/analysis';
import { planExperiment } from '../../src/core/experiment/plan';
import { newRunRecord, type RunRecord } from '../../src/core/io/run-record';
import type { RunConfig } from '../../src/core/model/types';
import { LESSONS, lessonById, type Lesson } from '../../src/lessons';
import { AppState, type CapacityProbe } from '../../src/state/app.svelte';
import { lessonEnvOf, lessonsFor, tryNextExperiment } from '../../src/state/lessons.svelte';
import { presentation } from '../../src/state/presentation.svelte';
import type { SweepRunner } from '../../src/state/run.svelte';
import { openHistory } from '../../src/storage';
import App from '../../src/ui/App.svelte';
import LessonsView from '../../src/ui/LessonsView.svelte';
import { render } from './helpers';
import { fabricateReps, fakeRunner, type Timing } from './lesson-runs';
import '../../src/ui/global.css';

// Fabricated measurements: see lesson-runs.ts.

const isBaseline = (c: RunConfig) => c.strategy === 'worker-seq';
/** Lesson 1's claim holds: N workers lose at 10 records and win at a million. */
const overheadHolds: Timing = (c) => ({ wallMs: isBaseline(c) ? 15 + c.records * 0.0002 : 30 + (c.records * 0.0002) / 1.8 });
/** Lesson 1's claim fails: the workers never win. */
const overheadFails: Timing = (c) => ({ wallMs: isBaseline(c) ? 15 + c.records * 0.0002 : 30 + c.records * 0.0002 });

// ---------------------------------------------------------------------------------------

/** A capacity probe that measures exactly the reported cores (no real workers spun). */
const reportedCoresProbe: CapacityProbe = async (hc) => ({ capacity: hc, cores: hc, workers: hc, soloRatePerMs: 1, totalRatePerMs: hc });

let cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
  presentation.set(false);
  history.replaceState(null, '', location.pathname + location.search);
});

function mountLessons(runner?: SweepRunner) {
  const app = new AppState('', runner, reportedCoresProbe);
  const r = render(LessonsView, { app });
  cleanup.push(r.destroy);
  return { app, target: r.target, lessons: lessonsFor(app) };
}

const q = <T extends HTMLElement = HTMLElement>(root: ParentNode, testid: string) => root.querySelector<T>(`[data-testid="${testid}"]`);

async function restored(app: AppState): Promise<void> {
  await expect.poll(() => lessonsFor(app).restoring).toBe('done');
  flushSync();
}

function lesson(id: string): Lesson {
  const l = lessonById(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

describe('Lessons view: list and texts', () => {
  it('lists the ten lessons with number, title, question and "Not run"', async () => {
    const { app, target } = mountLessons();
    await restored(app);
    const items = target.querySelectorAll('[data-testid^="lesson-item-"]');
    expect(items).toHaveLength(10);
    LESSONS.forEach((l, i) => {
      const item = items[i] as HTMLElement;
      expect(item.dataset.testid).toBe(`lesson-item-${l.id}`);
      expect(item.textContent).toContain(String(l.number));
      expect(item.textContent).toContain(l.title);
      expect(item.textContent).toContain(l.question);
      const status = q(target, `lesson-status-${l.id}`)!;
      expect(status.dataset.status).toBe('not-run');
      expect(status.textContent).toBe('Not run');
    });
  });

  it('opens a lesson: its texts, the quick budget, one Run button and its own chart', async () => {
    const { target, lessons } = mountLessons();
    const l = lesson('group-by-vs-n-plus-1');
    await userEvent.click(q(target, `lesson-item-${l.id}`)!);
    flushSync();
    const page = q(target, 'lesson-page')!;
    expect(page.dataset.lesson).toBe(l.id);
    expect(q(target, 'lesson-title')!.textContent).toBe(l.title);
    expect(document.activeElement).toBe(q(target, 'lesson-title'));
    expect(q(target, 'lesson-question')!.textContent).toBe(l.question);
    // Backticked names become <code>; the words are the lesson's own.
    expect(q(target, 'lesson-explanation')!.textContent).toBe(l.explanation.replaceAll('`', ''));
    expect(q(target, 'lesson-explanation')!.querySelector('code')!.textContent).toBe('group-naive');
    expect(q(target, 'lesson-story')!.textContent).toBe(l.story);
    expect(q(target, 'lesson-claim')!.textContent).toBe(l.claim);
    expect(q(target, 'lesson-try-next-text')!.textContent).toBe(l.tryNext.text);
    expect(q<HTMLInputElement>(target, 'lesson-budget-quick')!.checked).toBe(true);
    expect(target.querySelectorAll('[data-testid="lesson-run"]')).toHaveLength(1);
    expect(q<HTMLButtonElement>(target, 'lesson-run')!.disabled).toBe(false);
    expect(q(target, 'lesson-chart')!.dataset.chart).toBe('phases');
    expect(q(target, 'chart-phases')).not.toBeNull();
    expect(q(target, 'lesson-item-' + l.id)!.getAttribute('aria-current')).toBe('true');
    expect(presentation.chart).toBe('phases');
    expect(lessons.openId).toBe(l.id);
    expect(q(target, 'lesson-verdict')).toBeNull();
  });

  it('every explanation stays within 200 words and every lesson names its chart', () => {
    for (const l of LESSONS) {
      expect(l.explanation.split(/\s+/).filter(Boolean).length, l.id).toBeLessThanOrEqual(200);
      expect(['time', 'speedup', 'phases', 'timeline', 'spread']).toContain(l.chart);
    }
  });
});

describe('Lessons view: running a lesson', () => {
  it('runs the preset through app.run, then shows the computed verdict and updates the list', async () => {
    const fake = fakeRunner(overheadHolds, true);
    const { app, target } = mountLessons(fake.runner);
    await restored(app);
    const l = lesson('overhead-small-batches');
    await userEvent.click(q(target, `lesson-item-${l.id}`)!);
    await userEvent.click(q(target, 'lesson-run')!);
    flushSync();

    // The preset for this machine, tagged with the lesson (so it is stored as the lesson's run).
    expect(fake.started).toHaveLength(1);
    expect(fake.started[0]).toEqual(l.preset(lessonEnvOf(app.env), 'quick'));
    expect(fake.started[0].lessonId).toBe(l.id);
    expect(app.run.running).toBe(true);
    expect(q(target, `lesson-status-${l.id}`)!.dataset.status).toBe('running');
    expect(q(target, 'progress')).not.toBeNull();
    expect(q<HTMLButtonElement>(target, 'lesson-run')!.disabled).toBe(true);
    // No chart is drawn while the workers are being measured.
    expect(q(target, 'lesson-chart-wait')).not.toBeNull();
    expect(q(target, 'lesson-chart')).toBeNull();

    // Another lesson cannot start meanwhile (narrow screen: back to the list, open lesson 2).
    await userEvent.click(q(target, 'lesson-back')!);
    flushSync();
    expect(document.activeElement).toBe(q(target, `lesson-item-${l.id}`));
    await userEvent.click(q(target, 'lesson-item-speedup-not-efficiency')!);
    flushSync();
    expect(q<HTMLButtonElement>(target, 'lesson-run')!.disabled).toBe(true);
    expect(q(target, 'lesson-busy')!.textContent).toContain('Lesson 1 is running');
    expect(q(target, 'progress')).toBeNull();
    // "Open it" leads back to the running lesson.
    await userEvent.click(q(target, 'lesson-busy')!.querySelector('button')!);
    flushSync();
    expect(q(target, 'lesson-page')!.dataset.lesson).toBe(l.id);

    fake.release();
    await expect.poll(() => q(target, 'lesson-verdict')).not.toBeNull();
    const expected = l.verdict(fake.analyses[0], lessonEnvOf(app.env));
    expect(expected.status).toBe('reproduced');
    const verdict = q(target, 'lesson-verdict')!;
    expect(verdict.dataset.status).toBe('reproduced');
    expect(q(target, 'lesson-verdict-headline')!.textContent).toBe(expected.headline);
    const numbers = q(target, 'lesson-verdict-numbers')!.textContent!;
    for (const n of expected.numbers) {
      expect(numbers).toContain(n.label);
      expect(numbers).toContain(n.value);
    }
    expect(q(target, 'lesson-verdict-reason')).toBeNull();
    // Announced politely: the verdict sits in a live region.
    expect(q(target, 'lesson-verdict-region')!.getAttribute('aria-live')).toBe('polite');
    expect(q(target, 'lesson-verdict-region')!.contains(verdict)).toBe(true);
    // The list remembers it; the lesson's chart draws the run.
    expect(q(target, `lesson-status-${l.id}`)!.dataset.status).toBe('reproduced');
    expect(q(target, `lesson-status-${l.id}`)!.textContent).toBe('Reproduced');
    await expect.poll(() => q(target, 'chart-time')!.querySelector('canvas')).not.toBeNull();
    expect(q<HTMLButtonElement>(target, 'lesson-run')!.disabled).toBe(false);
    // A measured duration is now known for this budget.
    expect(q(target, 'lesson-estimate-quick')).not.toBeNull();
    expect(q(target, 'lesson-estimate-thorough')).toBeNull();
  });

  it('shows "not reproduced" with the reason from the data, and runs the thorough preset when chosen', async () => {
    const fake = fakeRunner(overheadFails);
    const { app, target } = mountLessons(fake.runner);
    const l = lesson('overhead-small-batches');
    await userEvent.click(q(target, `lesson-item-${l.id}`)!);
    await userEvent.click(q(target, 'lesson-budget-thorough')!);
    await userEvent.click(q(target, 'lesson-run')!);
    await expect.poll(() => q(target, 'lesson-verdict')).not.toBeNull();
    expect(fake.started[0]).toEqual(l.preset(lessonEnvOf(app.env), 'thorough'));
    const expected = l.verdict(fake.analyses[0], lessonEnvOf(app.env));
    expect(expected.status).toBe('not-reproduced');
    expect(q(target, 'lesson-verdict')!.dataset.status).toBe('not-reproduced');
    expect(q(target, 'lesson-verdict-status')!.textContent).toContain('Not reproduced');
    expect(q(target, 'lesson-verdict-reason')!.textContent).toContain(expected.reason!);
    expect(q(target, `lesson-status-${l.id}`)!.dataset.status).toBe('not-reproduced');
  });

  it('keeps the outcome when the view is left and opened again (the session remembers)', async () => {
    const fake = fakeRunner(overheadHolds);
    const app = new AppState('', fake.runner, reportedCoresProbe);
    const first = render(LessonsView, { app });
    const l = lesson('overhead-small-batches');
    await userEvent.click(q(first.target, `lesson-item-${l.id}`)!);
    await userEvent.click(q(first.target, 'lesson-run')!);
    await expect.poll(() => q(first.target, 'lesson-verdict')).not.toBeNull();
    first.destroy();
    const second = render(LessonsView, { app });
    cleanup.push(second.destroy);
    expect(q(second.target, `lesson-status-${l.id}`)!.dataset.status).toBe('reproduced');
    expect(q(second.target, 'lesson-page')!.dataset.lesson).toBe(l.id);
    expect(q(second.target, 'lesson-verdict')!.dataset.status).toBe('reproduced');
  });

  it('Cancel stops the run and leaves the lesson without a verdict', async () => {
    const fake = fakeRunner(overheadHolds, true);
    const { app, target } = mountLessons(fake.runner);
    const l = lesson('overhead-small-batches');
    await userEvent.click(q(target, `lesson-item-${l.id}`)!);
    await userEvent.click(q(target, 'lesson-run')!);
    flushSync();
    await userEvent.click(q(target, 'progress')!.querySelector('button')!);
    await expect.poll(() => app.run.status).toBe('cancelled');
    flushSync();
    expect(q(target, 'lesson-verdict')).toBeNull();
    expect(q(target, 'lesson-verdict-region')!.textContent).toContain('Cancelled');
    expect(q(target, `lesson-status-${l.id}`)!.dataset.status).toBe('not-run');
    expect(q<HTMLButtonElement>(target, 'lesson-run')!.disabled).toBe(false);
  });

  it('a failed run shows its message and no verdict', async () => {
    const m = mountLessons(async () => {
      throw new Error('worker 1 crashed');
    });
    const l = lesson('amdahl-wall');
    await userEvent.click(q(m.target, `lesson-item-${l.id}`)!);
    await userEvent.click(q(m.target, 'lesson-run')!);
    await expect.poll(() => q(m.target, 'lesson-problem')).not.toBeNull();
    expect(q(m.target, 'lesson-problem')!.textContent).toContain('worker 1 crashed');
    expect(q(m.target, 'lesson-verdict')).toBeNull();
    expect(q(m.target, `lesson-status-${l.id}`)!.dataset.status).toBe('not-run');
  });
});

describe('Lessons view: try next', () => {
  it('loads the preset with the patch into the playground form and switches to the playground', async () => {
    const { app, target } = mountLessons();
    const l = lesson('overhead-small-batches');
    await userEvent.click(q(target, `lesson-item-${l.id}`)!);
    await userEvent.click(q(target, 'lesson-try-next')!);
    flushSync();
    expect(app.view).toBe('playground');
    const e = app.form.experiment;
    const preset = l.preset(lessonEnvOf(app.env), 'quick');
    expect(e.base).toEqual({ ...preset.base, poolLife: 'warm' });
    expect(e.sweep).toEqual(preset.sweep);
    expect(e.repetitions).toBe(preset.repetitions);
    // A variation is not the lesson's run: it is not stored under the lesson.
    expect(e.lessonId).toBeUndefined();
    expect(app.form.canRun).toBe(true);
  });

  it('every lesson preset, and every "try next" variation, passes the form and engine checks here', () => {
    const app = new AppState('');
    const env = lessonEnvOf(app.env);
    for (const l of LESSONS) {
      for (const budget of ['quick', 'thorough'] as const) {
        app.form.load(l.preset(env, budget));
        expect(app.form.errors, `${l.id} ${budget}`).toEqual({});
        const next = tryNextExperiment(l, env, budget);
        for (const [k, v] of Object.entries(l.tryNext.patch)) expect((next.base as unknown as Record<string, unknown>)[k]).toBe(v);
        app.form.load(next);
        expect(app.form.errors, `${l.id} ${budget} try next`).toEqual({});
      }
    }
  });
});

describe('Lessons view: history and the app shell', () => {
  it('restores a lesson’s state from its most recent stored run, judged again from the repetitions', async () => {
    const env = new AppState('').env;
    const l = lesson('overhead-small-batches');
    const experiment = l.preset(lessonEnvOf(env), 'quick');
    const store = await openHistory();
    const make = (timing: Timing, createdAt: string): RunRecord => {
      const record = newRunRecord({ label: 'stored lesson run', experiment, environment: env, now: new Date(createdAt) });
      record.repetitions = fabricateReps(experiment, timing);
      record.status = 'complete';
      return record;
    };
    const older = make(overheadFails, '2020-01-01T10:00:00.000Z');
    const newer = make(overheadHolds, '2020-01-02T10:00:00.000Z');
    const imported = await store.importRecords([older, newer]);
    expect(imported.ok).toBe(true);
    cleanup.push(async () => {
      await store.remove(older.id);
      await store.remove(newer.id);
      store.close();
    });

    const { app, target } = mountLessons();
    await restored(app);
    expect(q(target, `lesson-status-${l.id}`)!.dataset.status).toBe('reproduced');
    await userEvent.click(q(target, `lesson-item-${l.id}`)!);
    flushSync();
    const expected = l.verdict(analyseExperiment(planExperiment(experiment), newer.repetitions, env.timerResolutionMs), lessonEnvOf(env));
    expect(q(target, 'lesson-verdict-headline')!.textContent).toBe(expected.headline);
    expect(q(target, 'lesson-verdict')!.textContent).toContain('From the stored quick run');
    // The stored run's charts are drawn too.
    await expect.poll(() => q(target, 'chart-time')!.querySelector('canvas')).not.toBeNull();
  });

  it('is reachable from the app header, and the list shows a lesson started there as running', async () => {
    const fake = fakeRunner(() => ({ wallMs: 10 }), true);
    const r = render(App, { runner: fake.runner, capacityProbe: reportedCoresProbe });
    cleanup.push(r.destroy);
    await userEvent.click(q(r.target, 'view-lessons')!);
    await expect.poll(() => q(r.target, 'lessons-view')).not.toBeNull();
    expect(r.target.querySelectorAll('[data-testid^="lesson-item-"]')).toHaveLength(10);
    await userEvent.click(q(r.target, 'lesson-item-copy-transfer-share')!);
    flushSync();
    expect(q(r.target, 'lesson-chart')!.dataset.chart).toBe('phases');
    await userEvent.click(q(r.target, 'lesson-run')!);
    flushSync();
    expect(q(r.target, 'lesson-status-copy-transfer-share')!.dataset.status).toBe('running');
    fake.release();
    await expect.poll(() => q(r.target, 'lesson-status-copy-transfer-share')!.dataset.status).not.toBe('running');
    await expect.poll(() => q(r.target, 'lesson-verdict')).not.toBeNull();
  });

  it('shows only the Run button, the chart and the verdict when presenting', async () => {
    const { target } = mountLessons();
    await userEvent.click(q(target, 'lesson-item-uneven-work')!);
    presentation.set(true);
    flushSync();
    expect(q(target, 'lesson-list')).toBeNull();
    expect(q(target, 'lesson-explanation')).toBeNull();
    expect(q(target, 'lesson-try-next')).toBeNull();
    expect(q(target, 'lesson-run')).not.toBeNull();
    expect(target.querySelectorAll('[data-testid^="chart-"]')).toHaveLength(1);
    expect(q(target, 'chart-timeline')).not.toBeNull();
    expect(presentation.chart).toBe('timeline');
  });
});

describe('Lessons view: layout', () => {
  afterEach(async () => {
    await page.viewport(414, 896);
  });

  it('fits a 390 px phone: one column, no sideways scrolling, list or lesson with a way back', async () => {
    await page.viewport(390, 844);
    const fake = fakeRunner(overheadHolds);
    const { target } = mountLessons(fake.runner);
    const noOverflow = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;
    expect(noOverflow()).toBe(true);
    await userEvent.click(q(target, 'lesson-item-overhead-small-batches')!);
    await userEvent.click(q(target, 'lesson-run')!);
    await expect.poll(() => q(target, 'lesson-verdict')).not.toBeNull();
    flushSync();
    expect(noOverflow()).toBe(true);
    expect(q(target, 'lesson-list')!.getBoundingClientRect().width).toBe(0); // hidden behind "All lessons"
    const back = q(target, 'lesson-back')!;
    expect(back.getBoundingClientRect().width).toBeGreaterThan(0);
    // Nothing sticks out of the page, except inside boxes that scroll on their own (data tables).
    const scrollsItself = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== target; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    for (const el of target.querySelectorAll<HTMLElement>('[data-testid="lesson-page"] *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && !scrollsItself(el)) expect(r.right, el.dataset.testid ?? el.tagName).toBeLessThanOrEqual(391);
    }
  });

  it('shows the list beside the open lesson on a wide screen', async () => {
    await page.viewport(1280, 900);
    const { target } = mountLessons();
    await userEvent.click(q(target, 'lesson-item-amdahl-wall')!);
    flushSync();
    const list = q(target, 'lesson-list')!.getBoundingClientRect();
    const lessonPage = q(target, 'lesson-page')!.getBoundingClientRect();
    expect(list.width).toBeGreaterThan(0);
    expect(lessonPage.left).toBeGreaterThanOrEqual(list.right);
    expect(q(target, 'lesson-back')!.getBoundingClientRect().width).toBe(0);
  });
});
