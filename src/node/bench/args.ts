/** The bench's command line: its usage text and a pure parser of its arguments. */

import { parseEngineList, type EngineName } from '../engines/find-engines';
import { FIGURE_IDS } from './figures';

export const USAGE = `usage: npm run bench [-- --smoke] [--only <figure-id,…>] [--browser <engines>] [--out <file.json>]

Measures every performance figure on the built app in headless Chromium (or the engines
asked for) and writes bench/results.json; a full run to that default output also rewrites
BENCHMARKS.md.

  --smoke        3 trials, small sizes (< 90 s): checks every figure still measures;
                 writes bench/results.partial.json unless --out is given
  --only IDS     only these figures (comma-separated), written like --smoke's output:
                 ${FIGURE_IDS.join(', ')}
  --browser E    chromium (default), firefox, webkit, a comma list, or all: every figure
                 that can run in an engine runs there; one that cannot says why
  --out FILE     write the results here instead (BENCHMARKS.md is left alone)
  -h, --help     this text

Exit status: 0 every figure measured (targets met or MISSED: both are reported);
1 a figure could not be measured; 2 bad arguments; 130 interrupted.`;

export interface BenchOptions {
  smoke: boolean;
  only: string[] | null;
  out: string | null;
  /** Engines to measure in, in order (`--browser`; default Chromium alone). */
  browsers: EngineName[];
}

/** Parses the bench's arguments (pure). */
export function parseBenchArgs(argv: readonly string[]): { ok: true; help?: boolean; options: BenchOptions } | { ok: false; message: string } {
  const options: BenchOptions = { smoke: false, only: null, out: null, browsers: ['chromium'] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : i + 1 < argv.length && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (name === '--help' || name === '-h') return { ok: true, help: true, options };
    if (name === '--smoke') {
      if (eq > 0) return { ok: false, message: '--smoke takes no value' };
      options.smoke = true;
    } else if (name === '--only') {
      const v = value();
      if (!v) return { ok: false, message: `--only needs figure ids: ${FIGURE_IDS.join(', ')}` };
      const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !FIGURE_IDS.includes(id));
      if (unknown.length) return { ok: false, message: `--only: unknown figure ${unknown.map((u) => `"${u}"`).join(', ')}; valid ids: ${FIGURE_IDS.join(', ')}` };
      options.only = [...new Set([...(options.only ?? []), ...ids])];
    } else if (name === '--browser') {
      const v = value();
      if (!v) return { ok: false, message: '--browser needs chromium, firefox, webkit, a comma list of them, or all' };
      const engines = parseEngineList(v);
      if ('error' in engines) return { ok: false, message: engines.error };
      options.browsers = engines;
    } else if (name === '--out') {
      const v = value();
      if (!v) return { ok: false, message: '--out needs a file path' };
      if (!v.toLowerCase().endsWith('.json')) return { ok: false, message: `--out must end in .json (got "${v}")` };
      options.out = v;
    } else {
      return { ok: false, message: arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${arg}"` };
    }
  }
  return { ok: true, options };
}
