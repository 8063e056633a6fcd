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
        ensure(
          exchange.status >= 200 && exchange.status < 300,
          () => `CORS: the preflight of ${method} ${path} from ${origin} (OPTIONS with Access-Control-Request-Method): ${describe(exchange)}; expected 200 or 204, or browsers never send the request itself`,
        );
        const allowOrigin = exchange.headers.get('access-control-allow-origin');
        ensure(allowOrigin === origin || allowOrigin === '*', `CORS: the preflight of ${method} ${path} answered Access-Control-Allow-Origin ${allowOrigin ?? '(none)'}; expected ${origin}`);
        const methods = list(exchange.headers.get('access-control-allow-methods'));
        ensure(methods.includes(method.toLowerCase()) || methods.includes('*') || method === 'GET', `CORS: the preflight of ${method} ${path} allows methods ${show(methods)}; expected ${method} among them`);
        const headers = list(exchange.headers.get('access-control-allow-headers'));
        const missing = requested.filter((h) => !headers.includes(h) && !(headers.includes('*') && h !== 'authorization'));
        ensure(missing.length === 0, `CORS: the preflight of ${method} ${path} does not allow the request headers ${missing.join(', ')}; expected Access-Control-Allow-Headers to list them`);
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
      // A success and an error: a page must be able to read both (the widgets show problems).
      for (const [path, kind] of [
        ['/v1/session', 'a success'],
        [`/v1/deals/${ctx.prefix}-ghost`, 'an error (a deal nobody created)'],
      ] as const) {
        const exchange = await ctx.http.get(path, { token: await ctx.token('admin'), headers: { Origin: origin } });
        const asked = `GET ${path} with Origin ${origin}, for ${kind}, answered ${exchange.status}`;
        const allowOrigin = exchange.headers.get('access-control-allow-origin');
        ensure(
          allowOrigin === origin || allowOrigin === '*',
          `CORS: ${asked} with Access-Control-Allow-Origin ${allowOrigin ?? '(none)'}; expected ${origin}, or the browser hides the answer from a page on that site`,
        );
        const exposed = list(exchange.headers.get('access-control-expose-headers'));
        ensure(
          exposed.includes('x-request-id') || exposed.includes('*'),
          `CORS: ${asked} with Access-Control-Expose-Headers ${show(exposed)}; expected X-Request-Id among them, or a page cannot read the request id`,
        );
        if (kind !== 'a success') ensure(exchange.status === 404, () => `CORS on error answers is not checked: ${describe(exchange)}; expected 404 not_found for a deal nobody created`);
      }
    },
  }),
];

const show = (values: string[]) => (values.length === 0 ? '(none)' : values.join(', '));
