import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_DEPTH, parseImport } from '../../../src/core/io/json-io';

describe('parseImport nesting', () => {
  it('refuses 10⁶ nested arrays without overflowing the stack', () => {
    const depth = 1_000_000;
    const result = parseImport('['.repeat(depth) + ']'.repeat(depth));
    expect(result).toMatchObject({ ok: false, code: 'too-deep' });
    expect(!result.ok && result.message).toContain(`deeper than ${MAX_IMPORT_DEPTH} levels`);
  });

  it('refuses 10⁶ nested objects, even unterminated ones', () => {
    const result = parseImport('{"a":'.repeat(1_000_000));
    expect(result).toMatchObject({ ok: false, code: 'too-deep' });
  });

  it('does not count brackets inside strings', () => {
    const label = '['.repeat(500);
    const result = parseImport(JSON.stringify({ format: 'parallel-playground-runs', schemaVersion: 1, runs: [], note: label }));
    expect(result).toEqual({ ok: true, records: [] });
  });
});
