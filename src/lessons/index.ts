/** The guided lessons, in teaching order. Each is plain data plus a verdict over measurements. */
import { amdahlWall } from './amdahl-wall';
import { concurrencyNotParallelism } from './concurrency-not-parallelism';
import { copyTransferShare } from './copy-transfer-share';
import { groupByVsNPlus1 } from './group-by-vs-n-plus-1';
import { manyFilesVsOne } from './many-files-vs-one';
import { moreWorkersThanCores } from './more-workers-than-cores';
import { overheadSmallBatches } from './overhead-small-batches';
import { paralleliseRightPart } from './parallelise-right-part';
import { speedupNotEfficiency } from './speedup-not-efficiency';
import type { Lesson } from './types';
import { unevenWork } from './uneven-work';

export const LESSONS: readonly Lesson[] = [
  overheadSmallBatches,
  speedupNotEfficiency,
  amdahlWall,
  manyFilesVsOne,
  groupByVsNPlus1,
  concurrencyNotParallelism,
  copyTransferShare,
  unevenWork,
  moreWorkersThanCores,
  paralleliseRightPart,
];

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export type { Budget, Lesson, LessonChart, LessonEnv, Verdict } from './types';
export { SOURCES, sourceById, type Source, type SourceId } from './sources';
