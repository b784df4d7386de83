/**
 * Where JSON text goes wrong, said the same way in every browser: the nesting depth found by
 * a linear scan (before parsing, so deep nesting cannot overflow a stack), the position and
 * problem of the first syntax error, and a character offset as line and column.
 */



/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * Scans the text once, without recursion, for bracket depth outside strings, and returns the
 * offset of the first bracket beyond `maxDepth` (undefined when there is none).
 */
export function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** A place in the text and what is wrong there. */
export interface JsonProblem {
  at: number;
  problem: string;
}

/** Consumes the string that starts at text[start] === '"'; returns the offset after it, or its problem. */
function scanString(text: string, start: number): number | JsonProblem {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 0x20) return { at: i, problem: 'a raw control character (such as a line break) inside a string' };
    if (c === 92) {
      const e = text[i + 1];
      if (e === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return { at: i, problem: 'a \\u escape without four hex digits' };
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i += 2;
      } else {
        return { at: i, problem: 'an invalid escape in a string' };
      }
      continue;
    }
    i++;
  }
  return { at: n, problem: 'the file ends inside a string' };
}

/**
 * Finds where JSON text first goes wrong, so every browser reports the same position (V8,
 * SpiderMonkey and JavaScriptCore word and place their errors differently, some not at all).
 * Iterative, for text whose depth is already bounded; only run after JSON.parse has failed.
 * Long on purpose: one state machine over the JSON grammar, every state in one switch, so the
 * states and their transitions read together.
 */
export function locateJsonError(text: string): JsonProblem | undefined {
  type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  const stack: ('{' | '[')[] = [];
  let want: Want = 'value';
  let i = 0;
  const n = text.length;
  const shown = (at: number) => (at >= n ? 'the end of the file' : JSON.stringify(text[at]));
  const wrong = (expected: string) => ({ at: i, problem: `expected ${expected} but found ${shown(i)}` });
  const afterValue = (): Want => (stack.length > 0 ? 'comma-or-close' : 'end');
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) return want === 'end' ? undefined : { at: n, problem: 'the file ends before the data is complete' };
    const ch = text[i];
    const top = stack[stack.length - 1];
    switch (want) {
      case 'end':
        return { at: i, problem: `unexpected ${shown(i)} after the end of the data` };
      case 'colon':
        if (ch !== ':') return wrong("':'");
        i++;
        want = 'value';
        break;
      case 'comma-or-close': {
        const close = top === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          want = top === '{' ? 'key' : 'value';
        } else if (ch === close) {
          i++;
          stack.pop();
          want = afterValue();
        } else {
          return wrong(`',' or '${close}'`);
        }
        break;
      }
      case 'key-or-close':
      case 'key':
        if (want === 'key-or-close' && ch === '}') {
          i++;
          stack.pop();
          want = afterValue();
        } else if (ch === '"') {
          const scanned = scanString(text, i);
          if (typeof scanned !== 'number') return scanned;
          i = scanned;
          want = 'colon';
        } else {
          return wrong('a property name in double quotes');
        }
        break;
      case 'value-or-close':
      case 'value':
        if (want === 'value-or-close' && ch === ']') {
          i++;
          stack.pop();
          want = afterValue();
        } else if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          want = ch === '{' ? 'key-or-close' : 'value-or-close';
        } else if (ch === '"') {
          const scanned = scanString(text, i);
          if (typeof scanned !== 'number') return scanned;
          i = scanned;
          want = afterValue();
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          want = afterValue();
        } else if (text.startsWith('false', i)) {
          i += 5;
          want = afterValue();
        } else {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return wrong('a value');
          i = NUMBER.lastIndex;
          want = afterValue();
        }
        break;
    }
  }
}
