/** The one place a worker run stops: cancel, a worker crash or a failed task, whichever comes first. */

import { abortError } from './clock';

/** One rejection point for a run: abort, a worker crash or a failed task stop everything at once. */
export class RunGuard {
  private stoppedWith: unknown;
  private isStopped = false;
  private rejectStop!: (e: unknown) => void;
  private readonly hooks: Array<() => void> = [];
  readonly stopped: Promise<never>;
  private readonly onAbort = () => this.stop(abortError());

  constructor(private readonly signal: AbortSignal | undefined) {
    this.stopped = new Promise<never>((_, reject) => (this.rejectStop = reject));
    this.stopped.catch(() => {});
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Runs `hook` synchronously when the run stops (e.g. terminate workers). */
  onStop(hook: () => void): void {
    this.hooks.push(hook);
  }

  stop(e: unknown): void {
    if (this.isStopped) return;
    this.isStopped = true;
    this.stoppedWith = e;
    for (const h of this.hooks) h();
    this.rejectStop(e);
  }

  get active(): boolean {
    return !this.isStopped;
  }

  /** `p`, unless the run stops first. */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.isStopped) {
      p.catch(() => {});
      return Promise.reject(this.stoppedWith);
    }
    return Promise.race([p, this.stopped]);
  }

  check(): void {
    if (this.isStopped) throw this.stoppedWith;
    if (this.signal?.aborted) this.stop(abortError());
    if (this.isStopped) throw this.stoppedWith;
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
