import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS, parseImport } from '../../../src/core/io/json-io';

describe('parseImport size limit', () => {
  it('refuses a file over 50 MiB before parsing it', () => {
    // Not JSON at all: a parse attempt would report a syntax error instead of the size.
    const huge = 'x'.repeat(MAX_IMPORT_CHARS + 1);
    const result = parseImport(huge);
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(!result.ok && result.message).toContain('limited to 50.0 MiB');
  });

  it('applies a lower limit when given one', () => {
    expect(parseImport('{"format":1}', { maxChars: 5 })).toMatchObject({ ok: false, code: 'too-large' });
  });
});
