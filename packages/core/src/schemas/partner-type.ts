/**
 * The kinds of partner a programme segments by: the vocabulary partners, resources, agreements
 * and the parts to come all gate or filter on, so it travels with the contract's common words
 * rather than with the partner's schema.
 * @module
 */
import * as z from 'zod/mini';

export const PARTNER_TYPES = [
  'reseller',
  'distributor',
  'system_integrator',
  'technology',
  'affiliate',
  'referral',
  'agent',
] as const;
export const PartnerType = /* @__PURE__ */ z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerType>;
