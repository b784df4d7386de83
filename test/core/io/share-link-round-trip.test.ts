import { describe, expect, it } from 'vitest';
import { analyseExperiment } from '../../../src/core/experiment/analysis';
import { decodeShare, encodeShare, parseSharedJson, shareLink, shareOfRun, sharedJson } from '../../../src/core/io/share-link';
import { planExperiment } from '../../../src/core/experiment/plan';
import { makeSweepRecord } from '../../helpers/sweep-record';

describe('a shared result', () => {
  const record = makeSweepRecord();
  const shared = shareOfRun(record);

  it('decodes from its link exactly as it was encoded', () => {
    const link = shareLink('https://example.org/playground/?x=1#v=1&workers=4', shared);
    expect(link.startsWith('https://example.org/playground/?x=1#share=')).toBe(true);
    expect(decodeShare(link)).toEqual({ ok: true, value: shared });
    expect(decodeShare(encodeShare(shared))).toEqual({ ok: true, value: shared });
  });

  it('reads back from its file form, the same payload as JSON', () => {
    expect(parseSharedJson(sharedJson(shared))).toEqual({ ok: true, value: shared });
  });

  it('fits 8 kB of link for a two-parameter sweep of 12 points', () => {
    expect(shared.points).toHaveLength(12);
    expect(shared.points.every((p) => p.n === 10 && p.wallsMs.length === 10 && p.baselineWallsMs.length === 10)).toBe(true);
    expect(shareLink('https://example.org/', shared).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('carries the analysis’ statistics, rounded to six significant digits, never recomputed', () => {
    const analysis = analyseExperiment(planExperiment(record.experiment), record.repetitions, record.environment.timerResolutionMs);
    shared.points.forEach((p, i) => {
      const a = analysis.points[i];
      expect(p.index).toBe(i);
      expect(p.medianMs).toBe(Number(a.summary!.median.toPrecision(6)));
      expect([p.ciLoMs, p.ciHiMs]).toEqual(a.summary!.ci95.map((x) => Number(x.toPrecision(6))));
      expect([p.speedup, p.speedupLo, p.speedupHi]).toEqual([a.speedup!.ratio, ...a.speedup!.ci95].map((x) => Number(x.toPrecision(6))));
      expect(p.wallsMs).toEqual(a.samples.map((s) => Math.round(s.wallMs * 1000) / 1000));
    });
    expect(shared.environment).toEqual(record.environment);
    expect(shared.experiment).toEqual(record.experiment);
  });
});
