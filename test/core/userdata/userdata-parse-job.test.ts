/** The parse job: every record read and checked, the columns totalled in one row, the same for every split. */
import { describe, expect, it } from 'vitest';
import { ALL_RECORDS, finishAnswer, groupInMemory, makeJob, NO_GROUP, readHeader, type UserJob } from '../../../src/core/userdata';
import { generateCsv, utf8 } from './userdata-test-helpers';

function parseJob(bytes: Uint8Array, format: 'csv' | 'ndjson', aggregate: string[]): UserJob {
  const header = readHeader(bytes, format, true);
  if (header === 'need-more' || !header.ok) throw new Error('header');
  const job = makeJob(header, undefined, aggregate);
  if ('ok' in job) throw new Error(job.message);
  return job;
}

describe('the parse job', () => {
  it('totals every record in one row, equal to the grouped rows summed, at any cuts', () => {
    const bytes = utf8(generateCsv(21, 400, '\r\n', true, false));
    const job = parseJob(bytes, 'csv', ['a']);
    expect(job.groupBy).toBe(NO_GROUP);
    const whole = groupInMemory(job, bytes);
    if ('ok' in whole) throw new Error(whole.message);
    const answer = finishAnswer(job, whole);
    expect(answer.key).toBe(ALL_RECORDS);
    expect(answer.rows).toHaveLength(1);
    expect(answer.rows[0].slice(0, 2)).toEqual(['', '400']);

    const header = readHeader(bytes, 'csv', true);
    if (header === 'need-more' || !header.ok) throw new Error('header');
    const grouped = makeJob(header, 'key', ['a']);
    if ('ok' in grouped) throw new Error(grouped.message);
    const g = groupInMemory(grouped, bytes);
    if ('ok' in g) throw new Error(g.message);
    const rows = finishAnswer(grouped, g).rows;
    const count = rows.reduce((s, r) => s + Number(r[1]), 0);
    expect(count).toBe(400);
    // Exact sums: the parse total equals the grouped sums added exactly (all at the same scale).
    const scale = (answer.rows[0][2].split('.')[1] ?? '').length;
    const asInt = (t: string) => BigInt(t.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'));
    expect(rows.every((r) => (r[2].split('.')[1] ?? '').length === scale)).toBe(true);
    expect(rows.reduce((s, r) => s + asInt(r[2]), 0n)).toBe(asInt(answer.rows[0][2]));

    for (let k = 0; k < 30; k++) {
      const a = job.dataStart + Math.floor(((bytes.length - job.dataStart) * k) / 30);
      const b = Math.min(bytes.length, a + 97);
      const cut = groupInMemory(job, bytes, [job.dataStart, a, b, bytes.length]);
      if ('ok' in cut) throw new Error(cut.message);
      expect(finishAnswer(job, cut).rows, `cuts at ${a}, ${b}`).toEqual(answer.rows);
    }
  });

  it('still names a bad record, and reads NDJSON', () => {
    const bad = utf8('k,v\na,1\nb,2,3\n');
    expect(groupInMemory(parseJob(bad, 'csv', ['v']), bad)).toMatchObject({ ok: false, code: 'field-count', line: 3, row: 2 });
    const nd = utf8('{"k":"a","v":1.5}\n{"k":"b","v":2}\n{"v":-1}\n');
    const job = parseJob(nd, 'ndjson', ['v']);
    const p = groupInMemory(job, nd);
    if ('ok' in p) throw new Error(p.message);
    expect(finishAnswer(job, p).rows).toEqual([['', '3', '2.5', '-1.0', '2.0']]);
  });
});
