import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { answerCsv, answerDigest, canonicalAnswer } from '../../../src/core/userdata';
import { answerAt, jobOf, utf8 } from './userdata-test-helpers';

function answerOf(csv: string, groupBy: string, aggregate: string[]) {
  const bytes = utf8(csv);
  const answer = answerAt(jobOf(bytes, 'csv', groupBy, aggregate), bytes);
  if ('ok' in answer) throw new Error(answer.message);
  return answer;
}

describe('the answer CSV', () => {
  it('has the key column, count, then sum/min/max per aggregated column, one row per key sorted by key', () => {
    const answer = answerOf('city,amount,qty\n"b, x",2.5,1\na,-1,\n"=sum(1)",3,2\nb,1,1\n"b, x",0.25,3\n', 'city', ['amount', 'qty']);
    expect(answerCsv(answer)).toBe(
      'city,count,amount_sum,amount_min,amount_max,qty_sum,qty_min,qty_max\r\n' +
        "'=sum(1),1,3.00,3.00,3.00,2,2,2\r\n" +
        'a,1,-1.00,-1.00,-1.00,0,,\r\n' +
        'b,1,1.00,1.00,1.00,1,1,1\r\n' +
        '"b, x",2,2.75,0.25,2.50,4,1,3\r\n',
    );
  });

  it('orders numeric keys as numbers and writes them unguarded, negative ones included', () => {
    const answer = answerOf('id,v\n10,1\n-2,1\n9,1\n,1\n', 'id', ['v']);
    expect(answerCsv(answer)).toBe('id,count,v_sum,v_min,v_max\r\n,1,1,1,1\r\n-2,1,1,1,1\r\n9,1,1,1,1\r\n10,1,1,1,1\r\n');
  });

  it('reads back through papaparse as the same rows, quoted line breaks and quotes included', () => {
    const answer = answerOf('k,v\n"multi\nline ""q""",1.5\nplain,2\n', 'k', ['v']);
    const back = Papa.parse<string[]>(answerCsv(answer), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(back.slice(1)).toEqual(answer.rows);
  });

  it('has a digest that is the hash of the canonical text, and changes with any digit', () => {
    const a = answerOf('k,v\nx,1.5\n', 'k', ['v']);
    const b = answerOf('k,v\nx,1.6\n', 'k', ['v']);
    expect(canonicalAnswer(a)).toBe('{"key":"k","aggregates":["v"],"rows":[["x","1","1.5","1.5","1.5"]]}');
    expect(answerDigest(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(answerDigest(a)).not.toBe(answerDigest(b));
  });
});
