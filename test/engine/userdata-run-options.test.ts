/** runUserGroup refuses bad options before any worker starts, and a cancel leaves no worker alive. */
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/model/types';
import { makeJob, readHeader, type UserJob } from '../../src/core/userdata';
import { isAbortError, liveWorkerCount } from '../../src/engine';
import { runUserGroup } from '../../src/engine/userdata';

const bytes = new TextEncoder().encode('k,v\na,1\nb,2\na,3\n');
const file = new File([bytes], 'small.csv');

function job(): UserJob {
  const header = readHeader(bytes, 'csv', true);
  if (header === 'need-more' || !header.ok) throw new Error('header');
  const j = makeJob(header, 'k', ['v']);
  if ('ok' in j) throw new Error(j.message);
  return j;
}

afterAll(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('runUserGroup options', () => {
  it('refuses a generated-data shipping, a bad worker count and cuts that do not cover the data', async () => {
    const env = { hardwareConcurrency: 2, crossOriginIsolated: true };
    const refused = async (opts: Parameters<typeof runUserGroup>[2]) => {
      try {
        await runUserGroup(file, job(), opts);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).message;
      }
      throw new Error('not refused');
    };
    expect(await refused({ workers: 2, shipping: 'copy', env })).toBe(
      `shipping must be one of 'file-slice', 'shared' for a data file (got "copy")`,
    );
    expect(await refused({ workers: 0, shipping: 'file-slice', env })).toBe('workers must be an integer from 1 to 8 (got 0)');
    expect(await refused({ workers: 2, shipping: 'file-slice', env, cuts: [0, bytes.length] })).toBe(
      `cuts must be non-decreasing byte offsets from 4 (the first data byte) to ${bytes.length} (the file size) (got "0,${bytes.length}")`,
    );
    expect(liveWorkerCount()).toBe(0);
  });

  it('rejects with an AbortError when cancelled, and terminates its workers', async () => {
    const controller = new AbortController();
    const run = runUserGroup(file, job(), { workers: 2, shipping: 'file-slice', signal: controller.signal });
    controller.abort();
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAbortError(error)).toBe(true);
    expect(liveWorkerCount()).toBe(0);
  });
});
