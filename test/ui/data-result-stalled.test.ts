/** The data view's result says when the browser stopped delivering the file and those bytes were read again. */
import { afterEach, describe, expect, it } from 'vitest';
import DataResult from '../../src/ui/data/DataResult.svelte';
import { dataRunView, type PassTiming, type UserAnswer } from '../../src/core/userdata';
import { PHASES, type Phase } from '../../src/core/model/types';
import { render } from './helpers';

const phases = (compute: number): Record<Phase, number> => ({ ...(Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>), compute });
const answer: UserAnswer = { key: 'city', aggregates: ['amount'], numericKeys: false, rows: [['a', '2', '3', '1', '2']], records: 2 };

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function shown(stalls: number[]): HTMLElement {
  const pass = (wallMs: number, stalledReads: number): PassTiming => ({ wallMs, phasesMs: phases(wallMs), redone: 0, stalledReads });
  const view = dataRunView({ answer, fileBytes: 1000, workers: 2, spawnMs: 3, sequential: stalls.map((n) => pass(10, n)), parallel: [pass(5, 0), pass(6, 0)], correct: true });
  const r = render(DataResult, { view, ondownload: () => {} });
  cleanup = () => r.destroy();
  return r.target;
}

describe('DataResult', () => {
  it('says nothing of stalls when every read answered', () => {
    expect(shown([0, 0]).querySelector('[data-testid="data-stalled"]')).toBeNull();
  });

  it('says how often the file stopped arriving and that the answer is whole', () => {
    const text = shown([1, 1]).querySelector('[data-testid="data-stalled"]')?.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('The browser stopped delivering the file 2 times (a window not there after 10 s)');
    expect(text).toContain('the answer is whole');
  });
});
