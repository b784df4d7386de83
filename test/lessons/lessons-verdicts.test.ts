import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../src/lessons';
import type { RunConfig, Span } from '../../src/core/model/types';
import { fabricate, seqMs, TWO_CORES, type FakeRun } from './lesson-fixtures';

const lesson = (id: string) => {
  const l = lessonById(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
};

function isBaseline(c: RunConfig): boolean {
  return c.strategy === 'worker-seq';
}

describe('lesson texts', () => {
  it('has ten lessons, numbered in order, each explanation at most 200 words', () => {
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const l of LESSONS) {
      expect(l.explanation.split(/\s+/).filter(Boolean).length, l.id).toBeLessThanOrEqual(200);
      for (const text of [l.title, l.question, l.story, l.claim, l.tryNext.text]) expect(text, l.id).toMatch(/\w{3}/);
      expect(Object.keys(l.tryNext.patch).length, l.id).toBeGreaterThan(0);
    }
  });
  it('presets tag the lesson and stay small in quick mode', () => {
    for (const l of LESSONS) {
      const quick = l.preset(TWO_CORES, 'quick');
      expect(quick.lessonId).toBe(l.id);
      const thorough = l.preset(TWO_CORES, 'thorough');
      expect(thorough.repetitions).toBeGreaterThanOrEqual(quick.repetitions);
    }
  });
});

describe('overhead-small-batches verdict', () => {
  const l = lesson('overhead-small-batches');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces when N workers lose small and win large', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 15 + c.records * 0.0002 : 30 + (c.records * 0.0002) / 1.8 }));
    const v = l.verdict(a, TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.numbers.find((n) => n.label === 'Break-even')).toBeDefined();
  });
  it('does not reproduce when the workers never win, and says so', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 15 + c.records * 0.0002 : 30 + c.records * 0.0002 }));
    const v = l.verdict(a, TWO_CORES);
    expect(v.status).toBe('not-reproduced');
    expect(v.reason).toMatch(/not clearly faster/);
  });
});

describe('speedup-not-efficiency verdict', () => {
  const l = lesson('speedup-not-efficiency');
  const exp = l.preset(TWO_CORES, 'quick');
  const spans = (batches: number, wall: number): Span[] =>
    Array.from({ length: batches }, (_, i) => {
      const worker = i % 2;
      const end = ((Math.floor(i / 2) + 1) / (batches / 2)) * wall;
      return { worker, kind: 'compute' as const, startMs: end - wall / (batches / 2), endMs: end };
    });
  it('reproduces when summed item times exceed 100 % and S/N does not', () => {
    const a = fabricate(exp, (c) => (isBaseline(c) ? { wallMs: 100 } : { wallMs: 62.5, spans: spans(50, 60) }));
    const v = l.verdict(a, TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.numbers[1].value).toContain('80 %');
  });
  it('does not reproduce with one batch per worker (no overlap to double count)', () => {
    const a = fabricate(exp, (c) => (isBaseline(c) ? { wallMs: 100 } : { wallMs: 62.5, spans: spans(2, 30) }));
    expect(l.verdict(a, TWO_CORES).status).toBe('not-reproduced');
  });
});

describe('amdahl-wall verdict', () => {
  const l = lesson('amdahl-wall');
  const exp = l.preset({ ...TWO_CORES, hardwareConcurrency: 4 }, 'quick');
  const env4 = { ...TWO_CORES, hardwareConcurrency: 4 };
  it('reproduces when speedups follow a serial part', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 * (0.3 + 0.7 / c.workers) }));
    const v = l.verdict(a, env4);
    expect(v.status).toBe('reproduced');
    expect(v.numbers.at(-1)?.value).toMatch(/0\.700 → ceiling 3\.33×/);
  });
  it('does not reproduce when speedups beat the bound', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 / c.workers }));
    const v = l.verdict(a, env4);
    expect(v.status).toBe('not-reproduced');
    expect(v.reason).toMatch(/beat the bound/);
  });
  it('does not take one worker a few % faster than the baseline for a broken wall (same work, noise)', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : c.workers === 1 ? 95 : 100 * (0.3 + 0.7 / c.workers) }));
    expect(l.verdict(a, env4).status).toBe('reproduced');
  });
  it('does not count "no speedup at all" (busy cores) as meeting the wall', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 + c.workers }));
    const v = l.verdict(a, env4);
    expect(v.status).toBe('not-reproduced');
    expect(v.reason).toMatch(/no worker count was clearly faster/);
  });
});

describe('many-files-vs-one verdict', () => {
  const l = lesson('many-files-vs-one');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces when shards scale and the indexed buffer does not', () => {
    const a = fabricate(exp, (c) =>
      isBaseline(c) ? { wallMs: 100 } : c.shipping === 'generate-in-worker' ? { wallMs: 55 } : { wallMs: 90, phasesMs: { split: 40, compute: 45 } },
    );
    const v = l.verdict(a, TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.numbers.find((n) => n.label.startsWith('Index pass'))?.value).toBe('44 %');
    expect(v.numbers.find((n) => n.label === 'Shards ÷ one buffer, speedup')?.value).toMatch(/^1\.64× \(95 % CI/);
  });
  it('does not reproduce when both scale alike', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 55 }));
    expect(l.verdict(a, TWO_CORES).reason).toMatch(/not measurably above 1/);
  });
});

describe('group-by-vs-n-plus-1 verdict', () => {
  const l = lesson('group-by-vs-n-plus-1');
  const exp = l.preset(TWO_CORES, 'quick');
  const t = (naiveFactor: number) => (c: RunConfig): FakeRun => {
    const base = c.job === 'group-naive' ? 10 * naiveFactor : 10;
    const ms = c.strategy === 'worker-seq' || c.workers === 1 ? base : base / 1.6;
    return { wallMs: ms, phasesMs: { compute: ms * 0.8, merge: ms * 0.1 } };
  };
  it('reproduces when per-key scans are far slower', () => {
    const v = l.verdict(fabricate(exp, t(40)), TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.numbers[2].value).toBe('40.0× faster');
  });
  it('does not reproduce when they are close', () => {
    expect(l.verdict(fabricate(exp, t(1.5)), TWO_CORES).status).toBe('not-reproduced');
  });
});

describe('concurrency-not-parallelism verdict', () => {
  const l = lesson('concurrency-not-parallelism');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces when main-async is flat and the pool wins', () => {
    const a = fabricate(exp, (c) => ({ wallMs: c.strategy === 'pool' ? 55 : c.strategy === 'main-async' ? 105 : 100 }));
    expect(l.verdict(a, TWO_CORES).status).toBe('reproduced');
  });
  it('blames the single core when the pool cannot win', () => {
    const one = { ...TWO_CORES, hardwareConcurrency: 1 };
    const a = fabricate(exp, (c) => ({ wallMs: c.strategy === 'main-async' ? 105 : 100 }));
    expect(l.verdict(a, one).reason).toMatch(/reports 1 core, so the workers cannot run at the same time/);
  });
});

describe('copy-transfer-share verdict', () => {
  const l = lesson('copy-transfer-share');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces when copying in costs far more', () => {
    const a = fabricate(exp, (c) => ({
      wallMs: 50,
      phasesMs: { shipIn: c.shipping === 'copy' ? c.records * 0.00003 : 0.3, compute: 40 },
    }));
    expect(l.verdict(a, TWO_CORES).status).toBe('reproduced');
  });
  it('does not reproduce when ship-in is the same', () => {
    const a = fabricate(exp, () => ({ wallMs: 50, phasesMs: { shipIn: 1, compute: 40 } }));
    expect(l.verdict(a, TWO_CORES).status).toBe('not-reproduced');
  });
  it('judges the ratio with its CI: 3.5× with little noise reproduces, 3.5× drowned in noise does not', () => {
    const at = (c: RunConfig) => (c.shipping === 'copy' ? 35 : 10);
    const calm = fabricate(exp, (c) => ({ wallMs: 50, phasesMs: { shipIn: at(c), compute: 40 } }));
    const v = l.verdict(calm, TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.numbers.at(-1)).toEqual({ label: 'Copy ÷ transfer, ship-in', value: '3.50× (95 % CI 3.46× – 3.54×)' });
    const noisy = fabricate(exp, (c) => ({ wallMs: 50, phasesMs: { shipIn: at(c), compute: 40 } }), 0.6);
    const w = l.verdict(noisy, TWO_CORES);
    expect(w.status).toBe('not-reproduced');
    expect(w.reason).toMatch(/interval of that ratio/);
  });
});

describe('uneven-work verdict', () => {
  const l = lesson('uneven-work');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces a U over batch size', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 50 + (c.batchSize > 10_000 ? 35 : 0) + 20_000 / c.batchSize }));
    const v = l.verdict(a, TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.headline).toMatch(/Best at batches of 3,125/);
  });
  it('does not reproduce when big batches are fine', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 50 + 20_000 / c.batchSize }));
    expect(l.verdict(a, TWO_CORES).reason).toMatch(/one chunk per worker was not clearly slower/);
  });
});

describe('more-workers-than-cores verdict', () => {
  const l = lesson('more-workers-than-cores');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces when extra workers do not help', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 / Math.min(c.workers, 2) + c.workers }));
    const v = l.verdict(a, TWO_CORES);
    expect(v.status).toBe('reproduced');
    expect(v.numbers.some((n) => n.label === 'USL fit')).toBe(true);
  });
  it('does not reproduce when 8 workers keep scaling', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 / c.workers }));
    expect(l.verdict(a, TWO_CORES).reason).toMatch(/more cores than the lesson assumed \(this browser reports 2 cores\)/);
  });
});

describe('parallelise-right-part verdict', () => {
  const l = lesson('parallelise-right-part');
  const exp = l.preset(TWO_CORES, 'quick');
  it('reproduces when speedup stays under 1.11×', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 * (0.9 + 0.1 / c.workers) + 2 }));
    expect(l.verdict(a, TWO_CORES).status).toBe('reproduced');
  });
  it('does not reproduce when a speedup beats the ceiling', () => {
    const a = fabricate(exp, (c) => ({ wallMs: isBaseline(c) ? 100 : 100 / c.workers }));
    expect(l.verdict(a, TWO_CORES).status).toBe('not-reproduced');
  });
});

describe('every verdict refuses incorrect or missing data', () => {
  it('reports a digest mismatch instead of a verdict', () => {
    for (const l of LESSONS) {
      const exp = l.preset(TWO_CORES, 'quick');
      const a = fabricate(exp, (c) => ({ wallMs: seqMs(c) }));
      a.points[0].allCorrect = false;
      expect(l.verdict(a, TWO_CORES).headline, l.id).toMatch(/did not match the sequential answer/);
    }
  });
});
