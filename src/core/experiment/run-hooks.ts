/**
 * The one vocabulary between whatever runs an experiment and whatever watches it: the sweep
 * runner (engine), the run-and-record glue and the Run button's state all speak it. Names
 * start with `on…`; a failure comes back as a value (`RunOutcome`), never as a throw the
 * caller has to catch.
 */
import type { ExperimentAnalysis } from './analysis';
import type { RunPlan } from './plan';
import type { ResultsView } from '../view/chart-data';
import type { RunRecord } from '../io/run-record';
import type { RunStatus } from '../model/types';

/** How far a run has got. */
export interface SweepProgress {
  /** Runs finished (warm-ups and measured repetitions, baselines included). */
  done: number;
  total: number;
  /** Estimated ms to finish, from the measured duration of each configuration; null before any run ends. */
  etaMs: number | null;
  /** What runs next (or ran last when done === total). */
  label: string;
}

/** What a run publishes after a repetition: the analysis so far, its view models, the plan and the record. */
export interface RunUpdate {
  view: ResultsView;
  analysis: ExperimentAnalysis;
  plan: RunPlan;
  record: RunRecord;
}

/** An update that carries at least the view models (a test's runner may publish only those). */
export type ViewUpdate = Pick<RunUpdate, 'view'> & Partial<Omit<RunUpdate, 'view'>>;

/**
 * What a runner is told to report to. `U` is what its updates carry: a full RunUpdate from the
 * run-and-record glue, at least the view (ViewUpdate) for the Run button's state.
 */
export interface RunHooks<U extends ViewUpdate = RunUpdate> {
  /** Aborted when the person cancels; the runner stops and terminates its workers. */
  signal?: AbortSignal;
  /** Finished runs out of the total, with the runner's own ETA when it has one. */
  onProgress?: (progress: SweepProgress) => void;
  /**
   * Replaces what the results show; called after repetitions (at most every few hundred ms)
   * and once at the end. A returned promise is awaited before the run measures on (it resolves
   * once the charts are drawn), so no drawing lands inside a measured repetition.
   */
  onUpdate?: (update: U) => void | Promise<void>;
  /** A storage problem that did not stop the run (e.g. quota exceeded): the run goes on in memory. */
  onStorageWarning?: (message: string) => void;
}

/** How a run ended: its status, and for a failure the message to show. */
export type RunOutcome =
  | { status: Exclude<RunStatus, 'failed'>; error?: undefined }
  | { status: 'failed'; error: string };
