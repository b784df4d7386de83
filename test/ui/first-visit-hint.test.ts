/** A first-visit hint: shown until dismissed, then never again in this browser. */
import { afterEach, describe, expect, it } from 'vitest';
import { FirstVisitHint } from '../../src/state/first-visit-hint.svelte';

const KEY = 'parallel-playground.hint.test-hint';
afterEach(() => localStorage.removeItem(KEY));

describe('FirstVisitHint', () => {
  it('is shown at first, and a dismissal outlives the page (a new instance reads it back)', () => {
    const first = new FirstVisitHint('test-hint');
    expect(first.dismissed).toBe(false);
    first.dismiss();
    expect(first.dismissed).toBe(true);
    expect(localStorage.getItem(KEY)).toBe('dismissed');
    expect(new FirstVisitHint('test-hint').dismissed).toBe(true);
  });

  it('keeps each hint apart', () => {
    new FirstVisitHint('test-hint').dismiss();
    expect(new FirstVisitHint('test-other-hint').dismissed).toBe(false);
  });
});
