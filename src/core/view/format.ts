/**
 * Small text helpers every realm shares: a count with its noun, a byte size, an error's
 * message. One definition each, so a notice in History and a message from storage or the
 * engine read alike.
 */

/** "1 worker", "1,000 rows": a count with its noun, singular for exactly one. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** A byte (or character) count in binary units: KiB below 1 MiB, MiB below 1 GiB, then GiB to two decimals. */
export function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(2)} GiB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  return `${(bytes / KIB).toFixed(1)} KiB`;
}

/**
 * The text of anything thrown: its message, prefixed by its name when that says more than
 * "Error" (QuotaExceededError, AbortError, TypeError…). Works for DOMExceptions and errors
 * from another realm, which fail `instanceof Error`.
 */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) {
    const name = (err as { name?: unknown }).name;
    const message = String((err as { message: unknown }).message);
    return typeof name === 'string' && name !== '' && name !== 'Error' ? `${name}: ${message}` : message;
  }
  return String(err);
}
