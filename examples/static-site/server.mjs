// A static site that embeds the PartnerKit widgets, in plain Node: its pages, the widgets' CDN
// bundle served from node_modules, and the one route every embedding site writes, the session
// route. Run it beside a PartnerKit backend (see ../README.md):
//
//   PARTNERKIT_ADMIN_KEY=pk_admin_... PARTNERKIT_URL=http://127.0.0.1:8787 node server.mjs
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@partnerkit/core/client';

const backendUrl = process.env.PARTNERKIT_URL ?? 'http://127.0.0.1:8787';
const port = Number(process.env.PORT ?? 3000);

// #region session-route
// The admin key stays on this server; pages get short-lived sessions.
const partnerkit = createClient({ baseUrl: backendUrl, token: process.env.PARTNERKIT_ADMIN_KEY });

/** GET /partnerkit/session: a session for the person signed in to this site. */
async function sessionRoute(request, response) {
  // Only this site's own pages may ask (browsers send Sec-Fetch-Site with every request).
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin') return send(response, 403, 'Forbidden');
  const user = signedInUser(request);
  if (!user) return send(response, 401, 'Sign in first');
  try {
    const { token, expiresAt } = await partnerkit.sessions.create({
      role: 'partner',
      partnerId: user.partnerId,
      user: { id: user.id, name: user.name },
      ttlSeconds: 900,
    });
    send(response, 200, JSON.stringify({ token, expiresAt }), 'application/json');
  } catch {
    send(response, 502, 'PartnerKit did not issue a session');
  }
}
// #endregion session-route

/** Your login goes here. This example has none: everyone is one user of one partner. */
function signedInUser() {
  return { id: 'example-user', name: 'Example User', partnerId: process.env.PARTNERKIT_PARTNER_ID ?? 'pt_0001' };
}

function send(response, status, body, type = 'text/plain; charset=utf-8') {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };
const publicDir = join(dirname(fileURLToPath(import.meta.url)), 'public');
// The widgets' CDN bundle (dist/cdn of @partnerkit/elements), self-hosted under /partnerkit/cdn/.
const cdnDir = dirname(fileURLToPath(import.meta.resolve('@partnerkit/elements/cdn/loader.js')));

/** A file of `dir` by a plain relative name: no `..`, no hidden files. */
async function serveFile(response, dir, name, transform = (text) => text) {
  if (!/^[\w-]+(\/[\w-]+)*\.\w+$/.test(name)) return send(response, 404, 'Not found');
  try {
    const body = await readFile(join(dir, name), 'utf8');
    response.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(transform(body));
  } catch {
    send(response, 404, 'Not found');
  }
}

createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://localhost');
  if (request.method !== 'GET') return send(response, 405, 'Method not allowed');
  if (pathname === '/partnerkit/session') return void sessionRoute(request, response);
  if (pathname.startsWith('/partnerkit/cdn/')) return void serveFile(response, cdnDir, pathname.slice('/partnerkit/cdn/'.length));
  // The page names the backend, which differs per environment.
  const page = pathname === '/' ? 'index.html' : pathname.slice(1);
  return void serveFile(response, publicDir, page, (html) => html.replaceAll('%PARTNERKIT_URL%', backendUrl));
}).listen(port, '127.0.0.1', () => console.log(`Static site example on http://127.0.0.1:${port}/`));
