import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, takesTyping, type KeyPress, type KeyTarget } from '../../src/state/shortcuts';

const BUTTON: KeyTarget = { tagName: 'BUTTON' };
const press = (key: string, target: KeyTarget | null = BUTTON, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('presenter keys: the key → action map', () => {
  it('maps every listed key to its action, PageDown and PageUp included', () => {
    expect(
      Object.fromEntries(['r', 'Escape', 'n', 'PageDown', 'b', 'PageUp', 'c', 'C', 'p', 'e', '?'].map((k) => [k, shortcutFor(press(k))])),
    ).toEqual({
      r: 'run',
      Escape: 'cancel',
      n: 'next-lesson',
      PageDown: 'next-lesson',
      b: 'previous-lesson',
      PageUp: 'previous-lesson',
      c: 'next-chart',
      C: 'previous-chart',
      p: 'toggle-presentation',
      e: 'toggle-explanation',
      '?': 'toggle-help',
    });
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });

  it('ignores other keys and keys with Ctrl, Alt or Meta held (Shift is how ? and C are typed)', () => {
    for (const key of ['a', 'Enter', ' ', 'ArrowRight', 'F5', 'R']) expect(shortcutFor(press(key)), key).toBeUndefined();
    expect(shortcutFor(press('r', BUTTON, { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('p', BUTTON, { altKey: true }))).toBeUndefined();
    expect(shortcutFor(press('PageDown', BUTTON, { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(press('?', null))).toBe('toggle-help');
  });

  it('never fires while a text field, select, text area or editable text has the focus', () => {
    const typing: KeyTarget[] = [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'input' },
      { tagName: 'SELECT' },
      { tagName: 'TEXTAREA' },
      { tagName: 'DIV', isContentEditable: true },
    ];
    for (const t of typing) {
      expect(takesTyping(t), JSON.stringify(t)).toBe(true);
      for (const key of ['r', 'p', 'n', 'PageDown', '?', 'Escape']) expect(shortcutFor(press(key, t)), `${key} in ${JSON.stringify(t)}`).toBeUndefined();
    }
    for (const t of [BUTTON, { tagName: 'INPUT', type: 'radio' }, { tagName: 'INPUT', type: 'checkbox' }, { tagName: 'BODY' }]) {
      expect(takesTyping(t), JSON.stringify(t)).toBe(false);
      expect(shortcutFor(press('r', t))).toBe('run');
    }
  });
});
