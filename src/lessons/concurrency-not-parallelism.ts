import type { Lesson } from './types';
import { because, coresPhrase, lessonCores, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, pointsWhere, reps } from './verdict-helpers';

export const concurrencyNotParallelism: Lesson = {
  id: 'concurrency-not-parallelism',
  number: 6,
  title: 'Concurrency is not parallelism',
  question: 'Do N async tasks on the page’s one thread run N times faster?',
  explanation:
    'A page’s JavaScript runs on one thread. You can start N tasks with async functions and they will ' +
    'take turns — each runs a slice, awaits, and lets another run — so they are concurrent. But only one ' +
    'runs at any instant, so the total time is the same work done serially, plus the cost of switching. ' +
    'That is the browser’s version of Python’s global interpreter lock. Web Workers are separate threads ' +
    'with their own event loops, so N of them can use N cores at once. This lesson runs the same job as ' +
    'N interleaved tasks on the main thread (`main-async`), as one blocking loop on the main thread ' +
    '(`main`) and on N workers (`pool`), each worker generating its own share of the records. Watch ' +
    'the jank meter while it runs: the main-thread runs freeze the page or make it stutter; the worker ' +
    'runs leave it smooth.',
  story:
    'A Python MARC-record library expected 3.5–4× from 4 threads but measured 1.41× on 1,000 records ' +
    '(20.96 ms → 14.88 ms) and 0.97× on 10,000 (40.85 ms → 42.22 ms): its Rust extension did not release ' +
    'the GIL, so the threads took turns. For the pure-Rust reader with rayon, which has no such lock, ' +
    'the same study expected 93 ms → 24 ms on 4 cores (3.8×).',
  sources: ['marc-threads-gil'],
  claim: 'N interleaved tasks on the main thread give no real speedup (below 1.2×) while N workers clearly do.',
  chart: 'speedup',
  tryNext: {
    text: 'Set workers to 1 for the pool: it loses its edge and matches main-async — the cores, not the tasks, did the work.',
    patch: { workers: 1 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    return {
      base: lessonBase({
        // Workers make their own data: nothing serial on the main thread caps the pool's speedup.
        job: 'parse', format: 'fixed', shipping: 'generate-in-worker', poolLife: 'warm', workRounds: 300,
        records: budget === 'quick' ? 200_000 : 500_000, workers: n,
      }),
      sweep: [{ param: 'strategy', values: ['main', 'main-async', 'pool'] }],
      warmups: 1,
      // Each run is short: 15 repetitions keep a stray slow sample from deciding the verdict.
      repetitions: reps(budget, 15, 25),
      lessonId: 'concurrency-not-parallelism',
    };
  },
  verdict(analysis, env) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const [async] = pointsWhere(analysis.points, { strategy: 'main-async' });
    const [pool] = pointsWhere(analysis.points, { strategy: 'pool' });
    const n = pool.point.config.workers;
    const numbers = [
      { label: `${n} async tasks on the main thread`, value: `speedup ${fmtX(async.speedup!.ratio)}` },
      { label: `${n} workers`, value: `speedup ${fmtX(pool.speedup!.ratio)}` },
    ];
    const asyncFlat = async.speedup!.ci95[0] < 1.2;
    const poolWins = pool.speedup!.ci95[0] > 1.15;
    if (asyncFlat && poolWins) {
      return { status: 'reproduced', headline: `${n} concurrent tasks: ${fmtX(async.speedup!.ratio)}. ${n} parallel workers: ${fmtX(pool.speedup!.ratio)}.`, numbers };
    }
    const why = !poolWins
      ? lessonCores(env) < 2
        ? `${coresPhrase(env)}, so the workers cannot run at the same time either`
        : `the workers were not clearly faster (speedup CI from ${fmtX(pool.speedup!.ci95[0])}); the cores may be busy`
      : `the async tasks looked faster than one worker (CI from ${fmtX(async.speedup!.ci95[0])}), which points at a difference in start-up, not parallelism`;
    return { status: 'not-reproduced', headline: 'The contrast did not show clearly.', numbers, reason: because(why, noiseReason([async, pool])) };
  },
};
