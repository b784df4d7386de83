/**
 * Measurement science for Parallel Playground: pure functions, no DOM, no workers,
 * the same results in Node, a page and a worker. See DESIGN.md §4.
 */

export { StatsError, type StatsErrorCode } from './errors';
export { DEFAULT_SEED, mulberry32 } from './random';
export { type Sorted, sortAscending, quantileSorted, medianSorted, median } from './sorted';
export { DEFAULT_RESAMPLES, type BootstrapOptions } from './bootstrap';
export {
  summarize,
  tukeyFences,
  outlierClasses,
  type Interval,
  type Summary,
  type OutliersMs,
  type OutlierClass,
  type TukeyFencesMs,
} from './summarize';
export { speedup, efficiency, naiveEfficiency, type SpeedupResult } from './speedup';
export {
  NOISE_BAND,
  judgeChange,
  measurablyFaster,
  measurablySlower,
  type ChangeVerdict,
  type ChangeReason,
  type ChangeJudgement,
  type RatioWithInterval,
} from './change-rule';
export {
  amdahlSpeedup,
  amdahlCeiling,
  fitAmdahl,
  fitAmdahlThroughput,
  type AmdahlPoint,
  type AmdahlFit,
  type AmdahlThroughputPoint,
  type AmdahlThroughputFit,
} from './amdahl';
export { karpFlatt, gustafsonSpeedup } from './serial-fraction';
export {
  checkMachineNoise,
  judgeMachineNoise,
  spinWork,
  timeSpinLoops,
  NOISE_CHECK_LOOPS,
  NOISE_CHECK_ROUNDS,
  TARGET_HALF_WIDTH,
  type MachineNoise,
} from './machine-noise';
export { fitUsl, uslThroughput, uslPeakN, type UslPoint, type UslParams, type UslFit } from './usl';
export {
  breakEven,
  describeBreakEven,
  type BreakEven,
  type BreakEvenPoint,
  type CurvePoint,
  type Crossing,
  type Side,
} from './break-even';
export { fitTimeModel, project, type TimePoint, type TimeModel, type Projection } from './time-model';
export {
  recommend,
  type Sweep,
  type SweepPoint,
  type Choice,
  type SequentialThreshold,
  type Recommendation,
} from './recommend';
export {
  timerResolution,
  warnings,
  type WarningCode,
  type MeasurementWarning,
  type WarningOptions,
} from './timer';
export { parallelCapacity, capacityProbeWorkers, type ParallelCapacity, type SpinCount } from './capacity';
