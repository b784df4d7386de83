import type { Lesson } from './types';
import { because, clearlySlower, fmtCount, fmtMs, lessonBase, lessonWorkers, missingData, noiseReason, reps } from './verdict-helpers';

export const unevenWork: Lesson = {
  id: 'uneven-work',
  number: 8,
  title: 'Uneven work',
  question: 'What happens when some records cost far more than others?',
  explanation:
    'Splitting the records into N equal chunks assumes every record costs the same. Real data rarely ' +
    'does: here the expensive records cluster towards the end of the data (cost skew 1), so the worker ' +
    'holding the last chunk works long after the others have gone idle — the run takes as long as its ' +
    'slowest worker. Dynamic scheduling fixes this: cut the data into batches and let each idle worker ' +
    'pull the next one, so the expensive tail spreads over everyone. But every batch costs a message ' +
    'round trip, so tiny batches bring the overhead back. Time against batch size is a U: too big is ' +
    'uneven, too small is chatty. The largest batch size here equals one chunk per worker (like static ' +
    'scheduling). Open the timeline to see the idle gaps of big batches and the dense stripes of tiny ones.',
  story:
    'A Python batch pipeline split 50 records over 4 workers — two got 12 and two got 13 — and noted ' +
    'that the worker with fewer records finishes first and sits idle while the others still process: ' +
    'overhead without benefit. It planned to measure batch sizes from 50 to 2,000 to find the sweet spot.',
  sources: ['batch-pipeline-workers'],
  claim: 'Run time over batch size is U-shaped: the one-chunk-per-worker batches and the tiniest batches are both clearly slower than the best batch size in between.',
  chart: 'timeline',
  tryNext: {
    text: 'Set cost skew to 0: with even work the big batches are no longer slow and the U flattens on the left.',
    patch: { costSkew: 0 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    const records = budget === 'quick' ? 100_000 : 400_000;
    const chunk = Math.ceil(records / n);
    const sizes = budget === 'quick' ? [chunk, Math.ceil(chunk / 16), 200, 50] : [chunk, Math.ceil(chunk / 8), Math.ceil(chunk / 64), 1_000, 200, 50, 10];
    return {
      base: lessonBase({
        // Batches are record ranges each worker generates itself: no serial generation on the main thread hides the imbalance.
        job: 'parse', format: 'fixed', strategy: 'pool', shipping: 'generate-in-worker', scheduling: 'dynamic',
        poolLife: 'warm', workRounds: 30, costSkew: 1, records, workers: n,
      }),
      sweep: [{ param: 'batchSize', values: sizes }],
      warmups: 1,
      repetitions: reps(budget, 7, 15),
      lessonId: 'uneven-work',
    };
  },
  verdict(analysis) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const pts = analysis.points.slice().sort((a, b) => b.point.config.batchSize - a.point.config.batchSize);
    const numbers = pts.map((p) => ({ label: `batch ${fmtCount(p.point.config.batchSize)}`, value: fmtMs(p.summary!.median) }));
    const best = pts.reduce((a, b) => (b.summary!.median < a.summary!.median ? b : a));
    const biggest = pts[0];
    const tiniest = pts[pts.length - 1];
    const leftSlower = biggest !== best && clearlySlower(biggest, best);
    const rightSlower = tiniest !== best && clearlySlower(tiniest, best);
    if (leftSlower && rightSlower) {
      return {
        status: 'reproduced',
        headline: `Best at batches of ${fmtCount(best.point.config.batchSize)}: one chunk per worker is ${(biggest.summary!.median / best.summary!.median).toFixed(2)}× slower, batches of ${fmtCount(tiniest.point.config.batchSize)} ${(tiniest.summary!.median / best.summary!.median).toFixed(2)}×.`,
        numbers,
      };
    }
    const why = !leftSlower
      ? 'one chunk per worker was not clearly slower than the best batch size (the skew did not unbalance the chunks enough here)'
      : 'the tiniest batches were not clearly slower (per-batch messaging was cheap relative to the work)';
    return { status: 'not-reproduced', headline: 'No clear U over batch size.', numbers, reason: because(why, noiseReason(pts)) };
  },
};
