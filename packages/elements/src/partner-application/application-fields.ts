/**
 * The application form's fields as a person types them (text, before parsing), the four steps
 * and which fields each holds. Answers to the programme's own questions are kept apart, by
 * question id, since each programme asks its own.
 * @module
 */

/** The steps, in order: the company, its contact, what it brings and the programme's questions, then a last check. */
export const STEPS = ['company', 'contact', 'capabilities', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const FIELD_NAMES = [
  'partnerType',
  'companyName',
  'website',
  'domains',
  'country',
  'region',
  'size',
  'foundedYear',
  'contactName',
  'email',
  'phone',
  'title',
  'markets',
  'industries',
  'technicalStaff',
  'certifications',
  'experience',
  'references',
  'whyUs',
  'consent',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What is typed, field by field (`consent` is `yes` when ticked). */
export type DraftValues = Record<FieldName, string>;

/** Answers to the programme's questions by question id: text (a chosen option's value, `yes`/`no`), or the options chosen. */
export type DraftAnswers = Record<string, string | string[]>;

/** The fields of each step (the questions go with `capabilities`). */
export const STEP_FIELDS: Readonly<Record<Step, readonly FieldName[]>> = {
  company: ['partnerType', 'companyName', 'website', 'domains', 'country', 'region', 'size', 'foundedYear'],
  contact: ['contactName', 'email', 'phone', 'title'],
  capabilities: ['markets', 'industries', 'technicalStaff', 'certifications', 'experience', 'references', 'whyUs'],
  review: ['consent'],
};

export const REQUIRED_FIELDS: readonly FieldName[] = ['partnerType', 'companyName', 'country', 'size', 'contactName', 'email', 'markets', 'technicalStaff', 'whyUs', 'consent'];

/** The form field of a programme question's answer. */
export const questionField = (id: string): string => `q:${id}`;

/** A problem with what was typed: on a field, or on a question (`q:<id>`); `key` is a catalogue key. */
export interface FieldProblem {
  field: string;
  key: string;
  params?: Record<string, number>;
}

/** The step a field (or a question) is on. */
export function stepOf(field: string): Step {
  if (field.startsWith('q:')) return 'capabilities';
  return STEPS.find((step) => (STEP_FIELDS[step] as readonly string[]).includes(field)) ?? 'review';
}

/** A blank form. */
export function emptyValues(): DraftValues {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, ''])) as DraftValues;
}

/** The problems on one step's fields (what stops a person moving on). */
export function problemsOn(step: Step, problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.filter((p) => stepOf(p.field) === step);
}
