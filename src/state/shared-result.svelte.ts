/**
 * A result shared from another machine, opened from a `#share=` link or a share file: decoded
 * strictly (a bad link is a message; nothing is stored or run), shown read-only, and "Run this on my
 * machine": the same experiment through the playground's own form and RunState, then the
 * comparison of the two runs with the differences that make it unfair flagged.
 */
import { compareRuns, type RunComparison } from '../core/experiment/compare';
import { fairnessFlags, type FairnessFlag } from '../core/experiment/compare-fairness';
import type { ResultsView } from '../core/view/chart-data';
import type { TableModel } from '../core/view/table';
import { cloneExperiment } from '../core/model/config';
import { decodeShare, type ShareResult, type SharedResult } from '../core/io/share-link';
import { sharedAsRecord, sharedPointsTable } from '../core/io/shared-record';
import type { RunRecord } from '../core/io/run-record';
import { downloadBlob } from '../storage';
import type { ExperimentForm } from './experiment-form.svelte';
import { resultsOf } from './history-view.svelte';
import type { RunState } from './run.svelte';

export interface SharedResultDeps {
  form: ExperimentForm;
  run: RunState;
}

/** What the link holds, once read. */
export interface OpenedShare {
  shared: SharedResult;
  /** The shared result as a record (never stored), for the charts and the comparison. */
  record: RunRecord;
  view: ResultsView;
  table: TableModel;
}

export class SharedResultState {
  /** The result, or undefined when the link could not be read (then `error` says why). */
  readonly opened: OpenedShare | undefined;
  readonly error: string | undefined;
  /** The comparison with the run made here, once it has finished. */
  comparison = $state.raw<RunComparison | null>(null);
  /** Differences between the two machines that make `comparison` unfair. */
  flags = $state.raw<FairnessFlag[]>([]);
  /** Why "Run this on my machine" could not run or compare, when it could not. */
  problem = $state<string | undefined>(undefined);
  /** The run made here, once finished. */
  #mine: RunRecord | null = null;
  readonly #deps: SharedResultDeps;

  /** `source`: a link's `#share=…` fragment, or a shared result already read from a file. */
  constructor(source: string | SharedResult, deps: SharedResultDeps) {
    this.#deps = deps;
    const decoded: ShareResult = typeof source === 'string' ? decodeShare(source) : { ok: true, value: source };
    if (!decoded.ok) {
      this.opened = undefined;
      this.error = decoded.message;
      return;
    }
    const record = sharedAsRecord(decoded.value);
    this.opened = { shared: decoded.value, record, view: resultsOf(record), table: sharedPointsTable(decoded.value) };
    this.error = undefined;
  }

  /**
   * Runs the shared experiment here, through the playground's form (so its limits for this
   * machine apply) and RunState (so the run is measured and stored like any other), then
   * compares: the shared run before, this machine's after.
   */
  async runHere(): Promise<void> {
    const opened = this.opened;
    const { form, run } = this.#deps;
    if (!opened || run.running) return;
    this.problem = undefined;
    this.comparison = null;
    form.load(cloneExperiment(opened.shared.experiment));
    if (!form.canRun) {
      const why = Object.entries(form.errors).map(([field, message]) => `${field}: ${message}`);
      this.problem = `This experiment cannot run on this machine as shared: ${why.join('; ')}.`;
      return;
    }
    await run.start(cloneExperiment(opened.shared.experiment));
    const mine = run.published?.record;
    if (!mine || mine.repetitions.length === 0) {
      this.problem = `The run here ended ${run.status}${run.error ? `: ${run.error}` : ''} with nothing to compare.`;
      return;
    }
    if (run.status !== 'complete') this.problem = `The run here ended ${run.status}: the comparison uses what finished.`;
    this.#mine = mine;
    this.#compare(opened.record, mine);
  }

  /** Swaps before and after. */
  swap(): void {
    const c = this.comparison;
    if (!c || !this.opened || !this.#mine) return;
    const sharedFirst = c.before.id === this.opened.record.id;
    if (sharedFirst) this.#compare(this.#mine, this.opened.record);
    else this.#compare(this.opened.record, this.#mine);
  }

  #compare(before: RunRecord, after: RunRecord): void {
    const shared = this.opened?.record.id;
    // Say which side ran where: the run labels alone may be the same.
    const named = (r: RunRecord): RunRecord => ({
      ...r,
      label: `${r.label || 'Untitled run'} (${r.id === shared ? 'shared, another machine' : 'this machine'})`,
    });
    this.comparison = compareRuns(named(before), named(after));
    this.flags = fairnessFlags(before, after);
  }

  /** Closes the comparison (back to the shared result). */
  closeComparison(): void {
    this.comparison = null;
    this.flags = [];
  }

  /** Saves a chart as PNG. */
  saveBlob(filename: string, blob: Blob): void {
    downloadBlob(filename, blob);
  }
}
