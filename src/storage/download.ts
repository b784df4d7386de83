/**
 * Saving exports on the user's machine: text through a Blob, an object URL and a temporary
 * <a download>, and a chart canvas as PNG. Everything stays in the page: no network.
 */

import { errorText } from '../core/view/format';

/** UTF-8 byte-order mark. Excel needs it to read a CSV as UTF-8; pandas and R (fileEncoding "UTF-8-BOM") skip it. */
export const UTF8_BOM = '\uFEFF';

/** How long the object URL outlives the click: some browsers start reading the Blob after the click returns. */
const REVOKE_AFTER_MS = 10_000;

export interface DownloadOptions {
  /** Prefix a UTF-8 byte-order mark (for spreadsheets). Default false. */
  bom?: boolean;
}

/** Offers `text` as a file download named `filename`. */
export function downloadText(filename: string, text: string, mime = 'text/plain', options: DownloadOptions = {}): void {
  const type = /charset=/i.test(mime) ? mime : `${mime};charset=utf-8`;
  const blob = new Blob(options.bom ? [UTF8_BOM, text] : [text], { type });
  downloadBlob(filename, blob);
}

/** Offers a Blob as a file download named `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFilename(filename);
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** A file name every OS accepts: no path separators, reserved or control characters; at most 120 characters. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  return (cleaned || 'download').slice(0, 120);
}

/** "parallel-playground-samples-2025-01-31T12-00-00Z.csv": a sortable, colon-free name. */
export function exportFilename(kind: string, extension: string, at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return safeFilename(`parallel-playground-${kind}-${stamp}.${extension}`);
}

export type PngResult = { ok: true; value: Blob } | { ok: false; code: 'encode-failed'; message: string };

export interface ChartPngOptions {
  /** Paint this colour under the chart (chart.js canvases are transparent), e.g. '#ffffff'. Default: keep transparency. */
  background?: string;
}

/** Encodes a chart's canvas as PNG. */
export function chartPng(canvas: HTMLCanvasElement, options: ChartPngOptions = {}): Promise<PngResult> {
  let source = canvas;
  if (options.background !== undefined && canvas.width > 0 && canvas.height > 0) {
    const flat = document.createElement('canvas');
    flat.width = canvas.width;
    flat.height = canvas.height;
    const ctx = flat.getContext('2d');
    if (ctx) {
      ctx.fillStyle = options.background;
      ctx.fillRect(0, 0, flat.width, flat.height);
      ctx.drawImage(canvas, 0, 0);
      source = flat;
    }
  }
  return new Promise((resolve) => {
    const refused = (why: string): void =>
      resolve({ ok: false, code: 'encode-failed', message: `The chart could not be saved as PNG: ${why}.` });
    try {
      source.toBlob((blob) => {
        if (blob) resolve({ ok: true, value: blob });
        else refused(canvas.width === 0 || canvas.height === 0 ? 'the chart has no size' : 'the browser returned no image');
      }, 'image/png');
    } catch (err) {
      // A tainted canvas throws SecurityError; ours never draws foreign images, but say so if it happens.
      refused(errorText(err));
    }
  });
}
