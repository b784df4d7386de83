/**
 * The page's shared state: the environment, the experiment form, the current run, the run
 * history and which view is showing. One instance, created by App.svelte, handed to views.
 */
import type { ExperimentConfig } from '../core/types';
import { captureEnvironment, type EnvironmentInfo } from '../engine/environment';
import { openHistory, type History } from '../storage';
import { ExperimentForm } from './experiment-form.svelte';
import { createSweepRunner } from './experiment-runner';
import { JankMeter } from './jank.svelte';
import { presentation } from './presentation.svelte';
import { RunState, type SweepRunner } from './run.svelte';

export type ViewId = 'playground' | 'lessons' | 'sources' | 'history' | 'analyse';
export const VIEWS: readonly { id: ViewId; label: string }[] = [
  { id: 'playground', label: 'Playground' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'sources', label: 'Sources' },
  { id: 'history', label: 'History' },
  { id: 'analyse', label: 'Analyse your numbers' },
];

export class AppState {
  readonly env: EnvironmentInfo = captureEnvironment();
  readonly form: ExperimentForm;
  readonly jank = new JankMeter();
  readonly run: RunState;
  view = $state<ViewId>('playground');
  /** The field report the Sources view brings into view and focuses (set by a lesson's "From:" link). */
  sourceId = $state<string | null>(null);
  /** Opened once; falls back to memory (persistent: false) when IndexedDB is unavailable. */
  history = $state.raw<History | undefined>(undefined);
  /** Why runs are not being kept across reloads, when they are not. */
  storageBanner = $state<string | undefined>(undefined);
  readonly #historyReady: Promise<History | undefined>;

  constructor(hash: string, runner?: SweepRunner) {
    this.form = new ExperimentForm(
      {
        hardwareConcurrency: this.env.hardwareConcurrency,
        crossOriginIsolated: this.env.crossOriginIsolated,
        ...(this.env.deviceMemoryGiB !== undefined ? { deviceMemory: this.env.deviceMemoryGiB } : {}),
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
        this.storageBanner = `Run history is unavailable: ${err instanceof Error ? err.message : String(err)}. Runs still work.`;
        return undefined;
      },
    );
    this.run = new RunState({ observers: [this.jank], runner: runner ?? createSweepRunner(this.env, () => this.#historyReady) });
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
    void this.run.start($state.snapshot(this.form.experiment) as ExperimentConfig);
  }

  /** Resolves with the history once it is open (or undefined when it could not be). */
  historyReady(): Promise<History | undefined> {
    return this.#historyReady;
  }
}
