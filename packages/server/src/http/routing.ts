/**
 * Small helpers the route modules share: one registration per path (with 405 for other
 * methods), role checks, path ids and JSON answers.
 * @module
 */
import type { Context, Hono } from 'hono';
import { Id, type Role } from '@partnerkit/core/schemas';
import type { AppEnv } from '../context.js';
import type { Caller } from '../security/caller.js';
import { problems } from './problem.js';
import { parseWith } from './validate.js';

export type Handler = (c: Context<AppEnv>) => Promise<Response>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Registers the handlers of one path; any other method answers 405 with `Allow`. */
export function route(app: Hono<AppEnv>, path: string, handlers: Partial<Record<Method, Handler>>): void {
  const allowed = Object.keys(handlers).map((m) => m.toUpperCase());
  for (const [method, handler] of Object.entries(handlers)) app.on(method.toUpperCase(), path, handler);
  app.all(path, () => {
    throw problems.methodNotAllowed(allowed);
  });
}

const ROLE_WORDS: Record<Role, string> = { admin: 'an admin key', manager: 'a manager session', partner: 'a partner session' };

/** The caller, when its role is one of `roles`; else 403. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): Caller {
  const caller = c.get('caller');
  if (!roles.includes(caller.role)) {
    throw problems.forbidden(`Only ${roles.map((r) => ROLE_WORDS[r]).join(' or ')} may do this.`);
  }
  return caller;
}

/** The `{id}` (or another) path parameter, checked against the contract's id format. */
export function pathId(c: Context<AppEnv>, name = 'id'): string {
  return parseWith(Id, c.req.param(name), [name]);
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

/**
 * The `Location` of the object a request created: the absolute path of its URL, with whatever
 * prefix the app is served under (`/api/v1/deals/dl_1`), so it resolves against the request's URL
 * wherever the app is mounted. A POST names the collection; a PUT names the object itself.
 */
export function createdLocation(c: Context<AppEnv>, id: string): string {
  const path = c.req.path;
  const collection = c.req.method === 'PUT' ? path.slice(0, path.lastIndexOf('/')) : path;
  return `${collection}/${encodeURIComponent(id)}`;
}

/** The request's URL as a `URL`. */
export function requestUrl(c: Context<AppEnv>): URL {
  return new URL(c.req.url);
}

/** The part of a request path from `/v1/` on, so a mount prefix (`/api`) does not change a request's identity. */
export function contractPath(path: string): string {
  const at = path.indexOf('/v1/');
  return at === -1 ? path : path.slice(at);
}
