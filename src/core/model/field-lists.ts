/**
 * Per-use lists derived from the field table (./fields): the CSV's column order, a
 * comparison's order, the URL keys. Derived, never written twice.
 */
import type { RunConfig } from './types';
import { FIELDS, RUN_CONFIG_FIELDS, type FieldId } from './fields';

/** The RunConfig fields in the CSV's column order. */
export const CSV_CONFIG_FIELDS: readonly (keyof RunConfig)[] = [...RUN_CONFIG_FIELDS].sort((a, b) => FIELDS[a].csv.order - FIELDS[b].csv.order);

/** The RunConfig fields in the order a comparison lists their differences. */
export const COMPARE_CONFIG_FIELDS: readonly (keyof RunConfig)[] = [...RUN_CONFIG_FIELDS].sort(
  (a, b) => FIELDS[a].compareOrder - FIELDS[b].compareOrder,
);

/** Field → its key in the URL hash. */
export const URL_KEYS: Readonly<Record<FieldId, string>> = Object.fromEntries(
  (Object.keys(FIELDS) as FieldId[]).map((f) => [f, FIELDS[f].urlKey]),
) as Record<FieldId, string>;
