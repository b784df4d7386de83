import { measurablyFaster, NOISE_BAND } from '../core/stats';
import type { Lesson } from './types';
import { because, fmtCi, fmtPct, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, pointsWhere, reps, speedupRatio } from './verdict-helpers';

export const manyFilesVsOne: Lesson = {
  id: 'many-files-vs-one',
  number: 4,
  title: 'Many files vs one file',
  question: 'Why do independent files scale when one big file of variable-length records does not?',
  explanation:
    'In a format of variable-length records you only know where record k starts after reading the ' +
    'k − 1 before it. To hand each worker its share of one such file, somebody must first scan the ' +
    'whole file serially for the boundaries — an index pass that no number of workers can speed up. ' +
    'Independent files have no such pass: each worker opens its own and starts at once. This lesson ' +
    'runs the same `varlen` records both ways: every worker generating (reading) its own shard, and ' +
    'one buffer that is indexed serially before it is split. Then look at the phase breakdown: the ' +
    'index pass is the split phase. The way out for one file is a format that lets a reader ' +
    'resynchronise: cut the buffer at arbitrary byte offsets and let each worker skip forward to the ' +
    'next record boundary — here, a terminator byte that never occurs inside a record.',
  story:
    'A Julia reader of a binary market-data format found that multi-file processing scaled linearly ' +
    'with cores, while splitting one file of variable-length records needed boundary tracking and a ' +
    'producer–consumer pipeline whose realistic gain was about +20 %. It chose to document many-files ' +
    'parallelism and not to parallelise single files.',
  sources: ['market-data-files'],
  claim:
    'Workers reading their own shards reach a clearly higher speedup than workers fed from one buffer that one thread must first read and index (the index pass shows in the split phase).',
  chart: 'phases',
  tryNext: {
    text: 'Switch the varlen split to resync: the serial index pass disappears and the one-buffer speedup rises.',
    patch: { varlenSplit: 'resync' },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    return {
      base: lessonBase({
        job: 'parse', format: 'varlen', payloadBytes: 48, strategy: 'pool', poolLife: 'warm', varlenSplit: 'index',
        workRounds: 0, records: budget === 'quick' ? 300_000 : 1_000_000, workers: n,
      }),
      sweep: [{ param: 'shipping', values: ['generate-in-worker', 'transfer'] }],
      warmups: 1,
      repetitions: reps(budget, 9, 15),
      lessonId: 'many-files-vs-one',
    };
  },
  verdict(analysis) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const [shards] = pointsWhere(analysis.points, { shipping: 'generate-in-worker' });
    const [one] = pointsWhere(analysis.points, { shipping: 'transfer' });
    const splitShare = one.summary!.median > 0 ? one.phaseMediansMs.split / one.summary!.median : 0;
    const r = speedupRatio(shards, one);
    const numbers = [
      { label: 'Own shards (many files)', value: `speedup ${fmtX(shards.speedup!.ratio)}` },
      { label: 'One indexed buffer', value: `speedup ${fmtX(one.speedup!.ratio)}` },
      { label: 'Shards ÷ one buffer, speedup', value: `${fmtX(r.ratio)} (${fmtCi(r.ci95, fmtX)})` },
      { label: 'Index pass (split phase) of the one buffer', value: fmtPct(splitShare) },
    ];
    if (measurablyFaster(r)) {
      return { status: 'reproduced', headline: `Independent shards scale ${fmtX(shards.speedup!.ratio)}; one indexed buffer only ${fmtX(one.speedup!.ratio)}.`, numbers };
    }
    return {
      status: 'not-reproduced',
      headline: 'The two ways did not differ clearly here.',
      numbers,
      reason: because(
        `the ratio of their speedups, ${fmtX(r.ratio)} (95 % interval ${fmtX(r.ci95[0])} – ${fmtX(r.ci95[1])}), is not measurably above 1: the interval reaches 1 or the gain is inside the ±${NOISE_BAND * 100} % noise band`,
        noiseReason([shards, one]),
      ),
    };
  },
};
