/**
 * The engine's kernel runner, on its own: imported by the code view and the headless
 * runner only (both load on demand), so the playground's first download does not carry it.
 */
export { runKernel, kernelWorkerFactory, DYNAMIC_CHUNKS_PER_WORKER, MAX_KERNEL_REPETITIONS, type KernelRunOptions, type KernelRunResult, type KernelRunFailure, type KernelRunOutcome, type KernelPassTiming, type KernelStrategy } from './kernel';
export { kernelShippings, KERNEL_FILE_CHUNK_BYTES, type KernelInput } from './kernel-input';
