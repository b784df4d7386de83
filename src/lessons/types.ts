import type { LessonEnv } from '../core/model/environment';
import type { ExperimentAnalysis } from '../core/experiment/analysis';
import type { ExperimentConfig, RunConfig } from '../core/model/types';
import type { SourceId } from './sources';

/** quick: at most ~20 s on a 2-core machine (the default); thorough: more points and repetitions. */
export type Budget = 'quick' | 'thorough';

/** The facts a lesson sizes its experiment from and judges its verdict by: a view of the one Environment. */
export type { LessonEnv };

/** The chart that tells a lesson's story (the ids the results view knows). */
export type LessonChart = 'time' | 'speedup' | 'phases' | 'timeline' | 'spread';

export interface VerdictNumber {
  label: string;
  value: string;
}

/** What the measurements say about the lesson's claim, computed, never hard-coded. */
export interface Verdict {
  status: 'reproduced' | 'not-reproduced';
  /** One sentence a teacher can read out. */
  headline: string;
  /** The numbers that show it. */
  numbers: VerdictNumber[];
  /** Why it was not reproduced, from the data (too few cores, noise, timer, effect inside the CI). */
  reason?: string;
}

export interface Lesson {
  id: string;
  number: number;
  title: string;
  question: string;
  /** At most 200 words, plain language. */
  explanation: string;
  /** The real-world report it comes from, described. */
  story: string;
  /** The field reports it reproduces (sources.ts), shown as "From: …" with links. */
  sources: SourceId[];
  /** The claim as a checkable condition. */
  claim: string;
  chart: LessonChart;
  /** One knob to change next, and what to look for. */
  tryNext: { text: string; patch: Partial<RunConfig> };
  preset(env: LessonEnv, budget: Budget): ExperimentConfig;
  verdict(analysis: ExperimentAnalysis, env: LessonEnv): Verdict;
}
