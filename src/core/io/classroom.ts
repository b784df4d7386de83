/**
 * A classroom of machines: many shared results (links, payloads or share files) read at
 * once, one line per machine. Duplicates (the same result imported twice) are recognised by
 * the CRC-32 of their canonical JSON. Per machine: speedup against workers, time against
 * records at its largest worker count, and the break-even there (stats.breakEven over the
 * shared medians), a table sortable by cores, browser or speedup, and a merged CSV with the
 * machine in columns.
 */

import type { SpeedupPoint } from '../view/chart-data';
import type { TableModel } from '../view/table';
import { formatNumber, formatText } from './csv';
import { planExperiment, type PlannedPoint } from '../experiment/plan';
import { breakEven } from '../stats';
import { browserOf, browserName } from './machine';
import { crc32, decodeShare, parseSharedJson, sharedJson, type SharedPoint, type SharedResult } from './share-link';
import { errorText } from '../view/format';
import type { Interval } from '../stats';

/** Machines one classroom holds at most. */
export const MAX_CLASSROOM_MACHINES = 500;

/** One machine's shared result. */
export interface ClassroomMachine {
  /** CRC-32 of the result's JSON, 8 hex digits: equal results, equal ids. */
  id: string;
  /** Where it came from: a file name, or "pasted link 3". */
  source: string;
  shared: SharedResult;
  /** For the legend: the run's label, then browser and cores. */
  name: string;
}

/** One input to read: a file's text or pasted text (links, payloads, or one share file's JSON). */
export interface ClassroomInput {
  source: string;
  text: string;
}

export interface ClassroomImport {
  /** Every machine, the ones already there first. */
  machines: ClassroomMachine[];
  added: number;
  /** Sources whose result was already in the classroom. */
  duplicates: string[];
  /** Inputs that could not be read, each with why. */
  problems: { source: string; message: string }[];
}

function machineOf(shared: SharedResult, source: string): ClassroomMachine {
  const id = crc32(new TextEncoder().encode(sharedJson(shared))).toString(16).padStart(8, '0');
  const env = shared.environment;
  const name = `${shared.label || 'Untitled run'} — ${browserName(env.userAgent)} · ${env.hardwareConcurrency} cores`;
  return { id, source, shared, name };
}

/** Reads inputs into the classroom: a JSON text is one share file; any other text, whitespace-separated links or payloads. */
export function importIntoClassroom(existing: readonly ClassroomMachine[], inputs: readonly ClassroomInput[]): ClassroomImport {
  const machines = [...existing];
  const ids = new Set(machines.map((m) => m.id));
  const out: ClassroomImport = { machines, added: 0, duplicates: [], problems: [] };
  const take = (source: string, text: string, json: boolean): void => {
    const read = json ? parseSharedJson(text) : decodeShare(text);
    if (!read.ok) return void out.problems.push({ source, message: read.message });
    const machine = machineOf(read.value, source);
    if (ids.has(machine.id)) return void out.duplicates.push(source);
    if (machines.length >= MAX_CLASSROOM_MACHINES) {
      return void out.problems.push({ source, message: `The classroom is full: it holds at most ${MAX_CLASSROOM_MACHINES} machines.` });
    }
    ids.add(machine.id);
    machines.push(machine);
    out.added++;
  };
  for (const input of inputs) {
    const text = input.text.trim();
    if (text.startsWith('{')) {
      take(input.source, text, true);
      continue;
    }
    const tokens = text.split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) out.problems.push({ source: input.source, message: 'There is no link in it.' });
    tokens.forEach((token, k) => take(tokens.length === 1 ? input.source : `${input.source}, link ${k + 1}`, token, false));
  }
  return out;
}

// ---------------------------------------------------------------------------
// One line per machine

export interface TimePointMs {
  records: number;
  medianMs: number;
  ci95Ms: Interval;
}

export interface MachineLine {
  id: string;
  name: string;
  browser: string;
  cores: number;
  isolated: boolean;
  /** Speedup against workers (at the largest record count where several were swept). */
  speedup: SpeedupPoint[];
  /** Time against records at the machine's largest worker count. */
  time: TimePointMs[];
  /** Worker count of `time`. */
  timeWorkers: number;
  /** Largest measured speedup; null without one. */
  bestSpeedup: number | null;
  /** Where the largest worker count starts to beat one worker, in words; '—' when records were not swept. */
  breakEven: string;
  /** The interpolated break-even record count, for sorting; null when there is none. */
  breakEvenRecords: number | null;
}

const workersOf = (p: PlannedPoint): number =>
  p.config.strategy === 'pool' || p.config.strategy === 'main-async' ? p.config.workers : 1;
const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

function breakEvenOf(points: { shared: SharedPoint; planned: PlannedPoint }[]): { text: string; records: number | null } {
  const a = points.flatMap(({ shared, planned }) => (shared.baselineMedianMs === null ? [] : [{ records: planned.config.records, ms: shared.baselineMedianMs }]));
  const b = points.map(({ shared, planned }) => ({ records: planned.config.records, ms: shared.medianMs }));
  if (new Set(b.map((p) => p.records)).size < 2) return { text: '—', records: null };
  try {
    const r = breakEven(a, b);
    if (r.kind === 'crossing') return { text: `≈ ${grouped(r.records)} records`, records: r.records };
    if (r.kind === 'always') return { text: `below ${grouped(r.minRecords)} records`, records: r.minRecords };
    if (r.kind === 'never') return { text: `not reached up to ${grouped(r.maxRecords)} records`, records: null };
    return { text: `only below ${grouped(r.records)} records`, records: null };
  } catch (err) {
    return { text: errorText(err), records: null };
  }
}

/** Each machine's lines, in classroom order. */
export function classroomLines(machines: readonly ClassroomMachine[]): MachineLine[] {
  return machines.map((m) => {
    const plan = planExperiment(m.shared.experiment);
    const points = m.shared.points.map((shared) => ({ shared, planned: plan.points[shared.index] }));
    // Speedup: one point per worker count, the largest record count's (where parallel work pays most).
    const byWorkers = new Map<number, { shared: SharedPoint; planned: PlannedPoint }>();
    for (const p of points) {
      if (p.shared.speedup === null) continue;
      const have = byWorkers.get(workersOf(p.planned));
      if (!have || p.planned.config.records > have.planned.config.records) byWorkers.set(workersOf(p.planned), p);
    }
    const speedup: SpeedupPoint[] = [...byWorkers.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([workers, p]) => ({ workers, speedup: p.shared.speedup!, ci95: [p.shared.speedupLo ?? p.shared.speedup!, p.shared.speedupHi ?? p.shared.speedup!] as Interval }));
    const timeWorkers = points.reduce((w, p) => Math.max(w, workersOf(p.planned)), 1);
    const atMost = points.filter((p) => workersOf(p.planned) === timeWorkers).sort((x, y) => x.planned.config.records - y.planned.config.records);
    const time = atMost.map((p) => ({ records: p.planned.config.records, medianMs: p.shared.medianMs, ci95Ms: [p.shared.ciLoMs, p.shared.ciHiMs] as Interval }));
    const be = breakEvenOf(atMost);
    const env = m.shared.environment;
    return {
      id: m.id,
      name: m.name,
      browser: browserName(env.userAgent),
      cores: env.hardwareConcurrency,
      isolated: env.crossOriginIsolated,
      speedup,
      time,
      timeWorkers,
      bestSpeedup: speedup.length ? Math.max(...speedup.map((p) => p.speedup)) : null,
      breakEven: be.text,
      breakEvenRecords: be.records,
    };
  });
}

/** What the machine table sorts by. */
export type ClassroomSortKey = 'cores' | 'browser' | 'speedup';

/** The lines sorted by `key` (ascending, or descending), ties kept in classroom order. */
export function sortLines(lines: readonly MachineLine[], key: ClassroomSortKey, descending = false): MachineLine[] {
  const value = (l: MachineLine): number | string =>
    key === 'cores' ? l.cores : key === 'browser' ? l.browser : (l.bestSpeedup ?? Number.NEGATIVE_INFINITY);
  const sign = descending ? -1 : 1;
  return lines
    .map((line, i) => ({ line, i }))
    .sort((x, y) => {
      const a = value(x.line);
      const b = value(y.line);
      const c = typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : (a as number) - (b as number);
      return c !== 0 ? sign * c : x.i - y.i;
    })
    .map((x) => x.line);
}

// ---------------------------------------------------------------------------
// Merged CSV: one row per machine and point

/** The merged CSV's columns, machine first. */
export const CLASSROOM_COLUMNS: readonly string[] = Object.freeze([
  'machine_id',
  'machine',
  'browser',
  'browser_version',
  'hardware_concurrency',
  'cross_origin_isolated',
  'timer_resolution_ms',
  'user_agent',
  'run_label',
  'created_at',
  'point_index',
  'strategy',
  'workers',
  'records',
  'n',
  'median_ms',
  'ci95_lo_ms',
  'ci95_hi_ms',
  'baseline_median_ms',
  'speedup',
  'speedup_ci95_lo',
  'speedup_ci95_hi',
  'efficiency',
  'all_correct',
]);

/** Every machine's points as one RFC 4180 CSV (CRLF, formula-guarded text, plain decimals). */
export function classroomCsv(machines: readonly ClassroomMachine[]): string {
  const num = (x: number | null): string => (x === null ? '' : formatNumber(x));
  let out = CLASSROOM_COLUMNS.join(',') + '\r\n';
  for (const m of machines) {
    const env = m.shared.environment;
    const browser = browserOf(env.userAgent);
    const plan = planExperiment(m.shared.experiment);
    for (const p of m.shared.points) {
      const c = plan.points[p.index].config;
      const row = [
        formatText(m.id),
        formatText(m.name),
        formatText(browser.name),
        browser.major === undefined ? '' : formatNumber(browser.major),
        formatNumber(env.hardwareConcurrency),
        env.crossOriginIsolated ? 'true' : 'false',
        formatNumber(env.timerResolutionMs),
        formatText(env.userAgent),
        formatText(m.shared.label),
        formatText(m.shared.createdAt),
        formatNumber(p.index),
        formatText(c.strategy),
        formatNumber(c.workers),
        formatNumber(c.records),
        formatNumber(p.n),
        formatNumber(p.medianMs),
        formatNumber(p.ciLoMs),
        formatNumber(p.ciHiMs),
        num(p.baselineMedianMs),
        num(p.speedup),
        num(p.speedupLo),
        num(p.speedupHi),
        num(p.efficiency),
        p.allCorrect ? 'true' : 'false',
      ];
      out += row.join(',') + '\r\n';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tables behind the charts and the machine table

const fixedCell = (x: number | null, digits: number): string => (x === null ? '' : x.toFixed(digits));

/** The speedup chart's data: one row per machine and worker count. */
export function classroomSpeedupTable(lines: readonly MachineLine[]): TableModel {
  return {
    caption: 'Speedup over each machine’s own one-worker baseline, with its 95 % bootstrap interval',
    columns: ['Machine', 'Workers', 'Speedup', '95% CI low', '95% CI high'],
    rows: lines.flatMap((l) => l.speedup.map((p) => [l.name, String(p.workers), p.speedup.toFixed(3), p.ci95[0].toFixed(3), p.ci95[1].toFixed(3)])),
  };
}

/** The time chart's data: one row per machine and record count, at its largest worker count. */
export function classroomTimeTable(lines: readonly MachineLine[]): TableModel {
  return {
    caption: 'Median time per record count at each machine’s largest worker count, with its 95 % bootstrap interval',
    columns: ['Machine', 'Workers', 'Records', 'Median ms', '95% CI low ms', '95% CI high ms'],
    rows: lines.flatMap((l) =>
      l.time.map((p) => [l.name, String(l.timeWorkers), String(p.records), p.medianMs.toFixed(3), p.ci95Ms[0].toFixed(3), p.ci95Ms[1].toFixed(3)]),
    ),
  };
}

/** The machine table: one row per machine. */
export function classroomMachineTable(lines: readonly MachineLine[]): TableModel {
  return {
    caption: 'One row per machine: what it reported, its best speedup and where its largest worker count breaks even',
    columns: ['Machine', 'Browser', 'Cores', 'Isolated', 'Best speedup', 'Break-even'],
    rows: lines.map((l) => [l.name, l.browser, String(l.cores), l.isolated ? 'yes' : 'no', fixedCell(l.bestSpeedup, 2), l.breakEven]),
  };
}
