/**
 * The `data-csv` figure's page side: a generated CSV file grouped by the engine (one worker
 * reading the whole file, then two workers one chunk each, both `file-slice`) and by
 * papaparse streaming the same File in a worker of its own, the same columns totalled with
 * the same exact decimals, the answers' digests compared every trial.
 */

import { withDeadline } from '../core/experiment/deadline';
import { makeJob, planCuts, readHeaderFromReader, STALLED_READ_MS, type UserJob } from '../core/userdata';
import { defaultWorkerFactory, WorkerPool } from '../engine';
import { groupPass, userChunkSource, type UserPassContext } from '../engine/userdata';
import { rotate, sameDigest, Series, sharedNow, trialLoop, type JobOptions, type JobResult } from './harness';
import type { PapaReply, PapaRequest } from './papaparse.worker';

/** The city keys the generated file uses. */
export const DATA_CSV_KEYS: readonly string[] = ['Zürich, CH', 'Tokyo', 'Lyon', 'São Paulo', 'Oslo', 'Nairobi', 'Lima', '東京', 'Québec', 'Accra', 'Perth', 'Kyiv'];

/**
 * A CSV File of about `totalBytes` built from parts of about `partBytes` (never one big
 * string): columns city (quoted, some holding a comma), note (a quoted line break now and
 * then), amount (a decimal with up to 2 places), qty (an integer). Seeded: the same bytes
 * every time.
 */
export function generateCsvFile(totalBytes: number, partBytes: number): { file: File; records: number } {
  const encoder = new TextEncoder();
  const parts: BlobPart[] = ['city,note,amount,qty\n'];
  let records = 0;
  let bytes = 0;
  let x = 0x9e3779b9;
  while (bytes < totalBytes) {
    const lines: string[] = [];
    let size = 0;
    const target = Math.min(partBytes, totalBytes - bytes);
    while (size < target) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const key = DATA_CSV_KEYS[(x >>> 8) % DATA_CSV_KEYS.length];
      const note = x % 97 === 0 ? '"two\nlines"' : `n${x % 1000}`;
      const line = `"${key}",${note},${((x >>> 4) % 100000) / 100},${x % 7}\n`;
      lines.push(line);
      size += line.length;
    }
    const part = encoder.encode(lines.join(''));
    parts.push(new Blob([part])); // into the browser's blob store now: the page never holds the whole file
    records += lines.length;
    bytes += part.length;
  }
  return { file: new File(parts, 'generated.csv', { type: 'text/csv' }), records };
}

async function jobFor(file: File): Promise<UserJob> {
  const header = await readHeaderFromReader('csv', file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()));
  if (!header.ok) throw new Error(`data-csv: ${header.message}`);
  const job = makeJob(header, 'city', ['amount', 'qty']);
  if ('ok' in job) throw new Error(`data-csv: ${job.message}`);
  return job;
}

/** papaparse in its own module worker: one request, one reply. */
function papaWorker(): { run(req: PapaRequest): Promise<Extract<PapaReply, { ok: true }>>; terminate(): void } {
  const worker = new Worker(new URL('./papaparse.worker.ts', import.meta.url), { type: 'module', name: 'bench-papaparse' });
  return {
    run: (req) =>
      new Promise((resolve, reject) => {
        worker.onmessage = (ev: MessageEvent<PapaReply>) => (ev.data.ok ? resolve(ev.data) : reject(new Error(`papaparse worker: ${ev.data.message}`)));
        worker.onerror = (ev) => reject(new Error(`papaparse worker failed: ${ev.message}`));
        worker.postMessage(req);
      }),
    terminate: () => worker.terminate(),
  };
}

/** A pass takes 1–6 s here; one still unanswered after this long is stuck, not slow. */
const PASS_DEADLINE_MS = 60_000;

export async function dataCsvJob(o: JobOptions): Promise<JobResult> {
  const totalBytes = o.smoke ? 4_000_000 : 100_000_000;
  const { file, records } = generateCsvFile(totalBytes, 8_000_000);
  const job = await jobFor(file);
  const pool = await WorkerPool.create({ size: 2, factory: defaultWorkerFactory, clock: sharedNow });
  const papa = papaWorker();
  const s = new Series();
  let stalledReads = 0;
  try {
    const ctx: UserPassContext = { pool, file, job, source: await userChunkSource(file, 'file-slice', undefined, pool), clock: sharedNow };
    const whole = [job.dataStart, file.size];
    const halves = planCuts(job.dataStart, file.size, 2);
    await trialLoop(o, 'data-csv', async (t, flip) => {
      const ms: Record<string, number> = {};
      const digests: Record<string, Awaited<ReturnType<typeof papa.run>>['digest']> = {};
      for (const side of rotate(['sequential', 'parallel', 'papaparse'], (t + o.warmups) * 2 + (flip ? 1 : 0))) {
        const t0 = performance.now();
        // A pass that never answers fails the figure saying which, instead of the whole job timing out in silence.
        const late = `data-csv: the ${side} pass of ${t < 0 ? `warm-up ${t + o.warmups + 1}` : `trial ${t + 1}`} gave no answer within ${PASS_DEADLINE_MS / 1000} s`;
        if (side === 'papaparse') {
          digests[side] = (await withDeadline(papa.run({ file, job }), PASS_DEADLINE_MS, late)).digest;
        } else {
          const pass = await withDeadline(groupPass(ctx, side === 'sequential' ? whole : halves), PASS_DEADLINE_MS, late);
          if ('code' in pass) throw new Error(`data-csv: ${pass.message}`);
          digests[side] = pass.digest;
          stalledReads += pass.stalledReads;
        }
        ms[side] = performance.now() - t0;
      }
      sameDigest('data-csv papaparse', digests.sequential, digests.papaparse);
      sameDigest('data-csv 2 workers', digests.sequential, digests.parallel);
      if (digests.sequential.records !== records) throw new Error(`data-csv: ${digests.sequential.records} records read, ${records} written`);
      if (t < 0) return;
      s.push('engine', records / (ms.sequential / 1000));
      s.push('reference', records / (ms.papaparse / 1000));
      s.push('ratio', ms.papaparse / ms.sequential);
      s.push('parallel', records / (ms.parallel / 1000));
      s.push('speedup2w', ms.sequential / ms.parallel);
      s.push('engineMBps', file.size / 1e6 / (ms.sequential / 1000));
      s.push('papaparseMBps', file.size / 1e6 / (ms.papaparse / 1000));
    });
  } finally {
    pool.terminate();
    papa.terminate();
  }
  return {
    series: s.data,
    notes: [
      `${(file.size / 1e6).toFixed(1)} MB, ${records} records, 12 keys, 2 aggregated columns`,
      ...(stalledReads > 0
        ? [`${stalledReads} engine file read${stalledReads === 1 ? '' : 's'} stalled (a window not there after ${STALLED_READ_MS / 1000} s) and ${stalledReads === 1 ? 'was' : 'were'} read again with slice(): ${stalledReads === 1 ? 'its trial includes' : 'their trials include'} the wait`]
        : []),
    ],
    info: { bytes: file.size, records, stalledReads },
  };
}
