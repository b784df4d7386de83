/**
 * CSV export of runs (pure: records in, string out): `samplesCsv`, one row per repetition, and
 * `summaryCsv`, one row per (run, configuration point) with the analysis's numbers — the same
 * the UI shows; this file only formats them. The columns, their order and their documentation
 * are in ./csv-columns.ts (re-exported here).
 */
import { analyseRecord, type PointAnalysis } from '../experiment/analysis';
import type { RunRecord } from './run-record';
import { PHASES, type RunConfig } from '../model/types';
import { CSV_CONFIG_FIELDS } from '../model/field-lists';
import { inapplicableFields, inputKind, type RunInput } from '../model/run-input';
import { SAMPLE_COLUMNS, SUMMARY_COLUMNS } from './csv-columns';

export * from './csv-columns';

// ---------------------------------------------------------------------------
// Cells

/**
 * A typed cell: text is injection-guarded, numbers are written exactly, undefined is empty.
 * `{ decimal }` is a number already spelled exactly in plain decimal (e.g. an exact sum
 * wider than a double): written as it is, never guarded, like every number.
 */
export type Cell = string | number | boolean | undefined | { readonly decimal: string };

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A finite number in plain decimal: the shortest round-trip digits (Number#toString),
 * with any exponent expanded, so `1e-7` is written `0.0000001` and `1e21` as 22 digits.
 * Non-finite values have no CSV spelling and become an empty cell.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0'; // also −0
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead + frac;
  const point = 1 + Number(expText); // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A text cell, neutralised against formula injection and quoted per RFC 4180 when needed. */
export function formatText(s: string): string {
  const guarded = FORMULA_START.test(s) ? `'${s}` : s;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function formatCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'object') return cell.decimal;
  return formatText(cell);
}

/** An RFC 4180 table: the header row, then one row per entry, CRLF after each. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  let out = header.map(formatText).join(',') + '\r\n';
  for (const row of rows) out += row.map(formatCell).join(',') + '\r\n';
  return out;
}

/** ISO 8601 in UTC whatever offset the record was written with. */
function utc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : iso;
}

function runCells(record: RunRecord, pointIndex: number): Cell[] {
  return [
    record.id,
    record.label,
    record.lessonId ?? record.experiment.lessonId,
    utc(record.createdAt),
    record.status,
    pointIndex,
  ];
}

/**
 * The configuration's cells. A run over a person's file or kernel leaves the fields that do
 * not apply to it empty (model/run-input.ts), names a data file's own format, and calls a
 * kernel's job `kernel`.
 */
function configCells(config: RunConfig, input: RunInput | undefined): Cell[] {
  const blank = inapplicableFields(input);
  return CSV_CONFIG_FIELDS.map((f) => {
    if (f === 'job' && input?.kind === 'kernel') return 'kernel';
    if (f === 'format' && input?.kind === 'data-file') return input.file.format;
    return blank.has(f) ? undefined : config[f];
  });
}

/** The input columns: what the records were, and for a person's file or kernel, which. */
function inputCells(input: RunInput | undefined): Cell[] {
  const file = input?.kind === 'data-file' ? input.file : input?.file;
  return [
    inputKind(input),
    file?.name,
    file?.bytes,
    input?.kind === 'data-file' ? input.groupBy : undefined,
    input?.kind === 'data-file' ? input.aggregate.join(' ') : undefined,
    input?.kind === 'kernel' ? input.sourceHash : undefined,
  ];
}

function envCells(record: RunRecord): Cell[] {
  const env = record.environment;
  return [
    env.userAgent,
    env.hardwareConcurrency,
    env.crossOriginIsolated,
    env.sharedArrayBuffer,
    env.measuredCores,
    env.timerResolutionMs,
    env.deviceMemoryGiB,
    env.appVersion,
  ];
}

// ---------------------------------------------------------------------------
// Samples

/** One row per repetition of every run, columns SAMPLE_COLUMNS. */
export function samplesCsv(records: readonly RunRecord[]): string {
  const rows: Cell[][] = [];
  for (const record of records) {
    const env = envCells(record);
    const input = inputCells(record.input);
    for (const rep of record.repetitions) {
      const s = rep.sample;
      rows.push([
        ...runCells(record, rep.pointIndex),
        rep.role,
        rep.repetition,
        ...configCells(rep.config, record.input),
        s.wallMs,
        ...PHASES.map((p) => s.phasesMs[p]),
        s.wallMs > 0 ? rep.config.records / (s.wallMs / 1000) : undefined,
        s.digest.records,
        s.digest.checksum,
        s.digest.tableHash,
        s.correct,
        ...env,
        ...input,
      ]);
    }
  }
  return toCsv(SAMPLE_COLUMNS, rows);
}

// ---------------------------------------------------------------------------
// Summary

/** One summary row: the analysis' numbers for a point, formatted, never recomputed. */
function summaryRow(record: RunRecord, p: PointAnalysis): Cell[] {
  const stats = p.summary;
  const s = p.speedup;
  return [
    ...runCells(record, p.point.index),
    ...configCells(p.point.config, record.input),
    p.samples.length,
    stats?.median,
    stats?.ci95[0],
    stats?.ci95[1],
    stats?.mad,
    stats?.mean,
    stats?.sd,
    stats?.min,
    stats?.max,
    stats?.cv,
    p.measuredCorrect,
    p.baselineSamples.length,
    p.baselineSummary?.median,
    s?.ratio,
    s?.ci95[0],
    s?.ci95[1],
    p.efficiency ?? undefined,
    p.karpFlatt,
    ...inputCells(record.input),
  ];
}

/**
 * One row per (run, configuration point) that has measured repetitions, columns
 * SUMMARY_COLUMNS: the numbers of analyseRecord, the same the cards and charts show. Points
 * with only baseline repetitions (a run cancelled early) have no row; their samples are in
 * samplesCsv.
 */
export function summaryCsv(records: readonly RunRecord[]): string {
  const rows: Cell[][] = [];
  for (const record of records) {
    for (const p of analyseRecord(record).points) if (p.samples.length > 0) rows.push(summaryRow(record, p));
  }
  return toCsv(SUMMARY_COLUMNS, rows);
}
