import type { Lesson } from './types';
import { measurablyFaster } from '../core/stats';
import { because, coresPhrase, fmtCi, fmtX, lessonBase, lessonCores, missingData, noiseReason, reps, speedupRatio } from './verdict-helpers';

export const moreWorkersThanCores: Lesson = {
  id: 'more-workers-than-cores',
  number: 9,
  title: 'More workers than cores',
  question: 'Why were 4 workers no faster than 2?',
  explanation:
    'A worker is a thread; a core runs one thread at a time. Past the number of cores, extra workers ' +
    'only take turns, and each adds its own start-up, messages and memory traffic. The Universal ' +
    'Scalability Law describes throughput X(N) = λN / (1 + σ(N − 1) + κN(N − 1)): λ is one worker’s ' +
    'rate, σ the share that queues for something shared (contention), κ the cost of keeping workers ' +
    'consistent with each other (coherency). With κ > 0 throughput peaks at N* = √((1 − σ)/κ) and then ' +
    'falls — retrograde scaling. This lesson runs 1 up to 4 × the reported cores, fits the USL to the ' +
    'measured throughput, and shows σ, κ and the peak. Browsers may also report fewer cores than the ' +
    'machine has, or the operating system may give the tab fewer: the curve shows the truth.',
  story:
    'A Python batch pipeline found 2 and 4 workers giving the same throughput. Its analysis blamed ' +
    'process-pool start-up on a tiny batch (50 records), database lock contention growing with workers, ' +
    'and uneven shares — and warned that 4 workers can end up slower than 2.',
  sources: ['batch-pipeline-workers'],
  claim: 'Beyond the reported core count, more workers add no clear speedup: the largest worker count is not clearly faster than the core count.',
  chart: 'speedup',
  tryNext: {
    text: 'Switch the pool to cold: each extra worker now also pays its start-up inside the timing and the curve bends down sooner.',
    patch: { poolLife: 'cold' },
  },
  preset(env, budget) {
    const cores = lessonCores(env);
    const cap = Math.min(64, Math.max(8, 2 * cores));
    const values = budget === 'quick' ? [1, cores, 2 * cores, 4 * cores] : [1, 2, cores, Math.ceil(1.5 * cores), 2 * cores, 3 * cores, 4 * cores];
    const workers = [...new Set(values.map((v) => Math.min(v, cap, 64)))].sort((a, b) => a - b);
    return {
      base: lessonBase({
        job: 'group', format: 'fixed', strategy: 'pool', shipping: 'transfer', poolLife: 'warm', workRounds: 50,
        records: budget === 'quick' ? 300_000 : 1_000_000,
      }),
      sweep: [{ param: 'workers', values: workers }],
      warmups: 1,
      repetitions: reps(budget, 5, 15),
      lessonId: 'more-workers-than-cores',
    };
  },
  verdict(analysis, env) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const series = analysis.workerScaling[0];
    const cores = lessonCores(env);
    const pts = series.points.slice().sort((a, b) => a.point.config.workers - b.point.config.workers);
    const atCores = pts.filter((p) => p.point.config.workers <= cores).pop() ?? pts[0];
    const most = pts[pts.length - 1];
    const numbers = pts.map((p) => ({ label: `${p.point.config.workers} workers`, value: `speedup ${fmtX(p.speedup!.ratio)}` }));
    if (series.usl.ok) {
      const u = series.usl.fit;
      numbers.push({
        label: 'USL fit',
        value: `σ = ${u.sigma.toFixed(3)}, κ = ${u.kappa.toFixed(4)}${u.peakN !== null ? `, peak at N* ≈ ${u.peakN.toFixed(1)}` : ', no peak in sight'}`,
      });
    }
    if (most.point.config.workers <= cores) {
      return { status: 'not-reproduced', headline: 'No worker count went past the cores.', numbers, reason: `The sweep never exceeded the core count (${coresPhrase(env)}).` };
    }
    // One interval for "did more workers help?": the ratio of the two speedups, judged by the app's change rule.
    const gain = speedupRatio(most, atCores);
    const noGain = !measurablyFaster(gain);
    if (noGain) {
      return {
        status: 'reproduced',
        headline: `${most.point.config.workers} workers: ${fmtX(most.speedup!.ratio)}; ${atCores.point.config.workers} (the cores): ${fmtX(atCores.speedup!.ratio)} — no gain past the cores.`,
        numbers,
      };
    }
    return {
      status: 'not-reproduced',
      headline: 'Extra workers still helped here.',
      numbers,
      reason: because(
        `${most.point.config.workers} workers were measurably faster than ${atCores.point.config.workers} (${fmtX(gain.ratio)}, ${fmtCi(gain.ci95, fmtX)}), so this machine may have more cores than the lesson assumed (${coresPhrase(env)})`,
        noiseReason(pts),
      ),
    };
  },
};
