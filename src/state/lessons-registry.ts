/**
 * Where an AppState's LessonsState is kept once the Lessons view has created it. Apart from
 * lessons.svelte.ts so that code which only needs the lessons when they are on screen (the
 * presenter's keys) does not pull the lesson texts and verdicts into the page's first load.
 */
import type { AppState } from './app.svelte';
import type { LessonsState } from './lessons.svelte';

const states = new WeakMap<AppState, LessonsState>();

/** The AppState's LessonsState, if the Lessons view (or anything else) has created it. */
export function existingLessonsFor(app: AppState): LessonsState | undefined {
  return states.get(app);
}

/** Keeps `lessons` as the AppState's one LessonsState. */
export function keepLessonsFor(app: AppState, lessons: LessonsState): void {
  states.set(app, lessons);
}
