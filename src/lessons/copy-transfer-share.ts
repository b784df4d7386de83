import type { Lesson } from './types';
import { because, fmtCount, fmtMs, fmtX, lessonBase, lessonWorkers, missingData, pointsWhere, reps } from './verdict-helpers';

export const copyTransferShare: Lesson = {
  id: 'copy-transfer-share',
  number: 7,
  title: 'Copy, transfer or share',
  question: 'What does it cost to get the data to the workers?',
  explanation:
    'Workers share no memory by default. `postMessage` copies what you send with the structured-clone ' +
    'algorithm, which costs time in proportion to the bytes — like pickling arguments to another ' +
    'process. An ArrayBuffer can instead be transferred: ownership moves to the worker and no byte is ' +
    'copied, so the cost stays flat as the payload grows (the sender can no longer use it). A ' +
    'SharedArrayBuffer is visible to every worker at once, with nothing moved at all; browsers only ' +
    'allow it on cross-origin-isolated pages. And the cheapest data to ship is the data each worker ' +
    'produces or reads itself. This lesson ships growing payloads the four ways and compares the ' +
    'ship-in phase. Look at how copy grows with the record count while transfer and share stay near zero.',
  story:
    'A MARC-reader benchmark plan set threads, which share one memory, against a multiprocessing pool, ' +
    'which must hand data to separate processes, to expose the process-pool overhead. A DuckDB ' +
    'preprocessing job had each of its worker processes write its own part file and merged the files at ' +
    'the end, instead of sending every result back to one process.',
  seeds: ['000', '003'],
  claim: 'At the largest payload, copying in costs clearly more (≥ 3×) than transferring.',
  chart: 'phases',
  tryNext: {
    text: 'Add per-record work (work rounds 200): shipping becomes a small share of the run and the modes converge.',
    patch: { workRounds: 200 },
  },
  preset(env, budget) {
    const n = lessonWorkers(env);
    const modes = ['copy', 'transfer', ...(env.crossOriginIsolated ? ['shared'] : []), 'generate-in-worker'];
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
  verdict(analysis) {
    const missing = missingData(analysis);
    if (missing) return missing;
    const largest = Math.max(...analysis.points.map((p) => p.point.config.records));
    const at = pointsWhere(analysis.points, { records: largest });
    const numbers = at.map((p) => ({ label: `${p.point.config.shipping}, ${fmtCount(largest)} records`, value: `ship-in ${fmtMs(p.phaseMediansMs.shipIn)}` }));
    const copy = at.find((p) => p.point.config.shipping === 'copy')!;
    const transfer = at.find((p) => p.point.config.shipping === 'transfer')!;
    const ratio = copy.phaseMediansMs.shipIn / Math.max(transfer.phaseMediansMs.shipIn, 1e-3);
    if (ratio >= 3 && copy.phaseMediansMs.shipIn - transfer.phaseMediansMs.shipIn > 1) {
      return { status: 'reproduced', headline: `Copying ${fmtCount(largest)} records in took ${fmtX(ratio)} as long as transferring them.`, numbers };
    }
    return {
      status: 'not-reproduced',
      headline: 'Copy and transfer cost about the same here.',
      numbers,
      reason: because(`copy's ship-in was only ${fmtX(ratio)} transfer's`, 'the payload may be too small for the copy to show — try thorough, which ships larger ones'),
    };
  },
};
