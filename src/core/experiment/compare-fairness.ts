/**
 * Whether two runs can be compared fairly. A comparison matches points by configuration, so
 * the configurations are equal; what can still differ is the machine and the measuring
 * conditions. Each difference that changes what a time means is flagged with why, for the
 * comparison to show beside its verdicts: a faster "after" on a machine with more cores says
 * nothing about the code.
 */

import type { Environment } from '../model/environment';
import type { ExperimentConfig } from '../model/types';
import { describeInput, type RunInput } from '../model/run-input';
import { browserName, browserOf } from '../io/machine';

/** The difference a flag is about. */
export type FairnessIssue = 'cores' | 'browser' | 'isolation' | 'timer' | 'warmups' | 'app-version' | 'input';

export interface FairnessFlag {
  issue: FairnessIssue;
  /** One sentence: what differs, both values, and why it matters. */
  text: string;
}

/** What a side of a comparison brings: where it ran and how it was measured. */
export interface ComparedRun {
  environment: Environment;
  experiment: Pick<ExperimentConfig, 'warmups'>;
  /** A person's file or kernel the run measured; absent for the generated records. */
  input?: RunInput;
}

/** What makes two inputs the same work: the file (name, size, format) and job, or the kernel's code and its file. */
function inputIdentity(input: RunInput | undefined): string {
  if (!input) return 'generated';
  if (input.kind === 'kernel') return JSON.stringify(['kernel', input.sourceHash, input.file ?? null]);
  return JSON.stringify(['data-file', input.file, input.job, input.groupBy ?? null, input.aggregate]);
}

/** Every difference between two runs that makes comparing their times unfair; [] when none. */
export function fairnessFlags(before: ComparedRun, after: ComparedRun): FairnessFlag[] {
  const flags: FairnessFlag[] = [];
  const b = before.environment;
  const a = after.environment;
  if (b.hardwareConcurrency !== a.hardwareConcurrency) {
    flags.push({
      issue: 'cores',
      text: `Different core counts reported (before ${b.hardwareConcurrency}, after ${a.hardwareConcurrency}): parallel points are limited by different hardware.`,
    });
  }
  const bb = browserOf(b.userAgent);
  const ab = browserOf(a.userAgent);
  if (bb.name !== ab.name || bb.major !== ab.major) {
    flags.push({
      issue: 'browser',
      text: `Different browsers (before ${browserName(b.userAgent)}, after ${browserName(a.userAgent)}): their JavaScript engines and workers differ.`,
    });
  }
  if (b.crossOriginIsolated !== a.crossOriginIsolated) {
    const yes = (v: boolean) => (v ? 'isolated' : 'not isolated');
    flags.push({
      issue: 'isolation',
      text: `Cross-origin isolation differs (before ${yes(b.crossOriginIsolated)}, after ${yes(a.crossOriginIsolated)}): shared memory and the finest timer exist only when isolated.`,
    });
  }
  if (b.timerResolutionMs !== a.timerResolutionMs) {
    flags.push({
      issue: 'timer',
      text: `Different timer steps (before ${b.timerResolutionMs} ms, after ${a.timerResolutionMs} ms): short times are rounded differently.`,
    });
  }
  if (before.experiment.warmups !== after.experiment.warmups) {
    flags.push({
      issue: 'warmups',
      text: `Different warm-ups (before ${before.experiment.warmups}, after ${after.experiment.warmups}): the code may be at a different stage of compilation.`,
    });
  }
  if (b.appVersion !== a.appVersion) {
    flags.push({
      issue: 'app-version',
      text: `Different app versions (before ${b.appVersion}, after ${a.appVersion}): the engine measured may have changed.`,
    });
  }
  if (inputIdentity(before.input) !== inputIdentity(after.input)) {
    const said = (i: RunInput | undefined) => describeInput(i) ?? 'the generated records';
    flags.push({
      issue: 'input',
      text: `Different inputs (before ${said(before.input)}, after ${said(after.input)}): the times measure different work, even where the settings match.`,
    });
  }
  return flags;
}
