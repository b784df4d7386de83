/**
 * One run over a user's data file, as the headless experiment runner (and later the data
 * view) asks for it: read the header, pick the columns, group on the pool, and hand back
 * plain data — the answer CSV, the digests and where a problem is.
 */

import { answerCsv, makeJob, readHeaderFromReader, type DataRunRequest, type DataRunResponse } from '../core/userdata';
import { runUserGroup } from '../engine/userdata';

/** Groups `file` as requested on a fresh pool; the file is read only through slices. */
export async function runDataFile(file: Blob, request: DataRunRequest): Promise<DataRunResponse> {
  const read = async (a: number, b: number) => new Uint8Array(await file.slice(a, b).arrayBuffer());
  const header = await readHeaderFromReader(request.format, file.size, read);
  if (!header.ok) return header;
  const job = makeJob(header, request.groupBy, request.aggregate);
  if ('ok' in job) return job;
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
  };
  if (run.message !== undefined) response.message = run.message;
  return response;
}
