/**
 * What the presenter's keys do (see shortcuts.ts for which key is which): run or cancel, step
 * through the lessons, cycle the presented chart, toggle presentation and the explanation,
 * and the `?` list of keys. One Presenter per AppState, created by App.svelte.
 */
import type { AppState } from './app.svelte';
import { existingLessonsFor } from './lessons-registry';
import { presentation } from './presentation.svelte';
import type { ShortcutAction } from './shortcuts';

export class Presenter {
  /** The `?` overlay listing the keys. */
  helpOpen = $state(false);
  readonly app: AppState;

  constructor(app: AppState) {
    this.app = app;
  }

  /**
   * Carries out a shortcut's action where it applies. Returns whether it did anything: when it
   * did not (next lesson outside the Lessons view, say), the key keeps its usual meaning.
   */
  perform(action: ShortcutAction): boolean {
    if (this.helpOpen) {
      // The list covers the page: only the keys that close it do anything.
      if (action !== 'toggle-help' && action !== 'cancel') return false;
      this.helpOpen = false;
      return true;
    }
    const app = this.app;
    // The Lessons view creates the lessons' state when it opens; before that no lesson key applies.
    const lessons = existingLessonsFor(app);
    const inLessons = app.visibleView === 'lessons' && lessons !== undefined;
    switch (action) {
      case 'run': {
        if (app.run.running) return false;
        if (inLessons) {
          const lesson = lessons.open;
          if (!lesson || !lessons.canRun()) return false;
          void lessons.run(lesson);
          return true;
        }
        if (app.visibleView !== 'playground' || !app.form.canRun) return false;
        app.runForm();
        return true;
      }
      case 'cancel':
        if (!app.run.running) return false;
        app.run.cancel();
        return true;
      case 'next-lesson':
      case 'previous-lesson':
        if (!inLessons) return false;
        lessons.step(action === 'next-lesson' ? 1 : -1);
        return true;
      case 'next-chart':
      case 'previous-chart':
        if (!presentation.on) return false;
        presentation.cycleChart(action === 'next-chart' ? 1 : -1);
        return true;
      case 'toggle-presentation':
        presentation.toggle();
        return true;
      case 'toggle-explanation':
        if (!inLessons || !lessons.open) return false;
        presentation.explanation = !presentation.explanation;
        return true;
      case 'toggle-help':
        this.helpOpen = true;
        return true;
    }
  }
}
