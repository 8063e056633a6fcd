/**
 * The application form as data: how what a person typed becomes the contract's
 * `ApplicationInput`, validated by the contract's own schema and core's `checkAnswers` (the rule
 * the backend applies to the programme's questions), and how their issues become messages on the
 * right field. The form accepts exactly what a backend accepts; this module only adds what text
 * boxes need (lists separated by commas or lines, numbers in the reader's locale, a website
 * without `https://`).
 * @module
 */
import { applicableQuestions, checkAnswers } from '@partnerkit/core/rules';
import { ApplicationInput, FOUNDED_YEAR_MAX, FOUNDED_YEAR_MIN, type AnswerValue, type ApplicationAnswers, type ApplicationForm, type PartnerType } from '@partnerkit/core/schemas';
import { FIELD_NAMES, questionField, stepOf, STEPS, type DraftAnswers, type DraftValues, type FieldName, type FieldProblem } from './application-fields.js';

export type BuildResult = { ok: true; input: ApplicationInput } | { ok: false; problems: FieldProblem[] };

/** What the form sends besides the typed fields. */
export interface Extras {
  locale: string;
  formToken?: string;
  honeypot?: string;
  referralCode?: string;
}

const optional = (text: string): string | undefined => text.trim() || undefined;
/** Items separated by commas, semicolons or lines. */
const items = (text: string): string[] => text.split(/[\n,;]+/).map((t) => t.trim()).filter(Boolean);
const lines = (text: string): string[] => text.split('\n').map((t) => t.trim()).filter(Boolean);

/** A whole number typed as digits, else the text itself (the schema then says what is wrong). */
function whole(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** `example.com` -> `https://example.com`: people type websites without the scheme. */
function website(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** A number typed in `locale` (its group and decimal separators), or NaN. */
export function parseLocaleNumber(text: string, locale: string): number {
  const parts = new Intl.NumberFormat(locale).formatToParts(-12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const plain = text.trim().replace(/[\s\u00a0\u202f]/g, '').split(group).join('').replace(decimal, '.').replace(/^[−–]/, '-');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** The questions an applicant of `partnerType` is asked (every question until a type is chosen). */
export function askedQuestions(form: ApplicationForm, partnerType: string): ApplicationForm['questions'] {
  return partnerType ? applicableQuestions(form.questions, partnerType as PartnerType) : form.questions.filter((q) => q.partnerTypes.length === 0);
}

/** The answers as the contract has them, and the ones that are no number. */
function answersOf(form: ApplicationForm, values: DraftValues, typed: DraftAnswers, locale: string): { answers: ApplicationAnswers; problems: FieldProblem[] } {
  const answers: ApplicationAnswers = {};
  const problems: FieldProblem[] = [];
  for (const question of askedQuestions(form, values.partnerType)) {
    const raw = typed[question.id];
    if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    let value: AnswerValue;
    if (question.kind === 'multiple_choice') value = Array.isArray(raw) ? raw : [raw];
    else if (Array.isArray(raw)) value = raw.join(', ');
    else if (question.kind === 'yes_no') value = raw === 'yes';
    else if (question.kind === 'number') {
      value = parseLocaleNumber(raw, locale);
      if (Number.isNaN(value)) {
        problems.push({ field: questionField(question.id), key: 'err.number' });
        continue;
      }
    } else value = raw;
    answers[question.id] = value;
  }
  return { answers, problems };
}

/** The form field of a contract path (`['company', 'name']`, `capabilities.markets.2`, `answers.q_plan`). */
export function fieldOfPath(path: ReadonlyArray<PropertyKey> | string): string | undefined {
  const [head = '', sub = ''] = typeof path === 'string' ? path.split(/[./[\]]+/).filter(Boolean) : path.map(String);
  if (head === 'answers') return sub ? questionField(sub) : undefined;
  const name: string =
    head === 'company'
      ? sub === 'name'
        ? 'companyName'
        : sub
      : head === 'contact'
        ? sub === 'name'
          ? 'contactName'
          : sub
        : head === 'capabilities'
          ? sub
          : head;
  return (FIELD_NAMES as readonly string[]).includes(name) ? name : undefined;
}

// Fields whose refused value has a message that says how to type it.
const FORMAT_MESSAGES: Partial<Record<FieldName, string>> = {
  email: 'err.email',
  website: 'err.website',
  domains: 'err.domains',
  markets: 'err.markets',
  country: 'err.choose',
  size: 'err.choose',
  partnerType: 'err.choose',
  phone: 'err.phone',
  foundedYear: 'err.foundedYear',
  technicalStaff: 'err.technicalStaff',
  consent: 'err.consent',
};

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
}

function problemOf(field: string, issue: SchemaIssue, values: DraftValues): FieldProblem {
  const format = FORMAT_MESSAGES[field as FieldName];
  if (issue.code === 'too_big' && issue.origin === 'string' && field in values) {
    return { field, key: 'err.tooLong', params: { max: Number(issue.maximum), count: values[field as FieldName].trim().length } };
  }
  if (issue.code === 'too_big' && issue.origin === 'array') return { field, key: 'err.tooMany', params: { max: Number(issue.maximum) } };
  if (field === 'foundedYear') return { field, key: 'err.foundedYear', params: { min: FOUNDED_YEAR_MIN, max: FOUNDED_YEAR_MAX } };
  // Blank is read from what was typed: issues do not carry their input.
  const blank = field in values && values[field as FieldName].trim() === '';
  if (blank && format !== 'err.choose' && field !== 'consent') return { field, key: 'err.required' };
  return { field, key: format ?? 'err.invalid' };
}

function answerProblem(path: string, message: string, typed: DraftAnswers): FieldProblem {
  const field = fieldOfPath(path) ?? 'whyUs';
  const max = /at most (\d+) characters/.exec(message)?.[1];
  if (max) return { field, key: 'err.tooLong', params: { max: Number(max), count: String(typed[field.slice(2)] ?? '').trim().length } };
  return { field, key: message === 'is required' ? 'err.required' : 'err.invalid' };
}

/** Where a field sits in the form, for sorting problems into reading order. */
function order(form: ApplicationForm, field: string): number {
  const step = STEPS.indexOf(stepOf(field));
  const within = field.startsWith('q:') ? 100 + form.questions.findIndex((q) => questionField(q.id) === field) : FIELD_NAMES.indexOf(field as FieldName);
  return step * 1000 + within;
}

/**
 * Turns what was typed into an `ApplicationInput`, validated by the contract's schema and the
 * programme's questions; or lists every problem, in form order, as catalogue keys. Blank optional
 * fields are left out; nothing is truncated.
 */
export function buildApplicationInput(form: ApplicationForm, values: DraftValues, typed: DraftAnswers, extras: Extras): BuildResult {
  const { answers, problems } = answersOf(form, values, typed, extras.locale);
  const references = lines(values.references);
  const domains = items(values.domains).map((d) => d.toLowerCase());
  const raw = {
    partnerType: optional(values.partnerType),
    company: {
      name: values.companyName,
      website: website(values.website),
      domains: domains.length ? domains : undefined,
      country: optional(values.country),
      region: optional(values.region),
      size: optional(values.size),
      foundedYear: whole(values.foundedYear),
    },
    contact: { name: values.contactName, email: values.email.trim(), phone: optional(values.phone), title: optional(values.title) },
    capabilities: {
      markets: items(values.markets).map((m) => m.toUpperCase()),
      industries: items(values.industries),
      technicalStaff: whole(values.technicalStaff),
      certifications: lines(values.certifications),
      experience: optional(values.experience),
      references: references.map((company) => ({ company })),
      whyUs: values.whyUs,
    },
    answers,
    consent: values.consent === 'yes',
    locale: extras.locale,
    ...(extras.referralCode && extras.referralCode.length <= 100 ? { referralCode: extras.referralCode } : {}),
    formToken: extras.formToken,
    honeypot: extras.honeypot,
  };
  // Absent keys left out entirely: the input schemas are strict about what is present.
  const input = JSON.parse(JSON.stringify(raw)) as unknown;
  const result = ApplicationInput.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues as SchemaIssue[]) {
      const field = fieldOfPath(issue.path);
      // The form token, the honeypot or the locale: nothing the person can fix on a field.
      if (field === undefined) continue;
      if (problems.some((p) => p.field === field)) continue;
      problems.push(problemOf(field, issue, values));
    }
  }
  if (values.partnerType) {
    for (const problem of checkAnswers(form.questions, values.partnerType as PartnerType, answers)) {
      const mapped = answerProblem(problem.path, problem.message, typed);
      if (!problems.some((p) => p.field === mapped.field)) problems.push(mapped);
    }
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => order(form, a.field) - order(form, b.field)) };
  return { ok: true, input: (result as { data: ApplicationInput }).data };
}
