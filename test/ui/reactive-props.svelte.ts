/** A deeply reactive props object for tests: change its fields and the mounted component updates. */
export function reactiveProps<T extends Record<string, unknown>>(initial: T): T {
  const props = $state(initial);
  return props;
}
