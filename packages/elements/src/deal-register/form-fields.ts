/**
 * The Register form's fields: their names in form order, what a draft holds, which are required,
 * and how a problem with one is described (`form-model.ts` validates them).
 * @module
 */

/** Every field of the form, in the order they appear (and are listed in the error summary). */
export const FIELD_NAMES = [
  'company',
  'domain',
  'country',
  'industry',
  'contactName',
  'email',
  'phone',
  'title',
  'type',
  'products',
  'amount',
  'currency',
  'closeDate',
  'description',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What a person typed, field by field, exactly as typed (never trimmed or truncated). */
export type DraftValues = Record<FieldName, string>;

/** Fields the contract requires: the customer's company and the registration type. */
export const REQUIRED_FIELDS: readonly FieldName[] = ['company', 'type'];

/** An empty form; `currency` preselects the currency of the amount. */
export function emptyValues(currency: string): DraftValues {
  const values = Object.fromEntries(FIELD_NAMES.map((name) => [name, ''])) as DraftValues;
  values.currency = currency;
  return values;
}

/** A problem with one field: a catalogue key of `deal.err.*` and its parameters. */
export interface FieldProblem {
  field: FieldName;
  key: `deal.err.${string}`;
  params?: Record<string, string | number>;
}
