import { afterEach, describe, expect, it } from 'vitest';
import { exportJson, parseImport } from '../../../src/core/io/json-io';
import { makeRecord } from '../../helpers/run-records';

function unpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

describe('parseImport prototype pollution', () => {
  afterEach(unpolluted);

  it('refuses a top-level __proto__ key and leaves Object.prototype alone', () => {
    const result = parseImport('{"__proto__": {"polluted": 1}}');
    expect(result).toMatchObject({ ok: false, code: 'forbidden-key' });
    expect(!result.ok && result.message).toContain('__proto__');
  });

  it('refuses __proto__, constructor and prototype nested inside a run, naming the path', () => {
    const valid = exportJson([makeRecord()]);
    const cases: [string, string][] = [
      ['"environment":{', '"environment":{"__proto__":{"polluted":1},'],
      ['"experiment":{', '"experiment":{"constructor":{"prototype":{"polluted":1}},'],
      ['"base":{', '"base":{"prototype":{"polluted":1},'],
    ];
    const paths = ['runs[0].environment.__proto__', 'runs[0].experiment.constructor', 'runs[0].experiment.base.prototype'];
    cases.forEach(([from, to], i) => {
      const hostile = valid.replace(from, to);
      expect(hostile).not.toBe(valid);
      const result = parseImport(hostile);
      expect(result).toMatchObject({ ok: false, code: 'forbidden-key' });
      expect(!result.ok && result.message).toContain(paths[i]);
    });
  });

  it('catches a key spelled with escapes ("\\u005f_proto__")', () => {
    const result = parseImport('{"format":"parallel-playground-runs","x":{"\\u005f_proto__":{"polluted":1}}}');
    expect(result).toMatchObject({ ok: false, code: 'forbidden-key' });
  });
});
