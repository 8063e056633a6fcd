/**
 * Sessions: short-lived signed tokens that a host site's server mints for its page.
 * @module
 */
import * as z from 'zod/mini';
import { Id, LanguageTag, PersonRef, Timestamp } from './common.js';
import { Role } from './deal.js';

/** Body of `POST /v1/sessions` (admin only). */
export const SessionInput = z
  .strictObject({
    role: z.enum(['manager', 'partner']),
    partnerId: z.optional(Id),
    user: z.strictObject({ id: Id, name: PersonRef.shape.name, email: PersonRef.shape.email }),
    locale: z.optional(LanguageTag),
    ttlSeconds: z.optional(z.int().check(z.gte(60), z.lte(86_400))),
  })
  .check(
    z.refine((s) => (s.role === 'partner') === (s.partnerId !== undefined), {
      message: 'partnerId is required for a partner session and not allowed for a manager session',
      path: ['partnerId'],
    }),
  );
export type SessionInput = z.infer<typeof SessionInput>;

/** Answer of `POST /v1/sessions`, and what a `fetchSession()` callback returns. */
export const SessionToken = z.object({ token: z.string().check(z.minLength(16)), expiresAt: Timestamp });
export type SessionToken = z.infer<typeof SessionToken>;

/** Answer of `GET /v1/session`: who the caller is. */
export const Principal = z.object({
  role: Role,
  partnerId: z.nullable(Id),
  user: z.nullable(PersonRef),
  locale: z.nullable(LanguageTag),
  expiresAt: z.nullable(Timestamp),
});
export type Principal = z.infer<typeof Principal>;
