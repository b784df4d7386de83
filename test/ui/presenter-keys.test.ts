import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { userEvent } from 'vitest/browser';
import type { ExperimentConfig } from '../../src/core/model/types';
import { LESSONS } from '../../src/lessons';
import { presentation } from '../../src/state/presentation.svelte';
import type { SweepRunner } from '../../src/state/run.svelte';
import App from '../../src/ui/App.svelte';
import { render } from './helpers';
import '../../src/ui/global.css';

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.reverse()) c();
  cleanup = [];
  presentation.set(false);
  history.replaceState(null, '', location.pathname + location.search);
});

/** A runner that starts and then waits until it is cancelled. */
function waitingRunner(): { runner: SweepRunner; started: ExperimentConfig[] } {
  const started: ExperimentConfig[] = [];
  const runner: SweepRunner = async (experiment, hooks) => {
    started.push(experiment);
    hooks.onProgress({ done: 0, total: 10, etaMs: null, label: '' });
    await new Promise((_resolve, reject) =>
      hooks.signal.addEventListener('abort', () => reject(new DOMException('The run was cancelled.', 'AbortError'))),
    );
    return { status: 'complete' };
  };
  return { runner, started };
}

function mountApp() {
  const fake = waitingRunner();
  const r = render(App, { runner: fake.runner });
  cleanup.push(r.destroy);
  const q = <T extends HTMLElement = HTMLElement>(testid: string) => r.target.querySelector<T>(`[data-testid="${testid}"]`);
  const status = () => q('results')?.dataset.runStatus;
  return { ...fake, target: r.target, q, status };
}

/** Presses keys with the focus on the page itself, as a presenter with a clicker would. */
async function keys(text: string): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  await userEvent.keyboard(text);
  flushSync();
}

describe('presenter keys', () => {
  it('r runs the playground experiment, Escape cancels it; p toggles presentation; c and C cycle the chart', async () => {
    const { started, status } = mountApp();
    await keys('r');
    await expect.poll(() => status()).toBe('running');
    expect(started).toHaveLength(1);
    expect(started[0].lessonId).toBeUndefined();
    await keys('{Escape}');
    await expect.poll(() => status()).toBe('cancelled');

    await keys('p');
    expect(presentation.on).toBe(true);
    expect(document.documentElement.dataset.presentation).toBe('on');
    expect(presentation.chart).toBe('speedup');
    await keys('c');
    expect(presentation.chart).toBe('time');
    await keys('c');
    expect(presentation.chart).toBe('phases');
    await keys('{Shift>}C{/Shift}');
    expect(presentation.chart).toBe('time');
    await keys('{Shift>}C{/Shift}{Shift>}C{/Shift}');
    expect(presentation.chart).toBe('spread'); // wraps round
    await keys('p');
    expect(presentation.on).toBe(false);
    expect(document.documentElement.dataset.presentation).toBeUndefined();
  });

  it('? opens the list of keys; ? or Escape closes it, and other keys wait until it is closed', async () => {
    const { q, started } = mountApp();
    const dialog = q<HTMLDialogElement>('shortcut-help')!;
    expect(dialog.open).toBe(false);
    await keys('?');
    await expect.poll(() => dialog.open).toBe(true);
    for (const label of ['Next lesson', 'Previous lesson', 'Next chart', 'Show or hide the explanation']) expect(dialog.textContent).toContain(label);
    expect(dialog.textContent).toContain('Page Down');
    await userEvent.keyboard('r'); // focus is in the dialog: nothing runs
    expect(started).toHaveLength(0);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => dialog.open).toBe(false);
    await keys('?');
    await expect.poll(() => dialog.open).toBe(true);
    await userEvent.keyboard('?');
    await expect.poll(() => dialog.open).toBe(false);
  });

  it('in the Lessons view: n / PageDown and b / PageUp step through the lessons, e toggles the explanation, r runs the lesson, Escape cancels', async () => {
    const { q, started } = mountApp();
    await userEvent.click(q('view-lessons')!);
    await expect.poll(() => q('lesson-list')).not.toBeNull();
    const open = () => q('lesson-page')?.dataset.lesson;

    await keys('n');
    await expect.poll(open).toBe(LESSONS[0].id);
    await keys('{PageDown}');
    await expect.poll(open).toBe(LESSONS[1].id);
    await keys('n');
    await expect.poll(open).toBe(LESSONS[2].id);
    await keys('{PageUp}');
    await expect.poll(open).toBe(LESSONS[1].id);
    await keys('b');
    await expect.poll(open).toBe(LESSONS[0].id);
    await expect.poll(() => document.activeElement).toBe(q('lesson-title')); // the new lesson's title takes the focus
    await keys('b'); // stops at the first
    expect(open()).toBe(LESSONS[0].id);

    // e hides the explanation beside the lesson; when presenting it shows in place of the chart.
    expect(q('lesson-explanation')).not.toBeNull();
    await keys('e');
    expect(q('lesson-explanation')).toBeNull();
    await keys('p');
    expect(q('lesson-explanation')).toBeNull();
    expect(q('lesson-chart')).not.toBeNull();
    await keys('e');
    expect(q('lesson-explanation')).not.toBeNull();
    expect(q('lesson-chart')).toBeNull();
    await keys('e');
    expect(q('lesson-chart')).not.toBeNull();

    await keys('r');
    await expect.poll(() => started.length).toBe(1);
    expect(started[0].lessonId).toBe(LESSONS[0].id);
    await expect.poll(() => q('lesson-status-' + LESSONS[0].id)).toBeNull(); // presenting: the list is hidden
    await expect.poll(() => q('progress')).not.toBeNull();
    await keys('{Escape}');
    await expect.poll(() => q('lesson-page')?.textContent).toContain('Cancelled: no verdict');
    expect(q('progress')).toBeNull();
  });

  it('typing in a text field, a select or editable text, or holding Alt, fires nothing', async () => {
    const { q, started } = mountApp();
    const records = document.getElementById('records-exact') as HTMLInputElement;
    records.focus();
    records.select();
    await userEvent.keyboard('7rpn?c');
    flushSync();
    expect(records.value).toBe('7rpn?c'); // typed, not taken as keys
    expect(started).toHaveLength(0);
    expect(presentation.on).toBe(false);
    expect(q<HTMLDialogElement>('shortcut-help')!.open).toBe(false);

    const job = document.querySelector<HTMLSelectElement>('#job')!;
    job.focus();
    await userEvent.keyboard('p?');
    expect(presentation.on).toBe(false);
    expect(q<HTMLDialogElement>('shortcut-help')!.open).toBe(false);

    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    document.body.append(editable);
    cleanup.push(() => editable.remove());
    editable.focus();
    await userEvent.keyboard('rp');
    expect(editable.textContent).toBe('rp');
    expect(started).toHaveLength(0);
    expect(presentation.on).toBe(false);

    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('{Alt>}p{/Alt}');
    expect(presentation.on).toBe(false);
    // The same key with the focus on the page does fire.
    await keys('p');
    expect(presentation.on).toBe(true);
  });
});

describe('keys typed in the code editor', () => {
  it('type into the editor (inside its shadow root) and trigger no shortcut', async () => {
    const app = mountApp();
    app.q<HTMLButtonElement>('view-code')!.click();
    flushSync();
    let content: HTMLElement | null = null;
    for (let i = 0; i < 200 && !content; i++) {
      await new Promise((r) => setTimeout(r, 25));
      flushSync();
      content = app.target.querySelector('[data-testid="kernel-editor"] > div')?.shadowRoot?.querySelector<HTMLElement>('.cm-content') ?? null;
    }
    if (!content) throw new Error('the editor never loaded');
    content.focus();
    await userEvent.keyboard('p');
    flushSync();
    expect(presentation.on).toBe(false);
    expect(content.textContent).toContain('p');
  });
});
