/**
 * The bytes a chunk's reading holds: the unfinished record carried over plus the latest
 * window, in one buffer reused from window to window (grown only when a record is longer
 * than the room left), so reading a large chunk allocates nothing per window.
 */
export class CarryBuffer {
  private store = new Uint8Array(0);
  length = 0;

  /** Keeps bytes [from, length) at the front, appends `window`; returns the bytes held. */
  append(from: number, window: Uint8Array): Uint8Array {
    const carried = this.length - from;
    const need = carried + window.length;
    if (need > this.store.length) {
      const grown = new Uint8Array(Math.max(need, this.store.length * 2));
      grown.set(this.store.subarray(from, this.length), 0);
      this.store = grown;
    } else if (from > 0) {
      this.store.copyWithin(0, from, this.length);
    }
    this.store.set(window, carried);
    this.length = need;
    return this.store.subarray(0, need);
  }
}
