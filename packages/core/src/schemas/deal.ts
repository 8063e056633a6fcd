/**
 * Deal registrations: a partner's claim on an opportunity, and its lifecycle.
 * @module
 */
import * as z from 'zod/mini';
import { CalendarDate, CountryCode, EmailAddress, Id, Money, PersonRef, Timestamp, text } from './common.js';
import { PhoneNumber } from './phone-number.js';
import { Role } from './session.js';
import { CONFLICT_REASONS, DEAL_REASON_CODES, DEAL_STATUSES, DEAL_TYPES } from './deal-codes.js';

export { CONFLICT_REASONS, DEAL_REASON_CODES, DEAL_STATUSES, DEAL_TYPES };

export const DealStatus = /* @__PURE__ */ z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatus>;

export const DealType = /* @__PURE__ */ z.enum(DEAL_TYPES);
export type DealType = z.infer<typeof DealType>;

export const DealReasonCode = /* @__PURE__ */ z.enum(DEAL_REASON_CODES);
export type DealReasonCode = z.infer<typeof DealReasonCode>;

export const ConflictReason = /* @__PURE__ */ z.enum(CONFLICT_REASONS);
export type ConflictReason = z.infer<typeof ConflictReason>;

// Field objects are spread into the schemas that share them, never passed to zod, so a bundler
// can still drop each schema nobody uses.
const customerFields = {
  company: text(200),
  /** The customer's web domain or website; normalised by the server for conflict checks. */
  domain: z.optional(z.nullable(text(253))),
  country: z.optional(z.nullable(CountryCode)),
  region: z.optional(z.nullable(text(100))),
  industry: z.optional(z.nullable(text(100))),
};

export const DealCustomer = /* @__PURE__ */ z.object({ ...customerFields });
export type DealCustomer = z.infer<typeof DealCustomer>;

const contactFields = {
  name: z.optional(z.nullable(text(200))),
  email: z.optional(z.nullable(EmailAddress)),
  phone: z.optional(z.nullable(PhoneNumber)),
  title: z.optional(z.nullable(text(200))),
};

export const DealContact = /* @__PURE__ */ z.object({ ...contactFields });
export type DealContact = z.infer<typeof DealContact>;

export const DealHistoryEntry = /* @__PURE__ */ z.object({
  at: Timestamp,
  from: z.nullable(DealStatus),
  to: DealStatus,
  by: z.object({ role: z.union([Role, z.literal('system')]), id: z.nullable(text(200)), name: z.optional(z.nullable(text(200))) }),
  reason: z.optional(z.nullable(text(2000))),
  reasonCode: z.optional(z.nullable(DealReasonCode)),
});
export type DealHistoryEntry = z.infer<typeof DealHistoryEntry>;

export const Deal = /* @__PURE__ */ z.object({
  id: Id,
  /** Human-facing registration number, e.g. `DR-000123`. */
  number: text(40),
  partnerId: Id,
  /** The partner's name, so a reviewer reads who registered without a lookup. Optional: older backends leave it out. */
  partnerName: z.optional(text(200)),
  submittedBy: PersonRef,
  status: DealStatus,
  type: DealType,
  customer: DealCustomer,
  contact: DealContact,
  products: z.array(text(200)),
  amount: z.nullable(Money),
  expectedCloseDate: z.nullable(CalendarDate),
  stage: z.nullable(text(100)),
  description: z.nullable(text(5000)),
  submittedAt: z.nullable(Timestamp),
  approvedAt: z.nullable(Timestamp),
  /** End of the protection window of an approved deal. */
  expiresAt: z.nullable(Timestamp),
  /** Protection extensions granted so far (at most one). */
  extensions: /* @__PURE__ */ z.int().check(z.gte(0)),
  approvedBy: z.nullable(PersonRef),
  reasonCode: z.nullable(DealReasonCode),
  reason: z.nullable(text(2000)),
  /** Other registrations that look like the same customer. Vendor principals only. */
  possibleConflicts: z.optional(z.array(z.object({ dealId: Id, number: text(40), match: z.enum(['domain', 'name']) }))),
  history: z.array(DealHistoryEntry),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Deal = z.infer<typeof Deal>;

/**
 * Body of `POST /v1/deals`. A partner session registers for its own partner; a manager or admin
 * names `partnerId`. `status` is `submitted` (default) or `draft`.
 */
export const DealInput = /* @__PURE__ */ z.strictObject({
  partnerId: z.optional(Id),
  status: z.optional(z.enum(['draft', 'submitted'])),
  type: DealType,
  customer: z.strictObject({ ...customerFields }),
  contact: z.optional(z.strictObject({ ...contactFields })),
  products: z.optional(/* @__PURE__ */ z.array(text(200)).check(z.maxLength(50))),
  amount: z.optional(z.nullable(Money)),
  expectedCloseDate: z.optional(z.nullable(CalendarDate)),
  stage: z.optional(z.nullable(text(100))),
  description: z.optional(z.nullable(text(5000))),
});
export type DealInput = z.input<typeof DealInput>;

/**
 * Body of `POST /v1/deals/{id}/transitions`. Extending an approved deal's protection (once) is
 * asked for explicitly: `{ "to": "approved", "extend": true }`; approving an approved deal
 * without `extend` is refused (409 `invalid_transition`), so a retried approval never extends.
 */
export const DealTransitionInput = /* @__PURE__ */ z.strictObject({
  to: DealStatus,
  reason: z.optional(text(2000)),
  reasonCode: z.optional(DealReasonCode),
  /** Extend the protection of an approved deal (with `to: "approved"`); any other move refuses it. */
  extend: z.optional(z.boolean()),
});
export type DealTransitionInput = z.infer<typeof DealTransitionInput>;

/** Body of `POST /v1/deals/check`: is this customer free to register? */
export const DealCheckInput = /* @__PURE__ */ z.strictObject({
  customer: z.strictObject({ company: text(200), domain: z.optional(z.nullable(text(253))) }),
});
export type DealCheckInput = z.infer<typeof DealCheckInput>;

/** Answer of `POST /v1/deals/check`: a reason code only, never another partner's identity. */
export const DealCheckResult = /* @__PURE__ */ z.object({
  available: z.boolean(),
  reason: z.optional(ConflictReason),
});
export type DealCheckResult = z.infer<typeof DealCheckResult>;
