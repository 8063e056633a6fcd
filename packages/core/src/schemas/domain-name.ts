/**
 * A web domain. A module of its own: a partner's domains and an applicant's both use it, and a
 * widget that validates an application must not bring the partner schemas (nor split them from
 * <partner-scorecard>'s chunk in the CDN build).
 * @module
 */
import * as z from 'zod/mini';

/** A customer or partner web domain such as `example.co.uk` (no scheme, no path). */
export const DomainName = /* @__PURE__ */ z.string().check(
  z.maxLength(253),
  z.regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/i, 'must be a domain such as example.com'),
);
