/**
 * CORS for the sites that embed the widgets: a preflight from an allowed origin admits the
 * methods and headers the client sends, and answers expose what the client reads.
 * @module
 */
import { HEADERS } from '@partnerkit/core/client';
import { defineCheck, ensure, skip } from '../check.js';
import type { RunContext } from '../context.js';
import { describe } from '../http.js';

const CORS_RULE =
  'The widgets call the backend from the sites that embed them (a CORS allow-list for those sites). Every request carries Authorization: Bearer <token>; JSON bodies (Content-Type: application/json); writes that create take an Idempotency-Key; the client identifies itself in X-PartnerKit-Client and reads X-Request-Id and Retry-After.';

const list = (value: string | null) => (value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);

function originOf(ctx: RunContext): string {
  const origin = ctx.options.origin;
  if (!origin) skip('not checked: pass --origin with a site the backend allows (e.g. --origin https://partners.example.com)');
  return new URL(origin).origin;
}

export const corsChecks = [
  defineCheck({
    id: 'cors.preflight',
    area: 'cors',
    title: "a preflight from the allowed origin admits the client's methods and headers",
    rule: CORS_RULE,
    async run(ctx) {
      const origin = originOf(ctx);
      const requested = ['authorization', 'content-type', HEADERS.idempotencyKey.toLowerCase(), HEADERS.clientId.toLowerCase()];
      for (const [method, path] of [
        ['POST', '/v1/deals'],
        ['GET', '/v1/partners'],
        ['PATCH', '/v1/resources/x'],
      ] as const) {
        const exchange = await ctx.http.send('OPTIONS', path, {
          headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': requested.join(',') },
        });
        ensure(exchange.status >= 200 && exchange.status < 300, () => `the preflight of ${method} ${path} from ${origin}: ${describe(exchange)}; expected 200 or 204`);
        const allowOrigin = exchange.headers.get('access-control-allow-origin');
        ensure(allowOrigin === origin || allowOrigin === '*', `the preflight of ${method} ${path} answered Access-Control-Allow-Origin ${allowOrigin ?? '(none)'}; expected ${origin}`);
        const methods = list(exchange.headers.get('access-control-allow-methods'));
        ensure(methods.includes(method.toLowerCase()) || methods.includes('*') || method === 'GET', `the preflight of ${method} ${path} allows methods ${show(methods)}`);
        const headers = list(exchange.headers.get('access-control-allow-headers'));
        const missing = requested.filter((h) => !headers.includes(h) && !(headers.includes('*') && h !== 'authorization'));
        ensure(missing.length === 0, `the preflight of ${method} ${path} does not allow the request headers ${missing.join(', ')}`);
      }
    },
  }),
  defineCheck({
    id: 'cors.response',
    area: 'cors',
    title: 'answers to the allowed origin carry Access-Control-Allow-Origin and expose X-Request-Id',
    rule: CORS_RULE,
    async run(ctx) {
      const origin = originOf(ctx);
      for (const [path, status] of [
        ['/v1/session', 200],
        [`/v1/deals/${ctx.prefix}-ghost`, 404],
      ] as const) {
        const exchange = await ctx.http.get(path, { token: await ctx.token('admin'), headers: { Origin: origin } });
        ensure(exchange.status === status, () => `${describe(exchange)}; expected ${status}`);
        const allowOrigin = exchange.headers.get('access-control-allow-origin');
        ensure(allowOrigin === origin || allowOrigin === '*', `GET ${path} with Origin ${origin} answered Access-Control-Allow-Origin ${allowOrigin ?? '(none)'}`);
        const exposed = list(exchange.headers.get('access-control-expose-headers'));
        ensure(exposed.includes('x-request-id') || exposed.includes('*'), `GET ${path} exposes ${show(exposed)}: the client cannot read X-Request-Id`);
      }
    },
  }),
];

const show = (values: string[]) => (values.length === 0 ? '(none)' : values.join(', '));
