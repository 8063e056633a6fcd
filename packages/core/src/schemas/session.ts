/**
 * Sessions: who calls (role, partner scope), and the bodies of minting a session. The minted
 * token itself is in `session-token.ts`, which the client's session handling needs on its own.
 * @module
 */
import * as z from 'zod/mini';
import { Id, LanguageTag, PersonRef, Timestamp, personRefFields } from './common.js';

export const ROLES = ['admin', 'manager', 'partner'] as const;
export const Role = /* @__PURE__ */ z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Body of `POST /v1/sessions` (admin only). */
export const SessionInput = /* @__PURE__ */ z
  .strictObject({
    role: z.enum(['manager', 'partner']),
    partnerId: z.optional(Id),
    user: z.strictObject({ id: Id, ...personRefFields }),
    locale: z.optional(LanguageTag),
    ttlSeconds: z.optional(/* @__PURE__ */ z.int().check(z.gte(60), z.lte(86_400))),
  })
  .check(
    z.refine((s) => (s.role === 'partner') === (s.partnerId !== undefined), {
      message: 'partnerId is required for a partner session and not allowed for a manager session',
      path: ['partnerId'],
    }),
  );
export type SessionInput = z.infer<typeof SessionInput>;

/** Answer of `GET /v1/session`: who the caller is. */
export const Principal = /* @__PURE__ */ z.object({
  role: Role,
  partnerId: z.nullable(Id),
  user: z.nullable(PersonRef),
  locale: z.nullable(LanguageTag),
  expiresAt: z.nullable(Timestamp),
});
export type Principal = z.infer<typeof Principal>;
