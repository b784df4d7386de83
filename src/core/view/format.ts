/**
 * Number and word formats every realm shares: durations, rates and ratios for the cards,
 * labels and tables (units in the text, three significant figures), a count with its noun, a
 * byte size, an error's message. One definition each, so a notice in History and a message
 * from storage or the engine read alike.
 */

/** "0.412 ms", "12.3 ms", "1.24 s": three significant figures, ms below 10 s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** "16.2 M records/s". */
export function formatRate(perSec: number, unit = 'records/s'): string {
  if (!Number.isFinite(perSec)) return '—';
  const [d, s] = perSec >= 1e9 ? [1e9, 'G'] : perSec >= 1e6 ? [1e6, 'M'] : perSec >= 1e3 ? [1e3, 'k'] : [1, ''];
  const v = perSec / d;
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}${s ? ` ${s}` : ''} ${unit}`;
}

/** "1.62×". */
export function formatRatio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : '—';
}

/** "43 %" from 0.43. */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)} %` : '—';
}

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
 * the message alone (QuotaExceededError, AbortError, TypeError…; see PLAIN_NAMES). Works for DOMExceptions and errors
 * from another realm, which fail `instanceof Error`.
 */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) {
    const name = (err as { name?: unknown }).name;
    const message = String((err as { message: unknown }).message);
    return typeof name === 'string' && name !== '' && !PLAIN_NAMES.has(name) ? `${name}: ${message}` : message;
  }
  return String(err);
}

/**
 * Errors whose message is already the whole sentence for a person: a plain Error, and the
 * app's own typed errors, which name the field or place and what is allowed.
 */
const PLAIN_NAMES: ReadonlySet<string> = new Set(['Error', 'ConfigError', 'DataError', 'StatsError', 'WorkerRunError', 'AnswerValueError']);
