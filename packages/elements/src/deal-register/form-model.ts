/**
 * The Register form as data: the text a person typed (a draft), how it becomes the contract's
 * `DealInput`, and how the contract schema's issues become messages on the right field.
 * Validation is the contract's own schema (`DealInput`), so the form accepts exactly what a
 * backend accepts; this module only adds what a text box needs (amounts in major units, one
 * product per line) and translates issue codes into catalogue keys that say how to fix the value.
 * @module
 */
import { DealInput } from '@partnerkit/core/schemas';
import { parseAmount } from './amount.js';
import { FIELD_NAMES, type DraftValues, type FieldName, type FieldProblem } from './form-fields.js';

export { emptyValues, FIELD_NAMES, REQUIRED_FIELDS, type DraftValues, type FieldName, type FieldProblem } from './form-fields.js';

export type BuildResult = { ok: true; input: DealInput } | { ok: false; problems: FieldProblem[] };

// Fields whose refused value has its own message (`deal.err.<field>`); others get a generic one.
const FIELDS_WITH_MESSAGES: readonly FieldName[] = ['company', 'type', 'email', 'phone', 'country', 'closeDate', 'currency'];

/**
 * The form field a contract path (`['customer', 'company']`, `/contact/email`, `products[2]`)
 * belongs to: `customer.*` and `contact.*` by their last name, `amount.currency` to the currency.
 */
export function fieldOfPath(path: ReadonlyArray<PropertyKey> | string): FieldName | undefined {
  const [head = '', sub = ''] = typeof path === 'string' ? path.split(/[./[\]]+/).filter(Boolean) : path.map(String);
  const name =
    head === 'customer' || (head === 'contact' && sub !== 'name')
      ? sub
      : ({ contact: 'contactName', expectedCloseDate: 'closeDate', amount: sub === 'currency' ? 'currency' : 'amount' } as Record<string, string>)[head] ?? head;
  return (FIELD_NAMES as readonly string[]).includes(name) ? (name as FieldName) : undefined;
}

const optional = (value: string): string | undefined => value.trim() || undefined;

/** The products field's lines that hold a product, with their 1-based line numbers. */
function productLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '');
}

/**
 * Turns a draft into a `DealInput`, validated by the contract's schema; or lists every problem,
 * in form order, as catalogue keys. Blank optional fields are left out; text is trimmed by the
 * schema; nothing is truncated.
 * @param locale the locale the amount was typed in (decides its decimal and group separators)
 * @param partnerId named for manager sessions; a partner session registers for its own partner
 */
export function buildDealInput(values: DraftValues, locale: string, partnerId?: string): BuildResult {
  const problems: FieldProblem[] = [];
  const lines = productLines(values.products);

  let amount: DealInput['amount'];
  if (values.amount.trim()) {
    const parsed = parseAmount(values.amount, locale, values.currency);
    if (parsed.ok) amount = { amount: parsed.minor, currency: values.currency };
    else problems.push({ field: 'amount', ...parsed.problem });
  }

  const contact = {
    name: optional(values.contactName),
    email: optional(values.email),
    phone: optional(values.phone),
    title: optional(values.title),
  };
  const raw = {
    partnerId,
    type: optional(values.type),
    customer: {
      company: values.company,
      domain: optional(values.domain),
      country: optional(values.country),
      industry: optional(values.industry),
    },
    contact: Object.values(contact).some(Boolean) ? contact : undefined,
    products: lines.length ? lines.map((l) => l.text) : undefined,
    amount,
    expectedCloseDate: optional(values.closeDate),
    description: optional(values.description),
  };
  // Leave absent keys out entirely: the input schemas are strict about what is present.
  const input = JSON.parse(JSON.stringify(raw)) as unknown;

  const result = DealInput.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOfPath(issue.path);
      if (field === undefined) {
        // Not a field of the form (a `partner-id` that is not an id): nothing the person can fix here.
        problems.push({ field: 'company', key: 'deal.err.invalid' });
        continue;
      }
      problems.push(problemOf(field, issue, values, lines));
    }
  }
  if (problems.length) {
    const order = (p: FieldProblem) => FIELD_NAMES.indexOf(p.field);
    return { ok: false, problems: problems.sort((a, b) => order(a) - order(b)) };
  }
  return { ok: true, input: (result as { data: DealInput }).data };
}

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
}

function problemOf(field: FieldName, issue: SchemaIssue, values: DraftValues, lines: { line: number; text: string }[]): FieldProblem {
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'array') return { field, key: 'deal.err.tooMany', params: { max, count: lines.length } };
    if (field === 'products') {
      const line = lines[Number(issue.path[1])] ?? { line: 1, text: '' };
      return { field, key: 'deal.err.productTooLong', params: { line: line.line, max, count: line.text.trim().length } };
    }
    return { field, key: 'deal.err.tooLong', params: { max, count: values[field].trim().length } };
  }
  return { field, key: FIELDS_WITH_MESSAGES.includes(field) ? `deal.err.${field}` : 'deal.err.invalid' };
}
