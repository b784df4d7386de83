import { describe, expect, it } from 'vitest';
import { cannotRun } from '../../src/node/bench/engines';
import { FIGURES } from '../../src/node/bench/figures';

const spec = (id: string) => FIGURES.find((f) => f.id === id)!;

describe('which figures can run in which engine', () => {
  it('runs every figure in Chromium with shared memory', () => {
    expect(FIGURES.filter((f) => cannotRun(f, 'chromium', { sharedMemory: true }) !== undefined)).toEqual([]);
  });

  it('says why the Atomics figures cannot run without SharedArrayBuffer', () => {
    expect(cannotRun(spec('small-tasks'), 'webkit', { sharedMemory: false })).toBe(
      "no SharedArrayBuffer in this engine's page, which the Atomics path its target is judged on needs",
    );
    expect(cannotRun(spec('batch-overhead'), 'webkit', { sharedMemory: false })).toMatch(/Atomics queue/);
    expect(cannotRun(spec('small-tasks'), 'firefox', { sharedMemory: true })).toBeUndefined();
  });

  it('keeps the figures driven through Chromium’s own machinery to Chromium, and says so', () => {
    expect(cannotRun(spec('memory-10m'), 'firefox', { sharedMemory: true })).toMatch(/^Chromium only: .*Chrome DevTools Protocol/);
    expect(cannotRun(spec('ui-interactive'), 'webkit', { sharedMemory: false })).toMatch(/^Chromium only: /);
    expect(cannotRun(spec('initial-js'), 'webkit', { sharedMemory: false })).toBeUndefined();
    expect(cannotRun(spec('group-vs-hand'), 'webkit', { sharedMemory: false })).toBeUndefined();
  });
});
