import { amdahlSpeedup, measurablyFaster } from '../core/stats';
import type { Lesson } from './types';
import { because, coresPhrase, lessonCores, fmtPct, fmtX, lessonBase, missingData, noiseReason, reps } from './verdict-helpers';
import { plural } from '../core/view/format';

const SERIAL = 0.2;

export const amdahlWall: Lesson = {
  id: 'amdahl-wall',
  number: 3,
  title: 'Amdahl’s wall',
  question: 'If a fifth of the job must run on one thread, how fast can any number of workers make it?',
  explanation:
    'Amdahl’s law: if a fraction p of a job can run in parallel and the rest (1 − p) cannot, N workers ' +
    'give at most S(N) = 1 / ((1 − p) + p / N). However large N grows, the speedup never passes the ' +
    'ceiling 1 / (1 − p). With 20 % serial work — an index pass before the split, a merge after it — ' +
    'that ceiling is 5×, and 2, 4 and 8 workers give at most 1.67×, 2.5× and 3.33×. This lesson gives ' +
    'the job a serial part of 20 % of its sequential work, measures the speedup at each worker count, ' +
    'and fits p to the measurements by least squares. The fitted p is usually lower than 0.8: start-up ' +
    'and shipping behave like extra serial work. The fitted ceiling tells you the most that buying ' +
    'cores can ever give this job.',
  story:
    'A Julia reader of a binary market-data format worked out that with parsing 80 % of the time and ' +
    'I/O 20 %, threads give 1.67× on 2 cores, 2.50× on 4, 3.33× on 8 and never more than 5.00× — and ' +
    'chose to process many files in parallel instead. A Rust interpreter’s team used the same law to ' +
    'explain why their parallel insert could not pay off.',
  sources: ['market-data-files', 'interpreter-bulk-insert'],
  claim: `With a ${fmtPct(SERIAL)} serial part, the workers do speed the job up, yet no measured speedup exceeds Amdahl’s bound 1/(0.2 + 0.8/N), and the fitted ceiling 1/(1 − p) is finite.`,
  chart: 'speedup',
  tryNext: {
    text: 'Set the serial fraction to 0: the fitted ceiling jumps and speedup tracks the core count (up to your cores).',
    patch: { serialFraction: 0 },
  },
  preset(env, budget) {
    const cores = Math.max(2, lessonCores(env));
    const top = budget === 'quick' ? Math.min(cores, 4) : Math.min(cores, 8);
    const workers = Array.from({ length: top }, (_, i) => i + 1);
    return {
      base: lessonBase({
        // Workers make their own data, so the only serial work is the 20 % part (plus start-up and messages).
        job: 'parse', format: 'fixed', strategy: 'pool', shipping: 'generate-in-worker', poolLife: 'warm',
        workRounds: 100, records: 200_000, serialFraction: SERIAL,
      }),
      sweep: [{ param: 'workers', values: workers }],
      warmups: 1,
      repetitions: reps(budget, 9, 15),
      lessonId: 'amdahl-wall',
    };
  },
  verdict(analysis, env) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const series = analysis.workerScaling[0];
    const numbers = series.points.map((p) => ({
      label: plural(p.point.config.workers, 'worker'),
      value: `${fmtX(p.speedup!.ratio)} (Amdahl bound ${fmtX(amdahlSpeedup(1 - SERIAL, p.point.config.workers))})`,
    }));
    if (!series.amdahl.ok) {
      return { status: 'not-reproduced', headline: 'Amdahl’s law could not be fitted.', numbers, reason: `${series.amdahl.reason}.` };
    }
    const { p, ceiling } = series.amdahl.fit;
    numbers.push({ label: 'Fitted p', value: `${p.toFixed(3)} → ceiling ${Number.isFinite(ceiling) ? fmtX(ceiling) : '∞'}` });
    // One worker against the one-worker baseline is the same work twice: its "speedup" is 1 ± noise
    // (and JIT luck), and a few % above 1 is no evidence against Amdahl. The wall is judged from 2 up.
    const aboveBound = series.points.filter(
      (pt) => pt.point.config.workers > 1 && pt.speedup!.ci95[0] > amdahlSpeedup(1 - SERIAL, pt.point.config.workers) * 1.02,
    );
    if (lessonCores(env) < 2) {
      return { status: 'not-reproduced', headline: 'One core cannot show a speedup curve.', numbers, reason: `With one core (${coresPhrase(env)}), every worker count runs one at a time.` };
    }
    // Without any real speedup there is no curve to meet the wall: staying under the bound proves nothing then.
    const helped = series.points.some((pt) => pt.point.config.workers > 1 && measurablyFaster(pt.speedup!));
    if (aboveBound.length === 0 && helped && Number.isFinite(ceiling) && ceiling < 20) {
      return { status: 'reproduced', headline: `Speedup stays under Amdahl’s bound; the fitted ceiling is ${fmtX(ceiling)}.`, numbers };
    }
    const why = aboveBound.length
      ? `${aboveBound.map((pt) => pt.point.label).join(', ')} beat the bound, which a 20 % serial part should make impossible`
      : !helped
        ? 'no worker count was clearly faster than one worker, so the measurements show no speedup curve to run into the wall; the cores may be busy'
        : `the fitted ceiling (${Number.isFinite(ceiling) ? fmtX(ceiling) : '∞'}) shows no wall in this range`;
    return { status: 'not-reproduced', headline: 'The speedups did not show the wall.', numbers, reason: because(why, noiseReason(series.points)) };
  },
};
