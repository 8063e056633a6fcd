/**
 * The demo host site as one Hono app: its pages, its session route, the files it serves, and the
 * PartnerKit API mounted under `/api`.
 * @module
 */
import { Hono } from 'hono';
import type { PartnerKitClient } from '@partnerkit/core/client';
import { compression, type PartnerKitApp } from '@partnerkit/server';
import { DEMO_MANAGER, DemoDirectory } from './directory.js';
import { applicationsPage } from './pages/applications.js';
import { applyPage } from './pages/apply.js';
import { homePage, notFoundPage } from './pages/home.js';
import { intranetPage } from './pages/intranet.js';
import { pageContext, type PageName } from './pages/page-context.js';
import { portalPage } from './pages/portal.js';
import { API_BASE } from './pages/widgets.js';
import { securityHeaders } from './security-headers.js';
import { type SessionLog, sessionRoute } from './session-route.js';
import { staticFiles } from './static-files.js';

export interface DemoSiteOptions {
  /** The PartnerKit API, created with `basePath: '/api'`. */
  api: PartnerKitApp;
  /** The host's server-side client, authenticated with the admin key. */
  admin: PartnerKitClient;
  /** The elements' CDN build (`packages/elements/dist/cdn`), served under `/cdn/`. */
  cdnDir: string;
  /** The demo's stylesheet and icons, served under `/demo/assets/`. */
  assetsDir: string;
  /** The publishable key of the public "become a partner" page, once the demo has one (it needs the origin it serves on). */
  publishableKey: () => string | undefined;
  /** Told about every session minted. */
  onSession?: SessionLog;
  /** Told about a failure of the site's own code (the API reports its own). */
  onError?: (error: Error) => void;
}

export function createDemoSite(options: DemoSiteOptions): Hono {
  const directory = new DemoDirectory(options.admin);
  const site = new Hono();

  // The API answers for itself (its own headers, CORS, problem documents), unchanged.
  site.all(`${API_BASE}/*`, (c) => options.api.fetch(c.req.raw, c.env));

  site.use('*', securityHeaders());
  // The pages and the files without precompressed twins; the API compresses its own answers.
  site.use('*', compression());
  const context = (c: { req: { query(name: string): string | undefined; header(name: string): string | undefined } }, page: PageName) =>
    pageContext(page, (name) => c.req.query(name), c.req.header('accept-language'));

  site.get('/', (c) => c.html(homePage(context(c, 'home'))));
  site.get('/intranet', async (c) => c.html(intranetPage(context(c, 'intranet'), await directory.partners(), DEMO_MANAGER.name, c.req.query('partner'))));
  site.get('/intranet/applications', (c) => c.html(applicationsPage(context(c, 'applications'), c.req.query('as'))));
  site.get('/portal', async (c) => c.html(portalPage(context(c, 'portal'), await directory.portalAccounts(c.req.query('as')), c.req.query('as'))));
  site.get('/become-a-partner', (c) => c.html(applyPage(context(c, 'apply'), options.publishableKey())));
  site.get('/demo/session', sessionRoute(directory, options.admin, options.onSession));
  site.get('/cdn/*', staticFiles('/cdn/', options.cdnDir));
  site.get('/demo/assets/*', staticFiles('/demo/assets/', options.assetsDir));

  site.notFound((c) => c.html(notFoundPage(context(c, 'home')), 404));
  site.onError((error, c) => {
    options.onError?.(error);
    return c.text('The demo site could not answer this request; the terminal running npm start says why.', 500);
  });
  return site;
}
