/**
 * The CodeMirror 6 editor, in its own chunk: imported only when the code view opens, so the
 * playground's initial download does not carry it.
 */

import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// The app's own colours (light and dark themes, all meeting WCAG AA on the surface), instead
// of CodeMirror's default palette, some of whose colours fail the contrast check.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: 'var(--accent)', fontWeight: '600' },
  { tag: [tags.string, tags.regexp], color: 'var(--good)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--warn)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--bad)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', maxHeight: '36rem' },
  '.cm-scroller': { fontFamily: 'var(--mono)', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)' },
});

export interface KernelEditorHandle {
  /** Replaces the text (a starter, a link) without reporting it as an edit. */
  setText(text: string): void;
  /** Puts the cursor at the start of a 1-based line and scrolls to it. */
  goToLine(line: number): void;
  destroy(): void;
}

/**
 * Mounts the editor in a shadow root on `host`. CodeMirror puts its styles in a <style>
 * element when it is mounted in the document, which the app's policy (style-src 'self', no
 * 'unsafe-inline') blocks; in a shadow root it uses a constructed style sheet, which the
 * policy allows. The app's colour variables inherit into the shadow root.
 */
export function createEditor(host: HTMLElement, text: string, label: string, onEdit: (text: string) => void): KernelEditorHandle {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.replaceChildren(parent);
  let quiet = false;
  const view = new EditorView({
    doc: text,
    parent,
    root,
    extensions: [
      basicSetup,
      javascript(),
      syntaxHighlighting(highlight),
      theme,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && !quiet) onEdit(u.state.doc.toString());
      }),
    ],
  });
  // The scroller holds the only copy of a long kernel: keyboard users must be able to scroll it.
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('aria-label', `${label} (scroll)`);
  return {
    setText(next) {
      if (view.state.doc.toString() === next) return;
      quiet = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
      quiet = false;
    },
    goToLine(line) {
      const n = Math.min(Math.max(1, line), view.state.doc.lines);
      view.dispatch({ selection: { anchor: view.state.doc.line(n).from }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
