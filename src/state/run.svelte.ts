/**
 * The state of the current run: status, progress with ETA, results (as view models) and
 * errors. The sweep runner is plugged in through `connect`; until then `start` reports
 * "engine not connected" instead of pretending to run anything.
 */
import type { RunHooks, RunOutcome, RunUpdate, ViewUpdate } from '../core/experiment/run-hooks';
import type { ResultsView } from '../core/view/chart-data';
import type { MachineNoise } from '../core/stats';
import type { ExperimentConfig, RunStatus } from '../core/model/types';
import { uiWorkSettled } from './ui-work';
import { errorText } from '../core/view/format';

/** What a runner can publish beside the view models: the analysis (lessons judge it) and the record. */
export type PublishedRun = Pick<RunUpdate, 'analysis' | 'record'>;

/**
 * What a sweep runner receives besides the experiment: the shared run hooks, every one given,
 * with a signal that is aborted when the person cancels.
 */
export type RunStateHooks = Required<RunHooks<ViewUpdate>>;

/**
 * A sweep runner: resolves with how the run ended, a failure as a value with its message.
 * A throw (a bug in the runner, or an AbortError) still ends the run: 'failed' with the
 * error's message, or 'cancelled' after a cancel.
 */
export type SweepRunner = (experiment: ExperimentConfig, hooks: RunStateHooks) => Promise<RunOutcome>;

/** Anything with start/stop, e.g. the JankMeter, run alongside each run. */
export interface RunObserver {
  start(): void;
  stop(): void;
}

export type RunPhaseView = 'idle' | RunStatus;

export const ENGINE_NOT_CONNECTED =
  'Engine not connected: this build has no sweep runner wired to the Run button yet, so nothing was run.';

export class RunState {
  status = $state<RunPhaseView>('idle');
  done = $state(0);
  total = $state(0);
  /** Estimated ms until the run finishes; undefined until the first run completes. */
  etaMs = $state<number | undefined>(undefined);
  /** The message of a failed run. */
  error = $state<string | undefined>(undefined);
  /** What the results area shows; replaced whole, never mutated. Null: nothing run yet. */
  results = $state.raw<ResultsView | null>(null);
  /** The experiment being (or last) run, as it was when Run was pressed. */
  experiment = $state.raw<ExperimentConfig | null>(null);
  /** The analysis and stored record behind `results`, when the runner publishes them. */
  published = $state.raw<PublishedRun | null>(null);
  /** A storage warning raised during the run (the run itself went on). */
  warning = $state<string | undefined>(undefined);
  /** The busy-machine check made just before the run started; undefined without a check. */
  noise = $state.raw<MachineNoise | undefined>(undefined);

  readonly running: boolean = $derived(this.status === 'running');

  #runner: SweepRunner | undefined;
  #abort: AbortController | undefined;
  readonly #now: () => number;
  readonly #observers: RunObserver[];
  readonly #noiseCheck: ((repetitions: number) => MachineNoise) | undefined;

  constructor(
    options: {
      runner?: SweepRunner;
      now?: () => number;
      observers?: RunObserver[];
      /** Calibrates the machine's noise before each run (stats.checkMachineNoise); none when absent. */
      noiseCheck?: (repetitions: number) => MachineNoise;
    } = {},
  ) {
    this.#runner = options.runner;
    this.#now = options.now ?? (() => performance.now());
    this.#observers = options.observers ?? [];
    this.#noiseCheck = options.noiseCheck;
  }

  /** Sets the sweep runner that `start` calls: the engine and storage in the app, a fake in view tests. */
  connect(runner: SweepRunner): void {
    this.#runner = runner;
  }

  get connected(): boolean {
    return this.#runner !== undefined;
  }

  /**
   * Runs an experiment (a plain snapshot, not a reactive proxy) through the runner, with
   * progress, results and the end state published as they come. Resolves when the run ends;
   * never throws: a failure is its `error`.
   */
  async start(experiment: ExperimentConfig): Promise<void> {
    if (this.running) return;
    this.experiment = experiment;
    this.error = undefined;
    this.done = 0;
    this.total = 0;
    this.etaMs = undefined;
    const runner = this.#runner;
    if (!runner) {
      this.status = 'failed';
      this.error = ENGINE_NOT_CONNECTED;
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.results = null;
    this.published = null;
    this.warning = undefined;
    // Before anything runs, so the spin loop meets the machine as the experiment will.
    this.noise = this.#noiseCheck?.(experiment.repetitions);
    this.status = 'running';
    const startedAt = this.#now();
    for (const o of this.#observers) o.start();
    const hooks: RunStateHooks = {
      signal: abort.signal,
      onProgress: ({ done, total, etaMs }) => {
        if (this.#abort !== abort) return;
        this.done = done;
        this.total = total;
        const elapsed = this.#now() - startedAt;
        this.etaMs =
          typeof etaMs === 'number' ? etaMs : done > 0 && total >= done ? (elapsed / done) * (total - done) : undefined;
      },
      onUpdate: ({ view, analysis, record }) => {
        if (this.#abort !== abort) return;
        this.results = view;
        if (analysis && record) this.published = { analysis, record };
        return uiWorkSettled();
      },
      onStorageWarning: (message) => {
        if (this.#abort === abort) this.warning = message;
      },
    };
    try {
      const outcome = await runner(experiment, hooks);
      if (abort.signal.aborted) this.status = 'cancelled';
      else {
        this.status = outcome.status;
        if (outcome.status === 'failed') this.error = outcome.error;
      }
    } catch (err) {
      if (abort.signal.aborted || (err instanceof Error && err.name === 'AbortError')) {
        this.status = 'cancelled';
      } else {
        this.status = 'failed';
        this.error = errorText(err);
      }
    } finally {
      for (const o of this.#observers) o.stop();
      if (this.#abort === abort) this.#abort = undefined;
      this.etaMs = undefined;
    }
  }

  /** Cancels the running experiment: aborts the runner's signal, which terminates its workers. */
  cancel(): void {
    this.#abort?.abort();
  }
}
