/**
 * Runs over a person's file (Your data) or kernel (Your code) as stored runs: what the
 * engine measured becomes an ordinary RunRecord (core/experiment/input-record.ts), saved to
 * History like any run, so its samples reach the CSV, the comparison and the charts.
 */

import { inputBase, inputExperiment, inputRepetitions, type InputMeasurement, type InputPass } from '../core/experiment/input-record';
import { newRunRecord, type RunRecord } from '../core/io/run-record';
import type { Environment } from '../core/model/environment';
import type { DataFileFormat, RunInput } from '../core/model/run-input';
import type { DatasetSpec, RunStatus, Scheduling, Shipping, SweepAxis, SweepParam } from '../core/model/types';
import { hashText } from '../core/userdata';
import type { KernelRunResult } from '../engine/kernel';
import type { UserMeasurement } from '../engine/userdata-measure';
import type { History } from '../storage';

/** Where a finished run is saved, and the environment it records. */
export interface RunSaver {
  history(): Promise<History | undefined>;
  environment(): Environment;
}

/** Saves a record; the sentence the view shows either way. */
export async function saveRun(saver: RunSaver | undefined, record: RunRecord): Promise<string> {
  const history = await saver?.history();
  if (!history) return 'Not saved: run history is unavailable in this page.';
  const created = await history.create(record);
  return created.ok ? `Saved to History as “${record.label}”.` : `Not saved to History: ${created.message}`;
}

/** How a run of either kind was made. */
interface InputRunSettings {
  workers: number;
  shipping: Shipping;
  scheduling: Scheduling;
  warmups: number;
  repetitions: number;
  status: Extract<RunStatus, 'complete' | 'cancelled' | 'failed'>;
  environment: Environment;
  now?: Date;
}

function sweepOf(param: SweepParam | null, points: readonly InputMeasurement[], alsoMain: boolean): SweepAxis[] {
  const sweep: SweepAxis[] = [];
  if (param) sweep.push({ param, values: [...new Set(points.map((p) => p.coords[param]!))] });
  if (alsoMain) sweep.push({ param: 'strategy', values: ['pool', 'main'] });
  return sweep;
}

function stamped(record: RunRecord, repetitions: RunRecord['repetitions'], status: RunRecord['status']): RunRecord {
  record.repetitions = repetitions;
  record.status = status;
  return record;
}

/** One measured point of a data-file run: its swept value (none, `records` or `workers`) and the measurement. */
export interface DataFilePoint {
  coords: Partial<Record<'records' | 'workers', number>>;
  measurement: UserMeasurement;
}

export interface DataFileRunFacts extends InputRunSettings {
  file: { name: string; size: number };
  format: DataFileFormat;
  job: 'group' | 'parse';
  groupBy?: string;
  aggregate: string[];
  /** The page's own pass was measured too (a strategy axis pool / main). */
  mainThread: boolean;
  axis: 'records' | 'workers' | null;
  /** In the order measured; at least one. */
  points: readonly DataFilePoint[];
}

/** A data-file run as a stored run. */
export function dataFileRecord(f: DataFileRunFacts): RunRecord {
  const input: RunInput = {
    kind: 'data-file',
    file: { name: f.file.name, bytes: f.file.size, format: f.format },
    job: f.job,
    ...(f.job === 'group' && f.groupBy !== undefined ? { groupBy: f.groupBy } : {}),
    aggregate: [...f.aggregate],
  };
  const largest = f.points.reduce((a, b) => (b.measurement.answer.records >= a.measurement.answer.records ? b : a));
  const base = inputBase(input, {
    records: largest.measurement.answer.records,
    keys: largest.measurement.answer.rows.length,
    workers: f.workers,
    shipping: f.shipping,
    scheduling: f.scheduling,
  });
  const measurements: InputMeasurement[] = f.points.map((p) => ({
    coords: p.coords,
    passes: [...p.measurement.sequential, ...p.measurement.parallel, ...p.measurement.main],
  }));
  const experiment = inputExperiment(base, sweepOf(f.axis, measurements, f.mainThread), f.warmups, f.repetitions);
  const what = f.job === 'group' && f.groupBy !== undefined ? `group by ${f.groupBy}` : 'parse';
  const how = f.axis === 'workers' ? 'workers sweep' : f.axis === 'records' ? 'records sweep' : `${f.workers} workers`;
  const label = `Your data: ${f.file.name} — ${what}, ${how}`;
  const record = newRunRecord({ label, experiment, environment: f.environment, input, ...(f.now ? { now: f.now } : {}) });
  return stamped(record, inputRepetitions(experiment, measurements), f.status);
}

/** One measured point of a kernel run: its worker count (a sweep) or none, and the engine's result. */
export interface KernelPoint {
  coords: Partial<Record<'workers', number>>;
  result: KernelRunResult;
}

export interface KernelRunFacts extends InputRunSettings {
  source: string;
  /** The file the kernel read, or the built-in dataset it ran over. */
  over: { file: { name: string; size: number }; format: DataFileFormat } | { spec: DatasetSpec };
  axis: 'workers' | null;
  points: readonly KernelPoint[];
}

/**
 * A pass of a kernel run. Its digest is the hash of its canonical answer (a kernel's answer
 * is whatever finish() returns); the sequential pass of each repetition is the reference.
 */
function kernelPasses(result: KernelRunResult): InputPass[] {
  const reference = result.repetitions[0]?.sequential.answerHash;
  return result.repetitions.flatMap(({ sequential, parallel }) =>
    (
      [
        ['sequential', sequential, sequential.answerHash === reference],
        ['parallel', parallel, parallel.answerHash === sequential.answerHash],
      ] as const
    ).map(([role, t, correct]) => ({
      role,
      wallMs: t.wallMs,
      phasesMs: t.phasesMs,
      recordsPerWorker: t.recordsPerWorker,
      digest: { records: t.records, checksum: t.answerHash, tableHash: t.answerHash },
      correct,
      startedAtMs: t.startedAtMs,
      spans: t.spans,
    })),
  );
}

/** A kernel run as a stored run. */
export function kernelRecord(f: KernelRunFacts): RunRecord {
  const file = 'file' in f.over ? { name: f.over.file.name, bytes: f.over.file.size, format: f.over.format } : undefined;
  const input: RunInput = { kind: 'kernel', source: f.source, sourceHash: hashText(f.source), ...(file ? { file } : {}) };
  const first = f.points[0].result;
  const base = inputBase(input, {
    records: first.records,
    keys: 1,
    workers: f.workers,
    shipping: f.shipping,
    scheduling: f.scheduling,
    ...('spec' in f.over ? { dataset: f.over.spec } : {}),
  });
  const measurements: InputMeasurement[] = f.points.map((p) => ({ coords: p.coords, passes: kernelPasses(p.result) }));
  const experiment = inputExperiment(base, sweepOf(f.axis, measurements, false), f.warmups, f.repetitions);
  const over = file ? file.name : `${first.records.toLocaleString('en-US')} built-in records`;
  const label = `Your code ${input.sourceHash.slice(0, 8)} over ${over}, ${f.axis === 'workers' ? 'workers sweep' : `${f.workers} workers`}`;
  const record = newRunRecord({ label, experiment, environment: f.environment, input, ...(f.now ? { now: f.now } : {}) });
  return stamped(record, inputRepetitions(experiment, measurements), f.status);
}
