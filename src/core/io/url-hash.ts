/**
 * The experiment in the URL hash, so a link reproduces it: `#v=1&records=1000000&sweep=workers:1,2,4`.
 * Only fields that differ from DEFAULT_EXPERIMENT are written. Decoding never throws: a bad
 * field falls back to its default and the returned notice says what was wrong.
 */
import {
  DEFAULT_EXPERIMENT,
  cloneExperiment,
  fieldErrors,
  parseNumberText,
  FIELDS,
  RUN_CONFIG_FIELDS,
  URL_KEYS,
  type EnvFacts,
  type ErrorKey,
  type FieldId,
} from '../model/config';
import { SWEEP_PARAMS, type ExperimentConfig, type SweepAxis, type SweepParam } from '../model/types';

/** The hash format version this module writes and reads. */
export const HASH_VERSION = 1;

/** Hash key of every field, short but readable: the field table's, and the lesson's. */
const KEYS: Readonly<Record<FieldId | 'lessonId', string>> = { ...URL_KEYS, lessonId: 'lesson' };
/** `order=fixed` turns off the counterbalanced run order (the default, so never written). */
const ORDER_KEY = 'order';
const FIELD_OF_KEY = new Map<string, FieldId | 'lessonId'>(
  Object.entries(KEYS).map(([field, key]) => [key, field as FieldId | 'lessonId']),
);
// faultAtRecord is a test option, but a link must still reproduce a run that used it.
const BASE_FIELDS = RUN_CONFIG_FIELDS;

/** Sweep parameter ⇄ the name written inside `sweep=`. */
function sweepKey(param: SweepParam): string {
  return KEYS[param];
}
function sweepParamOf(name: string): SweepParam | undefined {
  const field = FIELD_OF_KEY.get(name) ?? name;
  return (SWEEP_PARAMS as readonly string[]).includes(field) ? (field as SweepParam) : undefined;
}

// Identifiers and numbers are written as they are; anything else is percent-encoded.
function enc(v: string | number): string {
  return encodeURIComponent(String(v));
}

function sweepText(sweep: readonly SweepAxis[]): string {
  return JSON.stringify(sweep.map((a) => [a.param, a.values]));
}

/** Encodes an experiment as a hash body (without '#'): `v=1` then the non-default fields. */
export function encodeHash(experiment: ExperimentConfig): string {
  const parts = [`v=${HASH_VERSION}`];
  const base = experiment.base;
  const def = DEFAULT_EXPERIMENT.base;
  for (const field of BASE_FIELDS) {
    const value = base[field];
    if (value === undefined || Object.is(value, def[field])) continue;
    parts.push(`${KEYS[field]}=${enc(value)}`);
  }
  if (experiment.warmups !== DEFAULT_EXPERIMENT.warmups) parts.push(`${KEYS.warmups}=${enc(experiment.warmups)}`);
  if (experiment.repetitions !== DEFAULT_EXPERIMENT.repetitions) {
    parts.push(`${KEYS.repetitions}=${enc(experiment.repetitions)}`);
  }
  if (experiment.shuffleSeed !== undefined) parts.push(`${KEYS.shuffleSeed}=${enc(experiment.shuffleSeed)}`);
  if (experiment.fixedOrder === true) parts.push(`${ORDER_KEY}=fixed`);
  if (experiment.lessonId !== undefined) parts.push(`${KEYS.lessonId}=${enc(experiment.lessonId)}`);
  if (sweepText(experiment.sweep) !== sweepText(DEFAULT_EXPERIMENT.sweep)) {
    if (experiment.sweep.length === 0) parts.push('sweep=none');
    for (const axis of experiment.sweep) {
      parts.push(`sweep=${sweepKey(axis.param)}:${axis.values.map(enc).join(',')}`);
    }
  }
  return parts.join('&');
}

/** What decoding a hash gives: always a usable experiment, and a notice when something was dropped. */
export interface DecodedHash {
  experiment: ExperimentConfig;
  /** Human-readable account of what in the link was wrong and ignored; undefined when all was used. */
  notice?: string;
  /** True when the hash held settings (even partly bad ones) rather than nothing. */
  fromLink: boolean;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a hash (with or without '#') against this machine's limits. Empty or foreign
 * hashes (no `key=value` pair, e.g. `#results`) give the defaults silently; bad fields give
 * their defaults and a notice naming them.
 */
export function decodeHash(hash: string, env: EnvFacts): DecodedHash {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.includes('=')) return { experiment: defaults(), fromLink: false };

  const problems: string[] = [];
  const pairs = readPairs(body, problems);
  const version = pairs.filter(([k]) => k === 'v').map(([, v]) => v);
  if (version.length === 0) return refused('it has no version (v=1)');
  if (version[version.length - 1] !== String(HASH_VERSION)) {
    return refused(`it is version v=${version[version.length - 1]}, and this app reads v=${HASH_VERSION}`);
  }

  const experiment = defaults();
  const given = applyPairs(pairs, experiment, problems);
  if (!revertBadFields(experiment, env, given, problems)) {
    // What is left conflicts with defaults in a way reverting single fields cannot fix.
    return refused(problems.length > 0 ? problems.join('; ') : 'its settings do not fit together');
  }
  return problems.length > 0 ? { experiment, notice: noticeText(problems), fromLink: true } : { experiment, fromLink: true };
}

const defaults = (): ExperimentConfig => cloneExperiment(DEFAULT_EXPERIMENT);

/** The whole link refused: the defaults, and why. */
function refused(why: string): DecodedHash {
  return {
    experiment: defaults(),
    notice: `The settings in this link were not used: ${why}. Showing the defaults.`,
    fromLink: true,
  };
}

/** The hash's key=value pairs, percent-decoded; an unreadable part becomes a problem. */
function readPairs(body: string, problems: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) {
      problems.push(`"${part}" is not readable`);
      continue;
    }
    pairs.push([key, value]);
  }
  return pairs;
}

/** What the link set: which fields (and the sweep), and each field's text as written. */
interface GivenFields {
  fromHash: Set<ErrorKey>;
  rawOf: Map<ErrorKey, string>;
}

/** Writes every pair into the experiment, unchecked; unknown keys and bad sweeps become problems. */
function applyPairs(pairs: readonly [string, string][], experiment: ExperimentConfig, problems: string[]): GivenFields {
  const fromHash = new Set<ErrorKey>();
  const rawOf = new Map<ErrorKey, string>();
  const sweep: SweepAxis[] = [];
  let sweepGiven = false;
  for (const [key, value] of pairs) {
    if (key === 'v') continue;
    if (key === ORDER_KEY) {
      if (value === 'fixed') experiment.fixedOrder = true;
      else if (value !== 'counterbalanced') problems.push(`${ORDER_KEY} "${value}" is not fixed or counterbalanced`);
      continue;
    }
    if (key === 'sweep') {
      sweepGiven = true;
      if (value === 'none') continue;
      const colon = value.indexOf(':');
      const param = colon < 0 ? undefined : sweepParamOf(value.slice(0, colon));
      if (param === undefined) {
        problems.push(`sweep "${value}" is not parameter:value,value,… with a parameter of ${SWEEP_PARAMS.join(', ')}`);
        sweepGiven = false;
        sweep.length = 0;
        break;
      }
      const items = value.slice(colon + 1).split(',');
      const values = FIELDS[param].kind === 'choice' ? items : items.map(parseNumberText);
      sweep.push({ param, values });
      continue;
    }
    const field = FIELD_OF_KEY.get(key);
    if (field === undefined) {
      problems.push(`unknown setting "${key}"`);
      continue;
    }
    fromHash.add(field);
    rawOf.set(field, value);
    if (field === 'lessonId') {
      experiment.lessonId = value;
    } else if (field === 'warmups' || field === 'repetitions' || field === 'shuffleSeed') {
      experiment[field] = parseNumberText(value);
    } else {
      const parsed = FIELDS[field].kind === 'choice' ? value : parseNumberText(value);
      (experiment.base as unknown as Record<string, unknown>)[field] = parsed;
    }
  }
  if (sweepGiven) {
    experiment.sweep = sweep;
    sweep.forEach((_, i) => fromHash.add(`sweep.${i}`));
    fromHash.add('sweep');
  }
  return { fromHash, rawOf };
}

/**
 * Fields from the link that break a rule go back to their defaults, each with its message;
 * repeated, since one field's range can depend on another (batch size on records). False when
 * what is left still breaks a rule that no field from the link explains.
 */
function revertBadFields(experiment: ExperimentConfig, env: EnvFacts, given: GivenFields, problems: string[]): boolean {
  const { fromHash, rawOf } = given;
  for (let round = 0; round < 4; round++) {
    const errors = fieldErrors(experiment, env);
    const keys = Object.keys(errors) as ErrorKey[];
    if (keys.length === 0) return true;
    let reverted = false;
    for (const k of keys) {
      const msg = errors[k] as string;
      if (k === 'sweep' || k.startsWith('sweep.')) {
        if (fromHash.has('sweep')) {
          experiment.sweep = defaults().sweep;
          fromHash.delete('sweep');
          problems.push(msg);
          reverted = true;
        }
        continue;
      }
      if (!fromHash.has(k)) continue;
      fromHash.delete(k);
      reverted = true;
      problems.push(`${msg} (got "${rawOf.get(k)}")`);
      revertField(experiment, k as FieldId | 'lessonId');
    }
    if (!reverted) break;
  }
  return false;
}

function revertField(experiment: ExperimentConfig, field: FieldId | 'lessonId'): void {
  switch (field) {
    case 'lessonId':
    case 'shuffleSeed':
    case 'faultAtRecord':
      if (field === 'faultAtRecord') delete experiment.base.faultAtRecord;
      else delete experiment[field];
      return;
    case 'warmups':
    case 'repetitions':
      experiment[field] = DEFAULT_EXPERIMENT[field];
      return;
    default:
      (experiment.base as unknown as Record<string, unknown>)[field] = DEFAULT_EXPERIMENT.base[field];
  }
}

function noticeText(problems: string[]): string {
  return `Some settings in this link were not used, and their defaults are shown: ${problems.join('; ')}.`;
}
