/** The storage layer: the run history (IndexedDB or memory) and file downloads. The only importer of idb-keyval. */
export {
  type FinalStatus,
  type History,
  type HistoryEntry,
  type OpenHistoryOptions,
  type SkippedRecord,
  type StorageErrorCode,
  type StorageFailure,
  type StorageResult,
} from './history-types';
export { openHistory } from './history';
export { memoryBackend, openIndexedDbBackend, type StorageBackend, type WriteBatch } from './backend';
export { chartPng, downloadBlob, downloadText, exportFilename, safeFilename, UTF8_BOM, type PngResult } from './download';
