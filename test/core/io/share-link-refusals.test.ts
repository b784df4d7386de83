import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, packShareJson, SHARE_LIMITS, shareOfRun, sharedJson, type ShareResult } from '../../../src/core/io/share-link';
import { makeSweepRecord } from '../../helpers/sweep-record';

const shared = shareOfRun(makeSweepRecord({ records: [100_000], workers: [1, 2], repetitions: 3 }));
const payload = encodeShare(shared);

function refusal(r: ShareResult): [string, string] {
  if (r.ok) throw new Error('expected a refusal');
  return [r.code, r.message];
}

/** The shared result with one change, packed as a link payload (a valid checksum: only the schema can refuse it). */
function edited(change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(sharedJson(shared)) as Record<string, unknown>;
  change(value);
  return packShareJson(JSON.stringify(value));
}

describe('decodeShare refuses', () => {
  it('a link without a shared result', () => {
    expect(refusal(decodeShare('https://example.org/#v=1&workers=4'))).toEqual([
      'empty',
      'This is not a shared result: the link has no “#share=…” part.',
    ]);
    expect(refusal(decodeShare('#share='))[0]).toBe('empty');
  });

  it('a link cut short anywhere', () => {
    for (const keep of [1, 5, 8, 40, Math.floor(payload.length / 2), payload.length - 1]) {
      const [code, message] = refusal(decodeShare(`#share=${payload.slice(0, keep)}`));
      expect(code).toBe('damaged');
      expect(message).toMatch(/^This shared link is damaged/);
    }
  });

  it('a tampered link: a changed character, or a character a link never holds', () => {
    const mid = payload.length >> 1;
    const flipped = payload.slice(0, mid) + (payload[mid] === 'A' ? 'B' : 'A') + payload.slice(mid + 1);
    expect(refusal(decodeShare(flipped))[0]).toBe('damaged');
    expect(refusal(decodeShare(`#share=${payload.slice(0, mid)}%${payload.slice(mid)}`))).toEqual([
      'damaged',
      'This shared link is damaged: it holds characters a share link never contains (was it edited or cut?).',
    ]);
  });

  it('an oversized link, and a small link that inflates past the limit', () => {
    expect(refusal(decodeShare('A'.repeat(SHARE_LIMITS.linkChars + 1)))).toEqual([
      'oversized',
      `This shared result is too long: ${SHARE_LIMITS.linkChars + 1} characters, more than the ${SHARE_LIMITS.linkChars} a link may carry.`,
    ]);
    const bomb = packShareJson(`{"format":"parallel-playground-share","label":"${' '.repeat(SHARE_LIMITS.jsonBytes)}"}`);
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.linkChars);
    expect(refusal(decodeShare(bomb))).toEqual(['oversized', 'This shared result unpacks to more than 1 MiB, more than a shared result may hold.']);
  });

  it('a result from a future share version', () => {
    expect(refusal(decodeShare(edited((v) => (v.version = 2))))).toEqual([
      'newer-version',
      'This result was shared by a newer Parallel Playground (share version 2; this one reads up to 1): open it with a newer version.',
    ]);
  });

  it('unexpected keys, at the top and deep inside', () => {
    expect(refusal(decodeShare(edited((v) => (v.extra = 1))))).toEqual([
      'invalid',
      'This shared result is not valid: extra: unknown field (not part of the record format)',
    ]);
    const deep = edited((v) => ((v.points as Record<string, unknown>[])[1].note = 'x'));
    expect(refusal(decodeShare(deep))[1]).toBe('This shared result is not valid: points[1].note: unknown field (not part of the record format)');
  });

  it('wrong types and points that do not belong to the experiment', () => {
    const badEnv = edited((v) => ((v.environment as Record<string, unknown>).hardwareConcurrency = '8'));
    expect(refusal(decodeShare(badEnv))[1]).toBe('This shared result is not valid: environment.hardwareConcurrency: expected number, got string');
    const outside = edited((v) => ((v.points as Record<string, unknown>[])[1].index = 7));
    expect(refusal(decodeShare(outside))[1]).toBe('This shared result is not valid: points[1].index: 7 is not a point of the experiment (it has 2)');
    const walls = edited((v) => ((v.points as Record<string, unknown>[])[0].wallsMs = [1, 2]));
    expect(refusal(decodeShare(walls))[1]).toBe('This shared result is not valid: points[0].wallsMs: 2 wall times for n = 3');
  });

  it('JSON that is not a shared result', () => {
    expect(refusal(decodeShare(packShareJson('[1,2]')))).toEqual(['invalid', 'This is not a shared result: expected a JSON object.']);
    expect(refusal(decodeShare(packShareJson('{"format":"x"}')))[1]).toBe(
      'This is not a shared result: format is "x", expected "parallel-playground-share".',
    );
    expect(refusal(decodeShare(packShareJson('{"format":')))[0]).toBe('not-json');
  });
});

describe('decodeShare never evaluates what it reads', () => {
  it('leaves prototypes alone and refuses __proto__ keys', () => {
    const text = sharedJson(shared).replace('{"format"', '{"__proto__":{"polluted":true},"format"');
    expect(refusal(decodeShare(packShareJson(text)))[1]).toBe(
      'This shared result is not valid: __proto__: unknown field (not part of the record format)',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps code in text fields as text', () => {
    const label = '</script><script>globalThis.ran = true</script>${globalThis.ran = true}';
    const r = decodeShare(edited((v) => (v.label = label)));
    expect(r.ok && r.value.label).toBe(label);
    expect((globalThis as Record<string, unknown>).ran).toBeUndefined();
  });
});
