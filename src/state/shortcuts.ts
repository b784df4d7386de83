/**
 * The presenter's keyboard as plain data: which key does what, and when a key press is not
 * a shortcut at all (typing in a field, a modifier held). Pure, so the map is tested without a
 * page; App.svelte's listener only asks `shortcutFor` and hands the action to the presenter.
 */

export type ShortcutAction =
  | 'run'
  | 'cancel'
  | 'next-lesson'
  | 'previous-lesson'
  | 'next-chart'
  | 'previous-chart'
  | 'toggle-presentation'
  | 'toggle-explanation'
  | 'toggle-help';

/** Every shortcut in the order the `?` overlay lists them; `keys` are KeyboardEvent.key values. */
export const SHORTCUTS: readonly { action: ShortcutAction; keys: readonly string[]; label: string }[] = [
  { action: 'run', keys: ['r'], label: 'Run the lesson (or the playground experiment)' },
  { action: 'cancel', keys: ['Escape'], label: 'Cancel the run (or close this list)' },
  { action: 'next-lesson', keys: ['n', 'PageDown'], label: 'Next lesson' },
  { action: 'previous-lesson', keys: ['b', 'PageUp'], label: 'Previous lesson' },
  { action: 'next-chart', keys: ['c'], label: 'Next chart' },
  { action: 'previous-chart', keys: ['C'], label: 'Previous chart' },
  { action: 'toggle-presentation', keys: ['p'], label: 'Presentation mode on or off' },
  { action: 'toggle-explanation', keys: ['e'], label: 'Show or hide the explanation' },
  { action: 'toggle-help', keys: ['?'], label: 'Show or hide this list' },
];

const BY_KEY: ReadonlyMap<string, ShortcutAction> = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

/** What a key press's target looks like, as far as shortcuts care (an Element fits). */
export interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: KeyTarget | null;
}

/** Input types whose keys are not typing (buttons, boxes, radios, sliders): shortcuts still fire there. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether keys pressed on this element are the person's typing (text fields, selects, text areas, editable text). */
export function takesTyping(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}

/**
 * The action a key press asks for, or undefined: never while a text field, select, text area or
 * editable text has the focus, and never with Ctrl, Alt or Meta held (those belong to the
 * browser). Shift is allowed: it is how `?` and `C` are typed.
 */
export function shortcutFor(e: KeyPress): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (takesTyping(e.target)) return undefined;
  return BY_KEY.get(e.key);
}
