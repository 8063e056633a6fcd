/**
 * Who is calling, as read from a verified credential: never from anything else the client sends.
 * @module
 */
import type { PersonRef, Principal } from '@partnerkit/core/schemas';

/** An admin API key. */
export interface AdminCaller {
  role: 'admin';
  keyId: string;
  keyName: string;
}

/** A vendor staff session. */
export interface ManagerCaller {
  role: 'manager';
  user: PersonRef & { id: string };
  locale: string | null;
  expiresAt: string;
}

/** A session of one user of one partner. */
export interface PartnerCaller {
  role: 'partner';
  partnerId: string;
  user: PersonRef & { id: string };
  locale: string | null;
  expiresAt: string;
}

export type Caller = AdminCaller | ManagerCaller | PartnerCaller;

/**
 * A publishable key of a public page. Never a {@link Caller}: the authentication middleware lets
 * it through only to the operations that accept it (`PUBLISHABLE_OPERATIONS`), which read it with
 * `c.get('publishable')`; everywhere else `c.get('caller')` is a session or an admin key.
 */
export interface PublishableCaller {
  keyId: string;
  allowedOrigins: readonly string[];
}

/** The rate limit and idempotency subject of a publishable key: shared by every visitor of its page. */
export function publishableSubject(key: PublishableCaller): string {
  return `publishable:${key.keyId}`;
}

/**
 * A stable name of the caller: idempotency keys and rate limits are kept per subject, so a
 * renewed session of the same user shares them.
 */
export function callerSubject(caller: Caller): string {
  switch (caller.role) {
    case 'admin':
      return `admin:${caller.keyId}`;
    case 'manager':
      return `manager:${caller.user.id}`;
    case 'partner':
      return `partner:${caller.partnerId}:${caller.user.id}`;
  }
}

/** The caller as a person, for `submittedBy`, `approvedBy` and deal history. */
export function callerPerson(caller: Caller): PersonRef & { id: string } {
  if (caller.role === 'admin') return { id: caller.keyId, name: caller.keyName };
  return caller.user;
}

/** The answer of `GET /v1/session`. */
export function callerPrincipal(caller: Caller): Principal {
  if (caller.role === 'admin') {
    return { role: 'admin', partnerId: null, user: null, locale: null, expiresAt: null };
  }
  return {
    role: caller.role,
    partnerId: caller.role === 'partner' ? caller.partnerId : null,
    user: caller.user,
    locale: caller.locale,
    expiresAt: caller.expiresAt,
  };
}

/** The partner a caller is confined to, or null for vendor principals who see every partner. */
export function partnerScope(caller: Caller): string | null {
  return caller.role === 'partner' ? caller.partnerId : null;
}
