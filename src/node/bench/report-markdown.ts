/**
 * The BENCHMARKS.md text of a bench run: its header, the table of figures (and one column per
 * engine when several ran), every figure's verdict and method, and how the bench measures.
 * Pure: results in, Markdown out.
 */

import { formatStat, formatValue, statusCell, targetText, type BenchResults, type EngineRun, type FigureResult } from './report';

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function fmtLoad(l: number[] | undefined): string {
  return l ? l.map((x) => x.toFixed(2)).join(' / ') : '—';
}

function fmtDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The title, what the file is, and the run: when, where, the load, the overall result. */
function headerSection(r: BenchResults): string[] {
  const m = r.machine;
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(
    'The project\'s performance record. This file is rewritten by `npm run bench` (a full run writing the default ' +
      '`bench/results.json`); do not edit it by hand. Each figure is the median over the trials shown, with the 10th–90th ' +
      'percentile in brackets. Every reference is measured in the same page as the engine, alternating with it inside each ' +
      'trial, and ratios are taken per trial before the median. A figure that misses its target says **MISSED**, with what ' +
      'was measured.',
  );
  lines.push('');
  lines.push(`- **Measured:** ${r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}, ${r.trials} trials per figure, took ${fmtDuration(r.durationMs)}`);
  lines.push(`- **Machine:** ${m.cores} cores (navigator.hardwareConcurrency; os.cpus: ${m.osCpus} × ${m.cpuModel}), ${m.totalMemGiB.toFixed(1)} GiB RAM, ${m.platform}`);
  lines.push(`- **Browser:** headless Chromium ${m.browser} (crossOriginIsolated ${m.crossOriginIsolated}); Node ${m.node}`);
  lines.push(
    `- **Load average** (1 / 5 / 15 min): ${fmtLoad(m.loadAvgStart)} at the start, ${fmtLoad(m.loadAvgEnd)} at the end. ` +
      'This is a shared 2-vCPU machine; other work on it shows up as spread and as a slower median.',
  );
  const met = r.figures.filter((f) => f.status === 'met').length;
  const missed = r.figures.filter((f) => f.status === 'missed');
  const errors = r.figures.filter((f) => f.status === 'error');
  lines.push(
    `- **Result:** ${met} of ${r.figures.filter((f) => f.target).length} targets met` +
      (missed.length ? `; MISSED: ${missed.map((f) => f.id).join(', ')}` : '') +
      (errors.length ? `; NOT MEASURED: ${errors.map((f) => f.id).join(', ')}` : ''),
  );
  return lines;
}

/** The one-row-per-figure table (and the per-engine table after it, when several engines ran). */
function tableSection(r: BenchResults): string[] {
  const lines: string[] = [];
  lines.push('');
  lines.push('| figure | measured | reference measured beside it | ratio | target | result |');
  lines.push('|---|---|---|---|---|---|');
  for (const f of r.figures) {
    const value = f.value ? `${formatStat(f.value)}${f.value.label ? ` — ${f.value.label}` : ''}` : '—';
    const ref = f.reference ? `${formatStat(f.reference)} — ${f.reference.label}` : '—';
    const ratio = f.ratio ? `${formatStat(f.ratio)} (${f.ratio.label})` : '—';
    const result = statusCell(f);
    lines.push(`| ${escapeCell(`\`${f.id}\` ${f.title}`)} | ${escapeCell(value)} | ${escapeCell(ref)} | ${escapeCell(ratio)} | ${escapeCell(targetText(f))} | ${escapeCell(result)} |`);
  }
  if (r.engines && r.engines.length > 1) lines.push('', ...enginesSection(r.engines));
  lines.push('');
  return lines;
}

/** Each figure's verdict, method, context, details and notes. */
function figureSection(r: BenchResults): string[] {
  const lines: string[] = [];
  lines.push('## Figure by figure');
  lines.push('');
  for (const f of r.figures) {
    lines.push(`### \`${f.id}\` — ${f.title}`);
    lines.push('');
    lines.push(`${f.verdict}.`);
    lines.push('');
    lines.push(`*How:* ${f.method}`);
    if (f.context.length) {
      lines.push('');
      lines.push(`*Context:* ${f.context.map((c) => `${c.label}: ${formatStat(c)}`).join('; ')}.`);
    }
    const n = f.value?.n ?? 0;
    const deterministic = f.info.deterministic === true;
    const info = Object.entries(f.info)
      .filter(([k]) => k !== 'deterministic')
      .map(([k, v]) => `${k} ${typeof v === 'number' ? +v.toFixed(1) : String(v)}`);
    const count = deterministic ? 'measured once (deterministic)' : n === r.trials ? `${n} measured trials` : n ? `${r.trials} trials, ${n} values` : '';
    if (info.length || count) {
      lines.push('');
      lines.push(`*Details:* ${[count, ...info].filter(Boolean).join('; ')}.`);
    }
    for (const note of f.notes) {
      lines.push('');
      lines.push(`*Note:* ${note}`);
    }
    lines.push('');
  }
  return lines;
}

/** How the bench measures. */
function methodSection(): string[] {
  const lines: string[] = [];
  lines.push('## Method');
  lines.push('');
  lines.push(
    '`npm run bench` builds the app when dist/ is stale, serves dist/ with Vite\'s preview server (the COOP/COEP headers of ' +
      'vite.config.ts, so the page is cross-origin isolated and performance.now() has 5 µs steps), and drives the bench page ' +
      '(`bench/index.html`, built beside the app from `src/bench/`) in headless Chromium. The page imports the engine and the ' +
      'workloads exactly as the app does. Each job discards warm-up trials first (a fresh worker runs hot loops ~3× slower for ' +
      'its first calls), then alternates engine and reference inside every trial so drift and background load hit both. ' +
      'Every engine sample and every reference is checked against the sequential digest; a reference that computes a ' +
      'different answer stops the figure. Results are written to bench/results.json after every figure.',
  );
  lines.push('');
  lines.push(
    'Run `npm run bench -- --smoke` for a < 90 s check that every figure still measures (3 trials, small sizes, written to ' +
      'bench/results.partial.json unless `--out` is given), and `npm run bench -- --only ping,group` for some figures.',
  );
  lines.push('');
  return lines;
}

/** The whole BENCHMARKS.md: the table, the notes behind every figure, and the method. */
export function benchmarksMarkdown(r: BenchResults): string {
  return [...headerSection(r), ...tableSection(r), ...figureSection(r), ...methodSection()].join('\n');
}

/** One engine's cell for a figure: its judged median and result, or why it could not run. */
function engineCell(f: FigureResult | undefined): string {
  if (!f) return '—';
  if (f.status === 'unavailable' || f.status === 'error') return statusCell(f);
  const on = f.target?.on === 'value' || !f.ratio ? f.value : f.ratio;
  const shown = on ? formatStat(on) : '—';
  return `${shown} ${f.status === 'missed' ? '**MISSED**' : f.status === 'met' ? 'met' : '(context)'}`;
}

/** Median of a figure's value in one engine, when it was measured. */
function valueIn(run: EngineRun, id: string): number | undefined {
  const f = run.figures.find((x) => x.id === id);
  return f?.value && Number.isFinite(f.value.median) ? f.value.median : undefined;
}

/**
 * The same figures in every engine measured: one column per engine (with its version), then
 * what the differences teach — whose workers start fastest, the timer steps, the cores each
 * engine reports — read from the numbers, not written in advance.
 */
export function enginesSection(engines: readonly EngineRun[]): string[] {
  const lines: string[] = [];
  lines.push('## In every engine');
  lines.push('');
  lines.push(
    'The same built page in each engine (`npm run bench -- --browser all`): each cell is the median the target is judged on ' +
      '(p10–p90), then the result. A figure that cannot run in an engine says why.',
  );
  lines.push('');
  lines.push(`| figure | target | ${engines.map((e) => escapeCell(e.version)).join(' | ')} |`);
  lines.push(`|---|---|${engines.map(() => '---').join('|')}|`);
  const ids = [...new Set(engines.flatMap((e) => e.figures.map((f) => f.id)))];
  for (const id of ids) {
    const any = engines.map((e) => e.figures.find((f) => f.id === id)).find((f) => f !== undefined)!;
    const cells = engines.map((e) => escapeCell(engineCell(e.figures.find((f) => f.id === id))));
    lines.push(`| \`${id}\` | ${escapeCell(targetText(any))} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push(
    `- **Cores reported** (navigator.hardwareConcurrency): ${engines.map((e) => `${e.engine} ${e.cores}`).join(', ')}; ` +
      'pool sizes that follow it differ where an engine reports more cores than the machine has.',
  );
  lines.push(
    `- **Timer step** (smallest performance.now() step in the bench page): ${engines
      .map((e) => `${e.engine} ${Number.isFinite(e.timerResolutionMs) ? formatValue(e.timerResolutionMs * 1000, 'µs') : '—'}`)
      .join(', ')}. A coarser step makes short timings (round trips, small batches) coarser in that engine.`,
  );
  lines.push(
    `- **Shared memory** (SharedArrayBuffer + Atomics): ${engines.map((e) => `${e.engine} ${e.sharedMemory ? 'yes' : 'no'}`).join(', ')}.`,
  );
  const starts = engines.map((e) => ({ e, ms: valueIn(e, 'cold-pool') })).filter((x): x is { e: EngineRun; ms: number } => x.ms !== undefined);
  if (starts.length > 1) {
    starts.sort((a, b) => a.ms - b.ms);
    lines.push(
      `- **Workers start fastest in ${starts[0].e.engine}:** a cold pool ready in ${starts
        .map((x) => `${x.e.engine} ${formatValue(x.ms, 'ms')}`)
        .join(', ')} (\`cold-pool\`, hardwareConcurrency workers each).`,
    );
  }
  return lines;
}

