import { describe, expect, it } from 'vitest';
import { LESSONS, SOURCES, lessonById, sourceById } from '../../src/lessons';

describe('field reports and lessons link both ways', () => {
  it('every lesson names at least one report, and each names it back', () => {
    for (const lesson of LESSONS) {
      expect(lesson.sources.length, lesson.id).toBeGreaterThan(0);
      for (const id of lesson.sources) {
        const source = sourceById(id);
        expect(source, `${lesson.id} → ${id}`).toBeDefined();
        expect(source!.lessons.map((l) => l.id), `${id} does not list ${lesson.id}`).toContain(lesson.id);
      }
    }
  });

  it('every report is reproduced by at least one lesson, and each of its lessons names it', () => {
    expect(SOURCES.map((s) => s.number)).toEqual(['000', '001', '002', '003', '004']);
    for (const source of SOURCES) {
      expect(source.lessons.length, source.id).toBeGreaterThan(0);
      for (const { id } of source.lessons) {
        const lesson = lessonById(id);
        expect(lesson, `${source.id} → ${id}`).toBeDefined();
        expect(lesson!.sources, `${id} does not name ${source.id}`).toContain(source.id);
      }
    }
  });

  it('ids and titles are unique, and every report tells all four parts', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(5);
    expect(new Set(SOURCES.map((s) => s.title)).size).toBe(5);
    for (const s of SOURCES) {
      expect(new Set(s.lessons.map((l) => l.id)).size, s.id).toBe(s.lessons.length);
      const numbers = s.lessons.map((l) => lessonById(l.id)!.number);
      expect(numbers, `${s.id} lists its lessons in teaching order`).toEqual([...numbers].sort((a, b) => a - b));
      for (const text of [s.title, s.tried, s.wentWrong, s.learned]) expect(text.length, s.id).toBeGreaterThan(20);
      expect(s.numbers.length, s.id).toBeGreaterThanOrEqual(3);
    }
  });
});
