/**
 * Imports run one way: ui → state → engine / storage / lessons → core, workers → core.
 * Every import of every source file under src/ and workers/ is parsed (with TypeScript's
 * own pre-processor, so comments and strings cannot fool it) and checked against the
 * table below; a file that imports against the direction fails the test by name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

type Area = 'core' | 'lessons' | 'engine' | 'storage' | 'state' | 'ui' | 'workers' | 'node' | 'bench' | 'main';

/**
 * What each area may import besides itself. core is the pure base everyone may read;
 * lessons are pure content (text, presets, verdicts over the analysis) on top of core;
 * engine and storage are the main thread's services; state holds the app and is the only
 * way the UI reaches engine and storage; the Node tools and the benchmark page drive the
 * layers below them the way state does.
 */
const ALLOWED: Record<Area, readonly Area[]> = {
  core: [],
  lessons: ['core'],
  engine: ['core'],
  storage: ['core'],
  state: ['engine', 'storage', 'lessons', 'core'],
  ui: ['state', 'lessons', 'core'],
  workers: ['core'],
  node: ['lessons', 'core'],
  bench: ['engine', 'storage', 'core'],
  main: ['ui', 'state'],
};

/** Packages only some areas may import: the realm rules of the README. */
const PACKAGE_AREAS: Record<string, readonly Area[]> = {
  'idb-keyval': ['storage'],
  comlink: ['engine', 'workers', 'bench'],
  'chart.js': ['ui'],
  svelte: ['ui', 'state', 'main'],
};

function areaOf(file: string): Area | undefined {
  const rel = relative(ROOT, file).split(/[\\/]/);
  if (rel[0] === 'workers') return 'workers';
  if (rel[0] !== 'src') return undefined;
  if (rel[1] === 'main.ts') return 'main';
  // `../storage` (a folder's index) and `../storage/history` both belong to storage.
  return (Object.keys(ALLOWED) as Area[]).find((a) => a === rel[1]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports (static, re-exports, side-effect and dynamic imports). */
function importsOf(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Every import against the direction, as "file → specifier (area → area)". */
function violations(): string[] {
  const out: string[] = [];
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'workers'))]) {
    const from = areaOf(file);
    if (!from) continue;
    for (const spec of importsOf(file)) {
      const where = relative(ROOT, file);
      if (spec.startsWith('.')) {
        const to = areaOf(resolve(dirname(file), spec));
        if (to === from) continue;
        if (!to || !ALLOWED[from].includes(to)) out.push(`${where} → ${spec} (${from} → ${to ?? 'outside src'})`);
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        const areas = PACKAGE_AREAS[pkg];
        if (areas && !areas.includes(from)) out.push(`${where} → ${spec} (${from} may not import ${pkg})`);
      }
    }
  }
  return out;
}

describe('import direction', () => {
  it('finds the imports it checks (the parser sees relative, package and dynamic imports)', () => {
    expect(importsOf(join(ROOT, 'workers/engine.worker.ts'))).toEqual(['comlink', '../src/core/protocol/engine', './engine-api']);
    expect(areaOf(join(ROOT, 'src/ui/charts/Chart.svelte'))).toBe('ui');
    expect(areaOf(join(ROOT, 'src/core/stats/index.ts'))).toBe('core');
    expect(areaOf(join(ROOT, 'src/storage'))).toBe('storage');
  });

  it('has no import against ui → state → engine / storage / lessons → core, workers → core', () => {
    expect(violations()).toEqual([]);
  });
});
