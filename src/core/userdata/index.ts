/** A user's own data file: read, split, grouped exactly, answered canonically. */
export * from './types';
export { readHeader, makeJob } from './records';
export { previewFile, columnTypes, cellType, type ColumnType, type UserPreview } from './preview';
export { emptyPartial, mergePartial, type GroupPartial } from './partial';
export {
  ChunkCounter,
  parseChunk,
  parseChunkFromReader,
  WINDOW_BYTES,
  readHeaderFromReader,
  entryStates,
  planCuts,
  combineChunks,
  groupInMemory,
  type ChunkScan,
  type ChunkResult,
  type SliceReader,
} from './split';
export { finishAnswer, canonicalAnswer, answerDigest, answerCsv, answerColumns, hashText, userDigest, type UserAnswer } from './answer';
export { dataRunView, paysFrom, prefixRow, prefixSweepChart, TOP_KEYS, type DataRunInput, type DataRunView, type PassTiming, type PrefixRow } from './run-view';
export { prefixEnd, prefixTargets, PREFIX_FRACTIONS } from './prefix';
export { blobReader, type BlobReader } from './file-reader';
