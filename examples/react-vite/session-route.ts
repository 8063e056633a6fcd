// The session route, as Vite middleware so that `vite` (development) and `vite preview` (the
// build) both serve it; in production it is a route of whatever server serves the app (see the
// Express example). The admin key stays in this Node process: only VITE_-prefixed variables reach
// the bundle.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClient } from '@partnerkit/core/client';
import type { Plugin } from 'vite';

interface SessionRouteOptions {
  /** The PartnerKit backend, e.g. http://127.0.0.1:8787 for the standalone reference server. */
  baseUrl: string;
  /** The admin key that mints sessions. */
  adminKey: string | undefined;
}

/** Your login goes here. This example signs everyone in as one partner user. */
function signedInUser(_request: IncomingMessage) {
  return { id: 'example-user', name: 'Example User', partnerId: process.env['PARTNERKIT_PARTNER_ID'] ?? 'pt_0001' };
}

export function partnerkitSessionRoute({ baseUrl, adminKey }: SessionRouteOptions): Plugin {
  const partnerkit = createClient({ baseUrl, token: adminKey });

  // #region session-route
  async function sessionRoute(request: IncomingMessage, response: ServerResponse, next: () => void) {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/partnerkit/session') return next();
    const reply = (status: number, body: string) =>
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
    // Only this site's own pages may ask (browsers send Sec-Fetch-Site with every request).
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin') return reply(403, '{}');
    const user = signedInUser(request);
    try {
      const { token, expiresAt } = await partnerkit.sessions.create({
        role: 'partner',
        partnerId: user.partnerId,
        user: { id: user.id, name: user.name },
        ttlSeconds: 900,
      });
      reply(200, JSON.stringify({ token, expiresAt }));
    } catch {
      reply(502, JSON.stringify({ title: 'PartnerKit did not issue a session' }));
    }
  }
  // #endregion session-route

  return {
    name: 'partnerkit-session-route',
    configureServer: (server) => void server.middlewares.use(sessionRoute),
    configurePreviewServer: (server) => void server.middlewares.use(sessionRoute),
  };
}
