/**
 * Live mode: two sliders (records, workers) and three knobs; releasing a slider measures
 * that point at once through the ordinary sweep runner (a warm-up, then up to
 * LIVE_MAX_REPETITIONS interleaved repetitions of the point and its worker-seq baseline
 * within LIVE_BUDGET_MS), and every point measured is kept on the map. Moving a slider again
 * aborts whatever was in flight: its workers are terminated by the engine and its unfinished
 * round is dropped, never drawn.
 */
import type { LiveEnvironment } from '../core/model/environment';
import {
  EXPLORE_MAX_RECORDS,
  LIVE_BUDGET_MS,
  LIVE_MAX_REPETITIONS,
  LIVE_RECORD_STEPS,
  buildLiveMap,
  liveExperiment,
  livePointConfig,
  liveSessionKey,
  liveWorkerMax,
  nearestLiveStep,
  nextExploreRecords,
  renumberForPlan,
  type LiveKnobs,
  type LiveMapModel,
} from '../core/experiment/live-map';
import { planExperiment } from '../core/experiment/plan';
import { newRunRecord, type RunRecord } from '../core/io/run-record';
import { configKey } from '../core/experiment/plan';
import type { ExperimentConfig, RepetitionRecord, RunConfig } from '../core/model/types';
import { disposeWarmPools } from '../engine';
import { runSweep } from '../engine/sweep';
import type { History } from '../storage';
import { uiWorkSettled } from './ui-work';
import { plural, errorText } from '../core/view/format';

/** The points measured under one set of settings (everything but records and workers). */
export interface LiveSession {
  base: RunConfig;
  knobs: LiveKnobs;
  reps: RepetitionRecord[];
  /** configKey()s of the points a full-precision measurement was added to. */
  pinned: ReadonlySet<string>;
}

/** What is being measured right now. */
export interface LiveMeasuring {
  records: number;
  workers: number;
  /** 'explore': the background explorer's own point, not the sliders'. */
  kind: 'live' | 'pin' | 'explore';
}

export interface LiveOptions {
  env: () => LiveEnvironment;
  history: () => Promise<History | undefined>;
  /** The playground's base configuration (job, format, keys …); the live knobs go on top. */
  base: () => RunConfig;
  /** Warm-ups and repetitions of a full-precision (pinned) measurement. */
  full: () => Pick<ExperimentConfig, 'warmups' | 'repetitions'>;
  /** True while something else (an experiment run) is using the workers. */
  blocked?: () => boolean;
  /** Replaces the sweep runner (tests). */
  sweep?: typeof runSweep;
  now?: () => number;
  /** Pause after a measurement before the explorer measures a gap, ms (default EXPLORE_IDLE_MS). */
  idleMs?: number;
}

/** How long the controls must rest before the explorer fills a gap of the map, ms. */
export const EXPLORE_IDLE_MS = 1_500;

export const DEFAULT_LIVE_KNOBS: Readonly<LiveKnobs> = Object.freeze({ poolLife: 'warm', shipping: 'transfer', workRounds: 20 });

export class LiveState {
  #abort: AbortController | undefined;
  #idle: ReturnType<typeof setTimeout> | undefined;
  readonly #opts: LiveOptions;
  readonly #now: () => number;

  /** Index into LIVE_RECORD_STEPS. */
  recordsStep = $state(nearestLiveStep(10_000));
  workers = $state(2);
  knobs = $state<LiveKnobs>({ ...DEFAULT_LIVE_KNOBS });
  /** Sessions by liveSessionKey: changing a knob shows (and fills) that setting's own map. */
  sessions = $state.raw<Record<string, LiveSession>>({});
  measuring = $state.raw<LiveMeasuring | null>(null);
  /** What the status line says (measured, cancelled, paused, failed). */
  message = $state('Release a slider (or press an arrow key on it) to measure that point.');
  error = $state<string | undefined>(undefined);
  /** ms from the last release to the map and cards drawn with its point's first repetition. */
  lastLatencyMs = $state<number | undefined>(undefined);
  /** Fill the map's gaps while the controls rest (stops the moment one is touched). */
  explore = $state(false);

  readonly workerMax: number;
  readonly records: number = $derived(LIVE_RECORD_STEPS[this.recordsStep]);
  readonly sessionKey: string = $derived.by(() => liveSessionKey(this.#opts.base(), this.knobs));
  readonly session: LiveSession | undefined = $derived(this.sessions[this.sessionKey]);
  readonly map: LiveMapModel = $derived.by(() =>
    buildLiveMap({
      base: this.session?.base ?? this.#opts.base(),
      knobs: this.session?.knobs ?? this.knobs,
      reps: this.session?.reps ?? [],
      pinned: this.session?.pinned ?? new Set(),
      current: { records: this.records, workers: this.workers },
      timerResolutionMs: this.#opts.env().timerResolutionMs,
    }),
  );

  constructor(opts: LiveOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => performance.now());
    this.workerMax = liveWorkerMax(opts.env().hardwareConcurrency);
    this.workers = Math.min(2, this.workerMax);
  }

  /** A slider moved (not yet released): whatever was in flight is stale, so it stops now. */
  moved(): void {
    this.cancel();
  }

  /** Aborts the measurement in flight, if any (its workers are terminated, its round dropped). */
  cancel(): void {
    clearTimeout(this.#idle);
    this.#idle = undefined;
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.measuring = null;
    this.message = 'Cancelled: the slider moved before that point was measured.';
  }

  /** Leaves live mode: cancels and terminates the warm pools it kept. */
  dispose(): void {
    this.cancel();
    disposeWarmPools();
  }

  /**
   * Measures the current slider position: `live` is the short time-boxed measurement,
   * `pin` the full-precision one (the experiment's warm-ups and repetitions). Resolves when
   * it is done, cancelled or failed; never throws.
   */
  async measure(kind: LiveMeasuring['kind'] = 'live', at?: { records: number; workers: number }): Promise<void> {
    this.cancel();
    this.error = undefined;
    if (this.#opts.blocked?.()) {
      this.message = 'Paused: an experiment is running. Release a slider again once it has ended.';
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    const base = this.#opts.base();
    const knobs = { ...this.knobs };
    const key = liveSessionKey(base, knobs);
    const records = at?.records ?? this.records;
    const workers = at?.workers ?? this.workers;
    const config = livePointConfig(base, knobs, records, workers);
    const what = `${records.toLocaleString('en-US')} records × ${plural(workers, 'worker')}`;
    this.measuring = { records, workers, kind };
    this.message = `${kind === 'explore' ? 'Exploring while idle: measuring' : 'Measuring'} ${what}${kind === 'pin' ? ' at full precision' : ''}…`;
    const sweep = this.#opts.sweep ?? runSweep;
    const started = this.#now();
    let rounds = 0;
    try {
      const full = this.#opts.full();
      // A pin is one ordinary run; a live point is rounds of one repetition each, so a round
      // that finished is on the map at once and the budget can end it between rounds.
      const maxRounds = kind === 'pin' ? 1 : LIVE_MAX_REPETITIONS;
      while (rounds < maxRounds) {
        const experiment: ExperimentConfig = {
          base: config,
          sweep: [],
          warmups: kind === 'pin' ? full.warmups : rounds === 0 ? 1 : 0,
          repetitions: kind === 'pin' ? full.repetitions : 1,
        };
        const result = await sweep(experiment, { signal: abort.signal, keepWarmPools: true });
        if (abort.signal.aborted || result.status === 'cancelled') return;
        if (result.status === 'failed') {
          this.error = result.error ?? 'The measurement failed.';
          this.message = `${what} failed.`;
          return;
        }
        this.#add(key, base, knobs, result.repetitions, kind === 'pin' ? configKey(config) : undefined);
        // The map and cards are drawn before the next round, never inside a measured repetition.
        await uiWorkSettled();
        if (abort.signal.aborted) return;
        if (rounds === 0 && kind !== 'explore') this.lastLatencyMs = this.#now() - started;
        rounds++;
        if (this.#now() - started >= LIVE_BUDGET_MS) break;
      }
      const point = this.map.points.find((p) => p.records === records && p.workers === workers);
      this.message = point
        ? `Measured ${what}: ${plural(point.n, 'repetition')}${point.correct ? ', every digest correct' : ', WRONG digest'}.`
        : `Measured ${what}.`;
      if (this.explore) this.#scheduleExplore(abort);
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = errorText(err);
      this.message = `${what} could not be measured.`;
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.measuring = null;
      }
    }
  }

  /** Sets the explorer on or off; on, it starts after the usual pause. */
  setExplore(on: boolean): void {
    this.explore = on;
    if (!on && this.measuring?.kind === 'explore') this.cancel();
    clearTimeout(this.#idle);
    this.#idle = undefined;
    if (on && !this.#abort) this.#scheduleExplore(undefined);
  }

  /** After a pause with nothing touched, measures the next gap at the current worker count. */
  #scheduleExplore(after: AbortController | undefined): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => {
      this.#idle = undefined;
      // Anything started since (a slider, a pin) owns the workers now.
      if (!this.explore || (this.#abort !== undefined && this.#abort !== after)) return;
      const workers = this.workers;
      const measured = (this.session?.reps ?? []).filter((r) => r.role === 'measured' && r.config.workers === workers).map((r) => r.config.records);
      const records = nextExploreRecords(measured);
      if (records === undefined) {
        this.message = `The map is measured at every stop up to ${EXPLORE_MAX_RECORDS.toLocaleString('en-US')} records for this worker count.`;
        return;
      }
      void this.measure('explore', { records, workers });
    }, this.#opts.idleMs ?? EXPLORE_IDLE_MS);
  }

  #add(key: string, base: RunConfig, knobs: LiveKnobs, reps: RepetitionRecord[], pinKey: string | undefined): void {
    const old = this.sessions[key];
    const pinned = new Set(old?.pinned ?? []);
    if (pinKey) pinned.add(pinKey);
    this.sessions = { ...this.sessions, [key]: { base: old?.base ?? base, knobs: old?.knobs ?? knobs, reps: [...(old?.reps ?? []), ...reps], pinned } };
  }

  /** Forgets the points of the current settings. */
  clear(): void {
    this.cancel();
    const { [this.sessionKey]: _dropped, ...rest } = this.sessions;
    this.sessions = rest;
    this.message = 'Map cleared.';
  }

  /** The current session as a stored run: the ordinary RunRecord, samples renumbered for its plan. */
  record(now = new Date()): RunRecord | undefined {
    const s = this.session;
    if (!s || !s.reps.some((r) => r.role === 'measured')) return undefined;
    const experiment = liveExperiment(s.base, s.knobs, s.reps);
    const plan = planExperiment(experiment);
    const points = new Set(s.reps.filter((r) => r.role === 'measured').map((r) => configKey(r.config))).size;
    const label =
      `Live session: ${plural(points, 'point')}, ${s.knobs.poolLife} pool, ${s.knobs.shipping}, ` +
      `${s.knobs.workRounds} rounds/record — ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
    const record = newRunRecord({ label, experiment, environment: this.#opts.env(), now });
    record.repetitions = renumberForPlan(plan, s.reps);
    record.status = 'complete';
    return record;
  }

  /** Saves the current session to history like any run; resolves with its id or why not. */
  async save(): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    const record = this.record();
    if (!record) return this.#said({ ok: false, message: 'Nothing to save yet: measure a point first.' });
    const history = await this.#opts.history();
    if (!history) return this.#said({ ok: false, message: 'Run history is unavailable, so the session cannot be saved.' });
    const created = await history.create(record);
    if (!created.ok) return this.#said({ ok: false, message: `The session was not saved: ${created.message}` });
    return this.#said({ ok: true, id: record.id }, `Saved to history as “${record.label}”.`);
  }

  #said<T extends { ok: boolean }>(result: T, text?: string): T {
    this.message = text ?? ('message' in result ? String(result.message) : '');
    return result;
  }
}
