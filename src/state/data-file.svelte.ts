/**
 * "Your data": a file a person drops or picks, its preview, the columns chosen, and
 * measured runs of the group or parse job over it on the engine's pool (the whole file, or
 * the records sweep over its prefixes). The page reads only the
 * file's first bytes (the preview and the header); with `file-slice` the workers read
 * the rest themselves. A finished (or cancelled) run's timings are saved to History like any
 * run (never the file itself: its name, size and the columns chosen); the answer lives here
 * until the next file or run.
 */

import { DATA_FILE_SHIPPINGS, SCHEDULINGS, type Scheduling, type Shipping } from '../core/model/types';
import {
  answerCsv,
  blobReader,
  dataRunView,
  formatFromName,
  makeJob,
  prefixEnd,
  prefixRow,
  prefixTargets,
  previewFile,
  readHeaderFromReader,
  USER_FORMATS,
  type DataIssue,
  type DataRunView,
  type PrefixRow,
  type UserAnswer,
  type UserJob,
  type UserFormat,
  type UserPreview,
} from '../core/userdata';
import { sweepPresets } from '../core/model/sweep';
import { errorText } from '../core/view/format';
import { downloadText, exportFilename } from '../storage';
import { isAbortError, workerCap, type RunEnv } from '../engine';
import { measureUserGroup, MAX_USER_REPETITIONS, type UserMeasurement } from '../engine/userdata-measure';
import { dataFileRecord, saveRun, type DataFilePoint, type RunSaver } from './input-runs';

/** Unmeasured rounds before a measurement's repetitions (measureUserGroup's default). */
const WARMUPS = 1;

/** Bytes read for the preview, doubled while the header line is longer (up to PREVIEW_MAX_BYTES). */
const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_MAX_BYTES = 16 * 1024 * 1024;
/** Rows the preview shows. */
export const PREVIEW_ROWS = 10;

export type DataRunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * Measures `blob` as the k-th of n measurements of a run, at the swept coordinates `at`
 * (for a prefix, computed from its record count once it is known).
 */
type Measure = (
  blob: Blob,
  k: number,
  n: number,
  at: Partial<Record<'workers' | 'records', number>> | ((records: number) => Partial<Record<'records', number>>),
) => Promise<UserMeasurement | DataIssue>;

export class DataFileState {
  file = $state<File | undefined>();
  format = $state<UserFormat | undefined>();
  preview = $state<UserPreview | undefined>();
  /** What is wrong with the file or the choices, as a person should read it. */
  problem = $state<string | undefined>();
  /** `group`: one row per key; `parse`: every record read and checked, the columns totalled in one row. */
  job = $state<'group' | 'parse'>('group');
  groupBy = $state('');
  aggregate = $state<string[]>([]);
  workers = $state(2);
  shipping = $state<Shipping>('file-slice');
  scheduling = $state<Scheduling>('static');
  repetitions = $state(5);
  /** Also measure the file read and grouped on the page itself (the `main` strategy). */
  mainThread = $state(false);

  status = $state<DataRunStatus>('idle');
  done = $state(0);
  total = $state(0);
  view = $state<DataRunView | undefined>();
  /** The records or workers sweep's rows, in the order measured. */
  sweepRows = $state<PrefixRow[] | undefined>();
  /** What the rows vary: prefixes of the file, or the worker count over the whole file. */
  sweepAxis = $state<'records' | 'workers'>('records');
  /** Whether the last run was saved to History, in a sentence. */
  saved = $state<string | undefined>();
  /** The last run's full answer, for its CSV. */
  private answer: UserAnswer | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly env: RunEnv,
    /** Where finished runs are saved; none (tests of the view alone) keeps them here only. */
    private readonly saver?: RunSaver,
  ) {
    this.workers = Math.min(2, this.maxWorkers);
  }

  /** Worker counts of the workers sweep: powers of two up to this machine's cap. */
  get sweepWorkerCounts(): number[] {
    return sweepPresets('workers', this.env)[0].values as number[];
  }

  get maxWorkers(): number {
    return workerCap(this.env.hardwareConcurrency);
  }

  /** Shippings offered, with the reason one is not. */
  get shippings(): { value: Shipping; disabled?: string }[] {
    return DATA_FILE_SHIPPINGS.map((value) =>
      value === 'shared' && !(this.env.crossOriginIsolated && this.env.sharedArrayBuffer !== false)
        ? { value, disabled: 'needs SharedArrayBuffer (a cross-origin isolated page)' }
        : { value },
    );
  }

  get schedulings(): readonly Scheduling[] {
    return SCHEDULINGS;
  }

  get formats(): readonly UserFormat[] {
    return USER_FORMATS;
  }

  /** Columns that may be aggregated: numbers in every preview row. */
  get numericColumns(): string[] {
    const p = this.preview;
    if (!p) return [];
    return p.header.columns.filter((_, i) => p.types[i] !== 'text');
  }

  get running(): boolean {
    return this.status === 'running';
  }

  get canRun(): boolean {
    const keyOk = this.job === 'parse' || this.groupBy !== '';
    const settingsOk = this.workersProblem === undefined && this.repetitionsProblem === undefined;
    return this.preview !== undefined && this.problem === undefined && keyOk && settingsOk && !this.running;
  }

  /** A new file: the format from its extension (none for another extension: the person chooses), then the preview. */
  async pick(file: File): Promise<void> {
    this.cancel();
    this.file = file;
    this.format = formatFromName(file.name);
    this.view = undefined;
    this.sweepRows = undefined;
    this.answer = undefined;
    this.status = 'idle';
    await this.loadPreview();
  }

  /** The format chosen by hand (a file whose extension says nothing, or says wrong). */
  async setFormat(format: UserFormat): Promise<void> {
    this.format = format;
    await this.loadPreview();
  }

  private async loadPreview(): Promise<void> {
    const file = this.file;
    this.preview = undefined;
    this.problem = undefined;
    if (!file) return;
    const format = this.format;
    if (!format) {
      this.problem = `"${file.name}" does not end in .csv, .tsv, .tab, .ndjson or .jsonl: choose its format.`;
      return;
    }
    let result: UserPreview | DataIssue | 'need-more' = 'need-more';
    for (let bytes = PREVIEW_BYTES; result === 'need-more' && bytes <= PREVIEW_MAX_BYTES; bytes *= 2) {
      const end = Math.min(file.size, bytes);
      const head = new Uint8Array(await file.slice(0, end).arrayBuffer());
      result = previewFile(head, format, end >= file.size, PREVIEW_ROWS);
      if (end >= file.size) break;
    }
    if (file !== this.file || format !== this.format) return; // another file or format was chosen meanwhile
    if (result === 'need-more') {
      this.problem = `The header line is longer than ${PREVIEW_MAX_BYTES / (1024 * 1024)} MB: is this really a ${format.toUpperCase()} file?`;
      return;
    }
    if (!result.ok) {
      this.problem = `This file cannot be read: ${result.message}.`;
      return;
    }
    this.preview = result;
    const columns = result.header.columns;
    const text = columns.find((_, i) => result.types[i] === 'text');
    this.groupBy = text ?? columns[0];
    this.aggregate = this.numericColumns.filter((c) => c !== this.groupBy);
  }

  toggleAggregate(column: string, on: boolean): void {
    const rest = this.aggregate.filter((c) => c !== column);
    const order = this.preview?.header.columns ?? [];
    this.aggregate = on ? order.filter((c) => c === column || rest.includes(c)) : rest;
  }

  /** Measures the group job over the whole file: the sequential reference, warm-ups, repetitions. */
  run(): Promise<void> {
    return this.measuring(null, async (file, job, measure) => {
      const m = await measure(file, 0, 1, {});
      if (!m.ok) return m.message;
      this.answer = m.answer;
      this.view = dataRunView({ ...m, fileBytes: file.size, workers: this.workers });
      return undefined;
    });
  }

  /**
   * The records sweep: the same measurement over prefixes of the file (PREFIX_FRACTIONS of
   * its data, each ending on a record boundary), smallest first, so the table shows from
   * which size parallel parsing pays on this machine.
   */
  sweep(): Promise<void> {
    this.sweepAxis = 'records';
    return this.measuring('records', async (file, job, measure) => {
      const targets = prefixTargets(job, file.size);
      const rows: PrefixRow[] = [];
      for (const [i, target] of targets.entries()) {
        const reader = blobReader(file); // window by window into one buffer: the page never holds the prefix
        const end = await prefixEnd(job, file.size, target, reader.read).finally(() => reader.close());
        const prefix = end >= file.size ? file : file.slice(0, end);
        const m = await measure(prefix, i, targets.length, (records) => ({ records }));
        if (!m.ok) return m.message;
        if (end >= file.size) this.answer = m.answer;
        rows.push(prefixRow(dataRunView({ ...m, fileBytes: prefix.size, workers: this.workers }), prefix.size));
        this.sweepRows = [...rows];
      }
      return undefined;
    });
  }

  /**
   * The workers sweep: the whole file at each worker count (sweepWorkerCounts), each beside
   * its sequential baseline, so the table and the stored run show how the speedup grows —
   * or stops growing — with workers on this machine.
   */
  sweepWorkers(): Promise<void> {
    this.sweepAxis = 'workers';
    return this.measuring('workers', async (file, job, measure) => {
      const counts = this.sweepWorkerCounts;
      const rows: PrefixRow[] = [];
      for (const [i, workers] of counts.entries()) {
        const m = await measure(file, i, counts.length, { workers });
        if (!m.ok) return m.message;
        this.answer = m.answer;
        rows.push(prefixRow(dataRunView({ ...m, fileBytes: file.size, workers }), file.size));
        this.sweepRows = [...rows];
      }
      return undefined;
    });
  }

  /**
   * Runs `body` as one run: reads the header, makes the job, and gives `body` a measuring
   * function (the k-th of n measurements reports its progress as part of the whole, at the
   * swept coordinates given, or computed from the measured record count); a problem `body`
   * returns, or any error, fails the run; a cancel ends it quietly. Whatever was measured,
   * completely or up to a cancel, is saved to History.
   */
  private async measuring(
    axis: 'records' | 'workers' | null,
    body: (file: File, job: UserJob, measure: Measure) => Promise<string | undefined>,
  ): Promise<void> {
    const file = this.file;
    const format = this.format;
    if (!this.canRun || !file || !format) return;
    this.status = 'running';
    this.problem = undefined;
    this.view = undefined;
    this.sweepRows = undefined;
    this.done = 0;
    this.total = 0;
    this.saved = undefined;
    const controller = new AbortController();
    this.controller = controller;
    const points: DataFilePoint[] = [];
    const settings = { workers: this.workers, shipping: this.shipping, scheduling: this.scheduling, repetitions: this.repetitions, mainThread: this.mainThread };
    try {
      const read = async (a: number, b: number) => new Uint8Array(await file.slice(a, b).arrayBuffer());
      const header = await readHeaderFromReader(format, file.size, read);
      const job = header.ok ? makeJob(header, this.job === 'group' ? this.groupBy : undefined, this.aggregate) : header;
      if ('ok' in job) return this.fail(`This file cannot be read: ${job.message}.`);
      const measure: Measure = async (blob, k, n, at) => {
        const workers = typeof at === 'function' ? settings.workers : (at.workers ?? settings.workers);
        const m = await measureUserGroup(blob, job, {
          ...settings,
          workers,
          warmups: WARMUPS,
          signal: controller.signal,
          env: this.env,
          onProgress: ({ done, total }) => {
            this.done = k * total + done;
            this.total = n * total;
          },
        });
        if (m.ok) points.push({ coords: typeof at === 'function' ? at(m.answer.records) : at, measurement: m });
        return m;
      };
      const problem = await body(file, job, measure);
      if (problem !== undefined) return this.fail(`This file cannot be read: ${problem}.`);
      this.status = 'done';
      await this.save(file, format, axis, settings, points, 'complete');
    } catch (e) {
      if (isAbortError(e) || controller.signal.aborted) {
        this.status = 'cancelled';
        await this.save(file, format, axis, settings, points, 'cancelled');
      } else this.fail(errorText(e));
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Saves what was measured to History (nothing when no point finished). */
  private async save(
    file: File,
    format: UserFormat,
    axis: 'records' | 'workers' | null,
    settings: { workers: number; shipping: Shipping; scheduling: Scheduling; repetitions: number; mainThread: boolean },
    points: DataFilePoint[],
    status: 'complete' | 'cancelled',
  ): Promise<void> {
    if (points.length === 0 || !this.saver) return;
    try {
      const record = dataFileRecord({
        ...settings,
        warmups: WARMUPS,
        status,
        environment: this.saver.environment(),
        file,
        format,
        job: this.job,
        ...(this.job === 'group' ? { groupBy: this.groupBy } : {}),
        aggregate: this.aggregate,
        axis,
        points,
      });
      this.saved = await saveRun(this.saver, record);
    } catch (e) {
      this.saved = `Not saved to History: ${errorText(e)}`;
    }
  }

  private fail(message: string): void {
    this.problem = message;
    this.view = undefined;
    this.sweepRows = undefined;
    this.status = 'failed';
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** The whole answer as CSV (the command line's --answer file), after a run. */
  answerCsv(): string | undefined {
    return this.answer ? answerCsv(this.answer) : undefined;
  }

  /** Offers the whole answer as a CSV download. */
  downloadAnswer(save: (filename: string, text: string, mime: string) => void = downloadText): void {
    const csv = this.answerCsv();
    if (csv !== undefined) save(exportFilename('answer', 'csv'), csv, 'text/csv');
  }

  get workersProblem(): string | undefined {
    const w = this.workers;
    return Number.isInteger(w) && w >= 1 && w <= this.maxWorkers ? undefined : `workers must be an integer from 1 to ${this.maxWorkers}`;
  }

  get repetitionsProblem(): string | undefined {
    const r = this.repetitions;
    return Number.isInteger(r) && r >= 1 && r <= MAX_USER_REPETITIONS ? undefined : `repetitions must be an integer from 1 to ${MAX_USER_REPETITIONS}`;
  }
}
