/**
 * The `data-csv` figure's reference: papaparse streaming a File in a worker, every row
 * grouped with the same exact decimals the engine uses, so both must give the same answer
 * digest.
 *
 * Not papaparse's own File reading: it decodes each 10 MiB slice with FileReader.readAsText
 * on its own, so a slice boundary inside a multi-byte UTF-8 character turns it into two
 * U+FFFD and the key is wrong (measured on the figure's 100 MB file: 1 of its 9 boundaries
 * falls inside a character; same record count, different answer). The file is streamed
 * through one TextDecoder instead and handed to papaparse's stream reader.
 */

import Papa from 'papaparse';
import { emptyPartial, finishAnswer, userDigest, type UserJob } from '../core/userdata';
import { readDecimalText, scratch } from '../core/userdata/decimal';
import { addValue, groupFor } from '../core/userdata/partial';
import type { Digest } from '../core/model/types';
import { errorText } from '../core/view/format';

export interface PapaRequest {
  file: File;
  job: UserJob;
}

export type PapaReply = { ok: true; digest: Digest } | { ok: false; message: string };

/** What papaparse's stream reader needs of a Node readable: `on`/`removeListener` for data, end and error. */
type Handler = (value?: unknown) => void;

/** `file` decoded as one UTF-8 stream (characters split across chunks decode whole), shaped as a Node readable for papaparse. */
function decodedStream(file: File) {
  const handlers = new Map<string, Handler[]>();
  const emit = (event: string, value?: unknown) => (handlers.get(event) ?? []).slice().forEach((h) => h(value));
  let started = false;
  const pump = async () => {
    try {
      const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        emit('data', value); // papaparse parses it before the next read: the stream's own backpressure
      }
      emit('end');
    } catch (err) {
      emit('error', err);
    }
  };
  const stream = {
    readable: true,
    read: () => null,
    pause: () => {},
    resume: () => {},
    on(event: string, h: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), h]);
      // The first read resolves after papaparse has attached all three listeners (same task).
      if (!started) {
        started = true;
        void pump();
      }
      return stream;
    },
    removeListener(event: string, h: Handler) {
      handlers.set(event, (handlers.get(event) ?? []).filter((x) => x !== h));
      return stream;
    },
  };
  return stream;
}

function group(req: PapaRequest): Promise<Digest> {
  const { file, job } = req;
  const partial = emptyPartial();
  const width = job.aggregate.length;
  let header = true;
  return new Promise((resolve, reject) => {
    // papaparse's typings know Node streams only by Node's types; the object has what its stream reader uses.
    (Papa.parse as (input: unknown, config: Papa.ParseLocalConfig<string[], File>) => void)(decodedStream(file), {
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
    (err: unknown) => self.postMessage({ ok: false, message: errorText(err) } satisfies PapaReply),
  );
};
