/**
 * Judging a stored lesson run from its raw repetitions with the lesson's own verdict (pure:
 * the Lessons view restores outcomes with it, and the `lessons` benchmark figure judges its
 * runs with it, so both say exactly what a reader of the lesson would see).
 */
import { analyseRecord, type ExperimentAnalysis } from '../core/experiment/analysis';
import type { RunRecord } from '../core/io/run-record';
import { lessonById } from './index';
import type { Lesson, LessonEnv, Verdict } from './types';

/** The facts a lesson is sized and judged by, from the captured environment. */
export function lessonEnvOf(env: LessonEnv): LessonEnv {
  return {
    hardwareConcurrency: env.hardwareConcurrency,
    crossOriginIsolated: env.crossOriginIsolated,
    timerResolutionMs: env.timerResolutionMs,
    ...(env.sharedArrayBuffer !== undefined ? { sharedArrayBuffer: env.sharedArrayBuffer } : {}),
    ...(env.measuredCores !== undefined ? { measuredCores: env.measuredCores } : {}),
  };
}

/** Runs a lesson's verdict; a verdict that throws on unexpected data gives undefined. */
export function judge(lesson: Lesson, analysis: ExperimentAnalysis, env: LessonEnv): Verdict | undefined {
  try {
    return lesson.verdict(analysis, env);
  } catch {
    return undefined;
  }
}

/** Re-analyses a stored lesson run from its raw repetitions and judges it with the lesson's verdict. */
export function judgeRecord(record: RunRecord): { lesson: Lesson; analysis: ExperimentAnalysis; verdict: Verdict; env: LessonEnv } | undefined {
  const lesson = lessonById(record.lessonId ?? record.experiment.lessonId ?? '');
  if (!lesson || record.repetitions.length === 0) return undefined;
  const env = lessonEnvOf(record.environment);
  let analysis: ExperimentAnalysis;
  try {
    analysis = analyseRecord(record);
  } catch {
    return undefined;
  }
  const verdict = judge(lesson, analysis, env);
  return verdict ? { lesson, analysis, verdict, env } : undefined;
}

