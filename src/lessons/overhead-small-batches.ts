import { measurablyFaster, measurablySlower, NOISE_BAND } from '../core/stats';
import type { Lesson } from './types';
import { because, coresPhrase, lessonCores, fmtCount, fmtMs, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, reps, timerReason } from './verdict-helpers';

export const overheadSmallBatches: Lesson = {
  id: 'overhead-small-batches',
  number: 1,
  title: 'Overhead dominates small batches',
  question: 'From how many records on do N workers beat one?',
  explanation:
    'Starting a worker, sending it data and collecting its answer costs a fixed amount of time — ' +
    'milliseconds, whatever the batch size. Processing a record costs nanoseconds to microseconds. ' +
    'So for a small batch the fixed cost is almost all of the run, and more workers only add more of it: ' +
    'the parallel version is slower. As the record count grows, the work grows with it while the fixed ' +
    'cost stays put, and at some record count — the break-even point — N workers start to win. ' +
    'This lesson measures one worker against N on the same data from 10 to a million records, with a ' +
    'cold pool (spawn and shutdown inside the timing, as a script that creates a pool per call does) ' +
    'and every worker generating its own share of the records, so only small messages travel. ' +
    'Read the crossing on the time-vs-records chart: below it, stay sequential. That threshold is a ' +
    'measured number for this machine, not a rule of thumb.',
  story:
    'A Python batch pipeline compared 2 and 4 worker processes on 50 records and saw no difference: pool ' +
    'creation, worker start-up and shutdown (a few hundred milliseconds) swamped the work. A Rust ' +
    'interpreter that parallelised bulk inserts measured 10 items at 100 µs sequentially and 150 µs in ' +
    'parallel, and 1,000 items at 10 ms versus 64.7 ms: thread-pool coordination of 50–100 µs against ' +
    'about 1 µs of work per item. Its authors concluded: only parallelise when work is much larger than ' +
    'overhead, with an adaptive threshold.',
  sources: ['batch-pipeline-workers', 'interpreter-bulk-insert'],
  claim:
    'N workers are slower than one at the smallest record count and faster at the largest, so a break-even record count exists in between.',
  chart: 'time',
  tryNext: {
    text: 'Switch the pool to warm: spawn cost leaves the timing and the break-even point moves to fewer records.',
    patch: { poolLife: 'warm' },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    return {
      base: lessonBase({
        job: 'group', format: 'fixed', strategy: 'pool', shipping: 'generate-in-worker', poolLife: 'cold', workRounds: 100, workers: n,
        // Unused by static scheduling, but every point must pass the batch ≤ records check.
        batchSize: 10,
      }),
      sweep: [
        {
          param: 'records',
          values: budget === 'quick' ? [10, 1_000, 100_000, 1_000_000] : [10, 100, 1_000, 10_000, 100_000, 1_000_000, 3_000_000],
        },
        { param: 'workers', values: [n] },
      ],
      warmups: 1,
      // Small points are cheap: 13 repetitions let the CI drop a few stray samples at either end.
      repetitions: reps(budget, 13, 15),
      lessonId: 'overhead-small-batches',
    };
  },
  verdict(analysis, env) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const pts = analysis.points.slice().sort((a, b) => a.point.config.records - b.point.config.records);
    const smallest = pts[0];
    const largest = pts[pts.length - 1];
    const n = largest.point.config.workers;
    const sSmall = smallest.speedup!;
    const sLarge = largest.speedup!;
    const be = analysis.recordsScaling[0]?.breakEven;
    const numbers = [
      { label: `${fmtCount(smallest.point.config.records)} records`, value: `${n} workers ${fmtMs(smallest.summary!.median)} vs one ${fmtMs(smallest.baselineSummary!.median)} (speedup ${fmtX(sSmall.ratio)})` },
      { label: `${fmtCount(largest.point.config.records)} records`, value: `${n} workers ${fmtMs(largest.summary!.median)} vs one ${fmtMs(largest.baselineSummary!.median)} (speedup ${fmtX(sLarge.ratio)})` },
    ];
    if (be?.ok && be.fit.kind === 'crossing') numbers.push({ label: 'Break-even', value: `≈ ${fmtCount(be.fit.records)} records` });
    const slowerSmall = measurablySlower(sSmall);
    const fasterLarge = measurablyFaster(sLarge);
    if (slowerSmall && fasterLarge) {
      return {
        status: 'reproduced',
        headline: `On this machine ${n} workers lose below ≈ ${be?.ok && be.fit.kind === 'crossing' ? fmtCount(be.fit.records) : 'the crossing'} records and win above it.`,
        numbers,
      };
    }
    const why = !slowerSmall
      ? `at ${fmtCount(smallest.point.config.records)} records the ${n} workers were not measurably slower (speedup ${fmtX(sSmall.ratio)}, CI ${fmtX(sSmall.ci95[0])} – ${fmtX(sSmall.ci95[1])}: it reaches 1 or stays within the ±${NOISE_BAND * 100} % noise band)`
      : lessonCores(env) < 2
        ? `${coresPhrase(env)}, so ${n} workers cannot run at once and never pull ahead`
        : `even at ${fmtCount(largest.point.config.records)} records the ${n} workers were not clearly faster (speedup CI ${fmtX(sLarge.ci95[0])} – ${fmtX(sLarge.ci95[1])}); the work per record may be too small or the cores busy`;
    return {
      status: 'not-reproduced',
      headline: 'No clear break-even point in this range.',
      numbers,
      reason: because(why, noiseReason(pts), timerReason(pts, env)),
    };
  },
};
