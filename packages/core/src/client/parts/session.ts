/**
 * `@partnerkit/core/client/session`: who the caller is, and minting sessions.
 * @module
 */
import { SessionToken } from '../../schemas/session-token.js';
import { Principal, type SessionInput } from '../../schemas/session.js';
import type { CreateOptions, RequestOptions } from '../options.js';
import { definePart } from '../part.js';

/** Minting a session writes nothing a client reads back (the event log aside). */
const INVALIDATES: readonly string[] = [];

/**
 * `client.session`: who the caller is (`GET /v1/session`).
 *
 * @example
 * ```ts
 * const me = await client.session.get();
 * if (me.role === 'partner') console.log(`signed in for partner ${me.partnerId}`);
 * ```
 */
export interface SessionApi {
  /** The caller's principal: role, partner scope, user, locale, expiry. */
  get(options?: RequestOptions): Promise<Principal>;
}

/**
 * `client.sessions`: minting sessions (admin only; run it on the host site's server, never in a page).
 *
 * @example
 * ```ts
 * const admin = createClient({ baseUrl, token: process.env.PARTNERKIT_ADMIN_KEY });
 * const { token, expiresAt } = await admin.sessions.create({ role: 'partner', partnerId: 'p_1', user: { id: 'u_9' } });
 * ```
 */
export interface SessionsApi {
  /** Mints a short-lived session token (`POST /v1/sessions`). */
  create(input: SessionInput, options?: CreateOptions): Promise<SessionToken>;
}

/**
 * `session(client)`: the "who am I" namespace of any PartnerKit client (`client.session` on a full one).
 *
 * @example
 * ```ts
 * import { session } from '@partnerkit/core/client/session';
 * const me = await session(client).get();
 * ```
 */
export const session = /* @__PURE__ */ definePart(
  'session',
  (requests): SessionApi => ({
    get: (options) => requests.get('session', Principal, undefined, options),
  }),
);

/** `sessions(client)`: the session-minting namespace of any PartnerKit client (`client.sessions` on a full one). */
export const sessions = /* @__PURE__ */ definePart(
  'sessions',
  (requests): SessionsApi => ({
    create: (input, options) => requests.mutate('POST', 'sessions', SessionToken, input, options, INVALIDATES),
  }),
);
