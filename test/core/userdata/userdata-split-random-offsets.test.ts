import { describe, expect, it } from 'vitest';
import { answerDigest } from '../../../src/core/userdata';
import { hash32, uniformBelow } from '../../../src/core/workloads/prng';
import { answerAt, generateCsv, jobOf, papaparseRows, utf8 } from './userdata-test-helpers';

// A large seeded file full of quoted line breaks, doubled quotes and multi-byte text, cut at
// seeded random offsets into 2…32 chunks merged in a seeded random order.
describe.each([
  ['LF, BOM, final newline', '\n', true, true],
  ['CRLF, no BOM, no final newline', '\r\n', false, false],
] as const)('a 20 000-record generated CSV (%s)', (_name, newline, bom, finalNewline) => {
  const text = generateCsv(7, 20_000, newline, bom, finalNewline);
  const bytes = utf8(text);
  const job = jobOf(bytes, 'csv', 'key', ['a', 'b']);
  const reference = answerAt(job, bytes);

  it('reads sequentially the same answer as papaparse', () => {
    if ('ok' in reference) throw new Error(reference.message);
    expect(reference.records).toBe(20_000);
    expect(reference.rows).toEqual(papaparseRows(new TextDecoder().decode(bytes), 'csv', newline, 'key', ['a', 'b']));
  });

  it('gives the sequential digest at 24 sets of random cuts in random merge orders', () => {
    if ('ok' in reference) throw new Error(reference.message);
    const span = bytes.length - job.dataStart;
    for (let trial = 0; trial < 24; trial++) {
      const chunks = 2 + uniformBelow(hash32(99, trial, 0), 31);
      const inner = Array.from({ length: chunks - 1 }, (_, k) => job.dataStart + uniformBelow(hash32(99, trial, 1 + k), span + 1));
      const cuts = [job.dataStart, ...inner.sort((x, y) => x - y), bytes.length];
      const order = [...Array(chunks).keys()].sort((x, y) => hash32(98, trial, x) - hash32(98, trial, y) || x - y);
      const answer = answerAt(job, bytes, cuts, order);
      if ('ok' in answer) throw new Error(`trial ${trial}: ${answer.message}`);
      expect(answerDigest(answer), `trial ${trial}, cuts ${cuts.join(' ')}`).toBe(answerDigest(reference));
      expect(answer.records).toBe(20_000);
    }
  });
});
