import { describe, expect, it } from 'vitest';
import {
  combineChunks,
  entryStates,
  finishAnswer,
  parseChunkFromReader,
  type ChunkResult,
  type DataIssue,
  type UserAnswer,
  type UserFormat,
} from '../../../src/core/userdata';
import { answerAt, generateCsv, jobOf, utf8 } from './userdata-test-helpers';

/** The file read chunk by chunk through a slice reader with tiny windows, guesses fixed up as a pool would. */
async function answerThroughReader(
  bytes: Uint8Array,
  format: UserFormat,
  groupBy: string,
  aggregate: string[],
  cuts: number[],
  windowBytes: number,
): Promise<UserAnswer | DataIssue> {
  const job = jobOf(bytes, format, groupBy, aggregate);
  let reads = 0;
  const read = (a: number, b: number) => {
    reads++;
    expect(b - a).toBeLessThanOrEqual(Math.max(1, windowBytes));
    return bytes.slice(a, b);
  };
  const results: ChunkResult[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    results.push(await parseChunkFromReader(job, bytes.length, cuts[k], cuts[k + 1], false, read, windowBytes));
  }
  const states = entryStates(results);
  for (const [k, r] of results.entries()) {
    if (r.enteredInQuotes !== states[k]) {
      results[k] = await parseChunkFromReader(job, bytes.length, r.start, r.end, states[k], read, windowBytes);
    }
  }
  expect(reads).toBeGreaterThan(0);
  const total = combineChunks(job, results);
  return 'ok' in total ? total : finishAnswer(job, total);
}

const TRICKY = '\ufeffcity,note,amount\r\n"Zürich, CH","said ""hi""",1.25\r\n日本,"line1\r\nline2",-2.5\r\n🙂,"a\nb",0.125\r\n日本,,7';

describe('a chunk read window by window from a file that stays on disk', () => {
  it('gives the in-memory answer for every cut and window sizes of 1 to 7 bytes', async () => {
    const bytes = utf8(TRICKY);
    const job = jobOf(bytes, 'csv', 'city', ['amount']);
    const reference = answerAt(job, bytes);
    for (const windowBytes of [1, 2, 3, 7]) {
      for (let cut = job.dataStart; cut <= bytes.length; cut++) {
        const got = await answerThroughReader(bytes, 'csv', 'city', ['amount'], [job.dataStart, cut, bytes.length], windowBytes);
        expect(got, `window ${windowBytes}, cut ${cut}`).toEqual(reference);
      }
    }
  });

  it('reports the same problem as the in-memory parse', async () => {
    const bytes = utf8('k,v\n"a\nb",1\nc,1x\nd,2\n');
    const job = jobOf(bytes, 'csv', 'k', ['v']);
    const reference = answerAt(job, bytes);
    expect(reference).toMatchObject({ code: 'not-numeric', line: 4 });
    for (let cut = job.dataStart; cut <= bytes.length; cut++) {
      expect(await answerThroughReader(bytes, 'csv', 'k', ['v'], [job.dataStart, cut, bytes.length], 3)).toEqual(reference);
    }
  });

  it('reads a generated 2 000-record file in 5 chunks with 97-byte windows, and NDJSON', async () => {
    const bytes = utf8(generateCsv(3, 2000, '\n', false, true));
    const job = jobOf(bytes, 'csv', 'key', ['a', 'b']);
    const span = bytes.length - job.dataStart;
    const cuts = [0, 1, 2, 3, 4, 5].map((k) => job.dataStart + Math.floor((span * k) / 5));
    expect(await answerThroughReader(bytes, 'csv', 'key', ['a', 'b'], cuts, 97)).toEqual(answerAt(job, bytes));
    const nd = utf8('{"k":"x","v":1}\n{"k":"y","v":"2.5"}\n{"k":"x","v":-3}\n');
    const ndJob = jobOf(nd, 'ndjson', 'k', ['v']);
    expect(await answerThroughReader(nd, 'ndjson', 'k', ['v'], [0, 20, nd.length], 4)).toEqual(answerAt(ndJob, nd));
  });
});
