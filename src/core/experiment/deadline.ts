/**
 * A promise with a time limit: whatever waits on something that may never answer (an
 * IndexedDB open blocked by another tab, a bench page's job, one pass of a figure) says
 * what it was waiting for instead of waiting for ever.
 */

/**
 * `promise`, or a rejection with `lateMessage` when it has not settled within `ms`. A
 * rejection that is not an Error becomes one, so every caller can read a message.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, lateMessage: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(lateMessage)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
