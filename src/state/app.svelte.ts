/**
 * The page's shared state: the environment, the experiment form, the current run, the run
 * history and which view is showing. One instance, created by App.svelte, handed to views.
 */
import type { LiveEnvironment } from '../core/model/environment';
import { checkMachineNoise, type ParallelCapacity } from '../core/stats';
import type { RunConfig } from '../core/model/types';
import { measureParallelCapacity } from '../engine/capacity';

/** Measures the page's parallel capacity; injected so tests need not spin real workers. */
export type CapacityProbe = (hardwareConcurrency: number) => Promise<ParallelCapacity>;
const realProbe: CapacityProbe = (hardwareConcurrency) => measureParallelCapacity({ hardwareConcurrency });
import { isShareHash } from '../core/io/share-hash';
import type { SharedResult } from '../core/io/share-link';
import { isKernelHash } from '../core/kernel/link';
import type { ExperimentConfig } from '../core/model/types';
import type { DataFileState } from './data-file.svelte';
import { captureEnvironment } from '../engine/environment';
import { openHistory, type History } from '../storage';
import { ExperimentForm } from './experiment-form.svelte';
import { createSweepRunner } from './experiment-runner';
import { JankMeter } from './jank.svelte';
import { presentation } from './presentation.svelte';
import type { LiveState } from './live.svelte';
import { RunState, type SweepRunner } from './run.svelte';
import { errorText } from '../core/view/format';

export type ViewId = 'playground' | 'lessons' | 'sources' | 'history' | 'analyse' | 'classroom' | 'code';
export const VIEWS: readonly { id: ViewId; label: string }[] = [
  { id: 'playground', label: 'Playground' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'sources', label: 'Sources' },
  { id: 'history', label: 'History' },
  { id: 'analyse', label: 'Analyse your numbers' },
  { id: 'classroom', label: 'Classroom' },
  { id: 'code', label: 'Your code' },
];

export class AppState {
  /** The environment as captured at load; `environment` adds what was measured since. */
  readonly env: LiveEnvironment = captureEnvironment();
  /** The parallel-capacity probe's result, once it has run on this page. */
  capacity = $state.raw<ParallelCapacity | undefined>(undefined);
  /** 'measuring' while the probe runs; the message when it failed. */
  capacityState = $state<'idle' | 'measuring' | { error: string }>('idle');
  #capacityRun: Promise<ParallelCapacity | undefined> | undefined;
  readonly #probe: CapacityProbe;
  readonly form: ExperimentForm;
  readonly jank = new JankMeter();
  readonly run: RunState;
  /** Live mode's sliders, measurements and map; idle until the live panel is used. */
  // Loaded when live mode first opens (`openLive`), so its map and explorer stay out of the page's first load.
  live = $state.raw<LiveState | undefined>(undefined);
  #liveLoading: Promise<LiveState> | undefined;
  /**
   * "Your data": a dropped file, its preview and its measured runs — created when the panel
   * first opens (`openData`), so the file readers load with it and not with the page.
   */
  data = $state.raw<DataFileState | undefined>(undefined);
  #dataLoading: Promise<DataFileState> | undefined;
  view = $state<ViewId>('playground');
  /** The field report the Sources view brings into view and focuses (set by a lesson's "From:" link). */
  sourceId = $state<string | null>(null);
  /** Opened once; falls back to memory (persistent: false) when IndexedDB is unavailable. */
  history = $state.raw<History | undefined>(undefined);
  /** Why runs are not being kept across reloads, when they are not. */
  storageBanner = $state<string | undefined>(undefined);
  /** The `#share=…` fragment the page was opened with, while the shared result is showing. */
  sharedHash = $state<string | undefined>(undefined);
  /** A shared result opened from a file (History's import), while it is showing. */
  sharedFile = $state.raw<SharedResult | undefined>(undefined);
  /** The `#kernel=…` fragment of a kernel link: shown in the code view, run only when the person presses Run. */
  kernelHash = $state<string | undefined>(undefined);
  readonly #historyReady: Promise<History | undefined>;

  constructor(hash: string, runner?: SweepRunner, probe: CapacityProbe = realProbe) {
    this.#probe = probe;
    // A shared result is not a settings link: the form keeps its defaults, the result shows instead.
    if (isShareHash(hash)) {
      this.sharedHash = hash;
      hash = '';
    } else if (isKernelHash(hash)) {
      this.kernelHash = hash;
      this.view = 'code';
      hash = '';
    }
    this.form = new ExperimentForm(
      {
        hardwareConcurrency: this.env.hardwareConcurrency,
        crossOriginIsolated: this.env.crossOriginIsolated,
        sharedArrayBuffer: this.env.sharedArrayBuffer,
        moduleWorkers: this.env.moduleWorkers,
        ...(this.env.deviceMemoryGiB !== undefined ? { deviceMemoryGiB: this.env.deviceMemoryGiB } : {}),
      },
      hash,
    );
    this.#historyReady = openHistory().then(
      (h) => {
        this.history = h;
        if (!h.persistent) {
          this.storageBanner = `Runs are kept in memory only and are lost on reload: ${h.fallbackReason ?? 'IndexedDB is unavailable'}.`;
        }
        return h;
      },
      (err: unknown) => {
        this.storageBanner = `Run history is unavailable: ${errorText(err)}. Runs still work.`;
        return undefined;
      },
    );
    this.run = new RunState({
      observers: [this.jank],
      runner: runner ?? createSweepRunner(() => this.environment, () => this.#historyReady),
      // The real engine gets the busy-machine check; an injected test runner measures nothing.
      ...(runner ? {} : { noiseCheck: (repetitions: number) => checkMachineNoise(() => performance.now(), repetitions) }),
    });
  }

  /** Live mode's state, loading its code on first use. */
  openLive(): Promise<LiveState> {
    this.#liveLoading ??= import('./live.svelte').then(
      ({ LiveState }) =>
        (this.live = new LiveState({
          env: () => this.environment,
          history: () => this.#historyReady,
          base: () => $state.snapshot(this.form.experiment.base) as RunConfig,
          full: () => ({ warmups: this.form.experiment.warmups, repetitions: this.form.experiment.repetitions }),
          blocked: () => this.run.running,
        })),
    );
    return this.#liveLoading;
  }

  /** The environment a run records: the captured one plus the measured cores, once known. */
  get environment(): LiveEnvironment {
    return this.capacity ? { ...this.env, measuredCores: this.capacity.cores } : this.env;
  }

  /**
   * Measures how many workers really run at once (≤ ~1 s; once per page unless `again`).
   * Never during a run: the probe would compete with it for the cores. Resolves with the
   * result, or undefined when it failed (capacityState says why).
   */
  measureCapacity(again = false): Promise<ParallelCapacity | undefined> {
    if (this.#capacityRun && !(again && this.capacityState !== 'measuring')) return this.#capacityRun;
    if (this.run.running) return Promise.resolve(this.capacity);
    this.capacityState = 'measuring';
    this.#capacityRun = this.#probe(this.env.hardwareConcurrency).then(
      (c) => {
        this.capacity = c;
        this.capacityState = 'idle';
        return c;
      },
      (err: unknown) => {
        this.capacityState = { error: errorText(err) };
        this.#capacityRun = undefined;
        return undefined;
      },
    );
    return this.#capacityRun;
  }

  /** The "Your data" state, loading its code on first use. */
  openData(): Promise<DataFileState> {
    this.#dataLoading ??= import('./data-file.svelte').then(
      ({ DataFileState }) => (this.data = new DataFileState(this.env, { history: () => this.#historyReady, environment: () => this.environment })),
    );
    return this.#dataLoading;
  }

  /** Shows a shared result read from a file, read-only, in the playground (its view offers "Run this on my machine"). */
  openSharedFile(shared: SharedResult): void {
    this.sharedHash = undefined;
    this.sharedFile = shared;
    this.view = 'playground';
  }

  /** Closes the shared result, whichever way it was opened. */
  closeShared(): void {
    this.sharedHash = undefined;
    this.sharedFile = undefined;
  }

  /** Follows a changed address: a shared result opens its view; anything else is a settings link for the form. */
  openHash(hash: string): void {
    if (isShareHash(hash)) {
      this.sharedFile = undefined;
      this.sharedHash = hash;
      this.view = 'playground';
    } else if (isKernelHash(hash)) {
      this.kernelHash = hash;
      this.view = 'code';
    } else {
      this.closeShared();
      this.form.loadHash(hash);
    }
  }

  /** The view on screen: presentation mode shows the lessons, or else the playground. */
  get visibleView(): ViewId {
    return this.view === 'lessons' || !presentation.on ? this.view : 'playground';
  }

  /** Shows the Sources view at one report. */
  showSource(id: string): void {
    this.sourceId = id;
    this.view = 'sources';
  }

  /** Starts the playground form's experiment, when it is valid and nothing is running. */
  runForm(): void {
    if (!this.form.canRun || this.run.running) return;
    this.live?.cancel(); // the run needs the workers to itself
    void this.run.start($state.snapshot(this.form.experiment) as ExperimentConfig);
  }

  /** Resolves with the history once it is open (or undefined when it could not be). */
  historyReady(): Promise<History | undefined> {
    return this.#historyReady;
  }
}
