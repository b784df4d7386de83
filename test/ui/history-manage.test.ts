import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { LIMITS } from '../../src/core/io/run-record';
import { button, fabricate, mountHistory, notice, rowLabels, rowOf, waitForCount, type MountedHistory } from './history-helpers';

let mounted: MountedHistory | undefined;
afterEach(async () => {
  await mounted?.destroy();
  mounted = undefined;
});

const storedLabels = async (m: MountedHistory) => {
  const list = await m.history.list();
  if (!list.ok) throw new Error(list.message);
  return list.value.entries.map((e) => e.label);
};

describe('HistoryView: managing runs', () => {
  it('renames inline: Enter saves (and it persists), Escape cancels', async () => {
    mounted = await mountHistory({ records: fabricate(3) });
    const { target } = mounted;
    await waitForCount(target, 3);

    await userEvent.click(button(rowOf(target, 'run-0001'), 'Rename'));
    const input = rowOf(target, 'run-0001').querySelector<HTMLInputElement>('input[type="text"]')!;
    expect(document.activeElement).toBe(input);
    expect(input.maxLength).toBe(LIMITS.labelChars);
    await userEvent.fill(input, 'renamed run');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => rowLabels(target)).toEqual(['run 2', 'renamed run', 'run 0']);
    expect(await storedLabels(mounted)).toEqual(['run 2', 'renamed run', 'run 0']);
    expect(notice(target)).toContain('Renamed to “renamed run”');
    // Focus goes back to the row's Rename button.
    expect(document.activeElement?.textContent).toContain('Rename');

    await userEvent.click(button(rowOf(target, 'run-0000'), 'Rename'));
    await userEvent.fill(rowOf(target, 'run-0000').querySelector<HTMLInputElement>('input[type="text"]')!, 'not kept');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => rowLabels(target)).toEqual(['run 2', 'renamed run', 'run 0']);
    expect(await storedLabels(mounted)).toEqual(['run 2', 'renamed run', 'run 0']);
  });

  it('pins one baseline at most, and unpins it', async () => {
    mounted = await mountHistory({ records: fabricate(3) });
    const { target, history } = mounted;
    await waitForCount(target, 3);
    const pinnedIds = () => [...target.querySelectorAll('[data-testid="pinned"]')].map((p) => p.closest<HTMLElement>('[data-testid="history-row"]')!.dataset.runId);

    await userEvent.click(button(rowOf(target, 'run-0000'), 'Pin as baseline'));
    await expect.poll(pinnedIds).toEqual(['run-0000']);
    await userEvent.click(button(rowOf(target, 'run-0002'), 'Pin as baseline'));
    await expect.poll(pinnedIds).toEqual(['run-0002']);
    const stored = await history.list();
    expect(stored.ok && stored.value.entries.filter((e) => e.pinned).map((e) => e.id)).toEqual(['run-0002']);

    await userEvent.click(button(rowOf(target, 'run-0002'), 'Unpin baseline'));
    await expect.poll(pinnedIds).toEqual([]);
    const after = await history.list();
    expect(after.ok && after.value.entries.some((e) => e.pinned)).toBe(false);
  });

  it('deletes one run only after confirming in a dialog', async () => {
    mounted = await mountHistory({ records: fabricate(3) });
    const { target } = mounted;
    await waitForCount(target, 3);
    const dialog = target.querySelector<HTMLDialogElement>('[data-testid="confirm-dialog"]')!;

    const deleteButton = button(rowOf(target, 'run-0001'), 'Delete');
    await userEvent.click(deleteButton);
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('“run 1”');
    expect(document.activeElement?.textContent).toBe('Cancel'); // the safe choice has focus
    await userEvent.keyboard('{Escape}');
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(deleteButton); // focus returns to the trigger
    expect(await storedLabels(mounted)).toEqual(['run 2', 'run 1', 'run 0']);

    await userEvent.click(button(rowOf(target, 'run-0001'), 'Delete'));
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="confirm-ok"]')!);
    await expect.poll(() => rowLabels(target)).toEqual(['run 2', 'run 0']);
    expect(dialog.open).toBe(false);
    expect(await storedLabels(mounted)).toEqual(['run 2', 'run 0']);
    expect(notice(target)).toContain('Deleted “run 1”');
  });

  it('clears every run after a confirmation that names the count', async () => {
    mounted = await mountHistory({ records: fabricate(4) });
    const { target } = mounted;
    await waitForCount(target, 4);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="clear-all"]')!);
    const dialog = target.querySelector<HTMLDialogElement>('[data-testid="confirm-dialog"]')!;
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector('h2')!.textContent).toBe('Delete all 4 stored runs?');
    const ok = target.querySelector<HTMLButtonElement>('[data-testid="confirm-ok"]')!;
    expect(ok.textContent!.trim()).toBe('Delete all 4 runs');
    await userEvent.click(ok);
    await waitForCount(target, 0);
    expect(target.querySelector('[data-testid="history-empty"]')).not.toBeNull();
    expect(await storedLabels(mounted)).toEqual([]);
    expect(notice(target)).toContain('Deleted all 4 runs');
  });
});
