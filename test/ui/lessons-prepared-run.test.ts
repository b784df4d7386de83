import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Chart as ChartJs } from 'chart.js';
import { analyseExperiment } from '../../src/core/experiment/analysis';
import { planExperiment } from '../../src/core/experiment/plan';
import { newRunRecord, type RunRecord } from '../../src/core/io/run-record';
import type { RunConfig } from '../../src/core/model/types';
import { lessonById } from '../../src/lessons';
import { AppState } from '../../src/state/app.svelte';
import { lessonEnvOf, machineOf } from '../../src/state/lessons.svelte';
import { presentation } from '../../src/state/presentation.svelte';
import { openHistory } from '../../src/storage';
import App from '../../src/ui/App.svelte';
import { render } from './helpers';
import { fabricateReps, fakeRunner, type Timing } from './lesson-runs';
import '../../src/ui/global.css';

let cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
  presentation.set(false);
  history.replaceState(null, '', location.pathname + location.search);
});

const isBaseline = (c: RunConfig) => c.strategy === 'worker-seq';
/** Amdahl with a 20 % serial part, plus 2 ms of start-up for the workers. */
const amdahlHolds: Timing = (c) => ({ wallMs: isBaseline(c) ? 100 : 100 * (0.2 + 0.8 / c.workers) + 2 });

describe('Lessons: a prepared run', () => {
  it('shows the stored thorough run when the lesson opens, labelled with its machine and time; after a live run, "prepared vs now" draws both', async () => {
    const env = new AppState('').env;
    const lesson = lessonById('amdahl-wall')!;
    const store = await openHistory();
    const make = (budget: 'quick' | 'thorough', createdAt: string): RunRecord => {
      const experiment = lesson.preset(lessonEnvOf(env), budget);
      const record = newRunRecord({ label: `${budget} lesson run`, experiment, environment: env, now: new Date(createdAt) });
      record.repetitions = fabricateReps(experiment, amdahlHolds);
      record.status = 'complete';
      return record;
    };
    // Prepared the day before; a quick run stored after it does not replace it.
    const prepared = make('thorough', '2020-01-01T10:00:00.000Z');
    const laterQuick = make('quick', '2020-01-02T10:00:00.000Z');
    expect((await store.importRecords([prepared, laterQuick])).ok).toBe(true);
    cleanup.push(async () => {
      await store.remove(prepared.id);
      await store.remove(laterQuick.id);
      store.close();
    });

    const fake = fakeRunner(amdahlHolds);
    const r = render(App, { runner: fake.runner });
    cleanup.push(r.destroy);
    const q = (testid: string) => r.target.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
    await userEvent.click(q('view-lessons')!);
    await expect.poll(() => q(`lesson-status-${lesson.id}`)?.dataset.status).toBe('reproduced');
    await userEvent.click(q(`lesson-item-${lesson.id}`)!);

    const expected = lesson.verdict(
      analyseExperiment(planExperiment(prepared.experiment), prepared.repetitions, env.timerResolutionMs),
      lessonEnvOf(env),
    );
    expect(q('lesson-verdict-headline')!.textContent).toBe(expected.headline);
    const when = q('lesson-verdict-when')!.textContent!;
    expect(when).toBe(
      `Prepared: the thorough run of ${new Date(prepared.createdAt).toLocaleString()} on ${machineOf(env)}, stored before class and re-analysed from its measurements.`,
    );
    expect(machineOf(env)).toMatch(/^\d+ cores? · Chrome \d+/);
    expect(q('prepared-vs-now-toggle')).toBeNull(); // nothing live to compare with yet

    // Live, quick: the verdict is now's, and both runs can be drawn on one chart.
    await userEvent.click(q('lesson-run')!);
    await expect.poll(() => q('lesson-verdict-when')?.textContent).toBe('From the quick run just made on this machine.');
    const toggle = q('prepared-vs-now-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const canvas = () => q('chart-prepared-vs-now-speedup')?.querySelector('canvas');
    await expect.poll(() => (canvas() ? ChartJs.getChart(canvas()!) : undefined)).toBeDefined();
    const labels = ChartJs.getChart(canvas()!)!.data.datasets.map((d) => d.label);
    expect(labels.slice(0, 2)).toEqual(['Prepared (95% CI)', 'Now (95% CI)']);
    await userEvent.click(toggle);
    expect(q('prepared-vs-now')).toBeNull();
    expect(q('chart-speedup')).not.toBeNull();
  });
});
