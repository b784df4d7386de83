/**
 * The kernel view's state: the code in the editor and where it came from, what it runs
 * over, the run options, and the last run's answers and timings. Code that arrives from a
 * link or a file is only shown: nothing runs until run() is called by the Run button.
 */

import { DEFAULT_KERNEL_SPEC, kernelFromHash, kernelHash, STARTER_KERNELS, type KernelFailure } from '../core/kernel';
import { DATA_FILE_SHIPPINGS, FORMATS, PHASES, SCHEDULINGS, SHIPPINGS, type DatasetSpec, type Format, type Phase, type Scheduling, type Shipping } from '../core/model/types';
import { median } from '../core/stats';
import { USER_FORMATS, type UserFormat } from '../core/userdata';
import { currentEnv, isAbortError, workerCap } from '../engine';
import { runKernel, type KernelRunOutcome } from '../engine/kernel-index';
import { sweepPresets } from '../core/model/sweep';
import { errorText } from '../core/view/format';
import { kernelInputFor } from './kernel-run';
import { kernelRecord, saveRun, type KernelPoint, type KernelRunFacts, type RunSaver } from './input-runs';

/** One worker count of a kernel's workers sweep: median times, and whether the answers agreed. */
export interface KernelSweepRow {
  workers: number;
  sequentialMs: number;
  parallelMs: number;
  correct: boolean;
}

export type KernelOrigin = 'starter' | 'edited' | 'link' | 'file';
export type KernelStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** One row of the timings table: a phase's median over the repetitions, per pass. */
export interface KernelPhaseRow {
  phase: Phase;
  sequentialMs: number;
  parallelMs: number;
}

/** What the last run showed. */
export interface KernelView {
  correct: boolean;
  sequentialJson: string;
  parallelJson: string;
  hash: string;
  parallelHash: string;
  explanation?: string;
  records: number;
  chunks: number;
  redone: number;
  sequentialMs: number;
  parallelMs: number;
  speedup: number;
  repetitions: { sequentialMs: number; parallelMs: number }[];
  phases: KernelPhaseRow[];
  /** What the workers took away from the code; `kept` lists what could not be removed. */
  sandboxRemoved: string[];
  sandboxKept: string[];
}

const EXTENSIONS: Record<string, UserFormat> = { csv: 'csv', tsv: 'tsv', tab: 'tsv', ndjson: 'ndjson', jsonl: 'ndjson' };

function viewOf(run: Extract<KernelRunOutcome, { ok: true }>): KernelView {
  const reps = run.repetitions.map((r) => ({ sequentialMs: r.sequential.wallMs, parallelMs: r.parallel.wallMs }));
  const sequentialMs = median(reps.map((r) => r.sequentialMs));
  const parallelMs = median(reps.map((r) => r.parallelMs));
  const view: KernelView = {
    correct: run.correct,
    sequentialJson: run.sequential.json,
    parallelJson: run.parallel.json,
    hash: run.sequential.hash,
    parallelHash: run.parallel.hash,
    records: run.records,
    chunks: run.chunks,
    redone: run.redone,
    sequentialMs,
    parallelMs,
    speedup: sequentialMs / parallelMs,
    repetitions: reps,
    phases: PHASES.map((phase) => ({
      phase,
      sequentialMs: median(run.repetitions.map((r) => r.sequential.phasesMs[phase])),
      parallelMs: median(run.repetitions.map((r) => r.parallel.phasesMs[phase])),
    })).filter((row) => row.sequentialMs > 0 || row.parallelMs > 0),
    sandboxRemoved: run.sandbox.removed,
    sandboxKept: run.sandbox.kept,
  };
  if (run.explanation) view.explanation = run.explanation;
  return view;
}

export class KernelState {
  source = $state(STARTER_KERNELS[0].source);
  origin = $state<KernelOrigin>('starter');
  /** A note on where the code came from (a link, a file) or why it could not be opened. */
  notice = $state<string | null>(null);
  starterId = $state<string | null>(STARTER_KERNELS[0].id);

  inputKind = $state<'built-in' | 'file'>('built-in');
  records = $state(DEFAULT_KERNEL_SPEC.records);
  format = $state<Format>(DEFAULT_KERNEL_SPEC.format);
  file = $state.raw<File | null>(null);
  fileFormat = $state<UserFormat>('csv');
  workers = $state(2);
  shipping = $state<Shipping>('transfer');
  scheduling = $state<Scheduling>('static');
  repetitions = $state(3);

  status = $state<KernelStatus>('idle');
  progress = $state('');
  result = $state.raw<KernelView | null>(null);
  failure = $state.raw<KernelFailure | null>(null);
  error = $state<string | null>(null);
  /** The workers sweep's rows, as they are measured; null when the last run was not a sweep. */
  sweep = $state.raw<KernelSweepRow[] | null>(null);
  /** Whether the last run was saved to History, in a sentence. */
  saved = $state<string | null>(null);
  /** Where finished runs are saved (set by the view from the app); none keeps them here only. */
  saver: RunSaver | undefined;

  readonly workerLimit = workerCap(currentEnv().hardwareConcurrency);
  readonly starters = STARTER_KERNELS;
  readonly formats = FORMATS;
  readonly fileFormats = USER_FORMATS;
  readonly schedulings = SCHEDULINGS;
  #controller: AbortController | null = null;

  /** Shippings offered: `shared` needs a SharedArrayBuffer, which isolation alone does not promise (WebKitGTK has none). */
  get shippings(): readonly Shipping[] {
    const all = this.inputKind === 'file' ? DATA_FILE_SHIPPINGS : SHIPPINGS;
    const env = currentEnv();
    return env.crossOriginIsolated && env.sharedArrayBuffer !== false ? all : all.filter((s) => s !== 'shared');
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Replaces the code with a starter kernel. */
  loadStarter(id: string): void {
    const starter = STARTER_KERNELS.find((s) => s.id === id);
    if (!starter) return;
    this.source = starter.source;
    this.starterId = id;
    this.origin = 'starter';
    this.notice = null;
  }

  /** The person typed in the editor. */
  edit(source: string): void {
    if (source === this.source) return;
    this.source = source;
    if (this.origin === 'starter') {
      this.origin = 'edited';
      this.starterId = null;
    }
  }

  /** Shows the code a link carries; it does not run. */
  openLink(hash: string): void {
    const got = kernelFromHash(hash);
    if (!got.ok) {
      this.notice = got.message;
      return;
    }
    this.source = got.source;
    this.origin = 'link';
    this.starterId = null;
    this.notice = 'This code came from a link. Read it before you press Run: it runs only then, and only in sandboxed workers.';
  }

  /** Shows the code of a .js file the person opened; it does not run. */
  async openFile(file: File): Promise<void> {
    if (file.size > 1024 * 1024) {
      this.notice = `${file.name} is ${file.size} bytes; a kernel module may be at most 1 MiB`;
      return;
    }
    this.source = await file.text();
    this.origin = 'file';
    this.starterId = null;
    this.notice = `This code came from ${file.name}. Read it before you press Run: it runs only then, and only in sandboxed workers.`;
  }

  /** A link (hash) that carries the code, or why there is none. */
  link(): { ok: true; hash: string } | { ok: false; message: string } {
    return kernelHash(this.source);
  }

  /** Uses a data file as the input; its format from the extension when known. */
  chooseFile(file: File | null): void {
    this.file = file;
    if (!file) return;
    this.inputKind = 'file';
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (EXTENSIONS[ext]) this.fileFormat = EXTENSIONS[ext];
    if (!DATA_FILE_SHIPPINGS.includes(this.shipping)) this.shipping = 'file-slice';
  }

  setInputKind(kind: 'built-in' | 'file'): void {
    this.inputKind = kind;
    if (!this.shippings.includes(this.shipping)) this.shipping = this.shippings[0];
  }

  /** Runs the code as it is now. The Run button is the only caller. */
  run(): Promise<void> {
    return this.#measure(null);
  }

  /** The workers sweep: the same code at each worker count (powers of two up to the cap), each beside its sequential pass. */
  sweepWorkers(): Promise<void> {
    return this.#measure(this.sweepWorkerCounts);
  }

  get sweepWorkerCounts(): number[] {
    return sweepPresets('workers', currentEnv())[0].values as number[];
  }

  /**
   * Runs the code once at `this.workers`, or at each count of `counts`; shows the last result
   * (or the first failure) and saves what finished, completely or up to a cancel, to History.
   */
  async #measure(counts: number[] | null): Promise<void> {
    if (this.running) return;
    this.status = 'running';
    this.result = null;
    this.failure = null;
    this.error = null;
    this.saved = null;
    this.sweep = counts ? [] : null;
    this.progress = 'Starting…';
    const controller = new AbortController();
    this.#controller = controller;
    const settings = { source: this.source, shipping: this.shipping, scheduling: this.scheduling, repetitions: this.repetitions, workers: this.workers };
    const spec: DatasetSpec = { ...DEFAULT_KERNEL_SPEC, records: this.records, format: this.format };
    const file = this.inputKind === 'file' ? this.file : null;
    const over = file ? { file, format: this.fileFormat } : { spec };
    const points: KernelPoint[] = [];
    try {
      const input = await kernelInputFor({ dataFormat: file ? this.fileFormat : null, spec }, file);
      if ('ok' in input) throw new Error(input.message);
      for (const [k, workers] of (counts ?? [settings.workers]).entries()) {
        const of = counts ? `${workers} workers: ` : '';
        const run = await runKernel({
          ...settings,
          input,
          workers,
          signal: controller.signal,
          onProgress: ({ done, total }) => (this.progress = `${of}repetition ${done} of ${total} done`),
        });
        if (!run.ok) {
          if ('failure' in run) this.failure = run.failure;
          else this.error = run.message;
          this.status = 'failed';
          break;
        }
        points.push({ coords: counts ? { workers } : {}, result: run });
        this.result = viewOf(run);
        if (counts) this.sweep = [...(this.sweep ?? []), { workers, sequentialMs: this.result.sequentialMs, parallelMs: this.result.parallelMs, correct: run.correct }];
        if (k === (counts?.length ?? 1) - 1) this.status = 'done';
      }
      await this.#save(settings, over, counts ? 'workers' : null, points, this.status === 'failed' ? 'failed' : 'complete');
    } catch (err) {
      if (isAbortError(err)) {
        this.status = 'cancelled';
        await this.#save(settings, over, counts ? 'workers' : null, points, 'cancelled');
      } else {
        this.error = errorText(err);
        this.status = 'failed';
      }
    } finally {
      this.#controller = null;
      this.progress = '';
    }
  }

  /** Saves the finished points to History; nothing when none finished or there is nowhere to save. */
  async #save(
    settings: { source: string; shipping: Shipping; scheduling: Scheduling; repetitions: number; workers: number },
    over: KernelRunFacts['over'],
    axis: 'workers' | null,
    points: KernelPoint[],
    status: 'complete' | 'cancelled' | 'failed',
  ): Promise<void> {
    if (points.length === 0 || !this.saver) return;
    try {
      const record = kernelRecord({ ...settings, warmups: 0, status, environment: this.saver.environment(), over, axis, points });
      this.saved = await saveRun(this.saver, record);
    } catch (err) {
      this.saved = `Not saved to History: ${errorText(err)}`;
    }
  }

  /** Stops a run at once: every kernel worker is terminated, however the code loops. */
  cancel(): void {
    this.#controller?.abort();
  }
}
