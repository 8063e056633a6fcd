/**
 * Partners: the outside companies a vendor's programme recruits, equips and measures.
 * @module
 */
import * as z from 'zod/mini';
import { CountryCode, HttpUrl, Id, PersonRef, Timestamp, text } from './common.js';
import { DomainName } from './domain-name.js';
import { PartnerType } from './partner-type.js';

export const PARTNER_STATUSES = ['prospect', 'onboarding', 'active', 'suspended', 'offboarded'] as const;
export const PartnerStatus = /* @__PURE__ */ z.enum(PARTNER_STATUSES);
export type PartnerStatus = z.infer<typeof PartnerStatus>;

export const Partner = /* @__PURE__ */ z.object({
  id: Id,
  name: text(200),
  type: PartnerType,
  status: PartnerStatus,
  /** The tier the partner holds now; `null` before its first qualification. */
  tierId: z.nullable(Id),
  /**
   * When the partner entered `tierId`. Tier rules judge a downgrade only on a complete period that
   * ended after it; backends that keep it send it, and `computeScorecard` uses it.
   */
  tierSince: z.optional(z.nullable(Timestamp)),
  region: z.nullable(text(100)),
  country: z.nullable(CountryCode),
  website: z.nullable(HttpUrl),
  domains: z.array(DomainName),
  /** The vendor's channel account manager for this partner. */
  manager: z.nullable(PersonRef),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Partner = z.infer<typeof Partner>;

/** Body of `POST /v1/partners`. Unknown fields are rejected. */
export const PartnerInput = /* @__PURE__ */ z.strictObject({
  name: text(200),
  type: PartnerType,
  status: z._default(PartnerStatus, 'prospect'),
  tierId: z.optional(z.nullable(Id)),
  /**
   * When the partner entered `tierId`, for partners brought over from a programme run elsewhere;
   * not in the future. Defaults to the time of the write.
   */
  tierSince: z.optional(Timestamp),
  region: z.optional(z.nullable(text(100))),
  country: z.optional(z.nullable(CountryCode)),
  website: z.optional(z.nullable(HttpUrl)),
  domains: z.optional(/* @__PURE__ */ z.array(DomainName).check(z.maxLength(50))),
  manager: z.optional(z.nullable(PersonRef)),
});
export type PartnerInput = z.input<typeof PartnerInput>;

/** Body of `PATCH /v1/partners/{id}`: any subset of the writable fields. */
export const PartnerPatch = /* @__PURE__ */ z.strictObject({
  name: z.optional(text(200)),
  type: z.optional(PartnerType),
  status: z.optional(PartnerStatus),
  tierId: z.optional(z.nullable(Id)),
  /** When the partner entered its tier; not in the future. A new `tierId` without it starts now. */
  tierSince: z.optional(Timestamp),
  region: z.optional(z.nullable(text(100))),
  country: z.optional(z.nullable(CountryCode)),
  website: z.optional(z.nullable(HttpUrl)),
  domains: z.optional(/* @__PURE__ */ z.array(DomainName).check(z.maxLength(50))),
  manager: z.optional(z.nullable(PersonRef)),
});
export type PartnerPatch = z.infer<typeof PartnerPatch>;
