import { describe, expect, it } from 'vitest';
import { previewFile } from '../../../src/core/userdata';
import { utf8 } from './userdata-test-helpers';

describe('the preview of a file', () => {
  it('detects integer, decimal and text columns, ignoring empty cells', () => {
    const preview = previewFile(utf8('id,price,name,blank\n1,2.5,a,\n-7,3,"b, c",\n,,"",\n'), 'csv', true);
    if (preview === 'need-more' || !preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.header.columns).toEqual(['id', 'price', 'name', 'blank']);
    expect(preview.types).toEqual(['integer', 'decimal', 'text', 'text']);
    expect(preview.rows).toEqual([
      ['1', '2.5', 'a', ''],
      ['-7', '3', 'b, c', ''],
      ['', '', '', ''],
    ]);
    expect(preview.complete).toBe(true);
  });

  it('shows only whole rows of a prefix and says the file goes on', () => {
    const preview = previewFile(utf8('k,v\nx,1\n"y\nz",2'), 'csv', false);
    if (preview === 'need-more' || !preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.rows).toEqual([['x', '1']]);
    expect(preview.complete).toBe(false);
    expect(previewFile(utf8('k,"long'), 'csv', false)).toBe('need-more');
  });

  it('stops at most at maxRows, and types NDJSON values by their text', () => {
    const preview = previewFile(utf8('{"a":1,"b":"x"}\n{"a":2.5,"b":3}\n{"a":3}\n'), 'ndjson', true, 2);
    if (preview === 'need-more' || !preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.rows).toEqual([
      ['1', 'x'],
      ['2.5', '3'],
    ]);
    expect(preview.types).toEqual(['decimal', 'text']);
    expect(preview.complete).toBe(false);
  });
});
