/** A person's own kernel module: its answer made canonical, its failures located, the records it sees, starter kernels. */
export { AnswerValueError, canonicalJson, canonicalAnswerOf, type CanonicalAnswer } from './canonical';
export { checkExports, describeFailure, kernelFailure, locateInStack, KERNEL_EXPORTS, type KernelFailure, type KernelStage } from './errors';
export { BUILT_IN_FIELDS, visitBuiltIn, visitFileChunk, type BuiltInRecord, type FileShape } from './records';
export { checkAnswers, MISMATCH_EXPLANATION, type AnswerCheck } from './compare';
export { DEFAULT_KERNEL_SPEC, type KernelRunRequest, type KernelRunResponse } from './request';
export { isKernelHash, kernelFromHash, kernelHash, KERNEL_HASH_PREFIX, MAX_LINK_SOURCE_BYTES } from './link';
export { STARTER_KERNELS, type StarterKernel } from './starters';
