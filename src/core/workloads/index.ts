/**
 * The workloads module: seeded data generation, the three record formats and the jobs.
 * Pure TypeScript with no DOM: runs in Node, on the main thread and in Web Workers.
 */

export {
  MAX_DISTINCT_KEYS,
  MAX_KEY_SKEW,
  MAX_PAYLOAD_BYTES,
  MAX_RECORDS,
  MAX_SEED,
  MAX_WORK_ROUNDS,
  datasetSpecProblems,
  jobSpecProblems,
  throwFirst,
  validateDatasetSpec,
  validateJobSpec,
} from './validate';
export { hash32, mix32, mix32b } from './prng';
export { MAX_COST, type RecordColumns } from './record';
export { estimateBytes, generate, generateColumns, generateFixedInto, generateRange, generateShard, keyOfRank, shardRange } from './generate';
export { FIXED_RECORD_BYTES, decodeFixed, encodeFixed } from './formats/fixed';
export { VARLEN_TERMINATOR, decodeVarlen, encodeVarlen, indexVarlen } from './formats/varlen';
export { decodeCsv, encodeCsv } from './formats/csv';
export { decode, encode, nextRecordStart } from './formats/codec';
export { createAccumulator, finishAccumulator, processRange, type Accumulator } from './jobs';
export { mergePartials, transferablesOf, type GroupTable, type Partial, type PartialResult } from './partial';
export { digestOf, runSequential } from './digest';
