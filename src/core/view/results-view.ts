/**
 * Maps an experiment's analysis onto the view models the result cards and the five charts
 * draw. Pure: the same analysis always gives the same picture, mid-run or from history.
 */
import { otherCoordsLabel, type ExperimentAnalysis, type PointAnalysis } from '../experiment/analysis';
import { buildPhases, buildSpeedup, buildTimeVsRecords, type ResultsView, type SpeedupPoint, type TimeRow, type ResultCardsModel } from './chart-data';
import { plural } from './format';
import { buildSpread } from './spread-data';
import { buildTimeline } from './timeline-data';
import { describeBreakEven, judgeChange, outlierClasses, tukeyFences, sortAscending } from '../stats';

function workersOf(p: PointAnalysis): number {
  return p.threads;
}

/** The point the cards describe: the last point in plan order that has measurements. */
export function focusPoint(analysis: ExperimentAnalysis): PointAnalysis | undefined {
  for (let i = analysis.points.length - 1; i >= 0; i--) if (analysis.points[i].summary) return analysis.points[i];
  return undefined;
}

/** The key-number cards of one measured point (its label unless another is given). */
export function resultCards(focus: PointAnalysis, label: string = focus.point.label): ResultCardsModel {
  const summary = focus.summary!;
  return {
    label,
    medianMs: summary.median,
    ci95Ms: summary.ci95,
    throughputRecordsPerSec: focus.throughputRecordsPerSec ?? 0,
    ...(focus.speedup
      ? {
          speedup: {
            value: focus.speedup.ratio,
            ci95: focus.speedup.ci95,
            workers: workersOf(focus),
            change: judgeChange(focus.speedup).verdict,
          },
        }
      : {}),
    ...(focus.overheadShare !== null ? { overheadShare: focus.overheadShare } : {}),
    correct: focus.samples.length ? focus.allCorrect : null,
    warnings: focus.warnings.map((w) => w.message),
  };
}

/** Builds every view model the results area shows from what has been measured so far. */
export function buildResultsView(analysis: ExperimentAnalysis): ResultsView {
  const view: ResultsView = {};
  const measured = analysis.points.filter((p) => p.summary);
  const focus = focusPoint(analysis);
  if (!focus || !focus.summary) return view;

  view.cards = resultCards(focus);

  // 1. time vs records: one series per worker count, plus the sequential baseline.
  if (analysis.recordsScaling.length > 0) {
    const rows: TimeRow[] = [];
    const seenBaseline = new Set<number>();
    for (const p of measured) {
      const s = p.summary!;
      rows.push({ workers: workersOf(p), series: seriesLabel(p), records: p.point.config.records, medianMs: s.median, ci95Ms: s.ci95 });
      const b = p.baselineSummary;
      if (b && !seenBaseline.has(p.point.config.records) && p.point.unit !== p.point.baselineUnit) {
        seenBaseline.add(p.point.config.records);
        rows.push({ workers: 1, series: '1 worker (sequential baseline)', records: p.point.config.records, medianMs: b.median, ci95Ms: b.ci95 });
      }
    }
    const crossing = analysis.recordsScaling.find((r) => r.breakEven.ok && r.breakEven.fit.kind === 'crossing');
    const be = crossing && crossing.breakEven.ok && crossing.breakEven.fit.kind === 'crossing' ? { records: crossing.breakEven.fit.records, workers: crossing.workers } : null;
    // Without a crossing the chart says why: always faster, never faster, or too few points yet.
    const first = analysis.recordsScaling[0];
    const why = be
      ? undefined
      : first.breakEven.ok
        ? `No break-even: ${describeBreakEven(first.breakEven.fit, { a: '1 worker', b: `the ${first.workers}-worker run` })}`
        : `No break-even: ${first.breakEven.reason}`;
    view.timeVsRecords = buildTimeVsRecords(rows, be, why);
  }

  // 2. speedup vs workers. With a workers sweep: the series holding the focus point, with its
  // fits. Without one, every other swept value (e.g. each record count) would stack at the same
  // worker count: only the points that differ from the focus in workers alone are drawn.
  const scaling = analysis.workerScaling.find((s) => s.points.includes(focus)) ?? analysis.workerScaling[0];
  const focusSeries = otherCoordsLabel(focus.point, 'workers');
  const source = scaling ? scaling.points : measured.filter((p) => otherCoordsLabel(p.point, 'workers') === focusSeries);
  const speedupPoints: SpeedupPoint[] = source
    .filter((p) => p.speedup)
    .map((p) => ({ workers: workersOf(p), speedup: p.speedup!.ratio, ci95: p.speedup!.ci95 }));
  if (speedupPoints.length > 0) {
    const baselineThroughput = (() => {
      const b = source.find((p) => p.baselineSummary && p.baselineSummary.median > 0);
      return b ? b.point.config.records / (b.baselineSummary!.median / 1000) : undefined;
    })();
    const otherSeries = scaling ? analysis.workerScaling.length - 1 : measured.filter((p) => p.speedup).length - speedupPoints.length;
    const note =
      otherSeries <= 0
        ? undefined
        : scaling
          ? `Series ${scaling.label} (the latest measured); ${plural(otherSeries, 'other series is', 'other series are')} in the CSV export.`
          : `Speedup at ${focusSeries} only: this experiment does not vary the worker count, so its other ${plural(otherSeries, 'point', 'points')} would all stand at ${workersOf(focus)} workers. The time-vs-records and spread charts show them.`;
    view.speedup = buildSpeedup({
      points: speedupPoints,
      amdahl: scaling?.amdahl.ok ? { p: scaling.amdahl.fit.p } : null,
      usl: scaling?.usl.ok ? { sigma: scaling.usl.fit.sigma, kappa: scaling.usl.fit.kappa, lambda: scaling.usl.fit.lambda, ...(baselineThroughput ? { baselineThroughput } : {}) } : null,
      ...(note ? { note } : {}),
    });
  }

  // 3. phase breakdown per configuration.
  view.phases = buildPhases(measured.map((p) => ({ label: p.point.label, phasesMs: p.phaseMediansMs })));

  // 4. timeline of the focus point's latest repetition.
  const last = focus.samples[focus.samples.length - 1];
  if (last) view.timeline = buildTimeline(last.spans, last.startedAtMs, last.wallMs);

  // 5. spread of the samples, outliers flagged by the same Tukey fences as the summary.
  view.spread = buildSpread(
    measured.map((p) => {
      const walls = p.samples.map((s) => s.wallMs);
      return { label: p.point.label, samplesMs: walls, outliers: outlierClasses(walls, tukeyFences(sortAscending(walls))), medianMs: p.summary!.median };
    }),
  );
  return view;
}

function seriesLabel(p: PointAnalysis): string {
  const c = p.point.config;
  if (c.strategy === 'pool') return plural(c.workers, 'worker');
  if (c.strategy === 'main-async') return `${c.workers} async tasks`;
  return c.strategy;
}

