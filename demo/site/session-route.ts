/**
 * `GET /demo/session?as=...`: the host site's session route, the one piece of server code every
 * embedder writes. The provider's `session-url` points here; this server asks PartnerKit for a
 * short-lived session with its admin key and hands the page only `{ token, expiresAt }`.
 * @module
 */
import type { Context } from 'hono';
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { DemoDirectory } from './directory.js';

/** How long a demo session lives; the provider fetches a new one shortly before it ends. */
export const DEMO_SESSION_TTL_SECONDS = 15 * 60;

/** What the route logs: who got a session, never the token. */
export type SessionLog = (entry: { role: string; partnerId: string | null; userId: string }) => void;

function refuse(c: Context, status: 403 | 404 | 502, detail: string): Response {
  return c.json({ title: detail }, status, { 'Cache-Control': 'no-store' });
}

/**
 * The route's handler. In the demo the person is picked with `?as=` (`manager`, or a partner the
 * portal offers); a real host reads the signed-in user from its own login cookie instead.
 */
export function sessionRoute(directory: DemoDirectory, admin: PartnerKitClient, log: SessionLog = () => {}) {
  return async (c: Context): Promise<Response> => {
    // Browsers say where a request comes from; only this site's own pages may ask for a session.
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') return refuse(c, 403, 'Sessions are only handed to this site’s own pages.');
    const input = await directory.sessionFor(c.req.query('as') ?? '');
    if (!input) return refuse(c, 404, 'No such demo user.');
    try {
      const { token, expiresAt } = await admin.sessions.create({ ...input, ttlSeconds: DEMO_SESSION_TTL_SECONDS });
      log({ role: input.role, partnerId: input.partnerId ?? null, userId: input.user.id });
      return c.json({ token, expiresAt }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      // The backend's error may describe the request; the page needs only to know it failed.
      return refuse(c, 502, 'PartnerKit did not issue a session.');
    }
  };
}
