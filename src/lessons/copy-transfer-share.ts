import { sharedMemoryUnavailable } from '../core/model/config';
import { speedup } from '../core/stats';
import type { Lesson } from './types';
import { because, fmtCi, fmtCount, fmtMs, fmtX, lessonBase, lessonWorkers, missingData, noiseReason, pointsWhere, reps } from './verdict-helpers';

/** Copy's ship-in must be at least this many times transfer's… */
const MIN_RATIO = 3;
/** …and the 95 % interval of that ratio must stay above this. */
const MIN_CI_LOW = 1.5;

export const copyTransferShare: Lesson = {
  id: 'copy-transfer-share',
  number: 7,
  title: 'Copy, transfer or share',
  question: 'What does it cost to get the data to the workers?',
  explanation:
    'Workers share no memory by default. `postMessage` copies what you send with the structured-clone ' +
    'algorithm, which costs time in proportion to the bytes — like pickling arguments to another ' +
    'process. An ArrayBuffer can instead be transferred: ownership moves to the worker and the message ' +
    'copies nothing, so the cost stays nearly flat as the payload grows (the sender can no longer use ' +
    'the buffer, and only whole buffers move, so each worker’s share must be a buffer of its own). ' +
    'A SharedArrayBuffer is visible to every worker at once, with nothing moved at all; browsers only ' +
    'allow it on cross-origin-isolated pages. And the cheapest data to ship is the data each worker ' +
    'produces or reads itself. This lesson ships growing payloads the four ways and compares the ' +
    'ship-in phase. Look at how copy grows with the record count while transfer, share and ' +
    'generate-in-worker stay near zero.',
  story:
    'A MARC-reader benchmark plan set threads, which share one memory, against a multiprocessing pool, ' +
    'which must hand data to separate processes, to expose the process-pool overhead. A DuckDB ' +
    'preprocessing job had each of its worker processes write its own part file and merged the files at ' +
    'the end, instead of sending every result back to one process.',
  sources: ['marc-threads-gil', 'probe-preprocessing'],
  claim:
    'At the largest payload, copying the data in costs clearly more than transferring it: at least 3× the ship-in time, with the 95 % interval of that ratio above 1.5×.',
  chart: 'phases',
  tryNext: {
    text: 'Add per-record work (work rounds 200): shipping becomes a small share of the run and the modes converge.',
    patch: { workRounds: 200 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    const modes = ['copy', 'transfer', ...(sharedMemoryUnavailable(env) ? [] : ['shared']), 'generate-in-worker'];
    return {
      base: lessonBase({ job: 'parse', format: 'fixed', strategy: 'pool', poolLife: 'warm', workRounds: 0, workers: n }),
      sweep: [
        { param: 'records', values: budget === 'quick' ? [100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 4_000_000] },
        { param: 'shipping', values: modes },
      ],
      warmups: 1,
      repetitions: reps(budget, 5, 15),
      lessonId: 'copy-transfer-share',
    };
  },
  verdict(analysis, env) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const noShared = sharedMemoryUnavailable(env);
    const largest = Math.max(...analysis.points.map((p) => p.point.config.records));
    const at = pointsWhere(analysis.points, { records: largest });
    const numbers = at.map((p) => ({ label: `${p.point.config.shipping}, ${fmtCount(largest)} records`, value: `ship-in ${fmtMs(p.phaseMediansMs.shipIn)}` }));
    const copy = at.find((p) => p.point.config.shipping === 'copy')!;
    const transfer = at.find((p) => p.point.config.shipping === 'transfer')!;
    // Ratio of the median ship-in times with its bootstrap CI (a 0 ms phase counts as 1 µs).
    const shipIn = (p: typeof copy) => p.samples.map((s) => Math.max(s.phasesMs.shipIn, 1e-3));
    const r = speedup(shipIn(copy), shipIn(transfer));
    numbers.push({ label: 'Copy ÷ transfer, ship-in', value: `${fmtX(r.ratio)} (${fmtCi(r.ci95, fmtX)})` });
    // Without SharedArrayBuffer the lesson still compares copy and transfer, and says what it left out.
    if (noShared) numbers.push({ label: 'shared', value: `not measured: ${noShared}` });
    if (r.ratio >= MIN_RATIO && r.ci95[0] > MIN_CI_LOW) {
      return { status: 'reproduced', headline: `Copying ${fmtCount(largest)} records in took ${fmtX(r.ratio)} as long as transferring them.`, numbers };
    }
    return {
      status: 'not-reproduced',
      headline: 'Copy and transfer cost about the same here.',
      numbers,
      reason: because(
        r.ratio < MIN_RATIO
          ? `copy's ship-in was only ${fmtX(r.ratio)} transfer's`
          : `copy's ship-in was ${fmtX(r.ratio)} transfer's, but the interval of that ratio (${fmtX(r.ci95[0])} – ${fmtX(r.ci95[1])}) reaches down to ${fmtX(MIN_CI_LOW)}`,
        noiseReason([copy, transfer]),
        'the payload may be too small for the copy to show — try thorough, which ships larger ones',
      ),
    };
  },
};
