/**
 * `POST /v1/sessions` mints session tokens (admin only); `GET /v1/session` says who is calling.
 * @module
 */
import type { Hono } from 'hono';
import { SessionInput } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { readJsonBody } from '../http/body.js';
import { problems } from '../http/problem.js';
import { json, requireRole, route } from '../http/routing.js';
import { parseWith } from '../http/validate.js';
import { callerPrincipal } from '../security/caller.js';
import { signSession } from '../security/session-tokens.js';
import { getPartner } from '../store/partners.js';

export function sessionRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/sessions', {
    post: async (c) => {
      requireRole(c, 'admin');
      const input = parseWith(SessionInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      if (input.partnerId !== undefined && (await getPartner(ctx.db, input.partnerId)) === null) {
        throw problems.unknownId('partnerId', 'partner');
      }
      const token = await signSession((await ctx.keys()).session, input, ctx.now(), ctx.settings.sessionTtlSeconds);
      return json(token, 200);
    },
  });

  route(app, '/v1/session', {
    get: async (c) => json(callerPrincipal(c.get('caller'))),
  });
}
