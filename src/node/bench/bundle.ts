/**
 * Initial JavaScript of the built app: the entry chunk dist/index.html loads and every chunk
 * it imports statically, followed recursively (dynamic `import()` chunks load later and are
 * left out), each gzip-compressed on its own — one response each.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: Array<{ path: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

/** Static import specifiers of a minified ES module: `import … from "x"`, `import "x"`, `export … from "x"` (not `import(…)`). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  const patterns = [
    /(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+)["']/g,
    /(?:^|[;\n}])\s*export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"'\n]+)["']/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.add(m[1]);
  return [...out];
}

/** The entry scripts and modulepreload links of an HTML page, as site paths. */
export function htmlEntries(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)) out.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) out.add(m[1]);
  return [...out];
}

/** Measures dist/index.html's initial JS (level 9, as Vite's own size report). */
export function initialJs(distDir: string, page = 'index.html'): InitialJs {
  const html = readFileSync(join(distDir, page), 'utf8');
  const queue = htmlEntries(html).filter((p) => !/^[a-z]+:/i.test(p));
  const seen = new Set<string>();
  const files: InitialJs['files'] = [];
  while (queue.length > 0) {
    const site = posix.normalize(queue.shift()!);
    if (seen.has(site)) continue;
    seen.add(site);
    const path = join(distDir, site.replace(/^\//, ''));
    if (!existsSync(path)) throw new Error(`${page} refers to ${site}, which is not in dist/`);
    const code = readFileSync(path);
    files.push({ path: site, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const spec of staticImports(code.toString('utf8'))) {
      if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) queue.push(spec.startsWith('/') ? spec : posix.join(posix.dirname(site), spec));
    }
  }
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}
