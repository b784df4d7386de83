/** Browser-test helpers for the storage layer: throwaway databases and fault-injecting backends. */

import type { StorageBackend } from '../../src/storage/backend';

/** A database name no other test uses. */
export function uniqueDbName(): string {
  return `pp-test-${crypto.randomUUID()}`;
}

/** Deletes a test database (connections are closed by their versionchange handler). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

/** A DOMException like the one a full disk gives. */
export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Wraps a backend so writes throw QuotaExceededError while `full.value` is true (nothing is written). */
export function withQuota(backend: StorageBackend, full: { value: boolean }): StorageBackend {
  return {
    persistent: backend.persistent,
    description: `${backend.description} (quota-limited for a test)`,
    get: (key) => backend.get(key),
    entries: (prefix) => backend.entries(prefix),
    keys: (prefix) => backend.keys(prefix),
    write: (batch) => (full.value ? Promise.reject(quotaError()) : backend.write(batch)),
    close: () => backend.close(),
  };
}
