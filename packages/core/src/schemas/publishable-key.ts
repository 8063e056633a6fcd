/**
 * Publishable keys: the credential of a vendor's public "become a partner" page, which has no
 * signed-in user. Made to be seen (it sits in the page's source), so it may do almost nothing:
 * read the application form and submit applications, from the origins it lists.
 * @module
 */
import * as z from 'zod/mini';
import { Id, Timestamp, text } from './common.js';

/** Every publishable key starts with this. */
export const PUBLISHABLE_KEY_PREFIX = 'pk_pub_';

/** A web origin as browsers send it in `Origin`: `https://www.example.com` or `http://localhost:8080`, no path. */
export const WebOrigin = /* @__PURE__ */ z.string().check(
  z.maxLength(300),
  z.regex(/^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, 'must be an origin such as https://www.example.com (scheme, host and port; no path)'),
);
export type WebOrigin = z.infer<typeof WebOrigin>;

const keyFields = {
  name: text(100),
  /** The origins of the pages that may use the key (1-20); a request from any other is refused. */
  allowedOrigins: /* @__PURE__ */ z.array(WebOrigin).check(z.minLength(1, 'must list at least one origin'), z.maxLength(20)),
};

export const PublishableKey = /* @__PURE__ */ z.object({
  id: Id,
  ...keyFields,
  /** The key, `pk_pub_...`: public by design, so it is shown whenever the key is read. */
  key: /* @__PURE__ */ z.string().check(z.startsWith(PUBLISHABLE_KEY_PREFIX), z.maxLength(200)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PublishableKey = z.infer<typeof PublishableKey>;

/** Body of `POST /v1/publishable-keys` (admin). */
export const PublishableKeyInput = /* @__PURE__ */ z.strictObject({ ...keyFields });
export type PublishableKeyInput = z.infer<typeof PublishableKeyInput>;

/** Body of `PATCH /v1/publishable-keys/{id}` (admin): a new name, or a new list of origins. */
export const PublishableKeyPatch = /* @__PURE__ */ z.strictObject({ name: z.optional(keyFields.name), allowedOrigins: z.optional(keyFields.allowedOrigins) });
export type PublishableKeyPatch = z.infer<typeof PublishableKeyPatch>;
