import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { runWithWalls } from '../core/experiment/compare-fixtures';
import { seriousViolations as violations } from './helpers';
import { mountHistory, rowOf, waitForCount, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  await mounted?.destroy();
  mounted = undefined;
});

describe('HistoryView accessibility', () => {
  it('has no serious or critical axe violations in the list, an opened run, a comparison and the dialog', async () => {
    const a = runWithWalls({ 1: [10, 11, 12], 2: [6, 7, 8] }, { id: 'a', label: 'first', createdAt: '2025-01-01T08:00:00.000Z', overrides: { pinned: true, lessonId: 'amdahl-wall' } });
    const b = runWithWalls({ 1: [9, 9, 10], 2: [5, 5, 6] }, { id: 'b', label: 'second', createdAt: '2025-01-01T09:00:00.000Z', overrides: { status: 'cancelled' } });
    mounted = await mountHistory({ records: [a, b] });
    const { target } = mounted;
    await waitForCount(target, 2);
    expect(await violations(target)).toEqual([]);

    await userEvent.click(rowOf(target, 'b').querySelector<HTMLButtonElement>('.open')!);
    await expect.poll(() => target.querySelector('[data-testid="run-detail"]')).not.toBeNull();
    expect(await violations(target)).toEqual([]);

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="compare-with-baseline"]')!);
    await expect.poll(() => target.querySelector('[data-testid="compare-view"]')).not.toBeNull();
    expect(await violations(target)).toEqual([]);

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="clear-all"]')!);
    const dialog = target.querySelector('[data-testid="confirm-dialog"]')!;
    expect(await violations(dialog)).toEqual([]);
    await userEvent.keyboard('{Escape}');
  });
});
