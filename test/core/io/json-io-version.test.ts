import { describe, expect, it } from 'vitest';
import { exportJson, parseImport } from '../../../src/core/io/json-io';
import { makeRecord } from '../../helpers/run-records';

function withVersions(fileVersion: unknown, runVersion: unknown): string {
  const file = JSON.parse(exportJson([makeRecord()])) as { schemaVersion: unknown; runs: { schemaVersion: unknown }[] };
  file.schemaVersion = fileVersion;
  file.runs[0].schemaVersion = runVersion;
  return JSON.stringify(file);
}

describe('parseImport versions', () => {
  it('refuses a newer file version and names it', () => {
    const result = parseImport(withVersions(7, 1));
    expect(result).toMatchObject({ ok: false, code: 'newer-version' });
    expect(!result.ok && result.message).toContain('schemaVersion 7');
  });

  it('refuses a newer run version inside a current file and names the run and the version', () => {
    const result = parseImport(withVersions(1, 3));
    expect(result).toMatchObject({ ok: false, code: 'newer-version' });
    expect(!result.ok && result.message).toMatch(/^runs\[0\]: schemaVersion 3 is newer/);
  });

  it('refuses an unknown version and names it', () => {
    for (const v of ['one', -1, 1.5, null]) {
      const result = parseImport(withVersions(v, 1));
      expect(result).toMatchObject({ ok: false, code: 'unknown-version' });
      expect(!result.ok && result.message).toContain(`schemaVersion ${JSON.stringify(v)}`);
    }
  });

  it('refuses an older version it has no migration for, naming the version', () => {
    const result = parseImport(withVersions(0, 0));
    expect(result).toMatchObject({ ok: false, code: 'unknown-version' });
    expect(!result.ok && result.message).toContain('schemaVersion 0 has no migration to 1');
  });
});
