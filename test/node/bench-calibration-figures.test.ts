/** The `aa` and `lessons` benchmark figures from constructed records and outcomes. */
import { describe, expect, it } from 'vitest';
import { AA_CONFIGS, aaExperiment, aaFigure, aaOutcome, lessonsFigure, type LessonOutcome } from '../../src/node/bench/calibration';
import { APP_FIGURES } from '../../src/node/bench/figures-app';
import { judge } from '../../src/node/bench/report';
import { planExperiment } from '../../src/core/experiment/plan';
import type { RunRecord } from '../../src/core/io/run-record';
import { LESSONS } from '../../src/lessons';

/** A record holding only what aaOutcome reads: the experiment and the measured repetitions. */
function aaRecord(wallsA: number[], wallsB: number[]): RunRecord {
  const experiment = aaExperiment(AA_CONFIGS[1], true);
  const [a, b] = planExperiment(experiment).points;
  const reps = [
    ...wallsA.map((wallMs, repetition) => ({ pointIndex: 0, repetition, role: 'measured', config: a.config, sample: { wallMs } })),
    ...wallsB.map((wallMs, repetition) => ({ pointIndex: 1, repetition, role: 'measured', config: b.config, sample: { wallMs } })),
  ];
  return { experiment, repetitions: reps } as unknown as RunRecord;
}

describe('aa figure', () => {
  it('plans two configurations that differ only in a setting fixed data ignores', () => {
    for (const config of AA_CONFIGS) {
      const [a, b] = planExperiment(aaExperiment(config, false)).points;
      expect(a.config.format).toBe('fixed');
      expect({ ...a.config, varlenSplit: 'x' }).toEqual({ ...b.config, varlenSplit: 'x' });
      expect(a.config.varlenSplit).not.toBe(b.config.varlenSplit);
    }
    expect(AA_CONFIGS.map((c) => c.name)).toEqual([
      'worker-seq, small',
      'pool 2 warm, small',
      'pool 2 cold, small',
      'worker-seq, large',
      'pool 2 warm, large',
      'pool 2 cold, large',
    ]);
  });

  it('counts an interval excluding 1 as a false positive', () => {
    const same = aaOutcome('x', aaRecord([100, 101, 102, 103, 104], [100, 101, 102, 103, 104]))!;
    expect(same.ratio).toBe(1);
    expect(same.excludesOne).toBe(false);
    const apart = aaOutcome('x', aaRecord([100, 101, 102, 103, 104], [50, 50.5, 51, 51.5, 52]))!;
    expect(apart.ratio).toBe(2);
    expect(apart.excludesOne).toBe(true);
    expect(apart.ruleClaims).toBe(true);
    expect(aaOutcome('x', aaRecord([100, 101], []))).toBeUndefined();

    const fig = aaFigure([same, apart], ['pool 2 cold, small: failed']);
    expect(fig.series.falsePositivePct).toEqual([50]);
    expect(fig.series.ciWidthPct).toHaveLength(2);
    expect(fig.info).toMatchObject({ experiments: 2, falsePositives: 1, failedRuns: 1, x: '1/2 CIs exclude 1' });
  });
});

describe('lessons figure', () => {
  it('reports each lesson against its own target, and judges how many fell below theirs', () => {
    const [l1, l3] = [LESSONS[0], LESSONS[2]];
    const outcomes: LessonOutcome[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ lessonId: l1.id, reproduced: i < 9, ...(i < 9 ? {} : { reason: 'noisy' }) })),
      ...Array.from({ length: 10 }, (_, i) => ({ lessonId: l3.id, reproduced: i < 6, ...(i < 6 ? {} : { reason: 'no wall' }) })),
    ];
    const fig = lessonsFigure(outcomes);
    expect(fig.series.worstReproducePct).toEqual([60]);
    expect(fig.series.lessonsBelowOwnTarget).toEqual([1]);
    expect(fig.info[`lesson 1 ${l1.id}`]).toBe('9/10 (target ≥ 90 %)');
    expect(fig.info[`lesson 3 ${l3.id}`]).toBe('6/10 (target ≥ 70 %, MISSED)');
    expect(fig.info.lessonsBelowOwnTarget).toBe(1);
    expect(fig.notes).toEqual(['lesson 1 not reproduced 1×: noisy', 'lesson 3 not reproduced 4×: no wall']);
  });

  it('is MISSED when one lesson misses its own 9 of 10 even though every lesson reaches 7 of 10', () => {
    const strict = LESSONS.find((l) => l.number === 1)!;
    const other = LESSONS.find((l) => l.number === 3)!;
    const outcomes: LessonOutcome[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ lessonId: strict.id, reproduced: i < 8, ...(i < 8 ? {} : { reason: 'noisy' }) })),
      ...Array.from({ length: 10 }, (_, i) => ({ lessonId: other.id, reproduced: i < 7, ...(i < 7 ? {} : { reason: 'no wall' }) })),
    ];
    const spec = APP_FIGURES.find((f) => f.id === 'lessons')!;
    const judged = judge(spec, lessonsFigure(outcomes), 1000);
    expect(judged.status).toBe('missed');
    expect(judged.value?.median).toBe(1);
    expect(judge(spec, lessonsFigure(outcomes.map((o) => (o.lessonId === strict.id ? { lessonId: o.lessonId, reproduced: true } : o))), 1000).status).toBe('met');
  });
});
