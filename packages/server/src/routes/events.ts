/**
 * `GET /v1/events?after=`: the event log, oldest first, for vendors syncing a CRM.
 * @module
 */
import type { Hono } from 'hono';
import { EventListQuery } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { EVENT_POSITION, eventPosition, eventSeq, listEvents } from '../store/events.js';

export function eventRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/events', {
    get: async (c) => {
      requireRole(c, 'admin', 'manager');
      const query = parseWith(EventListQuery, queryObject(requestUrl(c), Object.keys(EventListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'events', filters };
      const window = await pageWindow(ctx, identity, query, EVENT_POSITION);
      if (window.after === null && filters.after !== undefined) {
        const seq = eventSeq(filters.after);
        const after = seq === null ? null : await eventPosition(ctx.db, seq);
        if (after === null) throw problems.unknownId('after', 'event');
        window.after = after;
      }
      return json(await pageAnswer(ctx, identity, await listEvents(ctx.db, { type: filters.type, partnerId: filters.partnerId }, window)));
    },
  });
}
