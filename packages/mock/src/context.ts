/**
 * What a part's handler gets: the request, its path parameters, the verified caller, the state
 * and the clock; and the small helpers every part uses (roles, scope, who acted).
 * @module
 */
import type { PersonRef, Role } from '@partnerkit/core/schemas';
import { problems } from './http/problem.js';
import type { MockState } from './state.js';

/** Who is calling, as the mock read it from the verified token. */
export type Caller =
  | { role: 'admin'; keyId: string; keyName: string }
  | { role: 'manager' | 'partner'; partnerId: string | null; user: PersonRef & { id: string }; locale: string | null; expiresAt: string };

/** Settings a part may need. */
export interface MockSettings {
  /** Protection days of an approval when the partner's tier names none. */
  defaultProtectionDays: number;
  /** Lifetime of sessions minted without `ttlSeconds`. */
  sessionTtlSeconds: number;
  /** The least time between loading the public application form and submitting it. */
  minFormFillMs: number;
}

/** One request, as a handler sees it. */
export interface RequestContext {
  request: Request;
  url: URL;
  /** The path parameters (`{ id: 'dl_1' }`), still encoded. */
  params: Record<string, string>;
  /** The caller; public operations, and a publishable key's, get `null`. */
  caller: Caller | null;
  /** The publishable key of a public page calling one of the two operations it may (the form, a submission). */
  publishable: { keyId: string } | null;
  state: MockState;
  now: Date;
  /** The request's id, as the answer's `X-Request-Id` carries it. */
  requestId: string;
  settings: MockSettings;
}

/** A request's handler: an answer, or a thrown `ProblemError`. */
export type Handler = (ctx: RequestContext) => Response | Promise<Response>;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One path of the contract and the methods it answers. */
export interface Route {
  /** The contract path with `:name` parameters (`/v1/deals/:id`). */
  path: `/v1/${string}`;
  /** Answered without a token (only the OpenAPI document). */
  public?: true;
  handlers: Partial<Record<Method, Handler>>;
}

/**
 * One part of the contract (deals, resources, ...), like one route module of the reference
 * server: its routes, and optionally what must happen before any request is answered (expiring
 * protections whose time has come).
 */
export interface MockPart {
  name: string;
  routes: readonly Route[];
  /** Runs before every request, with the backend's clock (lazy sweeps). */
  beforeRequest?(state: MockState, now: Date): void;
}

const ROLE_WORDS: Record<Role, string> = { admin: 'an admin key', manager: 'a manager session', partner: 'a partner session' };

/** The caller, when its role is one of `roles`; else 403. */
export function requireRole(ctx: RequestContext, ...roles: Role[]): Caller {
  const caller = callerOf(ctx);
  if (!roles.includes(caller.role)) throw problems.forbidden(`Only ${roles.map((r) => ROLE_WORDS[r]).join(' or ')} may do this.`);
  return caller;
}

/** The verified caller of an operation that needs one. */
export function callerOf(ctx: RequestContext): Caller {
  if (ctx.caller === null) throw problems.unauthorized('Send Authorization: Bearer <session token or admin key>.');
  return ctx.caller;
}

/** The partner a caller is confined to; null for vendor principals. */
export function partnerScope(caller: Caller): string | null {
  return caller.role === 'partner' ? caller.partnerId : null;
}

/** Who acted, for histories and `submittedBy`. */
export function callerPerson(caller: Caller): PersonRef & { id: string } {
  return caller.role === 'admin' ? { id: caller.keyId, name: caller.keyName } : caller.user;
}

/** The key idempotency keys are kept under: one principal's keys never meet another's. */
export function callerSubject(caller: Caller): string {
  if (caller.role === 'admin') return `admin:${caller.keyId}`;
  return `${caller.role}:${caller.partnerId ?? ''}:${caller.user.id}`;
}
