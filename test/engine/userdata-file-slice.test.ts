/** A user's CSV file grouped on 2 workers that each read their own File.slice(): the sequential answer. */
import { afterAll, describe, expect, it } from 'vitest';
import { finishAnswer, groupInMemory, makeJob, readHeaderFromReader, type UserJob } from '../../src/core/userdata';
import { liveWorkerCount } from '../../src/engine';
import { runUserGroup } from '../../src/engine/userdata';
import { generateCsv } from '../core/userdata/userdata-test-helpers';

async function jobFor(file: File, groupBy: string, aggregate: string[]): Promise<UserJob> {
  const header = await readHeaderFromReader('csv', file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()));
  if (!header.ok) throw new Error(header.message);
  const job = makeJob(header, groupBy, aggregate);
  if ('ok' in job) throw new Error(job.message);
  return job;
}

function expectedRows(bytes: Uint8Array, job: UserJob): string[][] {
  const partial = groupInMemory(job, bytes);
  if ('ok' in partial) throw new Error(partial.message);
  return finishAnswer(job, partial).rows;
}

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('file-slice on 2 workers', () => {
  it('groups a generated 5 000-record CSV to the sequential answer', async () => {
    const bytes = new TextEncoder().encode(generateCsv(11, 5000, '\r\n', true, false));
    const file = new File([bytes], 'data.csv', { type: 'text/csv' });
    const job = await jobFor(file, 'key', ['a', 'b']);
    const run = await runUserGroup(file, job, { workers: 2, shipping: 'file-slice' });
    if (!run.ok) throw new Error(run.message);
    expect(run.correct).toBe(true);
    expect(run.digest).toEqual(run.reference);
    expect(run.answer.records).toBe(5000);
    expect(run.answer.rows).toEqual(expectedRows(bytes, job));
    expect(run.recordsPerWorker.reduce((x, y) => x + y, 0)).toBe(5000);
    expect(run.recordsPerWorker.every((r) => r > 0)).toBe(true);
  });

  it('parses again the chunk whose cut falls inside a quoted line break, and still answers right', async () => {
    const text = 'city,note,amount\r\n"Zürich, CH","said ""hi""",1.25\r\n日本,"line1\r\nline2",-2.5\r\n🙂,"a\nb",0.125\r\n日本,,7';
    const bytes = new TextEncoder().encode(text);
    const file = new File([bytes], 'tricky.csv');
    const job = await jobFor(file, 'city', ['amount']);
    const inside = new TextEncoder().encode(text.slice(0, text.indexOf('line2'))).length; // a cut between line1 and line2
    expect(new TextDecoder().decode(bytes.subarray(inside, inside + 5))).toBe('line2');
    const run = await runUserGroup(file, job, { workers: 2, shipping: 'file-slice', cuts: [job.dataStart, inside, bytes.length] });
    if (!run.ok) throw new Error(run.message);
    expect(run.redone).toBe(1);
    expect(run.correct).toBe(true);
    expect(run.answer.rows).toEqual([
      ['Zürich, CH', '1', '1.250', '1.250', '1.250'],
      ['日本', '2', '4.500', '-2.500', '7.000'],
      ['🙂', '1', '0.125', '0.125', '0.125'],
    ]);
  });

  it('reports a malformed file as a value naming its line and byte', async () => {
    const bytes = new TextEncoder().encode('k,v\na,1\nb,2,3\n');
    const file = new File([bytes], 'bad.csv');
    const job = await jobFor(file, 'k', ['v']);
    const run = await runUserGroup(file, job, { workers: 2, shipping: 'file-slice' });
    expect(run).toMatchObject({ ok: false, code: 'field-count', line: 3, byteOffset: 8, row: 2 });
  });
});
