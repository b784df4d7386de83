import { describe, expect, it } from 'vitest';
import { AnswerValueError, canonicalAnswerOf, canonicalJson, checkAnswers, checkExports, kernelFailure, locateInStack } from '../../../src/core/kernel';

describe('canonical answers', () => {
  it('sorts keys at every level and hashes the text', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 'é' }], a: null, c: true })).toBe('{"a":null,"b":[{"x":"é","y":1}],"c":true}');
    expect(canonicalAnswerOf({ b: 1, a: 2 }).hash).toBe(canonicalAnswerOf({ a: 2, b: 1 }).hash);
    expect(canonicalAnswerOf({ a: 2 }).hash).not.toBe(canonicalAnswerOf({ a: 3 }).hash);
    expect(canonicalAnswerOf(1).hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses what JSON would silently change, naming where', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ m: { mean: NaN } }, /NaN at answer\.m\.mean/],
      [[1, undefined], /a undefined at answer\[1\]/],
      [{ f: () => 1 }, /a function at answer\.f/],
      [{ s: new Map() }, /a Map \(convert it/],
      [10n, /a bigint at answer/],
    ];
    for (const [value, message] of cases) expect(() => canonicalJson(value)).toThrow(message);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(AnswerValueError);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('flags different answers with the explanation', () => {
    const a = canonicalAnswerOf({ n: 1 });
    expect(checkAnswers(a, canonicalAnswerOf({ n: 1 }))).toEqual({ correct: true });
    const check = checkAnswers(a, canonicalAnswerOf({ n: 2 }));
    expect(check.correct).toBe(false);
    expect(check.explanation).toMatch(/associative/);
  });
});

describe('kernel failures', () => {
  const url = 'blob:http://localhost:4173/0b1c-22';

  it('finds the line in Chromium and Firefox stacks', () => {
    expect(locateInStack(`Error: x\n    at record (${url}:7:13)\n    at visit (http://localhost/assets/w.js:1:99)`, url)).toEqual({ line: 7, column: 13 });
    expect(locateInStack(`record@${url}:12:5\nvisit@http://localhost/w.js:1:1`, url)).toEqual({ line: 12, column: 5 });
    expect(locateInStack('at f (other.js:1:1)', url)).toBeNull();
  });

  it('turns a thrown value into a message with its stage and line', () => {
    const err = new TypeError('rec.x is undefined');
    err.stack = `TypeError: rec.x is undefined\n    at record (${url}:3:9)`;
    expect(kernelFailure('record', err, url)).toEqual({ stage: 'record', message: 'TypeError: rec.x is undefined', line: 3, column: 9 });
    expect(kernelFailure('merge', 'oops', url)).toEqual({ stage: 'merge', message: 'threw "oops"' });
  });

  it('names missing and wrong exports', () => {
    expect(checkExports({ init() {}, record() {}, merge() {}, finish() {} })).toBeNull();
    expect(checkExports({ init() {}, record: 1, finish() {} })).toBe(
      'the module must export the functions init, record, merge, finish; record is a number, merge is missing',
    );
  });
});
