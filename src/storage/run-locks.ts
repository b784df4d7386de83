/**
 * Which runs are being written right now, by this tab or another one. A tab holds a Web
 * Lock per run it is recording; the browser drops the lock when the tab closes or crashes,
 * so a stored run still marked 'running' with no lock held was left behind by a page that
 * died: the history shows it as 'partial'. Without the Web Locks API only this tab's own
 * runs are known.
 */

const PREFIX = 'parallel-playground-run:';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[]; pending?: { name?: string }[] }>;
}

function lockManager(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

export class RunLocks {
  private readonly releases = new Map<string, () => void>();

  constructor(private readonly useWebLocks = true) {}

  /** Marks a run as being written by this tab until `release`. */
  hold(id: string): void {
    if (this.releases.has(id)) return;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.releases.set(id, release);
    const locks = this.useWebLocks ? lockManager() : undefined;
    // The lock is held for as long as `held` is pending; failures only lose the cross-tab view.
    locks?.request(PREFIX + id, () => held).catch(() => undefined);
  }

  release(id: string): void {
    this.releases.get(id)?.();
    this.releases.delete(id);
  }

  releaseAll(): void {
    for (const id of [...this.releases.keys()]) this.release(id);
  }

  /** Ids of runs being written now, here or in another tab. */
  async live(): Promise<Set<string>> {
    const ids = new Set(this.releases.keys());
    const locks = this.useWebLocks ? lockManager() : undefined;
    if (!locks) return ids;
    try {
      const snapshot = await locks.query();
      for (const lock of [...(snapshot.held ?? []), ...(snapshot.pending ?? [])]) {
        if (lock.name?.startsWith(PREFIX)) ids.add(lock.name.slice(PREFIX.length));
      }
    } catch {
      // Query refused (opaque origin): this tab's own runs are still known.
    }
    return ids;
  }
}
