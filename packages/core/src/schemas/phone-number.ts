/**
 * A phone number as people write it. A module of its own: a deal's contact and an applicant's
 * both have one, and a widget that validates an application must not bring the deal schemas
 * (nor split them from <deal-register>'s chunk in the CDN build).
 * @module
 */
import * as z from 'zod/mini';

/** A phone number as people write it: digits, spaces, `( ) . -` and an optional leading `+`. */
export const PhoneNumber = /* @__PURE__ */ z.string().check(z.regex(/^\+?[0-9 ().-]{4,32}$/, 'must be a phone number such as +84 28 1234 5678'));
export type PhoneNumber = z.infer<typeof PhoneNumber>;
