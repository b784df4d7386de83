/**
 * One run over a user's data file, as the headless experiment runner asks for it: read the
 * header, pick the columns, group on the pool (once, or measured with repetitions as the
 * data view measures), and hand back plain data — the answer CSV, the digests, where a
 * problem is and, when measured, the stored run.
 */

import { answerCsv, makeJob, readHeaderFromReader, totalStalls, type DataRunRequest, type DataRunResponse } from '../core/userdata';
import { runUserGroup } from '../engine/userdata';
import { measureUserGroup } from '../engine/userdata-measure';
import { captureEnvironment } from '../engine/environment';
import { median } from '../core/stats';
import type { UserJob } from '../core/userdata';
import { dataFileRecord } from './input-runs';

const WARMUPS = 1;

/** The measured run: medians of the parallel passes, and the stored run of every pass. */
async function measureDataFile(file: Blob, job: UserJob, request: DataRunRequest, repetitions: number): Promise<DataRunResponse> {
  const m = await measureUserGroup(file, job, { workers: request.workers, shipping: request.shipping, scheduling: 'static', repetitions, warmups: WARMUPS });
  if (!m.ok) return m;
  const record = dataFileRecord({
    file: { name: file instanceof File ? file.name : 'data', size: file.size },
    format: request.format,
    job: 'group',
    groupBy: request.groupBy,
    aggregate: request.aggregate,
    workers: request.workers,
    shipping: request.shipping,
    scheduling: 'static',
    mainThread: false,
    warmups: WARMUPS,
    repetitions,
    axis: null,
    status: 'complete',
    environment: captureEnvironment(),
    points: [{ coords: {}, measurement: m }],
  });
  const last = m.parallel[m.parallel.length - 1];
  const response: DataRunResponse = {
    ok: true,
    answerCsv: answerCsv(m.answer),
    records: m.answer.records,
    keys: m.answer.rows.length,
    correct: m.correct,
    digest: last.digest,
    reference: m.reference,
    wallMs: median(m.parallel.map((p) => p.wallMs)),
    chunks: Math.max(...m.parallel.map((p) => p.chunks)),
    redone: Math.max(...m.parallel.map((p) => p.redone)),
    stalledReads: totalStalls([...m.sequential, ...m.parallel, ...m.main]),
    record,
  };
  if (m.message !== undefined) response.message = m.message;
  return response;
}

/** Groups `file` as requested on a fresh pool; the file is read only through slices. */
export async function runDataFile(file: Blob, request: DataRunRequest): Promise<DataRunResponse> {
  const read = async (a: number, b: number) => new Uint8Array(await file.slice(a, b).arrayBuffer());
  const header = await readHeaderFromReader(request.format, file.size, read);
  if (!header.ok) return header;
  const job = makeJob(header, request.groupBy, request.aggregate);
  if ('ok' in job) return job;
  if (request.repetitions !== undefined) return measureDataFile(file, job, request, request.repetitions);
  const run = await runUserGroup(file, job, { workers: request.workers, shipping: request.shipping });
  if (!run.ok) return run;
  const response: DataRunResponse = {
    ok: true,
    answerCsv: answerCsv(run.answer),
    records: run.answer.records,
    keys: run.answer.rows.length,
    correct: run.correct,
    digest: run.digest,
    reference: run.reference,
    wallMs: run.wallMs,
    chunks: run.chunks,
    redone: run.redone,
    stalledReads: run.stalledReads,
  };
  if (run.message !== undefined) response.message = run.message;
  return response;
}
