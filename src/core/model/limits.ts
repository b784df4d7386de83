/**
 * The limits of an experiment the form and the engine enforce: the data limits are the
 * workloads module's own (they keep every aggregate exact), the rest are the playground's.
 */
import {
  MAX_DISTINCT_KEYS,
  MAX_KEY_SKEW,
  MAX_PAYLOAD_BYTES,
  MAX_RECORDS,
  MAX_SEED,
  MAX_WORK_ROUNDS,
} from '../workloads';

export { MAX_DISTINCT_KEYS, MAX_KEY_SKEW, MAX_PAYLOAD_BYTES, MAX_RECORDS, MAX_SEED, MAX_WORK_ROUNDS };
/** Worker counts never exceed this, whatever the machine reports. */
export const WORKER_HARD_LIMIT = 64;
/** Largest share of work that must run on one thread. */
export const MAX_SERIAL_FRACTION = 0.95;
export const MAX_WARMUPS = 20;
export const MAX_REPETITIONS = 200;
/** At most this many parameters are swept (their cross product is run). */
export const MAX_SWEEP_AXES = 2;
/** At most this many values per swept parameter. */
export const MAX_SWEEP_VALUES = 32;

