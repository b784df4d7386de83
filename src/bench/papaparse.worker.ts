/**
 * The `data-csv` figure's reference: papaparse streaming a File in a worker (its own
 * chunked reading, 10 MB at a time by default), every row grouped with the same exact
 * decimals the engine uses, so both must give the same answer digest.
 */

import Papa from 'papaparse';
import { emptyPartial, finishAnswer, userDigest, type UserJob } from '../core/userdata';
import { readDecimalText, scratch } from '../core/userdata/decimal';
import { addValue, groupFor } from '../core/userdata/partial';
import type { Digest } from '../core/model/types';

export interface PapaRequest {
  file: File;
  job: UserJob;
}

export type PapaReply = { ok: true; digest: Digest } | { ok: false; message: string };

function group(req: PapaRequest): Promise<Digest> {
  const { file, job } = req;
  const partial = emptyPartial();
  const width = job.aggregate.length;
  let header = true;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, {
      delimiter: ',',
      skipEmptyLines: true,
      chunk: (results) => {
        for (const row of results.data) {
          if (header) {
            header = false;
            continue;
          }
          const g = groupFor(partial, row[job.groupBy], width);
          for (let c = 0; c < width; c++) {
            const read = readDecimalText(row[job.aggregate[c]]);
            if (read === 'ok') addValue(g.columns[c], scratch);
            else if (read !== 'empty') throw new Error(`"${row[job.aggregate[c]]}" is not a number`);
          }
          g.count++;
          partial.records++;
        }
      },
      complete: () => resolve(userDigest(finishAnswer(job, partial))),
      error: (err) => reject(err),
    });
  });
}

self.onmessage = (ev: MessageEvent<PapaRequest>) => {
  group(ev.data).then(
    (digest) => self.postMessage({ ok: true, digest } satisfies PapaReply),
    (err: unknown) => self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies PapaReply),
  );
};
