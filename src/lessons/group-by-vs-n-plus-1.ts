import type { Lesson } from './types';
import { because, clearlySlower, fmtMs, fmtPct, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, pointsWhere, reps } from './verdict-helpers';

export const groupByVsNPlus1: Lesson = {
  id: 'group-by-vs-n-plus-1',
  number: 5,
  title: 'One GROUP BY beats N+1 queries',
  question: 'Before adding workers, is the algorithm itself doing the work once?',
  explanation:
    'Asking "give me the rows of key k" once per key scans the data once per key: K keys, K full ' +
    'scans — the N+1-queries pattern. One pass that drops every record into a hash table by key does ' +
    'the same grouping in a single scan. No number of workers closes a gap of that size, so fix the ' +
    'algorithm first. Then parallelise what is left: partition the records across workers, let each ' +
    'build a partial table, and merge the partial tables on one thread at the end. This lesson runs ' +
    '`group-naive` (one scan per key) against `group` (one hash pass) on the same records, with one ' +
    'worker and with N, and shows where the time goes: the group work in the workers and the merge ' +
    'on the main thread. The data is smaller than the story’s so the naive version finishes in seconds.',
  story:
    'A preprocessing job over 500,028 network measurements from 18,928 probes issued one DuckDB query ' +
    'per probe: 105.15 s. One GROUP BY query plus 4 worker processes and a final merge took 6.2 s ' +
    '(17.0×): grouping 2.7 s (43 %), processing 2.8 s, merging 0.7 s (12 %). The query phase alone went ' +
    'from about 90 s to 2.7 s (33.3×); parallel processing gave 5.4×.',
  sources: ['probe-preprocessing'],
  claim: 'On the same data and one worker, the per-key scans are clearly (≥ 5×) slower than one hash pass; with N workers the merge is a visible share of the time.',
  chart: 'phases',
  tryNext: {
    text: 'Raise distinct keys to 5,000: the naive version slows in proportion, the hash pass barely changes.',
    patch: { distinctKeys: 5_000 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    return {
      base: lessonBase({
        format: 'fixed', strategy: 'pool', shipping: 'transfer', poolLife: 'warm', workRounds: 0,
        records: budget === 'quick' ? 50_000 : 200_000, distinctKeys: 500,
      }),
      sweep: [
        { param: 'job', values: ['group-naive', 'group'] },
        { param: 'workers', values: [1, n] },
      ],
      warmups: 1,
      repetitions: reps(budget, 5, 15),
      lessonId: 'group-by-vs-n-plus-1',
    };
  },
  verdict(analysis) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const [naive1] = pointsWhere(analysis.points, { job: 'group-naive', workers: 1 });
    const [group1] = pointsWhere(analysis.points, { job: 'group', workers: 1 });
    const groupN = pointsWhere(analysis.points, { job: 'group' }).find((p) => p.point.config.workers > 1) ?? group1;
    const ratio = naive1.summary!.median / group1.summary!.median;
    const wallN = groupN.summary!.median;
    const numbers = [
      { label: 'Per-key scans, 1 worker', value: fmtMs(naive1.summary!.median) },
      { label: 'One hash pass, 1 worker', value: fmtMs(group1.summary!.median) },
      { label: 'Algorithm alone', value: `${fmtX(ratio)} faster` },
      {
        label: `Hash pass on ${groupN.point.config.workers} workers`,
        value: `compute ${fmtPct(groupN.phaseMediansMs.compute / wallN)}, merge ${fmtPct(groupN.phaseMediansMs.merge / wallN)}, the rest start-up and shipping`,
      },
    ];
    if (ratio >= 5 && clearlySlower(naive1, group1)) {
      return { status: 'reproduced', headline: `One hash pass is ${fmtX(ratio)} faster than a scan per key — more than any worker count here could give.`, numbers };
    }
    return {
      status: 'not-reproduced',
      headline: 'The per-key scans were not clearly much slower here.',
      numbers,
      reason: because(`the measured ratio was ${fmtX(ratio)}`, noiseReason([naive1, group1])),
    };
  },
};
