/** A user's own data file: read, split, grouped exactly, answered canonically. */
export * from './types';
export { makeJob } from './records';
export { readHeader } from './header';
export { previewFile, columnTypes, cellType, type ColumnType, type UserPreview } from './preview';
export { emptyPartial, mergePartial, type GroupPartial } from './partial';
export { ChunkCounter, parseChunk, entryStates, planCuts, combineChunks, groupInMemory, type ChunkScan, type ChunkResult } from './split';
export { parseChunkFromReader, WINDOW_BYTES, readHeaderFromReader, type SliceReader } from './read-slices';
export { finishAnswer, canonicalAnswer, answerDigest, answerCsv, answerColumns, hashText, userDigest, type UserAnswer } from './answer';
export { dataRunView, paysFrom, prefixRow, prefixSweepChart, TOP_KEYS, type DataRunInput, type DataRunView, type PassTiming, type PrefixRow } from './run-view';
export { prefixEnd, prefixTargets, PREFIX_FRACTIONS } from './prefix';
export { blobReader, STALLED_READ_MS, totalStalls, type BlobReader } from './file-reader';
