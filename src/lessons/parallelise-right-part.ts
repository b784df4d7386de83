import { amdahlSpeedup } from '../core/stats';
import type { Lesson } from './types';
import { because, fmtPct, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, reps } from './verdict-helpers';
import { plural } from '../core/view/format';

const SERIAL = 0.9;

export const paralleliseRightPart: Lesson = {
  id: 'parallelise-right-part',
  number: 10,
  title: 'Parallelise the right part',
  question: 'What do you gain by parallelising a phase that takes 10 % of the time?',
  explanation:
    'Before parallelising, measure where the time goes. If the part you can parallelise is 10 % of the ' +
    'run and the other 90 % must stay serial, Amdahl’s law caps the gain at 1 / (0.9 + 0.1 / N): 1.05× ' +
    'on 2 cores, 1.08× on 4, 1.11× on 36 — and never more than 1.11×, however many cores you buy. ' +
    'Meanwhile the workers still cost their start-up and messages, so the real result is often a ' +
    'slowdown. This lesson gives the job a serial part of 90 % of its sequential work and runs it on ' +
    '1, N and 2N workers. Look at the phase breakdown first: the serial part dominates. Then look at ' +
    'the speedups: they stay near 1. The fix is to find and attack the 90 %.',
  story:
    'A Rust interpreter parallelised the serialisation step of bulk inserts with rayon. Profiling ' +
    'later showed that serialisation was about 10 % of the time and the (not thread-safe) data-structure ' +
    'updates about 90 %: at most 1.11× even on 36 cores. What it measured instead was a regression — ' +
    '1,000 items went from 10 ms to 64.7 ms (6.47× slower) — and the change was reverted.',
  sources: ['interpreter-bulk-insert'],
  claim: `With ${fmtPct(SERIAL)} of the work serial, no worker count gives a speedup clearly above 1.11×.`,
  chart: 'phases',
  tryNext: {
    text: 'Set the serial fraction to 0.1 instead: now the parallel part dominates and the speedup approaches the core count.',
    patch: { serialFraction: 0.1 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    const workers = budget === 'quick' ? [1, n, 2 * n] : [1, 2, n, 2 * n, 4 * n];
    return {
      base: lessonBase({
        job: 'parse', format: 'fixed', strategy: 'pool', shipping: 'transfer', poolLife: 'warm', workRounds: 50,
        records: budget === 'quick' ? 50_000 : 200_000, serialFraction: SERIAL,
      }),
      sweep: [{ param: 'workers', values: [...new Set(workers)].sort((a, b) => a - b).map((w) => Math.min(w, 64)) }],
      warmups: 1,
      repetitions: reps(budget, 5, 15),
      lessonId: 'parallelise-right-part',
    };
  },
  verdict(analysis) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const pts = analysis.points.slice().sort((a, b) => a.point.config.workers - b.point.config.workers);
    const numbers = pts.map((p) => ({
      label: plural(p.point.config.workers, 'worker'),
      value: `${fmtX(p.speedup!.ratio)} (Amdahl bound ${fmtX(amdahlSpeedup(1 - SERIAL, p.point.config.workers))})`,
    }));
    const ceiling = 1 / SERIAL;
    const best = pts.reduce((a, b) => (b.speedup!.ratio > a.speedup!.ratio ? b : a));
    if (pts.every((p) => p.speedup!.ci95[0] <= ceiling * 1.02)) {
      return { status: 'reproduced', headline: `The best worker count gave ${fmtX(best.speedup!.ratio)}; the ceiling for a 10 % parallel part is ${fmtX(ceiling)}.`, numbers };
    }
    return {
      status: 'not-reproduced',
      headline: 'A speedup above the ceiling was measured, which the serial part should forbid.',
      numbers,
      reason: because(`${best.point.label} reached ${fmtX(best.speedup!.ratio)}; the baseline may have been disturbed`, noiseReason(pts)),
    };
  },
};
