/**
 * The Lessons view's state: which lesson is open, the budget, and each lesson's outcome —
 * the verdict of its last finished run, computed from the measurements by the lesson's own
 * verdict function (never stored, never hard-coded). Outcomes live for the session (one
 * LessonsState per AppState, so switching views keeps them) and are restored on first use
 * from the run history: the most recent complete run of each lesson is re-analysed from its
 * raw repetitions and judged again.
 *
 * Lessons run through app.run.start — the Run button's path — so every lesson run is
 * measured, stored (tagged with experiment.lessonId) and charted exactly like any other run.
 */
import type { Environment } from '../core/model/environment';
import { existingLessonsFor, keepLessonsFor } from './lessons-registry';
import type { ResultsView } from '../core/view/chart-data';
import { compareRuns, type RunComparison } from '../core/experiment/compare';
import { cloneExperiment } from '../core/model/config';
import { buildResultsView } from '../core/view/results-view';
import type { RunRecord } from '../core/io/run-record';
import type { ExperimentConfig, RunConfig } from '../core/model/types';
import { LESSONS, lessonById, type Budget, type Lesson, type LessonEnv, type Verdict } from '../lessons';
import { judge, judgeRecord, lessonEnvOf } from '../lessons/judge-record';
import type { AppState } from './app.svelte';
import { presentation } from './presentation.svelte';
import { plural } from '../core/view/format';

/** How many of a lesson's newest stored runs are searched for a prepared (thorough) one. */
const PREPARED_LOOKBACK = 10;

export { judge, judgeRecord, lessonEnvOf };

export type LessonStatus = 'not-run' | 'running' | 'reproduced' | 'not-reproduced';

export const STATUS_LABELS: Readonly<Record<LessonStatus, string>> = {
  'not-run': 'Not run',
  running: 'Running…',
  reproduced: 'Reproduced',
  'not-reproduced': 'Not reproduced',
};

/** A lesson's last judged run. */
export interface LessonOutcome {
  verdict: Verdict;
  /** 'session': run in this page; 'history': a stored run, re-analysed and judged again. */
  source: 'session' | 'history';
  /** When the run was made. */
  at: Date;
  /** The budget the run used, when its experiment matches one of the lesson's presets. */
  budget: Budget | undefined;
  /** How long the run took, ms (start to last repetition for stored runs). */
  durationMs: number | undefined;
  /** The charts of that run, shown when the current run is not this lesson's. */
  view: ResultsView;
  runId: string | undefined;
  /** The run itself, for "prepared vs now". */
  record?: RunRecord;
  /** A stored thorough run (prepared before class), and the machine it ran on. */
  prepared?: { machine: string };
}

/**
 * The prepared run and a live one on shared charts (core/experiment/compare's overlays), their lines
 * named "Prepared" and "Now" instead of before and after.
 */
export function preparedVsNow(prepared: RunRecord, now: RunRecord): RunComparison['charts'] {
  const { charts } = compareRuns(prepared, now);
  const name = (label: string) => label.replace(/^Before/, 'Prepared').replace(/^After/, 'Now');
  return {
    ...charts,
    speedup: { ...charts.speedup, series: charts.speedup.series.map((s) => ({ ...s, label: name(s.label) })) },
    time: { ...charts.time, series: charts.time.series.map((s) => ({ ...s, label: name(s.label) })) },
  };
}

/** Where a run was measured, in a few words: "2 cores · Chrome 140 · Linux". */
export function machineOf(env: Environment): string {
  const ua = env.userAgent;
  const browser = /(Firefox|Edg|Chrome|Safari)\/(\d+)/.exec(ua.replace('HeadlessChrome', 'Chrome'));
  const os = /Windows|Mac OS X|Android|iPhone|Linux|CrOS/.exec(ua)?.[0];
  const cores = plural(env.hardwareConcurrency, 'core');
  const name = browser ? `${browser[1] === 'Edg' ? 'Edge' : browser[1]} ${browser[2]}` : undefined;
  return [cores, name, os === 'Mac OS X' ? 'macOS' : os].filter(Boolean).join(' · ');
}

/** JSON with sorted keys: equal plain data, equal text (storage may reorder fields). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Which budget of the lesson produced this experiment on this environment, if either did. */
export function budgetOf(lesson: Lesson, experiment: ExperimentConfig, env: LessonEnv): Budget | undefined {
  const text = canonical(experiment);
  for (const b of ['quick', 'thorough'] as const) if (canonical(lesson.preset(env, b)) === text) return b;
  return undefined;
}

/** Start of a stored run to the end of its last repetition, ms; undefined when the clocks disagree. */
function storedDurationMs(record: RunRecord): number | undefined {
  const start = Date.parse(record.createdAt);
  let end = -Infinity;
  for (const r of record.repetitions) end = Math.max(end, r.sample.startedAtMs + r.sample.wallMs);
  const ms = end - start;
  return Number.isFinite(ms) && ms > 0 && ms < 3_600_000 ? ms : undefined;
}

/**
 * The playground experiment a lesson's "try next" suggests: its preset with the patch
 * applied, no longer tagged as the lesson (a variation is not the lesson's run). A patched
 * parameter that the preset sweeps stops being swept, so the patch really applies.
 */
export function tryNextExperiment(lesson: Lesson, env: LessonEnv, budget: Budget): ExperimentConfig {
  const preset = cloneExperiment(lesson.preset(env, budget));
  const patch = lesson.tryNext.patch;
  const base: RunConfig = { ...preset.base, ...patch };
  const patched = new Set(Object.keys(patch));
  const experiment: ExperimentConfig = {
    base,
    sweep: preset.sweep.filter((a) => !patched.has(a.param)),
    warmups: preset.warmups,
    repetitions: preset.repetitions,
  };
  if (preset.shuffleSeed !== undefined) experiment.shuffleSeed = preset.shuffleSeed;
  if (preset.fixedOrder !== undefined) experiment.fixedOrder = preset.fixedOrder;
  return experiment;
}

export class LessonsState {
  /** The lesson whose page is showing; null shows the list alone. */
  openId = $state<string | null>(null);
  budget = $state<Budget>('quick');
  /** Each lesson's last judged run, by lesson id. Replaced whole, never mutated. */
  outcomes = $state.raw<Readonly<Record<string, LessonOutcome>>>({});
  /** Why a lesson's last run gave no verdict (failed, or a verdict that could not be computed). */
  problems = $state.raw<Readonly<Record<string, string>>>({});
  /** Measured durations of lesson runs on this machine, by `${lessonId}/${budget}`, ms. */
  durations = $state.raw<Readonly<Record<string, number>>>({});
  /** Set when a lesson was opened from elsewhere (a link, a key): the Lessons view then focuses its title. */
  pendingFocus = $state(false);
  /** Each lesson's prepared run (its latest complete thorough run), for "prepared vs now". */
  preparedRuns = $state.raw<Readonly<Record<string, RunRecord>>>({});
  /** 'loading' while the history is being read and re-judged. */
  restoring = $state<'idle' | 'loading' | 'done'>('idle');

  readonly app: AppState;

  constructor(app: AppState) {
    this.app = app;
    // Lessons size their worker counts by the cores: measure them as the lessons open (≤ ~1 s,
    // once per page), since browsers clamp or invent hardwareConcurrency. Queued: this state is
    // made inside a component's derivation, where state may not change.
    queueMicrotask(() => void app.measureCapacity());
  }

  /** What lessons size and judge by: the page's environment, with the measured cores once known. */
  get env(): LessonEnv {
    return lessonEnvOf(this.app.environment);
  }

  get open(): Lesson | undefined {
    return this.openId ? lessonById(this.openId) : undefined;
  }

  /**
   * Opens a lesson (presenting its chart) and shows the Lessons view; the view focuses the
   * lesson's title. Unknown ids are ignored.
   */
  show(id: string): void {
    const lesson = lessonById(id);
    if (!lesson) return;
    this.openId = id;
    presentation.chart = lesson.chart;
    this.pendingFocus = true;
    this.app.view = 'lessons';
  }

  /** Opens the lesson `step` places after (1) or before (−1) the open one; with none open, the first. Stops at the ends. */
  step(step: 1 | -1): void {
    const at = LESSONS.findIndex((l) => l.id === this.openId);
    const next = at < 0 ? 0 : Math.min(LESSONS.length - 1, Math.max(0, at + step));
    if (next !== at) this.show(LESSONS[next].id);
  }

  /** The lesson whose run is in progress (whoever started it), if any. */
  get runningLesson(): Lesson | undefined {
    const run = this.app.run;
    return run.running && run.experiment?.lessonId ? lessonById(run.experiment.lessonId) : undefined;
  }

  status(id: string): LessonStatus {
    if (this.runningLesson?.id === id) return 'running';
    return this.outcomes[id]?.verdict.status ?? 'not-run';
  }

  /** The results to chart for a lesson: the live run when it is this lesson's, else its last judged run's. */
  resultsFor(id: string): ResultsView | null {
    const run = this.app.run;
    if (run.experiment?.lessonId === id && run.results && (run.running || run.status === 'complete' || run.status === 'partial')) {
      return run.results;
    }
    return this.outcomes[id]?.view ?? null;
  }

  /** A measured duration of this lesson at this budget on this machine, ms, when one is known. */
  durationMs(id: string, budget: Budget): number | undefined {
    return this.durations[`${id}/${budget}`];
  }

  /** Whether a lesson's Run button may start it now. */
  canRun(): boolean {
    return this.app.run.connected && !this.app.run.running;
  }

  /**
   * Runs a lesson's preset through the Run button's path and judges the result. Resolves
   * when the run ends; a cancelled run leaves the lesson's previous outcome as it was.
   */
  async run(lesson: Lesson, budget: Budget = this.budget): Promise<void> {
    const run = this.app.run;
    if (run.running) return;
    // A Run pressed before the cores are measured waits for the measurement (a failed probe
    // is not retried here: the lesson then sizes by the reported count).
    if (!this.app.capacity && typeof this.app.capacityState !== 'object') {
      await this.app.measureCapacity();
      if (run.running) return;
    }
    const env = this.env;
    const experiment = lesson.preset(env, budget);
    this.setProblem(lesson.id, undefined);
    const startedAt = performance.now();
    await run.start(experiment);
    if (run.experiment !== experiment) return;
    const durationMs = performance.now() - startedAt;
    if (run.status === 'failed') {
      this.setProblem(lesson.id, `The run failed: ${run.error ?? 'unknown error'}`);
      return;
    }
    if (run.status !== 'complete' && run.status !== 'partial') return;
    const published = run.published;
    if (!published) {
      this.setProblem(lesson.id, 'The run finished without publishing any measurements, so there is nothing to judge.');
      return;
    }
    const verdict = judge(lesson, published.analysis, env);
    if (!verdict) {
      this.setProblem(lesson.id, 'The verdict could not be computed from these measurements.');
      return;
    }
    if (run.status === 'complete') this.durations = { ...this.durations, [`${lesson.id}/${budget}`]: durationMs };
    this.outcomes = {
      ...this.outcomes,
      [lesson.id]: {
        verdict,
        source: 'session',
        at: new Date(),
        budget,
        durationMs,
        view: run.results ?? buildResultsView(published.analysis),
        runId: published.record.id,
        record: published.record,
      },
    };
    // A thorough run made now is the one to show in class.
    if (budget === 'thorough' && run.status === 'complete') this.preparedRuns = { ...this.preparedRuns, [lesson.id]: published.record };
  }

  /**
   * Loads the lesson's "try next" experiment into the playground form and shows the
   * playground.
   */
  tryNext(lesson: Lesson, budget: Budget = this.budget): void {
    this.app.form.load(tryNextExperiment(lesson, this.env, budget));
    this.app.view = 'playground';
  }

  /**
   * Restores outcomes from the run history once: the most recent complete run of each lesson,
   * re-analysed from its repetitions and judged again. A lesson already judged in this
   * session keeps its session outcome.
   */
  async restore(): Promise<void> {
    if (this.restoring !== 'idle') return;
    this.restoring = 'loading';
    try {
      const history = await this.app.historyReady();
      if (!history) return;
      const listed = await history.list();
      if (!listed.ok) return;
      // Newest first: each lesson's runs, by id.
      const runsOf = new Map<string, string[]>();
      for (const entry of listed.value.entries) {
        if (entry.status !== 'complete' || !entry.lessonId || !lessonById(entry.lessonId)) continue;
        const ids = runsOf.get(entry.lessonId) ?? [];
        ids.push(entry.id);
        runsOf.set(entry.lessonId, ids);
      }
      const restored: Record<string, LessonOutcome> = {};
      const durations: Record<string, number> = {};
      const prepared: Record<string, RunRecord> = {};
      for (const [lessonId, ids] of runsOf) {
        // The latest thorough run is the prepared one and shows first; else the latest run.
        // A prepared run is looked for among the newest few only, so restoring stays quick.
        let shown: LessonOutcome | undefined;
        for (const runId of ids.slice(0, PREPARED_LOOKBACK)) {
          const got = await history.get(runId);
          if (!got.ok) continue;
          const judged = judgeRecord(got.value);
          if (!judged) continue;
          const budget = budgetOf(judged.lesson, got.value.experiment, judged.env);
          const durationMs = storedDurationMs(got.value);
          if (budget && durationMs !== undefined && durations[`${lessonId}/${budget}`] === undefined) durations[`${lessonId}/${budget}`] = durationMs;
          const outcome: LessonOutcome = {
            verdict: judged.verdict,
            source: 'history',
            at: new Date(got.value.createdAt),
            budget,
            durationMs,
            view: buildResultsView(judged.analysis),
            runId,
            record: got.value,
          };
          if (budget === 'thorough') {
            prepared[lessonId] = got.value;
            shown = { ...outcome, prepared: { machine: machineOf(got.value.environment) } };
            break;
          }
          shown ??= outcome;
        }
        if (shown) restored[lessonId] = shown;
      }
      // Whatever ran in this session while the history was read wins.
      this.outcomes = { ...restored, ...this.outcomes };
      this.durations = { ...durations, ...this.durations };
      this.preparedRuns = { ...prepared, ...this.preparedRuns };
    } finally {
      this.restoring = 'done';
    }
  }

  private setProblem(id: string, message: string | undefined): void {
    const next = { ...this.problems };
    if (message === undefined) delete next[id];
    else next[id] = message;
    this.problems = next;
  }
}

/** The one LessonsState of an AppState (created on first use, kept for the session). */
export function lessonsFor(app: AppState): LessonsState {
  let s = existingLessonsFor(app);
  if (!s) {
    s = new LessonsState(app);
    keepLessonsFor(app, s);
  }
  return s;
}

export { LESSONS };
