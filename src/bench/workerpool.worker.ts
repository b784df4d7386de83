/**
 * The workerpool library's own worker loop for the bench: `empty` does nothing (the empty
 * round trip), `batch` runs one small task — the engine's parse over the records it was
 * given — and returns its checksum lanes, so the bench can check workerpool's answer.
 */
import { worker } from 'workerpool';
import { createAccumulator, finishAccumulator, processRange } from '../core/workloads';
import type { JobSpec } from '../core/model/types';

worker({
  empty: () => 0,
  batch: (bytes: Uint8Array, job: JobSpec) => {
    const acc = createAccumulator(job, 0);
    processRange(acc, 'fixed', bytes, 0, bytes.length);
    const p = finishAccumulator(acc);
    return { records: p.records, checksumHi: p.checksumHi, checksumLo: p.checksumLo };
  },
});
