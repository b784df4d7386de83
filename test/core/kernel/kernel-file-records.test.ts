/** A file's records as a kernel sees them: every split, wherever the cut falls, visits each record exactly once, in order. */
import { describe, expect, it } from 'vitest';
import { visitFileChunk, type FileShape } from '../../../src/core/kernel';
import { entryStates, readHeader, type ChunkResult, type UserFormat } from '../../../src/core/userdata';

function shapeOf(bytes: Uint8Array, format: UserFormat): FileShape {
  const header = readHeader(bytes, format, true);
  if (header === 'need-more' || !header.ok) throw new Error('bad header');
  return header;
}

/** Visits [start, end) with the guess, fixes wrong guesses the way the engine does, returns records per chunk. */
function visitSplit(bytes: Uint8Array, shape: FileShape, cuts: number[]): unknown[] {
  const run = (k: number, inQuotes: boolean) => {
    const records: unknown[] = [];
    const base = k === 0 ? cuts[0] : cuts[k] - 1;
    const scan = visitFileChunk(shape, bytes.subarray(base), base, cuts[k], cuts[k + 1], inQuotes, true, (r) => records.push(r));
    if (scan === 'need-more') throw new Error('need-more at eof');
    return { scan, records };
  };
  const first = cuts.slice(0, -1).map((_, k) => run(k, false));
  const states = entryStates(first.map((f) => f.scan as ChunkResult));
  return first.flatMap((f, k) => (states[k] === f.scan.enteredInQuotes ? f.records : run(k, states[k]).records));
}

describe('visitFileChunk', () => {
  const text = '\uFEFFcity,note,amount\r\n"Zürich, CH","said ""hi""",1.25\r\n日本,"line1\r\nline2",-2.5\n\n🙂,"a\nb",0.125\r\n日本,,7';
  const bytes = new TextEncoder().encode(text);
  const shape = shapeOf(bytes, 'csv');
  const expected = [
    { city: 'Zürich, CH', note: 'said "hi"', amount: '1.25' },
    { city: '日本', note: 'line1\r\nline2', amount: '-2.5' },
    { city: '🙂', note: 'a\nb', amount: '0.125' },
    { city: '日本', note: '', amount: '7' },
  ];

  it('reads the whole file as one chunk', () => {
    expect(visitSplit(bytes, shape, [shape.dataStart, bytes.length])).toEqual(expected);
  });

  it('gives the same records for a cut at every byte offset', () => {
    for (let cut = shape.dataStart; cut <= bytes.length; cut++) {
      expect(visitSplit(bytes, shape, [shape.dataStart, cut, bytes.length]), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('gives the same records for three chunks at every pair of offsets', () => {
    for (let a = shape.dataStart; a <= bytes.length; a += 3) {
      for (let b = a; b <= bytes.length; b += 5) expect(visitSplit(bytes, shape, [shape.dataStart, a, b, bytes.length]), `cuts ${a}, ${b}`).toEqual(expected);
    }
  });

  it('reports a wrong field count as a problem of the chunk, not a record', () => {
    const bad = new TextEncoder().encode('a,b\n1,2\n3\n4,5\n');
    const badShape = shapeOf(bad, 'csv');
    const seen: unknown[] = [];
    const scan = visitFileChunk(badShape, bad, 0, badShape.dataStart, bad.length, false, true, (r) => seen.push(r));
    if (scan === 'need-more') throw new Error('need-more');
    expect(seen).toEqual([{ a: '1', b: '2' }]);
    expect(scan.partial.issue).toMatchObject({ code: 'field-count', rowInChunk: 1 });
  });

  it('passes NDJSON objects as they are', () => {
    const nd = new TextEncoder().encode('{"k":"x","v":1}\n{"k":"y","v":[2]}\n');
    const ndShape = shapeOf(nd, 'ndjson');
    expect(visitSplit(nd, ndShape, [ndShape.dataStart, 9, nd.length])).toEqual([{ k: 'x', v: 1 }, { k: 'y', v: [2] }]);
  });
});
