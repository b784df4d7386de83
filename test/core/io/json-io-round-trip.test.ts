import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, exportJson, parseImport } from '../../../src/core/io/json-io';
import { makeRecord } from '../../helpers/run-records';

describe('exportJson → parseImport', () => {
  it('gives back deep-equal records, every field and sample included', () => {
    const records = [
      makeRecord({ id: 'a', label: 'emoji 🚀 RTL עברית e\u0301 "q", x\r\ny', points: 3, repetitions: 4 }),
      makeRecord({
        id: 'b',
        overrides: { lessonId: 'amdahl', pinned: true, status: 'failed', error: 'worker 2 threw: boom' },
      }),
      makeRecord({ id: 'c', overrides: { summaries: [{ pointIndex: 0, role: 'measured', n: 3, medianMs: 1.5, ci95LoMs: 1, ci95HiMs: 2 }] } }),
    ];
    const text = exportJson(records, new Date('2025-03-01T00:00:00Z'));
    const envelope = JSON.parse(text) as Record<string, unknown>;
    expect(envelope.format).toBe(EXPORT_FORMAT);
    expect(envelope.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(envelope.exportedAt).toBe('2025-03-01T00:00:00.000Z');

    const result = parseImport(text);
    expect(result).toEqual({ ok: true, records });
  });

  it('reports ids that appear twice in one file and keeps the first', () => {
    const first = makeRecord({ id: 'same', label: 'first' });
    const second = makeRecord({ id: 'same', label: 'second' });
    const result = parseImport(exportJson([first, second, makeRecord({ id: 'other' })]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records.map((r) => r.label)).toEqual(['first', 'workers sweep']);
    expect(result.duplicatesWithin).toEqual(['same']);
  });

  it('imports a run exported mid-sweep as partial', () => {
    const running = makeRecord({ id: 'live', overrides: { status: 'running' } });
    const result = parseImport(exportJson([running]));
    expect(result.ok && result.records[0].status).toBe('partial');
  });
});

describe('parseImport of a file saved with a byte-order mark', () => {
  it('reads it like the same file without one', () => {
    const records = [makeRecord()];
    expect(parseImport(`\uFEFF${exportJson(records)}`)).toEqual({ ok: true, records });
  });
});
