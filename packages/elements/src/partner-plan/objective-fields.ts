/**
 * The objective form's fields: their names in form order, what a draft holds (the text exactly as
 * typed), a draft for a new objective or from an existing one, and how a problem with a field is
 * named (`objective-model.ts` checks them against the contract).
 * @module
 */
import type { Kpi, PlanObjective, PlanSide } from '@partnerkit/core/schemas';
import { currencyFractionDigits } from '../platform/localize.js';

/** Every field of the form, in the order they appear. */
export const OBJECTIVE_FIELDS = ['side', 'kind', 'title', 'description', 'ownerName', 'ownerEmail', 'kpiId', 'target', 'dueDate', 'activities'] as const;
export type ObjectiveField = (typeof OBJECTIVE_FIELDS)[number];

/** What a person typed, field by field, never trimmed or truncated. */
export type ObjectiveValues = Record<ObjectiveField, string>;

/** A problem with one field: a catalogue key (`objective.err.*`) and its parameters. */
export interface ObjectiveProblem {
  field: ObjectiveField;
  key: `objective.err.${string}`;
  params?: Record<string, string | number>;
}

/** A blank objective of `side`, owned by `owner` (the signed-in person, when known), due on `dueDate`. */
export function newObjectiveValues(side: PlanSide, owner: string, dueDate: string): ObjectiveValues {
  const values = Object.fromEntries(OBJECTIVE_FIELDS.map((name) => [name, ''])) as ObjectiveValues;
  return { ...values, side, kind: 'measured', ownerName: owner, dueDate };
}

/**
 * A target as the form shows it: in the KPI's unit, a currency in major units (the contract
 * keeps minor units), written with a dot as `<input type="number">` does.
 */
export function targetText(kpi: Pick<Kpi, 'unit' | 'currency'>, target: number): string {
  const digits = kpi.unit === 'currency' && kpi.currency ? currencyFractionDigits(kpi.currency) : 0;
  return String(Number((target / 10 ** digits).toPrecision(15)));
}

/** The draft of an existing objective, to edit it. */
export function objectiveValues(o: PlanObjective): ObjectiveValues {
  return {
    side: o.side,
    kind: o.kind,
    title: o.title,
    description: o.description ?? '',
    ownerName: o.owner.name,
    ownerEmail: o.owner.email ?? '',
    kpiId: o.measure?.kpi.id ?? '',
    target: o.measure ? targetText(o.measure.kpi, o.measure.target) : '',
    dueDate: o.dueDate,
    activities: '',
  };
}
