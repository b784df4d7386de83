import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/core/io/json-io';
import { HistoryViewState } from '../../src/state/history-view.svelte';
import { memoryBackend, openHistory } from '../../src/storage';
import { fabricate } from './history-helpers';

describe('HistoryViewState: exports larger than an import accepts', () => {
  it('still saves the file, and warns that it is over the import limit', async () => {
    const history = await openHistory({ backend: memoryBackend() });
    await history.importRecords(fabricate(2));
    const saved: { filename: string; text: string }[] = [];
    const state = new HistoryViewState({
      history: () => history,
      runningId: () => undefined,
      save: { text: (filename, text) => saved.push({ filename, text }), blob: () => {} },
      maxImportChars: 2048,
    });
    await state.refresh();
    await state.exportMany('all', 'json');
    expect(saved).toHaveLength(1);
    expect(saved[0].text.length).toBeGreaterThan(2048);
    expect(state.notice?.kind).toBe('warning');
    expect(state.notice?.text).toMatch(
      /^Exported 2 runs as JSON\. This file is \d+\.\d KiB, more than the 2\.0 KiB an import accepts: to import it again later, export fewer runs at a time \(a selection\)\.$/,
    );
    // The warning is right: the same limit refuses the file on import.
    expect(parseImport(saved[0].text, { maxChars: 2048 })).toMatchObject({ ok: false, code: 'too-large' });

    await state.exportMany('all', 'samples');
    expect(state.notice).toEqual({ kind: 'success', text: 'Exported 2 runs as samples.csv.' });
    history.close();
  });
});
