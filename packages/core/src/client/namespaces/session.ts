import { Principal, SessionToken, type SessionInput } from '../../schemas/session.js';
import type { Api } from '../api.js';
import type { CreateOptions, RequestOptions } from '../options.js';

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

/** Builds `client.session`. */
export function sessionApi(api: Api): SessionApi {
  return { get: (options) => api.get('session', Principal, undefined, options) };
}

/** Builds `client.sessions`. */
export function sessionsApi(api: Api): SessionsApi {
  return { create: (input, options) => api.mutate('POST', 'sessions', SessionToken, input, options) };
}
