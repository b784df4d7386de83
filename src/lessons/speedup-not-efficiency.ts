import { median, naiveEfficiency } from '../core/stats';
import type { Sample } from '../core/model/types';
import type { Lesson } from './types';
import { because, fmtPct, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, reps } from './verdict-helpers';

/**
 * Per-item times as a harness around a pool sees them: every batch is handed to the pool
 * when the parallel part starts, and timed until its result is back. Those intervals
 * overlap — which is exactly why summing them is wrong.
 */
export function callerSideItemTimesMs(sample: Sample): number[] {
  const compute = sample.spans.filter((s) => s.kind === 'compute');
  if (compute.length === 0) return [];
  const submittedAt = Math.min(...compute.map((s) => s.startMs));
  return compute.map((s) => s.endMs - submittedAt);
}

export const speedupNotEfficiency: Lesson = {
  id: 'speedup-not-efficiency',
  number: 2,
  title: 'Speedup, not “efficiency”',
  question: 'Can a parallel run be more than 100 % efficient?',
  explanation:
    'Parallel efficiency is speedup divided by workers: E = S / N, where S is the time of one worker ' +
    'divided by the time of N on the same job. It cannot honestly exceed 100 % (short of cache effects). ' +
    'A tempting shortcut adds up the time each item took and divides by wall time × workers. But items ' +
    'processed side by side, or waiting in a queue, are timed over overlapping intervals, so their sum ' +
    'counts the same seconds several times — and the "efficiency" sails past 100 %. It also never looks ' +
    'at a real one-worker run, so it cannot see start-up, shipping or contention costs at all. This ' +
    'lesson computes both from the very same runs: each batch timed from the moment the pool gets the ' +
    'work until its result is back, summed; and the measured speedup against one worker on the same ' +
    'data, divided by N.',
  story:
    'A Python batch pipeline reported efficiency = (sum of individual processing times) / (total time × ' +
    'workers). Its own review called the formula mathematically broken — it can exceed 100 % and gives ' +
    'false confidence — and replaced it with speedup = single-worker time / multi-worker time and ' +
    'efficiency = speedup / workers: 1.5× on 2 workers is 75 %.',
  sources: ['batch-pipeline-workers'],
  claim: 'The summed-item-times formula reports more than 100 % on the same runs where speedup ÷ workers stays below 100 %.',
  chart: 'timeline',
  tryNext: {
    text: 'Halve the batch size: the naive figure climbs further (more overlapping items) while S / N does not move.',
    patch: { batchSize: 1_000 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    return {
      base: lessonBase({
        job: 'parse', format: 'fixed', strategy: 'pool', shipping: 'transfer', scheduling: 'dynamic',
        batchSize: 2_000, poolLife: 'warm', workRounds: 100, records: 100_000, workers: n,
      }),
      sweep: [],
      warmups: 1,
      repetitions: reps(budget, 5, 15),
      lessonId: 'speedup-not-efficiency',
    };
  },
  verdict(analysis) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const p = analysis.points[0];
    const n = p.point.config.workers;
    const naive = median(
      p.samples.map((s) => {
        const items = callerSideItemTimesMs(s);
        return items.length ? naiveEfficiency(items, s.wallMs, n) : 0;
      }),
    );
    const honest = p.efficiency!;
    const numbers = [
      { label: 'Summed item times ÷ (wall × N)', value: fmtPct(naive) },
      { label: 'Speedup ÷ N', value: `${fmtX(p.speedup!.ratio)} ÷ ${n} = ${fmtPct(honest)}` },
    ];
    if (naive > 1 && honest < 1) {
      return { status: 'reproduced', headline: `The shortcut claims ${fmtPct(naive)} efficiency; the real figure is ${fmtPct(honest)}.`, numbers };
    }
    const why =
      naive <= 1
        ? `the summed item times came to only ${fmtPct(naive)} — too few batches overlapped`
        : `speedup ÷ N was ${fmtPct(honest)}, not below 100 %`;
    return { status: 'not-reproduced', headline: 'The two formulas did not disagree as expected here.', numbers, reason: because(why, noiseReason([p])) };
  },
};
