import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../src/node/bench/figures';
import { judge } from '../../src/node/bench/report';

describe('a figure without a target', () => {
  it('is reported as context, judged on nothing, with the reason its target is gone', () => {
    const group = FIGURES.find((f) => f.id === 'group')!;
    const r = judge(group, { series: { engine: [2e7, 3e7, 4e7], reference: [1e7, 1e7, 1e7], ratio: [2, 3, 4] }, notes: [], info: {} }, 5);
    expect(r.status).toBe('context');
    expect(r.target).toBeUndefined();
    expect(r.judged).toBe(3);
    expect(r.verdict).toMatch(/^CONTEXT — 3\.00× \(no target: the former ≥ 10× target is withdrawn/);
  });

  it('leaves the new figures their targets', () => {
    const targets = Object.fromEntries(FIGURES.filter((f) => f.target).map((f) => [f.id, f.target!.text]));
    expect(targets['group-vs-hand']).toBe('≥ 0.9× hand-written');
    expect(targets['small-tasks']).toBe('≥ 10× workerpool');
    expect(targets['small-batch-1k']).toBe('≤ 1.2× raw');
    expect(targets['cold-break-even']).toBe('≤ 1.2× raw');
    expect(targets.workerpool).toBeUndefined();
  });
});
