/**
 * `/v1/events`: the event log, oldest first, for vendor principals.
 * @module
 */
import { EventListQuery } from '@partnerkit/core/schemas';
import { type MockPart, requireRole } from '../context.js';
import { json, problems } from '../http/problem.js';
import { parseWith, queryObject } from '../http/request.js';

export const eventsPart: MockPart = {
  name: 'events',
  routes: [
    {
      path: '/v1/events',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'admin', 'manager');
          const query = parseWith(EventListQuery, queryObject(ctx.url, Object.keys(EventListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          let after = 0;
          if (filters.after !== undefined) {
            const from = ctx.state.events.find((e) => e.id === filters.after);
            if (!from) throw problems.unknownId('after', 'event');
            after = from.seq;
          }
          const events = ctx.state.events.filter(
            (e) => e.seq > after && (filters.type === undefined || e.type === filters.type) && (filters.partnerId === undefined || e.partnerId === filters.partnerId),
          );
          const page = ctx.state.cursors.page(events, (e) => [e.seq], { limit, cursor }, 'events', filters);
          return json({ data: page.data.map(({ seq: _seq, ...event }) => event), nextCursor: page.nextCursor });
        },
      },
    },
  ],
};
