/**
 * A kernel's failure as plain data: its message and, when the engine can find it, the line
 * and column in the person's own code. The module is loaded from a blob: URL, so the
 * stack frames that point into it carry that URL followed by `:line:column` (Chromium
 * `at record (blob:…:3:11)`, Firefox and WebKit `record@blob:…:3:11`).
 */

/** Which part of the kernel failed. */
export type KernelStage = 'load' | 'init' | 'record' | 'merge' | 'finish' | 'answer' | 'transfer';

export interface KernelFailure {
  stage: KernelStage;
  message: string;
  /** 1-based line in the kernel's source, when known. */
  line?: number;
  column?: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first `line:column` that `stack` gives inside `moduleUrl`. */
export function locateInStack(stack: string, moduleUrl: string): { line: number; column: number } | null {
  const m = new RegExp(`${escape(moduleUrl)}:(\\d+):(\\d+)`).exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

/** Turns whatever the kernel threw into a KernelFailure (a thrown non-Error is shown as its text). */
export function kernelFailure(stage: KernelStage, err: unknown, moduleUrl: string): KernelFailure {
  const e = err instanceof Error ? err : null;
  const message = e ? `${e.name}: ${e.message}` : `threw ${typeof err === 'string' ? JSON.stringify(err) : String(err)}`;
  const failure: KernelFailure = { stage, message };
  const where = e?.stack ? locateInStack(e.stack, moduleUrl) : null;
  // Firefox puts a SyntaxError's position on the error itself, not in its stack.
  const own = e as (Error & { lineNumber?: number; columnNumber?: number; fileName?: string }) | null;
  if (where) {
    failure.line = where.line;
    failure.column = where.column;
  } else if (own?.fileName === moduleUrl && typeof own.lineNumber === 'number') {
    failure.line = own.lineNumber;
    if (typeof own.columnNumber === 'number') failure.column = own.columnNumber;
  }
  return failure;
}

/** One line for people: stage, message and where. */
export function describeFailure(f: KernelFailure): string {
  const where = f.line !== undefined ? ` (line ${f.line}${f.column !== undefined ? `, column ${f.column}` : ''})` : '';
  return `${f.stage === 'load' ? 'loading the kernel' : `${f.stage}()`} failed${where}: ${f.message}`;
}

/** The exports a kernel module must have. */
export const KERNEL_EXPORTS = ['init', 'record', 'merge', 'finish'] as const;

/** The message for a module that lacks an export or exports a non-function; null when all four are functions. */
export function checkExports(mod: Record<string, unknown>): string | null {
  const missing = KERNEL_EXPORTS.filter((name) => typeof mod[name] !== 'function');
  if (missing.length === 0) return null;
  return `the module must export the functions ${KERNEL_EXPORTS.join(', ')}; ${missing
    .map((n) => (n in mod ? `${n} is a ${typeof mod[n]}` : `${n} is missing`))
    .join(', ')}`;
}
