/**
 * What a kernel runs over, and how its records reach the kernel workers: the built-in
 * records through the engine's shippings (copy, transfer, shared, generate-in-worker), or
 * a user's file through file-slice / shared, cut into byte chunks resynchronised like the
 * group job's (core/userdata/split.ts).
 */

import { ConfigError, DATA_FILE_SHIPPINGS, SHIPPINGS, type DatasetSpec, type Shipping } from '../core/model/types';
import type { FileShape } from '../core/kernel';
import type { UserChunkSource } from '../core/protocol/engine';
import type { KernelSource } from '../core/protocol/kernel';
import { planCuts } from '../core/userdata';
import { validateDatasetSpec } from '../core/workloads';
import type { RunEnv } from '../core/model/environment';
import { alignCuts, generateInChunks, layoutOf, needsIndex, staticCuts, type Layout } from './dataset';

/** The built-in records of a dataset spec, or a user's file read through its header. */
export type KernelInput = { kind: 'built-in'; spec: DatasetSpec } | { kind: 'file'; file: Blob; shape: FileShape };

/** The shippings each input allows. */
export function kernelShippings(input: KernelInput): readonly Shipping[] {
  return input.kind === 'built-in' ? SHIPPINGS : DATA_FILE_SHIPPINGS;
}

/**
 * A file is cut into chunks of at most this many bytes (more chunks than workers when it is
 * large), handed out round-robin: a worker then holds one chunk at a time, never its whole share.
 */
export const KERNEL_FILE_CHUNK_BYTES = 8 * 1024 * 1024;

/** One task's records, and the buffers to transfer with it. */
export interface PlannedSource {
  source: KernelSource;
  transfers: ArrayBuffer[];
}

/** The input made ready once per run (outside the timing): generated records, or the file's source. */
export interface PreparedInput {
  input: KernelInput;
  shipping: Shipping;
  /** Built-in records on this thread (absent for generate-in-worker and files). */
  layout?: Layout;
  /** The file as the workers read it. */
  file?: UserChunkSource;
}

export function validateShipping(input: KernelInput, shipping: Shipping, env: Pick<RunEnv, 'crossOriginIsolated' | 'sharedArrayBuffer'>): void {
  const allowed = kernelShippings(input);
  if (!allowed.includes(shipping)) {
    throw new ConfigError('shipping', `one of ${allowed.map((s) => `'${s}'`).join(', ')} for ${input.kind === 'file' ? 'a data file' : 'the built-in records'}`, shipping);
  }
  if (shipping === 'shared' && !env.crossOriginIsolated) {
    throw new ConfigError('shipping', `another mode here: 'shared' needs a cross-origin isolated page`, shipping);
  }
  if (shipping === 'shared' && env.sharedArrayBuffer === false) {
    throw new ConfigError('shipping', `another mode here: 'shared' needs SharedArrayBuffer, which this browser does not have`, shipping);
  }
  if (input.kind === 'built-in') validateDatasetSpec(input.spec);
}

export async function prepareInput(input: KernelInput, shipping: Shipping, signal?: AbortSignal): Promise<PreparedInput> {
  if (input.kind === 'file') {
    if (shipping !== 'shared') return { input, shipping, file: { kind: 'file-slice', file: input.file } };
    const buffer = new SharedArrayBuffer(input.file.size);
    new Uint8Array(buffer).set(new Uint8Array(await input.file.arrayBuffer()));
    return { input, shipping, file: { kind: 'shared', buffer, byteLength: input.file.size } };
  }
  if (shipping === 'generate-in-worker') return { input, shipping };
  const spec = input.spec;
  const bytes = await generateInChunks(spec, { shared: shipping === 'shared', signal });
  return { input, shipping, layout: await layoutOf(spec.format, spec.records, bytes, needsIndex(spec.format, 'index'), signal) };
}

/** The number of chunks a parallel pass over the input uses for `workers` workers. */
export function chunkCount(prep: PreparedInput, workers: number): number {
  if (prep.input.kind !== 'file') return workers;
  const bytes = prep.input.file.size - prep.input.shape.dataStart;
  return Math.max(workers, Math.ceil(bytes / KERNEL_FILE_CHUNK_BYTES));
}

/** Byte cuts of a file into `count` chunks (from the first data byte to the end). */
export function fileCuts(prep: PreparedInput, count: number): number[] {
  if (prep.input.kind !== 'file') throw new Error('fileCuts needs a file input');
  return planCuts(prep.input.shape.dataStart, prep.input.file.size, count);
}

/** File chunk [start, end) under an entry-state guess. */
export function fileSource(prep: PreparedInput, start: number, end: number, enteredInQuotes: boolean): KernelSource {
  if (prep.input.kind !== 'file' || !prep.file) throw new Error('fileSource needs a file input');
  return { kind: 'file', shape: prep.input.shape, size: prep.input.file.size, start, end, enteredInQuotes, file: prep.file };
}

/**
 * The built-in records cut into `count` static chunks of whole records, as each shipping
 * hands them over. copy / transfer slice their chunk out of the page's buffer (the page's
 * share of shipping); shared hands out ranges of one buffer; generate-in-worker, shard numbers.
 */
export function builtInSources(prep: PreparedInput, count: number): PlannedSource[] {
  if (prep.input.kind !== 'built-in') throw new Error('builtInSources needs the built-in records');
  const spec = prep.input.spec;
  if (prep.shipping === 'generate-in-worker' || !prep.layout) {
    return Array.from({ length: count }, (_, k) => ({ source: { kind: 'generate-shard', spec, shard: k, shards: count }, transfers: [] }));
  }
  const layout = prep.layout;
  const cuts = alignCuts(layout, staticCuts(layout, count));
  return Array.from({ length: count }, (_, k): PlannedSource => {
    const [start, end] = [cuts[k], cuts[k + 1]];
    if (prep.shipping === 'shared') {
      const buffer = layout.bytes.buffer as SharedArrayBuffer;
      return { source: { kind: 'shared-range', format: spec.format, buffer, byteLength: layout.bytes.length, start, end }, transfers: [] };
    }
    const bytes = layout.bytes.slice(start, end);
    return { source: { kind: 'bytes', format: spec.format, bytes }, transfers: prep.shipping === 'transfer' ? [bytes.buffer] : [] };
  });
}
