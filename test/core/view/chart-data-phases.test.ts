import { describe, expect, it } from 'vitest';
import { buildPhases, efficiency, overheadShare, phasesTable } from '../../../src/core/view/chart-data';
import { PHASES, type Phase } from '../../../src/core/model/types';

function phases(patch: Partial<Record<Phase, number>>): Record<Phase, number> {
  return { ...(Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>), ...patch };
}

describe('buildPhases', () => {
  it('stacks non-zero phases in pipeline order with totals', () => {
    const m = buildPhases([
      { label: '1 worker', phasesMs: phases({ compute: 10, spawn: 2 }) },
      { label: '4 workers', phasesMs: phases({ compute: 3, spawn: 8, merge: 1 }) },
    ]);
    expect(m.labels).toEqual(['1 worker', '4 workers']);
    expect(m.layers.map((l) => l.phase)).toEqual(['spawn', 'compute', 'merge']);
    expect(m.layers[0]).toEqual({ phase: 'spawn', label: 'Spawn', valuesMs: [2, 8] });
    expect(m.totalsMs).toEqual([12, 12]);
    expect(phasesTable(m)).toEqual({
      caption: 'Median milliseconds per phase and configuration',
      columns: ['Configuration', 'Spawn ms', 'Compute ms', 'Merge ms', 'Sum ms'],
      rows: [
        ['1 worker', '2.000', '10.000', '0.000', '12.000'],
        ['4 workers', '8.000', '3.000', '1.000', '12.000'],
      ],
    });
  });

  it('computes the overhead share as non-compute phases over wall time', () => {
    expect(overheadShare(phases({ compute: 6, spawn: 3, merge: 1 }), 10)).toBe(0.4);
    expect(overheadShare(phases({ spawn: 30 }), 10)).toBe(1);
    expect(overheadShare(phases({ spawn: 3 }), 0)).toBe(0);
    expect(efficiency(3, 4)).toBe(0.75);
  });
});
