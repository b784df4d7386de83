/**
 * Code size report: source files over ~400 lines and functions over ~80 lines that carry no
 * comment right above them saying why they are long (the comment must contain the word
 * "long" or "longer", e.g. "Long on purpose: the hot loop stays in one piece so …").
 *
 * Run it with `npx tsx test/node/code-size.ts`; it prints one line per finding and exits 1
 * when there is any. `findCodeSizeProblems()` is the same check for a test to call.
 * Svelte components count their whole file, and the functions of their <script> blocks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

export interface CodeSizeProblem {
  file: string;
  line: number;
  lines: number;
  what: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The script blocks of a Svelte file, each with the line it starts on. */
function svelteScripts(text: string): { code: string; firstLine: number }[] {
  const blocks: { code: string; firstLine: number }[] = [];
  for (const m of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = (m.index ?? 0) + m[0].indexOf('>') + 1;
    blocks.push({ code: m[1], firstLine: text.slice(0, start).split('\n').length - 1 });
  }
  return blocks;
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The node whose leading comment documents a function: its statement for `const f = () => …`. */
function documentedNode(node: ts.Node): ts.Node {
  let n: ts.Node = node;
  while (
    n.parent &&
    (ts.isVariableDeclaration(n.parent) ||
      ts.isVariableDeclarationList(n.parent) ||
      ts.isVariableStatement(n.parent) ||
      ts.isPropertyAssignment(n.parent) ||
      ts.isPropertyDeclaration(n.parent) ||
      ts.isExportAssignment(n.parent))
  ) {
    n = n.parent;
  }
  return n;
}

function functionName(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  if (node.name) return node.name.getText(sf);
  const doc = documentedNode(node);
  if (ts.isVariableStatement(doc)) return doc.declarationList.declarations[0].name.getText(sf);
  if (ts.isPropertyAssignment(doc) || ts.isPropertyDeclaration(doc)) return doc.name.getText(sf);
  return '(anonymous)';
}

function saysWhyLong(node: ts.Node, code: string): boolean {
  const ranges = ts.getLeadingCommentRanges(code, node.getFullStart()) ?? [];
  return ranges.some((r) => /\blong(er)?\b/i.test(code.slice(r.pos, r.end)));
}

function longFunctions(code: string, file: string, firstLine: number): CodeSizeProblem[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const out: CodeSizeProblem[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.end).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES && !saysWhyLong(documentedNode(node), code)) {
        out.push({ file, line: firstLine + start + 1, lines, what: `function ${functionName(node, sf)}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function findCodeSizeProblems(): CodeSizeProblem[] {
  const problems: CodeSizeProblem[] = [];
  for (const path of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'workers'))]) {
    const file = relative(ROOT, path);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES) problems.push({ file, line: 1, lines, what: 'file' });
    const blocks = path.endsWith('.svelte') ? svelteScripts(text) : [{ code: text, firstLine: 0 }];
    for (const b of blocks) problems.push(...longFunctions(b.code, file, b.firstLine));
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const problems = findCodeSizeProblems();
  for (const p of problems) console.log(`${p.file}:${p.line}  ${p.what}  ${p.lines} lines`);
  console.log(problems.length === 0 ? 'code size: all within limits' : `code size: ${problems.length} over the limits`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
