/**
 * Targets, measurements and scorecards: the numbers partners are measured by, and the scorecard
 * computed from them with core's rules.
 * @module
 */
import type { Hono } from 'hono';
import { computeScorecard, currentPeriod } from '@partnerkit/core/rules';
import { MeasurementBatch, MeasurementListQuery, ScorecardQuery, TargetListQuery, TargetsInput } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { SqlBuilder } from '../db/sql.js';
import { applyDueTierChanges } from '../domain/tier-evaluation.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageFrom, pageRequest, positionString } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { loadKpis, loadTiers } from '../store/catalogue.js';
import { appendEvents } from '../store/events.js';
import { existingIds, loadMeasurements, loadTargets, mapMeasurement, mapTarget } from '../store/partners.js';
import { partnerInScope } from './partners.js';

export function performanceRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/partners/:id/targets', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(TargetListQuery, queryObject(requestUrl(c), Object.keys(TargetListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'targets', filters: { ...filters, partnerId: partner.id } };
      const request = await pageRequest(ctx, identity, query);
      const sql = new SqlBuilder();
      sql.where(`partner_id = ${sql.param(partner.id)}`);
      if (filters.kpiId) sql.where(`kpi_id = ${sql.param(filters.kpiId)}`);
      if (filters.period) sql.where(`period = ${sql.param(filters.period)}`);
      if (request.after) sql.where(`(kpi_id, period) > (${sql.param(positionString(request.after, 0))}, ${sql.param(positionString(request.after, 1))})`);
      const { rows } = await ctx.db.query(`SELECT * FROM targets ${sql.whereClause()} ORDER BY kpi_id, period LIMIT ${request.limit + 1}`, sql.params);
      return json(await pageFrom(ctx, identity, request, rows, (r) => [r.kpi_id as string, r.period as string], mapTarget));
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const input = parseWith(TargetsInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const partner = await partnerInScope(ctx, c);
      const known = await existingIds(ctx.db, 'kpis', input.data.map((t) => t.kpiId));
      const unknown = input.data.flatMap((t, i) => (known.has(t.kpiId) ? [] : [{ path: `data.${i}.kpiId`, message: 'no KPI has this id' }]));
      if (unknown.length > 0) throw problems.validation(unknown);
      const now = ctx.now();
      const { rows } = await ctx.db.query(
        `INSERT INTO targets (partner_id, kpi_id, period, value, updated_at)
         SELECT $1, t.kpi_id, t.period, t.value, $3 FROM jsonb_to_recordset($2::jsonb) AS t(kpi_id text, period text, value float8)
         ON CONFLICT (partner_id, kpi_id, period) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
         RETURNING *`,
        [partner.id, JSON.stringify(dedupe(input.data.map((t) => ({ kpi_id: t.kpiId, period: t.period, value: t.value })), (t) => `${t.kpi_id}\n${t.period}`)), now],
      );
      return json({ data: rows.map(mapTarget) });
    },
  });

  route(app, '/v1/measurements', {
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(MeasurementBatch, body);
      checkIdempotencyKey(c);
      const partners = await existingIds(ctx.db, 'partners', input.data.map((m) => m.partnerId));
      const kpis = await existingIds(ctx.db, 'kpis', input.data.map((m) => m.kpiId));
      const unknown = input.data.flatMap((m, i) => [
        ...(partners.has(m.partnerId) ? [] : [{ path: `data.${i}.partnerId`, message: 'no partner has this id' }]),
        ...(kpis.has(m.kpiId) ? [] : [{ path: `data.${i}.kpiId`, message: 'no KPI has this id' }]),
      ]);
      if (unknown.length > 0) throw problems.validation(unknown);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        // The last value given for one (partner, KPI, month) wins, as if sent one by one.
        const rows = dedupe(
          input.data.map((m) => ({ partner_id: m.partnerId, kpi_id: m.kpiId, period: m.period, value: m.value, source: m.source ?? null })),
          (m) => `${m.partner_id}\n${m.kpi_id}\n${m.period}`,
        );
        const { rowCount } = await tx.query(
          `INSERT INTO measurements (partner_id, kpi_id, period, value, source, recorded_at)
           SELECT m.partner_id, m.kpi_id, m.period, m.value, m.source, $2
             FROM jsonb_to_recordset($1::jsonb) AS m(partner_id text, kpi_id text, period text, value float8, source text)
           ON CONFLICT (partner_id, kpi_id, period) DO UPDATE
             SET value = EXCLUDED.value, source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at`,
          [JSON.stringify(rows), now],
        );
        const byPartner = new Map<string, { count: number; periods: Set<string> }>();
        for (const m of rows) {
          const entry = byPartner.get(m.partner_id) ?? { count: 0, periods: new Set<string>() };
          entry.count += 1;
          entry.periods.add(m.period);
          byPartner.set(m.partner_id, entry);
        }
        await appendEvents(
          tx,
          [...byPartner].map(([partnerId, e]) => ({
            type: 'measurements.ingested' as const,
            partnerId,
            data: { partnerId, count: e.count, periods: [...e.periods].sort() },
          })),
          now,
        );
        await applyDueTierChanges(tx, [...byPartner.keys()], now);
        return { status: 200, body: { upserted: rowCount } };
      });
    },
  });

  route(app, '/v1/partners/:id/measurements', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(MeasurementListQuery, queryObject(requestUrl(c), Object.keys(MeasurementListQuery.shape)));
      if (query.from && query.to && query.from > query.to) throw problems.validation([{ path: 'from', message: 'must not be after to' }]);
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'measurements', filters: { ...filters, partnerId: partner.id } };
      const request = await pageRequest(ctx, identity, query);
      const sql = new SqlBuilder();
      sql.where(`partner_id = ${sql.param(partner.id)}`);
      if (filters.kpiId) sql.where(`kpi_id = ${sql.param(filters.kpiId)}`);
      if (filters.from) sql.where(`period >= ${sql.param(filters.from)}`);
      if (filters.to) sql.where(`period <= ${sql.param(filters.to)}`);
      if (request.after) sql.where(`(period, kpi_id) > (${sql.param(positionString(request.after, 0))}, ${sql.param(positionString(request.after, 1))})`);
      const { rows } = await ctx.db.query(`SELECT * FROM measurements ${sql.whereClause()} ORDER BY period, kpi_id LIMIT ${request.limit + 1}`, sql.params);
      return json(await pageFrom(ctx, identity, request, rows, (r) => [r.period as string, r.kpi_id as string], mapMeasurement));
    },
  });

  route(app, '/v1/partners/:id/scorecard', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(ScorecardQuery, queryObject(requestUrl(c), Object.keys(ScorecardQuery.shape)));
      const now = ctx.now();
      const [kpis, tiers, targets, measurements] = await Promise.all([
        loadKpis(ctx.db),
        loadTiers(ctx.db),
        loadTargets(ctx.db, partner.id),
        loadMeasurements(ctx.db, partner.id),
      ]);
      try {
        return json(
          computeScorecard({
            partner,
            period: query.period ?? currentPeriod('quarter', now),
            kpis,
            tiers,
            targets,
            measurements,
            trendPeriods: query.periods === undefined ? undefined : Number(query.periods),
            now,
          }),
        );
      } catch (error) {
        // Periods the format allows but the calendar does not (a trend reaching before year 0).
        if (error instanceof RangeError) throw problems.validation([{ path: 'period', message: error.message }]);
        throw error;
      }
    },
  });
}

/** Keeps the last item per key, in first-seen order of the keys. */
function dedupe<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}
