/**
 * The session token a host site's server mints for its page: the answer of `POST /v1/sessions`
 * and what a client's `fetchSession()` returns. Its own module, because the client's session
 * handling validates it in every bundle, and the rest of the session part need not come along.
 * @module
 */
import * as z from 'zod/mini';
import { Timestamp } from './common.js';

/** Answer of `POST /v1/sessions`, and what a `fetchSession()` callback returns. */
export const SessionToken = /* @__PURE__ */ z.object({ token: /* @__PURE__ */ z.string().check(z.minLength(16)), expiresAt: Timestamp });
export type SessionToken = z.infer<typeof SessionToken>;
