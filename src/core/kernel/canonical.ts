/**
 * A kernel's answer made comparable: canonical JSON (object keys sorted, so two equal
 * answers built in different orders give the same text) and its hash. Values JSON cannot
 * hold faithfully are refused with the path to them, instead of being silently changed
 * (JSON.stringify turns NaN into null and drops undefined and functions).
 */

import { hashText } from '../userdata/answer';

/** A value in finish()'s output that JSON cannot carry; `path` says where (e.g. `answer.top[3]`). */
export class AnswerValueError extends Error {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`finish() returned ${what} at ${path}; the answer must be JSON: objects, arrays, strings, finite numbers, booleans, null`);
    this.name = 'AnswerValueError';
  }
}

function write(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new AnswerValueError(path, String(value));
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new AnswerValueError(path, `a ${typeof value}`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new AnswerValueError(path, 'a cycle');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((v, i) => write(v, `${path}[${i}]`, seen)).join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(obj) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new AnswerValueError(path, `a ${name} (convert it to a plain object or array first)`);
    }
    const keys = Object.keys(obj).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write((obj as Record<string, unknown>)[k], `${path}.${k}`, seen)}`).join(',')}}`;
  }
  seen.delete(obj);
  return out;
}

/** The answer as canonical JSON: keys sorted at every level, no whitespace. Throws AnswerValueError. */
export function canonicalJson(value: unknown): string {
  return write(value, 'answer', new Set());
}

/** The canonical text and its 64-bit hash (16 hex digits). */
export interface CanonicalAnswer {
  json: string;
  hash: string;
}

export function canonicalAnswerOf(value: unknown): CanonicalAnswer {
  const json = canonicalJson(value);
  return { json, hash: hashText(json) };
}
