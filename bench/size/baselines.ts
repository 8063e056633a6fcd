/**
 * What PartnerKit's sizes are compared with: its own dependencies alone, and the same schemas
 * written with zod and with zod/mini (why core uses the mini flavour). Each is a tiny entry file
 * bundled by the same pipeline as the packages.
 * @module
 */

export interface Baseline {
  name: string;
  kind: string;
  /** File name (without extension) in the scratch directory. */
  file: string;
  source: string;
}

/**
 * A handful of object schemas shaped like the contract's deal (money, customer, contact, history,
 * the deal, its input), written once per flavour with the same checks.
 */
const schemas = (flavour: 'zod' | 'mini') => {
  const checks = (base: string, ...rules: string[]) =>
    flavour === 'mini' ? `${base}.check(${rules.map((r) => `z.${r}`).join(', ')})` : `${base}${rules.map((r) => `.${r}`).join('')}`;
  const optional = (schema: string) => (flavour === 'mini' ? `z.optional(${schema})` : `${schema}.optional()`);
  const nullable = (schema: string) => (flavour === 'mini' ? `z.nullable(${schema})` : `${schema}.nullable()`);
  const text = (max: number) => checks('z.string()', 'trim()', 'minLength(1)', `maxLength(${max})`);
  return `import * as z from '${flavour === 'mini' ? 'zod/mini' : 'zod'}';
export const Id = ${checks('z.string()', 'regex(/^[A-Za-z0-9_.:-]{1,128}$/)')};
export const Money = z.object({ amount: ${checks('z.int()', 'gte(0)')}, currency: ${checks('z.string()', 'regex(/^[A-Z]{3}$/)')} });
export const Customer = z.object({ company: ${text(200)}, domain: ${optional(nullable(text(253)))}, country: ${optional(nullable(checks('z.string()', 'regex(/^[A-Z]{2}$/)')))} });
export const Contact = z.object({ name: ${optional(nullable(text(200)))}, email: ${optional(nullable('z.email()'))}, phone: ${optional(nullable(text(32)))} });
export const Status = z.enum(['draft', 'submitted', 'under_review', 'needs_info', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn']);
export const HistoryEntry = z.object({ at: z.iso.datetime(), from: ${nullable('Status')}, to: Status, reason: ${optional(nullable(text(2000)))} });
export const Deal = z.object({
  id: Id, number: ${text(40)}, partnerId: Id, status: Status, type: z.enum(['resell', 'referral', 'co_sell']),
  customer: Customer, contact: Contact, products: z.array(${text(200)}), amount: ${nullable('Money')},
  expectedCloseDate: ${nullable('z.iso.date()')}, history: z.array(HistoryEntry), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime(),
});
export const DealInput = z.strictObject({ type: z.enum(['resell', 'referral', 'co_sell']), customer: Customer, contact: ${optional('Contact')}, amount: ${optional(nullable('Money'))} });
export const Page = z.object({ data: z.array(Deal), nextCursor: ${nullable('z.string()')} });
`;
};

export const BASELINES: readonly Baseline[] = [
  { name: 'lit alone', kind: 'LitElement, html, css', file: 'lit', source: `export { LitElement, html, css, nothing } from 'lit';\n` },
  {
    name: 'lit + decorators + @lit/context + @lit/task',
    kind: 'what the elements build on',
    file: 'lit-platform',
    source: `export { LitElement, html, css, svg, nothing } from 'lit';
export { property, state, query } from 'lit/decorators.js';
export { repeat } from 'lit/directives/repeat.js';
export { ContextConsumer, ContextProvider, createContext } from '@lit/context';
export { Task } from '@lit/task';
`,
  },
  { name: 'ky alone', kind: 'the HTTP layer of the client', file: 'ky', source: `export { default } from 'ky';\n` },
  { name: 'zod: the sample schemas', kind: '7 deal-shaped schemas, classic API', file: 'zod-classic', source: schemas('zod') },
  { name: 'zod/mini: the sample schemas', kind: 'the same schemas, zod/mini', file: 'zod-mini', source: schemas('mini') },
];
