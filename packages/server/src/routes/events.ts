/**
 * `GET /v1/events?after=`: the event log, oldest first, for vendors syncing a CRM.
 * @module
 */
import type { Hono } from 'hono';
import { EventListQuery } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { SqlBuilder } from '../db/sql.js';
import { pageFrom, pageRequest, positionNumber, positionString } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { eventHorizon, eventSeq, mapEvent } from '../store/events.js';

export function eventRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/events', {
    get: async (c) => {
      requireRole(c, 'admin', 'manager');
      const query = parseWith(EventListQuery, queryObject(requestUrl(c), Object.keys(EventListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'events', filters };
      const request = await pageRequest(ctx, identity, query);
      let position = request.after;
      if (position === null && filters.after !== undefined) {
        const seq = eventSeq(filters.after);
        const { rows } = seq === null ? { rows: [] } : await ctx.db.query<{ tx: string }>('SELECT tx_id::text AS tx FROM events WHERE seq = $1', [seq]);
        if (!rows[0] || seq === null) throw problems.validation([{ path: 'after', message: 'no event has this id' }]);
        position = [rows[0].tx, seq];
      }
      const sql = new SqlBuilder();
      // Only the final part of the log, so a reader's position never skips an event that a
      // running transaction commits later.
      sql.where(`tx_id < ${sql.param(await eventHorizon(ctx.db))}::xid8`);
      if (filters.type) sql.where(`type = ${sql.param(filters.type)}`);
      if (filters.partnerId) sql.where(`partner_id = ${sql.param(filters.partnerId)}`);
      if (position) sql.where(`(tx_id, seq) > (${sql.param(positionString(position, 0))}::xid8, ${sql.param(positionNumber(position, 1))})`);
      const { rows } = await ctx.db.query(
        `SELECT seq, tx_id::text AS tx, type, occurred_at, partner_id, data FROM events ${sql.whereClause()} ORDER BY tx_id, seq LIMIT ${request.limit + 1}`,
        sql.params,
      );
      return json(await pageFrom(ctx, identity, request, rows, (r) => [r.tx as string, Number(r.seq)], mapEvent));
    },
  });
}
