/**
 * A kernel in a link: `#kernel=<base64url of the UTF-8 source>`. Opening such a link only
 * shows the code in the editor; it runs when the person presses Run.
 */

export const KERNEL_HASH_PREFIX = '#kernel=';
/** Longest source a link may carry, in UTF-8 bytes (links beyond ~64 kB break in some browsers and chat tools). */
export const MAX_LINK_SOURCE_BYTES = 32 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The hash that carries `source`, or an error when it is too long for a link. */
export function kernelHash(source: string): { ok: true; hash: string } | { ok: false; message: string } {
  const bytes = new TextEncoder().encode(source);
  if (bytes.length > MAX_LINK_SOURCE_BYTES) {
    return { ok: false, message: `the kernel is ${bytes.length} bytes; a link holds at most ${MAX_LINK_SOURCE_BYTES} (save it as a file instead)` };
  }
  return { ok: true, hash: KERNEL_HASH_PREFIX + toBase64Url(bytes) };
}

export function isKernelHash(hash: string): boolean {
  return hash.startsWith(KERNEL_HASH_PREFIX);
}

/** The source a kernel link carries; a damaged link gets a message saying so. */
export function kernelFromHash(hash: string): { ok: true; source: string } | { ok: false; message: string } {
  const text = hash.slice(KERNEL_HASH_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return { ok: false, message: 'the kernel link is damaged: it holds characters a kernel link never has' };
  if (text.length > Math.ceil((MAX_LINK_SOURCE_BYTES * 4) / 3)) return { ok: false, message: `the kernel link is longer than ${MAX_LINK_SOURCE_BYTES} bytes of code allow` };
  try {
    const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'the kernel link is damaged: it does not decode to UTF-8 text' };
  }
}
