import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartPng, downloadText, exportFilename, safeFilename } from '../../src/storage/download';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloadText', () => {
  it('clicks a temporary <a download> holding the text as a Blob, then revokes the URL', async () => {
    vi.useFakeTimers();
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL');

    downloadText('runs "a/b".csv', 'a,b\r\n1,é🚀\r\n', 'text/csv', { bom: true });
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('runs -a-b-.csv');
    expect(clicked[0].inDocument).toBe(true);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);

    const blob = await (await fetch(clicked[0].href)).blob();
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('a,b\r\n1,é🚀\r\n'); // TextDecoder drops the BOM

    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith(clicked[0].href);
  });

  it('names export files sortably and safely', () => {
    expect(exportFilename('samples', 'csv', new Date('2025-01-31T12:34:56.789Z'))).toBe('parallel-playground-samples-2025-01-31T12-34-56Z.csv');
    expect(safeFilename('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(safeFilename('')).toBe('download');
  });
});

describe('chartPng', () => {
  it('encodes a canvas as PNG, optionally on an opaque background', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 20;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#c00';
    ctx.fillRect(0, 0, 10, 10);
    for (const options of [{}, { background: '#ffffff' }]) {
      const png = await chartPng(canvas, options);
      if (!png.ok) throw new Error(png.message);
      expect(png.value.type).toBe('image/png');
      const head = new Uint8Array(await png.value.slice(0, 8).arrayBuffer());
      expect([...head]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
  });

  it('says so when the canvas has no size', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 0;
    const png = await chartPng(canvas);
    expect(png).toEqual({ ok: false, code: 'encode-failed', message: 'The chart could not be saved as PNG: the chart has no size.' });
  });
});
