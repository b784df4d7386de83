/** localStorage, or undefined where it is disabled (privacy mode, a sandboxed frame): callers keep their setting in memory then. */
export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
