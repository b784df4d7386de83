/**
 * The props a field component takes from the field table, shared by the form's sections, so
 * every control reads its label, unit, help and choices from the one description in core.
 */
import { FIELDS, formatSweepValues } from '../../core/model/config';
import type { SweepParam } from '../../core/model/types';
import type { ExperimentForm } from '../../state/experiment-form.svelte';

type FieldKey = keyof typeof FIELDS;

/** A choice field's options and their help texts. */
export function choiceProps(id: FieldKey): { choices: readonly string[]; choiceHelp: Readonly<Record<string, string>> } {
  const spec = FIELDS[id];
  return spec.kind === 'choice' ? { choices: spec.choices, choiceHelp: spec.choiceHelp } : { choices: [], choiceHelp: {} };
}

/** A number field's label, help and unit. */
export function numberProps(id: FieldKey): { label: string; help: string; unit: string | undefined } {
  const spec = FIELDS[id];
  return { label: spec.label, help: spec.help, unit: spec.kind === 'choice' ? undefined : spec.unit };
}

/** "Swept (1, 2, 4); this value applies only without the sweep." when the parameter is swept. */
export function sweptNote(form: ExperimentForm, param: SweepParam): string | undefined {
  const values = form.sweptValues(param);
  return values ? `Swept (${formatSweepValues(values)}); this value applies only without the sweep.` : undefined;
}
