import { describe, expect, it } from 'vitest';
import { findCodeSizeProblems, MAX_FILE_LINES, MAX_FUNCTION_LINES } from './code-size';

describe('code size', () => {
  it(`no source file over ${MAX_FILE_LINES} lines, no function over ${MAX_FUNCTION_LINES} without a comment saying why it is long`, () => {
    const problems = findCodeSizeProblems().map((p) => `${p.file}:${p.line} ${p.what} ${p.lines} lines`);
    expect(problems).toEqual([]);
  });
});
