/**
 * "Your data": a file a person drops or picks, its preview, the columns chosen, and
 * measured runs of the group or parse job over it on the engine's pool (the whole file, or
 * the records sweep over its prefixes). The page reads only the
 * file's first bytes (the preview and the header); with `file-slice` the workers read
 * the rest themselves. Nothing is stored: a run's answer and timings live here until the
 * next file or run.
 */

import { ConfigError, DATA_FILE_SHIPPINGS, SCHEDULINGS, type Scheduling, type Shipping } from '../core/model/types';
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
import { downloadText, exportFilename } from '../storage';
import { isAbortError, workerCap, type RunEnv } from '../engine';
import { measureUserGroup, MAX_USER_REPETITIONS } from '../engine/userdata-measure';

/** Bytes read for the preview, doubled while the header line is longer (up to PREVIEW_MAX_BYTES). */
const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_MAX_BYTES = 16 * 1024 * 1024;
/** Rows the preview shows. */
export const PREVIEW_ROWS = 10;

export type DataRunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

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
  /** The records sweep's rows, smallest prefix first, as they are measured. */
  sweepRows = $state<PrefixRow[] | undefined>();
  /** The last run's full answer, for its CSV. */
  private answer: UserAnswer | undefined;
  private controller: AbortController | undefined;

  constructor(private readonly env: RunEnv) {
    this.workers = Math.min(2, this.maxWorkers);
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
    return this.measuring(async (file, job, measure) => {
      const m = await measure(file, 0, 1);
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
    return this.measuring(async (file, job, measure) => {
      const targets = prefixTargets(job, file.size);
      const rows: PrefixRow[] = [];
      for (const [i, target] of targets.entries()) {
        const reader = blobReader(file); // window by window into one buffer: the page never holds the prefix
        const end = await prefixEnd(job, file.size, target, reader.read).finally(() => reader.close());
        const prefix = end >= file.size ? file : file.slice(0, end);
        const m = await measure(prefix, i, targets.length);
        if (!m.ok) return m.message;
        if (end >= file.size) this.answer = m.answer;
        rows.push(prefixRow(dataRunView({ ...m, fileBytes: prefix.size, workers: this.workers }), prefix.size));
        this.sweepRows = [...rows];
      }
      return undefined;
    });
  }

  /**
   * Runs `body` as one run: reads the header, makes the job, and gives `body` a measuring
   * function (the k-th of n measurements reports its progress as part of the whole); a
   * problem `body` returns, or any error, fails the run; a cancel ends it quietly.
   */
  private async measuring(
    body: (file: File, job: UserJob, measure: (blob: Blob, k: number, n: number) => ReturnType<typeof measureUserGroup>) => Promise<string | undefined>,
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
    const controller = new AbortController();
    this.controller = controller;
    try {
      const read = async (a: number, b: number) => new Uint8Array(await file.slice(a, b).arrayBuffer());
      const header = await readHeaderFromReader(format, file.size, read);
      const job = header.ok ? makeJob(header, this.job === 'group' ? this.groupBy : undefined, this.aggregate) : header;
      if ('ok' in job) return this.fail(`This file cannot be read: ${job.message}.`);
      const measure = (blob: Blob, k: number, n: number) =>
        measureUserGroup(blob, job, {
          workers: this.workers,
          shipping: this.shipping,
          scheduling: this.scheduling,
          repetitions: this.repetitions,
          mainThread: this.mainThread,
          signal: controller.signal,
          env: this.env,
          onProgress: (done, total) => {
            this.done = k * total + done;
            this.total = n * total;
          },
        });
      const problem = await body(file, job, measure);
      if (problem !== undefined) return this.fail(`This file cannot be read: ${problem}.`);
      this.status = 'done';
    } catch (e) {
      if (isAbortError(e) || controller.signal.aborted) this.status = 'cancelled';
      else this.fail(e instanceof ConfigError || e instanceof Error ? e.message : String(e));
    } finally {
      if (this.controller === controller) this.controller = undefined;
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
