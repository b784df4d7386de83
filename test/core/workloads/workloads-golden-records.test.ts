import { describe, expect, it } from 'vitest';
import { generateColumns, generateRange } from '../../../src/core/workloads';

const SPEC = { seed: 42, records: 10_000, distinctKeys: 1000, keySkew: 1, payloadBytes: 16, costSkew: 0.5 };

describe('golden first records, seed 42', () => {
  it('fields of records 0 and 1', () => {
    const c = generateColumns({ ...SPEC, format: 'fixed' }, 0, 2);
    expect([...c.id]).toEqual([0, 1]);
    expect([...c.key]).toEqual([2672842292, 33350994]);
    expect([...c.ts]).toEqual([537, 1820]);
    expect([...c.price]).toEqual([8436551, 11100592]);
    expect([...c.size]).toEqual([12925, 37781]);
    expect([...c.cost]).toEqual([1, 1]);
    expect(c.payload).toBeNull();
  });

  it('payloads of records 0 and 1 (varlen and csv agree)', () => {
    for (const format of ['varlen', 'csv'] as const) {
      const c = generateColumns({ ...SPEC, format }, 0, 2);
      expect(c.payload!.map((p) => new TextDecoder().decode(p))).toEqual(['+eJE%p}l-L&w+)<[', ".4q_W=c%6}1(K-xKMQN8pmr':> /("]);
    }
  });

  it('csv text of records 0 and 1', () => {
    expect(new TextDecoder().decode(generateRange({ ...SPEC, format: 'csv' }, 0, 2))).toBe(
      "0,2672842292,537,8436551,12925,1,+eJE%p}l-L&w+)<[\n1,33350994,1820,11100592,37781,1,.4q_W=c%6}1(K-xKMQN8pmr':> /(\n",
    );
  });

  it('varlen bytes of record 0', () => {
    const hex = Buffer.from(generateRange({ ...SPEC, format: 'varlen' }, 0, 1)).toString('hex');
    expect(hex).toBe(
      'b58080' + // length 53 = 36 + 16 + 1
        '8080808080' + // id 0
        'b4acc1fa89' + // key 2672842292
        '9984808080808080' + // ts 537
        'c7f6828480' + // price 8436551
        'fde4808080' + // size 12925
        '8180808080' + // cost 1
        '2b654a4525707d6c2d4c26772b293c5b' + // payload
        '1d',
    );
  });
});
