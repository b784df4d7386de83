/** Measuring a user's file: reference first, interleaved repetitions with phases, every digest checked; cancel stops the pool. */
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, PHASES } from '../../src/core/model/types';
import { generateCsvFile } from '../../src/bench/data-csv';
import { finishAnswer, groupInMemory, makeJob, readHeader, readHeaderFromReader, type UserJob } from '../../src/core/userdata';
import { isAbortError, liveWorkerCount } from '../../src/engine';
import { measureUserGroup } from '../../src/engine/userdata-measure';
import { generateCsv } from '../core/userdata/userdata-test-helpers';

const bytes = new TextEncoder().encode(generateCsv(5, 20_000, '\n', false, true));
const file = new File([bytes], 'gen.csv');

function job(): UserJob {
  const header = readHeader(bytes, 'csv', true);
  if (header === 'need-more' || !header.ok) throw new Error('header');
  const j = makeJob(header, 'key', ['a', 'b']);
  if ('ok' in j) throw new Error(j.message);
  return j;
}

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('measureUserGroup', () => {
  it('measures sequential and parallel passes, all giving the sequential answer', async () => {
    const progress: [number, number][] = [];
    const m = await measureUserGroup(file, job(), { workers: 2, shipping: 'file-slice', repetitions: 3, warmups: 1, onProgress: (p) => progress.push([p.done, p.total]) });
    if (!m.ok) throw new Error(m.message);
    expect(m.correct).toBe(true);
    expect(m.sequential).toHaveLength(3);
    expect(m.parallel).toHaveLength(3);
    // Every read answered in time: no pass was read again another way.
    expect([...m.sequential, ...m.parallel].map((p) => p.stalledReads)).toEqual([0, 0, 0, 0, 0, 0]);
    const expected = groupInMemory(job(), bytes);
    if ('ok' in expected) throw new Error(expected.message);
    expect(m.answer.rows).toEqual(finishAnswer(job(), expected).rows);
    expect(progress[0]).toEqual([0, 9]);
    expect(progress.at(-1)).toEqual([9, 9]);
    for (const s of m.parallel) {
      expect(s.correct).toBe(true);
      expect(s.chunks).toBe(2);
      expect(s.recordsPerWorker.reduce((a, b) => a + b, 0)).toBe(20_000);
      const sum = PHASES.reduce((a, p) => a + s.phasesMs[p], 0);
      expect(sum).toBeGreaterThan(0);
      expect(sum).toBeLessThanOrEqual(s.wallMs + 1e-6);
      expect(s.phasesMs.compute).toBeGreaterThan(0);
    }
    for (const s of m.sequential) expect(s.chunks).toBe(1);
    expect(m.spawnMs).toBeGreaterThan(0);
  });

  it('schedules dynamically: more chunks than workers, each on the next free worker, the same answer', async () => {
    const { file: big, records } = generateCsvFile(4_000_000, 1_000_000);
    const header = await readHeaderFromReader('csv', big.size, async (a, b) => new Uint8Array(await big.slice(a, b).arrayBuffer()));
    if (!header.ok) throw new Error(header.message);
    const j = makeJob(header, 'city', ['amount', 'qty']);
    if ('ok' in j) throw new Error(j.message);
    const m = await measureUserGroup(big, j, { workers: 2, shipping: 'file-slice', scheduling: 'dynamic', repetitions: 2, warmups: 0 });
    if (!m.ok) throw new Error(m.message);
    expect(m.correct).toBe(true);
    expect(m.answer.records).toBe(records);
    for (const s of m.parallel) {
      expect(s.chunks).toBe(Math.floor((big.size - j.dataStart) / (1024 * 1024)));
      expect(s.chunks).toBeGreaterThan(2);
      expect(s.recordsPerWorker.reduce((a, b) => a + b, 0)).toBe(records);
      expect(s.recordsPerWorker.every((r) => r > 0)).toBe(true);
    }
  });

  it('measures the page\'s own pass (main) beside them when asked, with the same answer', async () => {
    const progress: number[] = [];
    const m = await measureUserGroup(file, job(), { workers: 2, shipping: 'file-slice', repetitions: 2, warmups: 0, mainThread: true, onProgress: (p) => progress.push(p.total) });
    if (!m.ok) throw new Error(m.message);
    expect(progress.at(-1)).toBe(1 + 3 * 2);
    expect(m.main).toHaveLength(2);
    expect(m.correct).toBe(true);
    for (const s of m.main) {
      expect(s.correct).toBe(true);
      expect(s.phasesMs.compute).toBeGreaterThan(0);
      expect(s.chunks).toBe(1);
    }
  });

  it('returns the file problem before measuring anything', async () => {
    const bad = new TextEncoder().encode('k,v\na,1\nb,x\n');
    const header = readHeader(bad, 'csv', true);
    if (header === 'need-more' || !header.ok) throw new Error('header');
    const j = makeJob(header, 'k', ['v']);
    if ('ok' in j) throw new Error(j.message);
    const m = await measureUserGroup(new File([bad], 'bad.csv'), j, { workers: 2, shipping: 'file-slice', repetitions: 2 });
    expect(m).toMatchObject({ ok: false, code: 'not-numeric', line: 3, row: 2, column: 'v' });
  });

  it('refuses bad repetitions and stops at once on cancel', async () => {
    await expect(measureUserGroup(file, job(), { workers: 2, shipping: 'file-slice', repetitions: 0 })).rejects.toBeInstanceOf(ConfigError);
    await expect(
      measureUserGroup(file, job(), { workers: 2, shipping: 'file-slice', repetitions: 1, scheduling: 'random' as 'static' }),
    ).rejects.toThrow(`scheduling must be one of 'static', 'dynamic' (got "random")`);
    const controller = new AbortController();
    const run = measureUserGroup(file, job(), {
      workers: 2,
      shipping: 'file-slice',
      repetitions: 50,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 2) controller.abort();
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAbortError(error)).toBe(true);
    expect(liveWorkerCount()).toBe(0);
  });
});
