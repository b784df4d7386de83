/** Fabricated runs for the compare tests: makeRecord's shape with chosen wall times. */
import type { RunRecord } from '../../../src/core/io/run-record';
import type { RepetitionRecord } from '../../../src/core/model/types';
import { makeRecord, type MakeRecordOptions } from '../../helpers/run-records';

/**
 * A workers sweep (1, 2, 4, … per `points`) whose measured repetitions at `workers = w` take
 * `walls[w][r]` ms, and whose baseline repetitions take `baselineMs` ms.
 */
export function runWithWalls(
  walls: Record<number, number[]>,
  options: MakeRecordOptions & { baselineMs?: number } = {},
): RunRecord {
  const points = options.points ?? Object.keys(walls).length;
  const repetitions = options.repetitions ?? Math.max(...Object.values(walls).map((w) => w.length));
  const record = makeRecord({ ...options, points, repetitions });
  const reps: RepetitionRecord[] = [];
  for (const rep of record.repetitions) {
    if (rep.role === 'baseline') {
      reps.push({ ...rep, sample: { ...rep.sample, wallMs: options.baselineMs ?? 40 } });
      continue;
    }
    const list = walls[rep.config.workers];
    if (!list || rep.repetition >= list.length) continue; // a point measured fewer times
    reps.push({ ...rep, sample: { ...rep.sample, wallMs: list[rep.repetition] } });
  }
  return { ...record, repetitions: reps };
}
