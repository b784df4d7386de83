import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SOURCES, lessonById, sourceById } from '../../src/lessons';
import { presentation } from '../../src/state/presentation.svelte';
import App from '../../src/ui/App.svelte';
import { render } from './helpers';
import '../../src/ui/global.css';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  presentation.set(false);
  history.replaceState(null, '', location.pathname + location.search);
});

const q = <T extends HTMLElement = HTMLElement>(root: ParentNode, testid: string) => root.querySelector<T>(`[data-testid="${testid}"]`);

describe('Sources view: links between lessons and field reports', () => {
  it('follows a lesson’s "From:" link to its report, and the report’s lesson link back to a lesson', async () => {
    const r = render(App, {});
    cleanup = r.destroy;
    await userEvent.click(q(r.target, 'view-lessons')!);
    await expect.poll(() => q(r.target, 'lesson-item-amdahl-wall')).not.toBeNull();
    await userEvent.click(q(r.target, 'lesson-item-amdahl-wall')!);

    // The header names both reports by title, in the lesson's order.
    const from = q(r.target, 'lesson-sources')!;
    const amdahl = lessonById('amdahl-wall')!;
    expect(from.textContent).toBe(amdahl.sources.map((id) => sourceById(id)!.title).join(' and '));

    await userEvent.click(q(r.target, 'lesson-source-market-data-files')!);
    await expect.poll(() => q(r.target, 'sources-view')).not.toBeNull();
    const report = q(r.target, 'source-market-data-files')!;
    await expect.poll(() => document.activeElement).toBe(report.querySelector('h3'));
    expect(report.querySelector('h3')!.textContent).toBe(sourceById('market-data-files')!.title);
    expect(q(r.target, 'view-sources')!.getAttribute('aria-current')).toBe('page');

    // All five reports, each listing its lessons by number and title.
    expect(r.target.querySelectorAll('[data-testid="source-title"]')).toHaveLength(SOURCES.length);
    for (const s of SOURCES) {
      const listed = [...q(r.target, `source-${s.id}`)!.querySelectorAll('[data-testid^="source-lesson-"]')].map((b) => b.textContent);
      expect(listed, s.id).toEqual(s.lessons.map((l) => `Lesson ${lessonById(l.id)!.number}: ${lessonById(l.id)!.title}`));
    }

    // And back: the report's other lesson opens in the Lessons view, its title focused.
    await userEvent.click(report.querySelector<HTMLButtonElement>('[data-testid="source-lesson-many-files-vs-one"]')!);
    await expect.poll(() => q(r.target, 'lesson-page')?.dataset.lesson).toBe('many-files-vs-one');
    await expect.poll(() => document.activeElement).toBe(q(r.target, 'lesson-title'));
    expect(q(r.target, 'view-lessons')!.getAttribute('aria-current')).toBe('page');
    expect(presentation.chart).toBe(lessonById('many-files-vs-one')!.chart);
  });
});
