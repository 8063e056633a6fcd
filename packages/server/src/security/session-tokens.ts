/**
 * Session tokens: compact JWTs signed with HS256 under a key derived from the server secret.
 * @module
 */
import { SignJWT, jwtVerify } from 'jose';
import type { SessionInput, SessionToken } from '@partnerkit/core/schemas';
import type { ManagerCaller, PartnerCaller } from './caller.js';
import { newId } from './random.js';

const ISSUER = 'partnerkit';
const AUDIENCE = 'partnerkit:v1';

/** Session lifetime when `ttlSeconds` is not given: 15 minutes. */
export const DEFAULT_SESSION_TTL_SECONDS = 900;

/** What the token carries besides the registered claims. */
interface SessionClaims {
  pk_role: 'manager' | 'partner';
  pk_partner?: string;
  pk_name?: string;
  pk_email?: string;
  pk_locale?: string;
}

/** Signs a session for `input` (already validated), valid from `now` for its TTL. */
export async function signSession(key: Uint8Array, input: SessionInput, now: Date, defaultTtlSeconds = DEFAULT_SESSION_TTL_SECONDS): Promise<SessionToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + (input.ttlSeconds ?? defaultTtlSeconds);
  const claims: SessionClaims = { pk_role: input.role };
  if (input.role === 'partner' && input.partnerId !== undefined) claims.pk_partner = input.partnerId;
  if (input.user.name !== undefined) claims.pk_name = input.user.name;
  if (input.user.email !== undefined) claims.pk_email = input.user.email;
  if (input.locale !== undefined) claims.pk_locale = input.locale;
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(input.user.id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .setJti(newId('ses', now))
    .sign(key);
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}

/**
 * The caller a token names, or null when the token is malformed, forged, for another audience,
 * or expired at `now`. Only HS256 is accepted: a token cannot choose its own algorithm.
 */
export async function verifySession(key: Uint8Array, token: string, now: Date): Promise<ManagerCaller | PartnerCaller | null> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: now, requiredClaims: ['exp', 'sub'] }));
  } catch {
    return null;
  }
  const { sub, exp, pk_role: role, pk_partner: partnerId, pk_name: name, pk_email: email, pk_locale: locale } = payload;
  if (typeof sub !== 'string' || typeof exp !== 'number') return null;
  const user = { id: sub, ...(typeof name === 'string' ? { name } : {}), ...(typeof email === 'string' ? { email } : {}) };
  const common = { user, locale: typeof locale === 'string' ? locale : null, expiresAt: new Date(exp * 1000).toISOString() };
  if (role === 'manager') return { role, ...common };
  if (role === 'partner' && typeof partnerId === 'string') return { role, partnerId, ...common };
  return null;
}

/**
 * Sessions verified once, then remembered by token until they expire, so a page's many requests
 * do not each check a signature (a Web Crypto round trip that cost the deal list a third of its
 * time). Only verified tokens are kept, at most `max` of them (the oldest go first); a
 * remembered one still expires on time. The secret changes only with a restart, so a verdict
 * stays true while its token lives.
 */
export class VerifiedSessions {
  private readonly verified = new Map<string, ManagerCaller | PartnerCaller>();

  constructor(private readonly max = 10_000) {}

  async verify(key: Uint8Array, token: string, now: Date): Promise<ManagerCaller | PartnerCaller | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.parse(known.expiresAt) > now.getTime()) return known;
      this.verified.delete(token);
      return null;
    }
    const caller = await verifySession(key, token, now);
    if (caller) {
      if (this.verified.size >= this.max) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, caller);
    }
    return caller;
  }
}
