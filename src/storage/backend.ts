/**
 * The key-value layer under the run history: IndexedDB through idb-keyval (the only place
 * the app imports it), or a Map when IndexedDB is unavailable. The interface is small so a
 * test can inject a backend that fails the way real browsers do (open refused, quota full).
 *
 * Keys are strings with a kind prefix (`idx/`, `run/`, `rep/`, `meta/`); prefix reads are
 * key ranges, returned in key order.
 */

import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { errorText } from '../core/view/format';
import { withDeadline } from '../core/experiment/deadline';

/** One atomic write: every put and delete lands, or none does. Applied in this order: deletes, prefix deletes, puts. */
export interface WriteBatch {
  put?: readonly (readonly [string, unknown])[];
  del?: readonly string[];
  delPrefix?: readonly string[];
}

export interface StorageBackend {
  /** True when data outlives the page (IndexedDB), false for memory. */
  readonly persistent: boolean;
  /** For messages, e.g. "IndexedDB parallel-playground/runs". */
  readonly description: string;
  get(key: string): Promise<unknown>;
  /** Every [key, value] whose key starts with `prefix`, in key order. */
  entries(prefix: string): Promise<[string, unknown][]>;
  /** Every key that starts with `prefix`, in key order (values not loaded). */
  keys(prefix: string): Promise<string[]>;
  /** Applies the batch in one transaction. Rejects (e.g. with a QuotaExceededError DOMException) having changed nothing. */
  write(batch: WriteBatch): Promise<void>;
  close(): void;
}

/** The key range of a prefix: every string that starts with it. */
function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`, false, false);
}

/** A Map-backed backend: the in-memory fallback, and the base for fault-injecting test backends. */
export function memoryBackend(description = 'memory (lost when the tab closes)'): StorageBackend {
  const data = new Map<string, unknown>();
  const sortedKeys = (prefix: string) => [...data.keys()].filter((k) => k.startsWith(prefix)).sort();
  return {
    persistent: false,
    description,
    async get(key) {
      // Clone on the way in and out, as IndexedDB does: callers never share stored objects.
      return data.has(key) ? structuredClone(data.get(key)) : undefined;
    },
    async entries(prefix) {
      return sortedKeys(prefix).map((k) => [k, structuredClone(data.get(k))] as [string, unknown]);
    },
    async keys(prefix) {
      return sortedKeys(prefix);
    },
    async write(batch) {
      // Clone everything first: an uncloneable value fails the batch before anything changes.
      const puts = (batch.put ?? []).map(([k, v]) => [k, structuredClone(v)] as const);
      for (const k of batch.del ?? []) data.delete(k);
      for (const p of batch.delPrefix ?? []) for (const k of sortedKeys(p)) data.delete(k);
      for (const [k, v] of puts) data.set(k, v);
    },
    close() {},
  };
}

/** Why IndexedDB could not be used, or the open backend. */
export type OpenBackendResult = { ok: true; backend: StorageBackend } | { ok: false; reason: string };

/** Rejects when `promise` has not settled within `ms` (an IndexedDB open can hang when blocked). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(promise, ms, `${what} did not answer within ${ms} ms (blocked by another tab?)`);
}

/** The key that marks the store's layout; a newer layout than LAYOUT_VERSION is not written to. */
export const LAYOUT_KEY = 'meta/layout';
export const LAYOUT_VERSION = 1;

/**
 * Opens (creating when needed) the IndexedDB store and proves it works with a read and,
 * on first use, a write. Every way IndexedDB can be missing or refuse comes back as a reason.
 */
export async function openIndexedDbBackend(
  dbName = 'parallel-playground',
  storeName = 'runs',
  timeoutMs = 5000,
): Promise<OpenBackendResult> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return { ok: false, reason: 'This browser offers no IndexedDB here (private mode or a restricted context).' };
  }
  let store: UseStore;
  try {
    store = createStore(dbName, storeName);
  } catch (err) {
    return { ok: false, reason: `IndexedDB refused to open: ${errorText(err)}` };
  }
  const backend = idbBackend(store, `IndexedDB ${dbName}/${storeName}`);
  try {
    // Step aside when another tab upgrades or deletes the database instead of blocking it.
    await withTimeout(
      store('readonly', (s) => {
        const db = s.transaction.db;
        db.onversionchange = () => db.close();
      }),
      timeoutMs,
      'IndexedDB',
    );
    const layout = await withTimeout(backend.get(LAYOUT_KEY), timeoutMs, 'IndexedDB');
    if (layout === undefined) {
      await withTimeout(backend.write({ put: [[LAYOUT_KEY, LAYOUT_VERSION]] }), timeoutMs, 'IndexedDB');
    } else if (typeof layout !== 'number' || layout > LAYOUT_VERSION) {
      return {
        ok: false,
        reason: `The stored history was written by a newer version of the app (layout ${String(layout)}); it is left untouched.`,
      };
    }
  } catch (err) {
    return { ok: false, reason: `IndexedDB is not usable: ${errorText(err)}` };
  }
  return { ok: true, backend };
}

/** A backend over an idb-keyval custom store; each call is one IndexedDB transaction. */
function idbBackend(store: UseStore, description: string): StorageBackend {
  return {
    persistent: true,
    description,
    get(key) {
      return store('readonly', (s) => promisifyRequest(s.get(key)));
    },
    entries(prefix) {
      return store('readonly', async (s) => {
        const range = prefixRange(prefix);
        // Both requests are issued in the same transaction, so keys and values line up.
        const [keys, values] = await Promise.all([
          promisifyRequest(s.getAllKeys(range)),
          promisifyRequest(s.getAll(range)),
        ]);
        return keys.map((k, i) => [String(k), values[i]] as [string, unknown]);
      });
    },
    keys(prefix) {
      return store('readonly', async (s) => (await promisifyRequest(s.getAllKeys(prefixRange(prefix)))).map(String));
    },
    write(batch) {
      return store('readwrite', (s) => {
        try {
          for (const k of batch.del ?? []) s.delete(k);
          for (const p of batch.delPrefix ?? []) s.delete(prefixRange(p));
          for (const [k, v] of batch.put ?? []) s.put(v, k);
        } catch (err) {
          // A synchronous refusal (DataCloneError, …) must not let the requests already made commit.
          s.transaction.abort();
          throw err;
        }
        // Resolves on commit; rejects with the transaction's error (QuotaExceededError, …) on abort.
        return promisifyRequest(s.transaction);
      });
    },
    close() {
      // Lets another connection upgrade or delete the database (tests, a newer tab).
      store('readonly', (s) => s.transaction.db.close()).catch(() => undefined);
    },
  };
}
