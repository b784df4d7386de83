/**
 * The main thread's side of the data: generating a dataset in chunks (yielding between
 * them so a big pool run never freezes the page), and cutting it into static chunks or
 * dynamic batches for every format and split mode.
 */

import type { DatasetSpec, Format } from '../core/model/types';
import { FIXED_RECORD_BYTES, generateFixedInto, generateRange, indexVarlen, nextRecordStart } from '../core/workloads';
import { abortError, yieldToEventLoop } from './clock';

/** Target main-thread time per generated chunk: far below the 50 ms long-task line. */
export const GENERATE_CHUNK_MS = 6;
/** Records in the first chunk, before the chunk size adapts to the measured speed. */
const FIRST_CHUNK_RECORDS = 2048;
/** Bytes per piece when copying or scanning big buffers on the main thread. */
export const STEP_BYTES = 1 << 20;
/** Main-thread time after which a long copy or scan yields. */
export const YIELD_AFTER_MS = 8;

/**
 * Yields to the event loop once YIELD_AFTER_MS of work has passed since the last yield:
 * big copies and scans on the main thread are cut into short tasks whatever the machine's
 * speed (a loaded machine makes a 1 MiB copy take 10× longer), and cancel is honoured.
 */
export class Pacer {
  private last = performance.now();
  constructor(private readonly signal?: AbortSignal) {}

  /** Call after each piece of work. */
  async tick(): Promise<void> {
    if (performance.now() - this.last < YIELD_AFTER_MS) return;
    await yieldToEventLoop();
    this.last = performance.now();
    if (this.signal?.aborted) throw abortError();
  }
}

/** Copies src[start, end) into dst at dstOffset in STEP_BYTES pieces, pacing between them. */
export async function copyInSteps(
  dst: Uint8Array,
  dstOffset: number,
  src: Uint8Array,
  start: number,
  end: number,
  pacer: Pacer,
): Promise<void> {
  for (let a = start; a < end; a += STEP_BYTES) {
    const b = Math.min(end, a + STEP_BYTES);
    dst.set(src.subarray(a, b), dstOffset + (a - start));
    await pacer.tick();
  }
}

/** A fresh ArrayBuffer-backed copy of src[start, end), made in paced pieces (a slice that never blocks for long). */
export async function sliceInSteps(src: Uint8Array, start: number, end: number, pacer: Pacer): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Uint8Array(end - start);
  await copyInSteps(out, 0, src, start, end, pacer);
  return out;
}

/** A dataset held by the main thread: one contiguous buffer (plain or shared). */
export interface Layout {
  format: Format;
  records: number;
  bytes: Uint8Array;
  /** Record start offsets from the serial index pass (varlen + `index`), else null. */
  index: Uint32Array | null;
}

/**
 * Generates the dataset on this thread in chunks sized to take ≈ GENERATE_CHUNK_MS each
 * (measured as it goes: formats differ ~10× in speed), yielding after each, into one
 * ArrayBuffer (or SharedArrayBuffer when `shared`). `fixed` data has a known size, so its
 * chunks are written straight into the final buffer (peak memory = the dataset); varlen and
 * csv lengths are known only once generated, so their chunks are assembled at the end.
 */
export async function generateInChunks(
  spec: DatasetSpec,
  opts: { shared: boolean; signal?: AbortSignal; recordStart?: number; recordEnd?: number },
): Promise<Uint8Array> {
  const first = opts.recordStart ?? 0;
  const last = opts.recordEnd ?? spec.records;
  const direct =
    spec.format === 'fixed'
      ? new Uint8Array(opts.shared ? new SharedArrayBuffer((last - first) * FIXED_RECORD_BYTES) : new ArrayBuffer((last - first) * FIXED_RECORD_BYTES))
      : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let chunkRecords = FIRST_CHUNK_RECORDS;
  for (let start = first; start < last; ) {
    const end = Math.min(last, start + chunkRecords);
    const t0 = performance.now();
    if (direct) {
      generateFixedInto(spec, start, end, direct, (start - first) * FIXED_RECORD_BYTES);
    } else {
      const chunk = generateRange(spec, start, end);
      chunks.push(chunk);
      total += chunk.length;
    }
    const ms = performance.now() - t0;
    // Aim the next chunk at the target time; grow at most 4× a step so one slow
    // measurement (GC, a descheduled thread) cannot produce a huge chunk.
    const perRecordMs = ms / (end - start);
    const ideal = perRecordMs > 0 ? GENERATE_CHUNK_MS / perRecordMs : chunkRecords * 4;
    chunkRecords = Math.max(256, Math.min(chunkRecords * 4, Math.floor(ideal)));
    start = end;
    await yieldToEventLoop();
    if (opts.signal?.aborted) throw abortError();
  }
  if (direct) return direct;
  if (!opts.shared && chunks.length === 1) return chunks[0];
  const out = new Uint8Array(opts.shared ? new SharedArrayBuffer(total) : new ArrayBuffer(total));
  const pacer = new Pacer(opts.signal);
  let offset = 0;
  for (let i = 0; i < chunks.length; i++) {
    await copyInSteps(out, offset, chunks[i], 0, chunks[i].length, pacer);
    offset += chunks[i].length;
    chunks[i] = EMPTY; // let the chunk go as soon as it is copied
  }
  return out;
}

const EMPTY = new Uint8Array(0);

/** True when this layout needs the serial index pass before splitting. */
export function needsIndex(format: Format, varlenSplit: 'index' | 'resync'): boolean {
  return format === 'varlen' && varlenSplit === 'index';
}

/** Builds the layout, running the serial index pass when asked (the Amdahl serial phase). */
export async function layoutOf(
  format: Format,
  records: number,
  bytes: Uint8Array,
  index: boolean,
  signal?: AbortSignal,
): Promise<Layout> {
  return { format, records, bytes, index: index ? await indexInSteps(bytes, new Pacer(signal)) : null };
}

/**
 * indexVarlen over the whole buffer, in pieces cut at true record boundaries (varlen
 * resync) with paced yields between them: the same serial pass, the same offsets, but
 * never one long main-thread task.
 */
export async function indexInSteps(bytes: Uint8Array, pacer: Pacer): Promise<Uint32Array> {
  const L = bytes.length;
  const parts: Uint32Array[] = [];
  let count = 0;
  for (let a = 0; a < L; ) {
    const b = a + STEP_BYTES >= L ? L : nextRecordStart('varlen', bytes, a + STEP_BYTES);
    const part = indexVarlen(bytes.subarray(a, b));
    if (a > 0) for (let k = 0; k < part.length; k++) part[k] += a;
    parts.push(part);
    count += part.length;
    a = b;
    await pacer.tick();
  }
  if (parts.length === 1) return parts[0];
  const index = new Uint32Array(count);
  let o = 0;
  for (const part of parts) {
    index.set(part, o);
    o += part.length;
  }
  return index;
}

/** Start offset of record k (k = records gives the end). */
function recordStart(layout: Layout, k: number): number {
  if (layout.format === 'fixed') return Math.min(k * FIXED_RECORD_BYTES, layout.bytes.length);
  const index = layout.index!;
  return k < index.length ? index[k] : layout.bytes.length;
}

/** True when cuts fall exactly on record boundaries (fixed, or an index); otherwise resync semantics. */
export function exactCuts(layout: Layout): boolean {
  return layout.format === 'fixed' || layout.index !== null;
}

/**
 * n+1 byte offsets cutting the data into n static chunks of ≈ equal records (exact cuts)
 * or ≈ equal bytes (resync cuts: processRange semantics make them exact-once anyway).
 */
export function staticCuts(layout: Layout, n: number): number[] {
  const L = layout.bytes.length;
  const R = layout.records;
  const cuts: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i === n) cuts.push(L);
    else if (exactCuts(layout)) cuts.push(recordStart(layout, Math.floor((i * R) / n)));
    else cuts.push(Math.floor((i * L) / n));
  }
  return cuts;
}

/** Moves every cut forward to a record boundary so each slice holds whole records. */
export function alignCuts(layout: Layout, cuts: number[]): number[] {
  if (exactCuts(layout)) return cuts;
  const out = cuts.slice();
  for (let i = 1; i < out.length - 1; i++) out[i] = Math.max(out[i - 1], nextRecordStart(layout.format, layout.bytes, out[i]));
  return out;
}

/** Dynamic batches: `count` of them; batch k is [startOf(k), startOf(k+1)). */
export interface BatchPlan {
  count: number;
  /** Uniform byte stride (fixed; resync approximations), or 0 when `bounds` is used. */
  stride: number;
  /** count+1 exact record-boundary offsets (varlen + index), else null. */
  bounds: Uint32Array | null;
  /** Cuts are record boundaries; otherwise byte cuts with resync semantics. */
  exact: boolean;
  byteLength: number;
}

/**
 * Batches of `batchSize` records: exact for fixed and indexed varlen; for csv and
 * unindexed varlen approximated by bytes (batchSize × mean record bytes).
 */
export function batchPlan(layout: Layout, batchSize: number): BatchPlan {
  const L = layout.bytes.length;
  const R = layout.records;
  if (R === 0 || L === 0) return { count: 0, stride: 0, bounds: null, exact: true, byteLength: L };
  if (layout.format === 'fixed') {
    return { count: Math.ceil(R / batchSize), stride: batchSize * FIXED_RECORD_BYTES, bounds: null, exact: true, byteLength: L };
  }
  if (layout.index) {
    const count = Math.ceil(R / batchSize);
    const bounds = new Uint32Array(count + 1);
    for (let k = 0; k < count; k++) bounds[k] = recordStart(layout, k * batchSize);
    bounds[count] = L;
    return { count, stride: 0, bounds, exact: true, byteLength: L };
  }
  const stride = Math.max(1, Math.round((batchSize * L) / R));
  return { count: Math.ceil(L / stride), stride, bounds: null, exact: false, byteLength: L };
}

/** Raw start of batch k (k = count gives the end); resync plans need processRange semantics or alignment. */
export function batchStart(plan: BatchPlan, k: number): number {
  if (k >= plan.count) return plan.byteLength;
  return plan.bounds ? plan.bounds[k] : Math.min(plan.byteLength, k * plan.stride);
}
