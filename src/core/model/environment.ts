/**
 * The one shape of "the environment": the facts about the browser a run ran in. The engine
 * captures it, every run record stores it, the Environment panel shows it, the CSV, the share
 * link and the comparison read it. A part that needs less takes a Pick of it, never a shape of
 * its own, so a field keeps one name everywhere (the device memory is `deviceMemoryGiB`).
 */
export interface Environment {
  userAgent: string;
  /** navigator.hardwareConcurrency; browsers may clamp or invent it (privacy), so it is a hint. */
  hardwareConcurrency: number;
  /** COOP/COEP were in force: the precondition for SharedArrayBuffer and fine timers. */
  crossOriginIsolated: boolean;
  /** Smallest positive step of performance.now() observed, ms. */
  timerResolutionMs: number;
  /** navigator.deviceMemory in GiB (Chromium only, rounded and capped by the browser), when present. */
  deviceMemoryGiB?: number;
  appVersion: string;
  /**
   * A SharedArrayBuffer could really be made (the `shared` mode); isolation alone is not enough
   * in every engine (WebKitGTK is isolated and has none). Absent in runs recorded before this was
   * kept, and there it means "as isolation says".
   */
  sharedArrayBuffer?: boolean;
  /** Atomics.waitAsync existed. */
  atomicsWaitAsync?: boolean;
  /** Module workers started; absent means yes (runs recorded before this was kept). */
  moduleWorkers?: boolean;
  /** Workers measured to run at full speed at once, when the capacity probe had run. */
  measuredCores?: number;
}

/** The live page's environment: the capabilities older stored runs lack are always known here. */
export type LiveEnvironment = Environment & Required<Pick<Environment, 'sharedArrayBuffer' | 'atomicsWaitAsync' | 'moduleWorkers'>>;

/** What the form's field rules and the sweep presets need: the cores and the shared-memory facts. */
export type EnvFacts = Pick<Environment, 'hardwareConcurrency' | 'crossOriginIsolated' | 'sharedArrayBuffer'>;

/**
 * What the engine's validation of a run needs: EnvFacts, whether module workers start, and the
 * device memory behind its memory budget. The form checks every point with the same view.
 */
export type RunEnv = Pick<Environment, 'hardwareConcurrency' | 'crossOriginIsolated' | 'sharedArrayBuffer' | 'moduleWorkers' | 'deviceMemoryGiB'>;

/** What a lesson sizes its experiment from and judges its verdict by. */
export type LessonEnv = Pick<Environment, 'hardwareConcurrency' | 'crossOriginIsolated' | 'timerResolutionMs' | 'sharedArrayBuffer' | 'measuredCores'>;

/**
 * What the bench page (src/bench/page.ts) reports of itself to the bench runner in Node: a
 * view of the one Environment, plus whether SharedArrayBuffer and Atomics are both usable
 * (the `shared` shipping and the Atomics queue), with an unknown device memory as null (it
 * crosses as JSON).
 */
export type BenchEnv = Pick<Environment, 'hardwareConcurrency' | 'crossOriginIsolated' | 'timerResolutionMs' | 'userAgent'> & {
  sharedMemory: boolean;
  deviceMemoryGiB: number | null;
};
