/** The shared clock in a worker: performance.timeOrigin + performance.now(), comparable with the main thread's. */
export const now = (): number => performance.timeOrigin + performance.now();
