/**
 * A result shared without a server: the experiment, the environment it ran in and the
 * per-point statistics of the run's analysis, as JSON compressed into a URL fragment
 * (`#share=…`), or the same JSON as a file.
 *
 * The statistics are taken from analysis.ts (the numbers the sender's cards and CSV show),
 * never recomputed here; they are rounded to six significant digits, wall times to 1 µs (the
 * finest timer step a browser gives), so a 12-point sweep fits a link. The measured and
 * baseline wall times travel along, so a comparison with a run on another machine can
 * compute the interval of the ratio of medians on the receiving side.
 *
 * Decoding trusts nothing: the link's length, the alphabet, a CRC-32 of the JSON, the
 * inflated size, JSON.parse (never eval), then a strict valibot schema (unknown keys refused)
 * and a version check. Every refusal is a value with a message; nothing throws.
 */

import type { Environment } from '../model/environment';
import { inflateSync, deflateSync } from 'fflate';
import * as v from 'valibot';
import { SHARE_KEY } from './share-hash';
import { analyseExperiment } from '../experiment/analysis';
import { pointCount } from '../model/config';
import { planExperiment } from '../experiment/plan';
import {
  EnvironmentSchema,
  ExperimentSchema,
  formatIssues,
  LIMITS,
  PhasesSchema,
  RunStatusSchema,
  type RunRecord,
} from './run-record';
import type { ExperimentConfig, Phase, RunStatus } from '../model/types';
import { errorText } from '../view/format';

/** The share format this app writes and reads. */
export const SHARE_VERSION = 1;
/** What a shared result file says it is. */
export const SHARE_FORMAT = 'parallel-playground-share';
export { isShareHash, SHARE_KEY } from './share-hash';

/** Bounds of what a decoder accepts: a link longer than this is refused before any work. */
export const SHARE_LIMITS = {
  /** Characters of the encoded payload (browsers keep far longer URLs; this bounds the work). */
  linkChars: 64 * 1024,
  /** Bytes of JSON after inflating (a small link must not inflate into a huge document). */
  jsonBytes: 1024 * 1024,
  /** Points in a shared experiment. */
  points: 1024,
  /** Wall times per point and role. */
  wallsPerPoint: 1000,
} as const;

/** The statistics of one point, as the sender's analysis computed them. */
export interface SharedPoint {
  /** Index of the point in the experiment's plan. */
  index: number;
  /** Measured repetitions. */
  n: number;
  medianMs: number;
  /** 95 % bootstrap interval of the median. */
  ciLoMs: number;
  ciHiMs: number;
  /** Raw median absolute deviation. */
  madMs: number;
  minMs: number;
  maxMs: number;
  /** Baseline (worker-seq) repetitions; 0 without a baseline. */
  baselineN: number;
  baselineMedianMs: number | null;
  /** median(baseline) ÷ median(measured) and its 95 % interval; null without a baseline. */
  speedup: number | null;
  speedupLo: number | null;
  speedupHi: number | null;
  efficiency: number | null;
  karpFlatt: number | null;
  throughputRecordsPerSec: number | null;
  /** Median of each phase, ms. */
  phaseMediansMs: Record<Phase, number>;
  allCorrect: boolean;
  /** The measured wall times, ms at 1 µs, in run order. */
  wallsMs: number[];
  /** The baseline's wall times, ms at 1 µs, in run order. */
  baselineWallsMs: number[];
}

/** A shared result: everything the receiving page shows, read-only. */
export interface SharedResult {
  format: typeof SHARE_FORMAT;
  version: typeof SHARE_VERSION;
  label: string;
  /** ISO 8601 time the run was created. */
  createdAt: string;
  status: RunStatus;
  experiment: ExperimentConfig;
  environment: Environment;
  /** One entry per point that has measurements, in plan order. */
  points: SharedPoint[];
}

/** Six significant digits: plenty for a chart or a table, and short in a link. */
function sig6(x: number): number {
  return Number(x.toPrecision(6));
}
const sig6OrNull = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : sig6(x));
/** 1 µs: the finest step performance.now() gives in an isolated page. */
const micros = (ms: number): number => Math.round(ms * 1000) / 1000;

/** The shared form of a stored run: its analysis' per-point statistics, rounded (see the file comment). */
export function shareOfRun(record: RunRecord): SharedResult {
  const analysis = analyseExperiment(planExperiment(record.experiment), record.repetitions, record.environment.timerResolutionMs);
  const points: SharedPoint[] = [];
  for (const p of analysis.points) {
    const s = p.summary;
    if (!s) continue;
    const phaseMediansMs = { ...p.phaseMediansMs };
    for (const k of Object.keys(phaseMediansMs) as Phase[]) phaseMediansMs[k] = sig6(phaseMediansMs[k]);
    points.push({
      index: p.point.index,
      n: s.n,
      medianMs: sig6(s.median),
      ciLoMs: sig6(s.ci95[0]),
      ciHiMs: sig6(s.ci95[1]),
      madMs: sig6(s.mad),
      minMs: sig6(s.min),
      maxMs: sig6(s.max),
      baselineN: p.baselineSummary?.n ?? 0,
      baselineMedianMs: sig6OrNull(p.baselineSummary?.median),
      speedup: sig6OrNull(p.speedup?.ratio),
      speedupLo: sig6OrNull(p.speedup?.ci95[0]),
      speedupHi: sig6OrNull(p.speedup?.ci95[1]),
      efficiency: sig6OrNull(p.efficiency),
      karpFlatt: sig6OrNull(p.karpFlatt),
      throughputRecordsPerSec: sig6OrNull(p.throughputRecordsPerSec),
      phaseMediansMs,
      allCorrect: p.allCorrect,
      wallsMs: p.samples.map((x) => micros(x.wallMs)),
      baselineWallsMs: p.baselineSamples.map((x) => micros(x.wallMs)),
    });
  }
  return {
    format: SHARE_FORMAT,
    version: SHARE_VERSION,
    label: record.label,
    createdAt: record.createdAt,
    status: record.status,
    experiment: record.experiment,
    environment: record.environment,
    points,
  };
}

// ---------------------------------------------------------------------------
// Schema

const nonNegative = v.pipe(v.number(), v.finite('expected a finite number'), v.minValue(0));
const nullableNonNegative = v.nullable(nonNegative);
const count = (max: number) => v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0), v.maxValue(max));
const walls = v.pipe(v.array(nonNegative), v.maxLength(SHARE_LIMITS.wallsPerPoint));

const SharedPointSchema = v.strictObject({
  index: count(SHARE_LIMITS.points - 1),
  n: count(SHARE_LIMITS.wallsPerPoint),
  medianMs: nonNegative,
  ciLoMs: nonNegative,
  ciHiMs: nonNegative,
  madMs: nonNegative,
  minMs: nonNegative,
  maxMs: nonNegative,
  baselineN: count(SHARE_LIMITS.wallsPerPoint),
  baselineMedianMs: nullableNonNegative,
  speedup: nullableNonNegative,
  speedupLo: nullableNonNegative,
  speedupHi: nullableNonNegative,
  efficiency: nullableNonNegative,
  // Karp–Flatt goes negative for superlinear speedups.
  karpFlatt: v.nullable(v.pipe(v.number(), v.finite('expected a finite number'))),
  throughputRecordsPerSec: nullableNonNegative,
  phaseMediansMs: PhasesSchema,
  allCorrect: v.boolean(),
  wallsMs: walls,
  baselineWallsMs: walls,
});

const SharedResultSchema = v.strictObject({
  format: v.literal(SHARE_FORMAT),
  version: v.literal(SHARE_VERSION),
  label: v.pipe(v.string(), v.maxLength(LIMITS.labelChars)),
  createdAt: v.pipe(v.string(), v.maxLength(40), v.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/, 'expected an ISO 8601 time')),
  status: RunStatusSchema,
  experiment: ExperimentSchema,
  environment: EnvironmentSchema,
  points: v.pipe(v.array(SharedPointSchema), v.maxLength(SHARE_LIMITS.points)),
});

// ---------------------------------------------------------------------------
// Checks the schema cannot express: the points must belong to the experiment.

function consistencyProblems(s: SharedResult): string[] {
  const problems: string[] = [];
  const planned = pointCount(s.experiment);
  if (planned > SHARE_LIMITS.points) problems.push(`experiment.sweep: ${planned} points, more than the ${SHARE_LIMITS.points} a shared result may hold`);
  let previous = -1;
  s.points.forEach((p, i) => {
    if (p.index >= planned) problems.push(`points[${i}].index: ${p.index} is not a point of the experiment (it has ${planned})`);
    if (p.index <= previous) problems.push(`points[${i}].index: expected increasing point indexes, got ${p.index} after ${previous}`);
    if (p.wallsMs.length !== p.n) problems.push(`points[${i}].wallsMs: ${p.wallsMs.length} wall times for n = ${p.n}`);
    if (p.baselineWallsMs.length !== p.baselineN) {
      problems.push(`points[${i}].baselineWallsMs: ${p.baselineWallsMs.length} wall times for baselineN = ${p.baselineN}`);
    }
    previous = p.index;
  });
  return problems;
}

// ---------------------------------------------------------------------------
// Encoding: JSON → UTF-8 → CRC-32 (4 bytes, big-endian) + raw deflate → base64url.

/** Why a shared result could not be read. */
export type ShareErrorCode = 'empty' | 'oversized' | 'damaged' | 'not-json' | 'newer-version' | 'invalid';

export type ShareResult = { ok: true; value: SharedResult } | { ok: false; code: ShareErrorCode; message: string; issues: string[] };

function refuse(code: ShareErrorCode, message: string, issues: string[] = [message]): ShareResult {
  return { ok: false, code, message, issues };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zip and PNG use it) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined; // no base64 text has this length
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The shared result as the JSON of a file (and of the link, before compression). */
export function sharedJson(shared: SharedResult): string {
  return JSON.stringify(shared);
}

/** The payload of a share link: what follows `#share=`. */
export function encodeShare(shared: SharedResult): string {
  return packShareJson(sharedJson(shared));
}

/** Packs JSON text as a link payload (CRC-32 + raw deflate, base64url); encodeShare's last step. */
export function packShareJson(text: string): string {
  const json = new TextEncoder().encode(text);
  const packed = deflateSync(json, { level: 9 });
  const out = new Uint8Array(4 + packed.length);
  new DataView(out.buffer).setUint32(0, crc32(json));
  out.set(packed, 4);
  return toBase64Url(out);
}

/** A full link: `base` (the app's address, any fragment dropped) + `#share=` + the payload. */
export function shareLink(base: string, shared: SharedResult): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#${SHARE_KEY}=${encodeShare(shared)}`;
}

/** The payload in a link, a fragment (`#share=…`) or the payload itself; undefined when there is no share key. */
export function sharePayloadOf(text: string): string | undefined {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash < 0 ? trimmed : trimmed.slice(hash + 1);
  const prefix = `${SHARE_KEY}=`;
  if (fragment.startsWith(prefix)) return fragment.slice(prefix.length);
  return hash < 0 && /^[A-Za-z0-9_-]+$/.test(trimmed) ? trimmed : undefined;
}

/** Inflates at most `limit` bytes; undefined when the data is damaged or would inflate past the limit. */
function inflateBounded(packed: Uint8Array, limit: number): Uint8Array | 'too-big' | undefined {
  // Raw deflate cannot expand by more than ~1032:1, so bound the output buffer and let
  // fflate refuse to grow it: a bomb fails fast instead of filling memory.
  try {
    const out = new Uint8Array(limit + 1);
    const got = inflateSync(packed, { out });
    if (got.length > limit) return 'too-big';
    return got.buffer === out.buffer ? got.slice() : got;
  } catch {
    return undefined;
  }
}

/** Reads a share link, fragment or payload; never throws, never evaluates anything. */
export function decodeShare(text: string): ShareResult {
  const payload = sharePayloadOf(text);
  if (payload === undefined || payload === '') return refuse('empty', 'This is not a shared result: the link has no “#share=…” part.');
  if (payload.length > SHARE_LIMITS.linkChars) {
    return refuse('oversized', `This shared result is too long: ${payload.length} characters, more than the ${SHARE_LIMITS.linkChars} a link may carry.`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) {
    return refuse('damaged', 'This shared link is damaged: it holds characters a share link never contains (was it edited or cut?).');
  }
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length < 5) return refuse('damaged', 'This shared link is damaged or incomplete (was it cut short when copied?).');
  const inflated = inflateBounded(bytes.subarray(4), SHARE_LIMITS.jsonBytes);
  if (inflated === 'too-big') {
    return refuse('oversized', `This shared result unpacks to more than ${SHARE_LIMITS.jsonBytes / 1024 / 1024} MiB, more than a shared result may hold.`);
  }
  if (!inflated || crc32(inflated) !== new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0)) {
    return refuse('damaged', 'This shared link is damaged or incomplete: its checksum does not match (was it cut short or edited?).');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return refuse('damaged', 'This shared link is damaged: its content is not UTF-8 text.');
  }
  return parseSharedJson(json);
}

/**
 * Reads `text` as a share file when it is one — a JSON object whose `format` is the share
 * format — and undefined when it is anything else (e.g. a history export), so an import can
 * tell the two apart. Larger than a shared result may be: not a share file.
 */
export function shareFileOf(text: string): ShareResult | undefined {
  if (text.length > SHARE_LIMITS.jsonBytes) return undefined;
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof obj !== 'object' || obj === null || (obj as { format?: unknown }).format !== SHARE_FORMAT) return undefined;
  return parseSharedJson(text);
}

/** Reads a shared result from its JSON (a file, or an inflated link); never throws, never evaluates anything. */
export function parseSharedJson(json: string): ShareResult {
  if (json.length > SHARE_LIMITS.jsonBytes) {
    return refuse('oversized', `This shared result is ${json.length} characters, more than the ${SHARE_LIMITS.jsonBytes} it may hold.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return refuse('not-json', `This is not a shared result: not valid JSON (${errorText(err)}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('invalid', 'This is not a shared result: expected a JSON object.');
  }
  const obj = value as Record<string, unknown>;
  if (obj.format !== SHARE_FORMAT) {
    return refuse('invalid', `This is not a shared result: format is ${JSON.stringify(obj.format) ?? 'missing'}, expected "${SHARE_FORMAT}".`);
  }
  if (typeof obj.version === 'number' && Number.isInteger(obj.version) && obj.version > SHARE_VERSION) {
    return refuse(
      'newer-version',
      `This result was shared by a newer Parallel Playground (share version ${obj.version}; this one reads up to ${SHARE_VERSION}): open it with a newer version.`,
    );
  }
  const parsed = v.safeParse(SharedResultSchema, value, { abortPipeEarly: true });
  if (!parsed.success) {
    const issues = formatIssues(parsed.issues);
    return refuse('invalid', `This shared result is not valid: ${issues[0]}`, issues);
  }
  const problems = consistencyProblems(parsed.output);
  if (problems.length > 0) return refuse('invalid', `This shared result is not valid: ${problems[0]}`, problems);
  return { ok: true, value: parsed.output };
}
