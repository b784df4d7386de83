/** A worker script that fails to load gives a clear error, not a hang; nothing is left alive. */
import { describe, expect, it } from 'vitest';
import { createPool, liveWorkerCount, runOnce } from '../../src/engine';
import { config } from './fixtures';

function blobWorker(source: string): () => Worker {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return () => new Worker(url, { type: 'module' });
}

describe('pool startup', () => {
  it('a script that throws at load: rejects naming the worker and the error', async () => {
    await expect(createPool({ size: 2, factory: blobWorker('throw new Error("boom at load")') })).rejects.toThrow(
      /^Worker \d failed to start: .*boom at load/,
    );
    expect(liveWorkerCount()).toBe(0);
  });

  it('a script that does not exist: rejects instead of hanging', async () => {
    const missing = () => new Worker(new URL('/no-such-worker-script.js', location.href), { type: 'module' });
    await expect(createPool({ size: 1, factory: missing, initTimeoutMs: 5000 })).rejects.toThrow(
      /^(Worker 0 failed to start|Worker pool did not start within)/,
    );
    expect(liveWorkerCount()).toBe(0);
  });

  it('a script that never signals ready: times out', async () => {
    await expect(createPool({ size: 2, factory: blobWorker('/* never ready */'), initTimeoutMs: 300 })).rejects.toThrow(
      'Worker pool did not start within 300 ms (spawn + init of 2 workers)',
    );
    expect(liveWorkerCount()).toBe(0);
  });

  it('a run on a broken factory fails cleanly, and the next run works', async () => {
    const broken = blobWorker('throw new Error("broken build")');
    await expect(runOnce(config({ seed: 5150 }), { workerFactory: broken })).rejects.toThrow(/broken build/);
    expect(liveWorkerCount()).toBe(0);
    expect((await runOnce(config({ seed: 5150 }))).correct).toBe(true);
    expect(liveWorkerCount()).toBe(0);
  });
});
