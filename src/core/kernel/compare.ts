/**
 * The kernel's correctness check: the parallel answer against the sequential one, both as
 * canonical JSON hashes. When they differ, the explanation is the lesson: parallel code is
 * only correct when merging partial results gives what one pass would have.
 */

import type { CanonicalAnswer } from './canonical';

export interface AnswerCheck {
  correct: boolean;
  /** Why a parallel answer usually differs; absent when correct. */
  explanation?: string;
}

export const MISMATCH_EXPLANATION =
  'The parallel answer differs from the sequential one. The sequential run calls record() on every record with one accumulator and ' +
  'never calls merge(); the parallel run gives each chunk its own accumulator and combines them with merge(), left to right in file order. ' +
  'The answers agree only when merge(a, b) yields what one accumulator would have after a\'s records and then b\'s: merge must be associative ' +
  '(merge(merge(a, b), c) = merge(a, merge(b, c))), must not depend on which chunk came first unless finish() sorts it out, and merge(init(), a) must be a. ' +
  'Usual culprits: an average of averages (chunks of different sizes), "the first N" or "the last value seen" (depends on where the chunks were cut), ' +
  'keeping only one side (return a), or floating-point sums added in a different order (round them, or sum integers).';

export function checkAnswers(sequential: CanonicalAnswer, parallel: CanonicalAnswer): AnswerCheck {
  if (sequential.hash === parallel.hash && sequential.json === parallel.json) return { correct: true };
  return { correct: false, explanation: MISMATCH_EXPLANATION };
}
