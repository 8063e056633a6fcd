// GET /partnerkit/session: the session route as a Next.js App Router route handler. It is a
// Web-standard function from Request to Response, so the same file serves any framework that
// routes to such handlers.
import { createClient } from '@partnerkit/core/client';
import { signedInUser } from '../../../lib/auth';

// Never cached or prerendered: every answer is a new session for whoever asks.
export const dynamic = 'force-dynamic';

// #region session-route
// The admin key stays on the server; pages get short-lived sessions.
const partnerkit = createClient({
  baseUrl: process.env['PARTNERKIT_URL'] ?? 'http://127.0.0.1:8787',
  token: process.env['PARTNERKIT_ADMIN_KEY'],
});

export async function GET(request: Request): Promise<Response> {
  // Only this site's own pages may ask (browsers send Sec-Fetch-Site with every request).
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return new Response(null, { status: 403 });
  const user = await signedInUser(request);
  if (!user) return new Response(null, { status: 401 });
  try {
    const { token, expiresAt } = await partnerkit.sessions.create({
      role: 'partner',
      partnerId: user.partnerId,
      user: { id: user.id, name: user.name },
      ttlSeconds: 900,
    });
    return Response.json({ token, expiresAt }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ title: 'PartnerKit did not issue a session' }, { status: 502 });
  }
}
// #endregion session-route
