// An Express site that embeds the PartnerKit widgets: the session route (for vendor staff and
// for partner users), the widgets' CDN bundle served by the site itself, and a page. Run it beside
// a PartnerKit backend (see ../README.md):
//
//   PARTNERKIT_ADMIN_KEY=pk_admin_... PARTNERKIT_URL=http://127.0.0.1:8787 node server.mjs
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createClient } from '@partnerkit/core/client';

const backendUrl = process.env.PARTNERKIT_URL ?? 'http://127.0.0.1:8787';
const app = express();

/** Your login goes here: it sets req.user. This example signs everyone in as one partner user. */
function requireLogin(req, res, next) {
  req.user = {
    id: 'example-user',
    name: 'Example User',
    email: 'user@example.com',
    locale: 'en',
    isVendorStaff: false,
    partnerId: process.env.PARTNERKIT_PARTNER_ID ?? 'pt_0001',
  };
  next();
}

// #region session-route
const partnerkit = createClient({ baseUrl: backendUrl, token: process.env.PARTNERKIT_ADMIN_KEY });

app.get('/partnerkit/session', requireLogin, async (req, res) => {
  // Only this site's own pages may ask (browsers send Sec-Fetch-Site on every request).
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin') return res.status(403).end();

  const user = req.user; // from your login, never from the request
  const person = { id: user.id, name: user.name, email: user.email };
  const session = user.isVendorStaff
    ? { role: 'manager', user: person }
    : { role: 'partner', partnerId: user.partnerId, user: person };

  try {
    const { token, expiresAt } = await partnerkit.sessions.create({ ...session, locale: user.locale, ttlSeconds: 900 });
    res.set('Cache-Control', 'no-store').json({ token, expiresAt });
  } catch {
    res.status(502).json({ title: 'PartnerKit did not issue a session' });
  }
});
// #endregion session-route

// #region cdn
// The widgets' CDN bundle, self-hosted: chunk names carry content hashes, so they are cached for
// good; the loader is revalidated.
const cdnDir = dirname(fileURLToPath(import.meta.resolve('@partnerkit/elements/cdn/loader.js')));
app.use('/partnerkit/cdn', express.static(cdnDir, {
  setHeaders: (res, path) => res.set('Cache-Control', path.endsWith('loader.js') ? 'no-cache' : 'public, max-age=31536000, immutable'),
}));
// #endregion cdn

app.get('/', requireLogin, (req, res) => {
  res.type('html').send(`<!doctype html>
<html lang="${req.user.locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Partner portal · Express example</title>
    <script type="module" src="/partnerkit/cdn/loader.js"></script>
  </head>
  <body>
    <h1>Partner portal</h1>
    <partnerkit-provider base-url="${backendUrl}" session-url="/partnerkit/session">
      <partner-scorecard></partner-scorecard>
      <deal-register></deal-register>
      <resource-library layout="grid"></resource-library>
    </partnerkit-provider>
  </body>
</html>`);
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`Express example on http://127.0.0.1:${port}/`));
