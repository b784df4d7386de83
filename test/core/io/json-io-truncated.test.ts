import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportJson, parseImport } from '../../../src/core/io/json-io';
import { locateJsonError } from '../../../src/core/io/json-text';
import { makeRecord } from '../../helpers/run-records';

describe('parseImport of a truncated or malformed file', () => {
  it('refuses a file cut off mid-way and says where it ends', () => {
    const text = exportJson([makeRecord()]);
    const cut = text.slice(0, Math.floor(text.length / 2));
    const result = parseImport(cut);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('not-json');
    expect(result.message).toContain('truncated');
    expect(result.message).toContain(`character ${cut.length}`);
  });

  it('reports a syntax error with its position', () => {
    const result = parseImport('{"format": "parallel-playground-runs",\n "runs": [1,,2]}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('not-json');
    expect(result.message).toBe(
      `The file is not valid JSON: expected a value but found "," at character 51 (line 2, column 13).`,
    );
  });

  it('finds the error exactly where JSON.parse does, for any corrupted JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), (json, cut, insert) => {
        const at = cut % (json.length + 1);
        const text = json.slice(0, at) + insert + json.slice(at + (cut % 3));
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const found = locateJsonError(text);
        expect(found === undefined).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses an empty file', () => {
    const result = parseImport('');
    expect(result).toMatchObject({ ok: false, code: 'not-json' });
  });

  it('refuses JSON that is not a runs file', () => {
    expect(parseImport('[1,2,3]')).toMatchObject({ ok: false, code: 'not-an-export', message: expect.stringContaining('array') });
    expect(parseImport('{"format":"other-app"}')).toMatchObject({
      ok: false,
      code: 'not-an-export',
      message: expect.stringContaining('"other-app"'),
    });
  });
});
