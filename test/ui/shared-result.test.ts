import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { analyseExperiment } from '../../src/core/experiment/analysis';
import { shareLink, shareOfRun, sharedJson } from '../../src/core/io/share-link';
import { planExperiment } from '../../src/core/experiment/plan';
import { buildResultsView } from '../../src/core/view/results-view';
import type { ExperimentConfig } from '../../src/core/model/types';
import type { SweepRunner } from '../../src/state/run.svelte';
import App from '../../src/ui/App.svelte';
import { ENVIRONMENT } from '../helpers/run-records';
import { makeSweepRecord } from '../helpers/sweep-record';
import { chooseFile } from './history-helpers';
import { render, seriousViolations } from './helpers';
import '../../src/ui/global.css';

const OPTIONS = { records: [100_000, 200_000], workers: [1, 2], repetitions: 5 };
const theirs = makeSweepRecord({ ...OPTIONS, seed: 1 });
const link = shareLink(location.href, shareOfRun(theirs));

/** A runner that "measures" here: the same experiment, every wall time halved, on a 16-core machine. */
function fasterMachine(started: ExperimentConfig[]): SweepRunner {
  return async (experiment, hooks) => {
    started.push(experiment);
    const mine = makeSweepRecord({ ...OPTIONS, seed: 2 });
    for (const rep of mine.repetitions) rep.sample.wallMs /= 2;
    const record = { ...mine, id: 'mine-0001', label: 'here', environment: { ...ENVIRONMENT, hardwareConcurrency: 16 } };
    const analysis = analyseExperiment(planExperiment(experiment), record.repetitions, record.environment.timerResolutionMs);
    hooks.onProgress({ done: record.repetitions.length, total: record.repetitions.length, etaMs: null, label: '' });
    hooks.onUpdate({ view: buildResultsView(analysis), analysis, record });
    return { status: 'complete' };
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  history.replaceState(null, '', location.pathname + location.search);
});

function open(hash: string, runner: SweepRunner) {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const r = render(App, { runner });
  cleanup = r.destroy;
  return r.target;
}

describe('opening a shared result', () => {
  it('shows it read-only as another machine’s, then runs it here and compares', async () => {
    const started: ExperimentConfig[] = [];
    const target = open(link.slice(link.indexOf('#')), fasterMachine(started));
    await expect.poll(() => target.querySelector('[data-testid="shared-result"]')).not.toBeNull();
    expect(target.querySelector('[data-testid="shared-badge"]')!.textContent).toBe('Shared result · measured on another machine · read-only');
    expect(target.querySelector('[data-testid="shared-machine"]')!.textContent).toBe(
      '2 cores reported · Chrome 140 · cross-origin isolated · timer step 0.005 ms',
    );
    expect(target.querySelectorAll('[data-testid="shared-table"] tbody tr')).toHaveLength(4);
    expect(target.querySelector('[data-testid="run"]')).toBeNull();
    expect(await seriousViolations(target)).toEqual([]);

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="shared-run-here"]')!);
    await expect.poll(() => target.querySelector('[data-testid="compare-view"]')).not.toBeNull();
    expect(started).toEqual([theirs.experiment]);
    const flags = [...target.querySelectorAll('[data-testid="fairness-flags"] li')].map((li) => li.getAttribute('data-issue'));
    expect(flags).toEqual(['cores']);
    expect(target.querySelector('[data-testid="compare-before"]')!.textContent).toContain('“records × workers (shared, another machine)”');
    expect(target.querySelector('[data-testid="compare-after"]')!.textContent).toContain('“here (this machine)”');
    expect(await seriousViolations(target)).toEqual([]);
    // Every point took half the time here: after is faster at all four.
    expect(target.querySelector('[data-testid="compare-view"]')!.textContent).toContain('after faster at 4');
  });

  it('refuses a damaged link with a message, and runs nothing', async () => {
    const started: ExperimentConfig[] = [];
    const hash = link.slice(link.indexOf('#'));
    const target = open(hash.slice(0, hash.length - 20), fasterMachine(started));
    await expect.poll(() => target.querySelector('[data-testid="shared-error"]')).not.toBeNull();
    expect(target.querySelector('[data-testid="shared-error"]')!.textContent).toContain('This shared link is damaged or incomplete');
    expect(target.querySelector('[data-testid="shared-error"]')!.textContent).toContain('Nothing was stored or run.');
    expect(target.querySelector('[data-testid="shared-run-here"]')).toBeNull();

    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="shared-error"] button')!);
    await expect.poll(() => target.querySelector('[data-testid="run"]')).not.toBeNull();
    expect(started).toEqual([]);
  });
});

describe('a share link pasted into an open app', () => {
  it('replaces the playground with the shared result', async () => {
    const target = open('', fasterMachine([]));
    await expect.poll(() => target.querySelector('[data-testid="run"]')).not.toBeNull();
    location.hash = link.slice(link.indexOf('#'));
    await expect.poll(() => target.querySelector('[data-testid="shared-badge"]')).not.toBeNull();
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="shared-close"]')!);
    await expect.poll(() => target.querySelector('[data-testid="run"]')).not.toBeNull();
    expect(location.hash.startsWith('#share=')).toBe(false);
  });

  it('opens a share file chosen in History’s import the way its link opens', async () => {
    const started: ExperimentConfig[] = [];
    const target = open('', fasterMachine(started));
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="view-history"]')!);
    await expect.poll(() => target.querySelector('[data-testid="import-file"]')).not.toBeNull();
    const file = new File([sharedJson(shareOfRun(theirs))], 'their-run.share.json', { type: 'application/json' });
    chooseFile(target.querySelector<HTMLInputElement>('[data-testid="import-file"]')!, file);
    await expect.poll(() => target.querySelector('[data-testid="shared-result"]')).not.toBeNull();
    expect(target.querySelector('[data-testid="shared-badge"]')!.textContent).toBe('Shared result · measured on another machine · read-only');
    expect(target.querySelectorAll('[data-testid="shared-table"] tbody tr')).toHaveLength(4);
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="shared-run-here"]')!);
    await expect.poll(() => target.querySelector('[data-testid="compare-view"]')).not.toBeNull();
    expect(started).toEqual([theirs.experiment]);
  });

  it('refuses a damaged share file in History’s import, naming it, and opens nothing', async () => {
    const target = open('', fasterMachine([]));
    await userEvent.click(target.querySelector<HTMLButtonElement>('[data-testid="view-history"]')!);
    await expect.poll(() => target.querySelector('[data-testid="import-file"]')).not.toBeNull();
    const damaged = JSON.stringify({ ...JSON.parse(sharedJson(shareOfRun(theirs))), points: 'none' });
    chooseFile(target.querySelector<HTMLInputElement>('[data-testid="import-file"]')!, new File([damaged], 'bad.share.json'));
    await expect.poll(() => target.textContent).toContain('“bad.share.json” is a shared result that could not be read');
    expect(target.querySelector('[data-testid="shared-result"]')).toBeNull();
  });
});
