/**
 * A shared result as a run record, for the views that take one (the comparison with a run
 * made here). Never stored: it exists only while the shared result is open.
 *
 * What a link carries is less than a stored run: per point the wall times, the phase medians
 * and whether every answer was correct, but no spans and no digests. So each sample holds
 * its real wall time, its point's phase medians (baselines: none), no spans, and the digest
 * NOT_SHARED_DIGEST; `correct` is the point's shared verdict. Views that need more (the
 * timeline) show nothing for it, and nothing here is ever written back.
 */

import type { TableModel } from '../view/table';
import { configKey, planExperiment } from '../experiment/plan';
import { SCHEMA_VERSION, type RunRecord } from './run-record';
import { PHASES, type Digest, type Phase, type RepetitionRecord, type RunConfig } from '../model/types';
import { crc32, sharedJson, type SharedResult } from './share-link';

/** What a sample rebuilt from a shared result carries as its digest: links do not carry digests. */
export const NOT_SHARED_DIGEST: Readonly<Digest> = Object.freeze({ records: 0, checksum: '0'.repeat(16), tableHash: '0'.repeat(16) });

function noPhases(): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
}

/** The shared result as a read-only RunRecord (see the file comment). */
export function sharedAsRecord(shared: SharedResult): RunRecord {
  const plan = planExperiment(shared.experiment);
  const repetitions: RepetitionRecord[] = [];
  // Points on the same data share one baseline; a configuration's walls are added once, as analysis groups them by key.
  const added = new Set<string>();
  const add = (pointIndex: number, role: 'measured' | 'baseline', config: RunConfig, walls: number[], phasesMs: Record<Phase, number>, correct: boolean) => {
    const key = configKey(config);
    if (added.has(key)) return;
    added.add(key);
    walls.forEach((wallMs, repetition) =>
      repetitions.push({
        pointIndex,
        repetition,
        role,
        config,
        sample: {
          wallMs,
          phasesMs: { ...phasesMs },
          spans: [],
          recordsPerWorker: [],
          batchesPerWorker: [],
          digest: { ...NOT_SHARED_DIGEST },
          correct,
          startedAtMs: 0,
        },
      }),
    );
  };
  for (const p of shared.points) {
    const point = plan.points[p.index];
    add(p.index, 'measured', point.config, p.wallsMs, p.phaseMediansMs, p.allCorrect);
  }
  for (const p of shared.points) {
    const point = plan.points[p.index];
    add(p.index, 'baseline', plan.units[point.baselineUnit].config, p.baselineWallsMs, noPhases(), p.allCorrect);
  }
  return {
    id: `shared-${crc32(new TextEncoder().encode(sharedJson(shared))).toString(16).padStart(8, '0')}`,
    createdAt: shared.createdAt,
    label: shared.label,
    schemaVersion: SCHEMA_VERSION,
    appVersion: shared.environment.appVersion,
    experiment: shared.experiment,
    environment: shared.environment,
    status: shared.status,
    repetitions,
  };
}

const fixed = (x: number | null, digits: number): string => (x === null ? '' : x.toFixed(digits));

/** The shared statistics as a table, one row per point, the numbers exactly as the link carries them (rounded for reading). */
export function sharedPointsTable(shared: SharedResult): TableModel {
  const plan = planExperiment(shared.experiment);
  return {
    caption: 'Per configuration, as measured on the machine that shared it: median wall time with its 95 % bootstrap interval, speedup over its own sequential baseline',
    columns: ['Configuration', 'n', 'Median ms', 'CI low ms', 'CI high ms', 'Speedup', 'Speedup CI low', 'Speedup CI high', 'Efficiency', 'All correct'],
    rows: shared.points.map((p) => [
      plan.points[p.index].label,
      String(p.n),
      fixed(p.medianMs, 3),
      fixed(p.ciLoMs, 3),
      fixed(p.ciHiMs, 3),
      fixed(p.speedup, 2),
      fixed(p.speedupLo, 2),
      fixed(p.speedupHi, 2),
      fixed(p.efficiency, 2),
      p.allCorrect ? 'yes' : 'NO',
    ]),
  };
}
