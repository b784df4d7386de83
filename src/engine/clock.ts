/**
 * The one clock every realm reports on, and the main thread's cheapest way to yield.
 */

/** Milliseconds on the shared clock. Injected so tests can use a fake one. */
export type Clock = () => number;

/** performance.timeOrigin + performance.now(): comparable across the page and its workers. */
export const sharedClock: Clock = () => performance.timeOrigin + performance.now();

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Resolves on the next macrotask via a MessageChannel: lets the page render and handle
 * input without setTimeout's ≥ 4 ms clamp.
 */
export function yieldToEventLoop(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** The DOMException every cancelled run rejects with. */
export function abortError(): DOMException {
  return new DOMException('The run was cancelled.', 'AbortError');
}

/** Throws the AbortError when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** True for the error a cancelled run rejects with (filter these, never show them as failures). */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
