/**
 * Targets, measurements and scorecards over HTTP: the numbers partners are measured by, and the
 * scorecard computed from them with core's rules.
 * @module
 */
import type { Hono } from 'hono';
import { computeScorecard, currentPeriod, isComputedKpi } from '@partnerkit/core/rules';
import { MeasurementBatch, MeasurementListQuery, ScorecardQuery, TargetListQuery, TargetsInput } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import { lastPerKey } from '../db/sql.js';
import { ingestMeasurements } from '../domain/measurement-ingest.js';
import { partnerCertificationsOf } from '../domain/tier-evaluation.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { allKpis } from '../store/kpis.js';
import { listMeasurements, MEASUREMENT_POSITION, partnerMeasurements } from '../store/measurements.js';
import { existingIds } from '../store/references.js';
import { listTargets, partnerTargets, putTargets, TARGET_POSITION } from '../store/targets.js';
import { allTiers } from '../store/tiers.js';
import { partnerInScope } from './partners.js';

export function performanceRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/partners/:id/targets', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(TargetListQuery, queryObject(requestUrl(c), Object.keys(TargetListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'targets', filters: { ...filters, partnerId: partner.id } };
      const window = await pageWindow(ctx, identity, query, TARGET_POSITION);
      return json(await pageAnswer(ctx, identity, await listTargets(ctx.db, partner.id, filters, window)));
    },
    put: async (c) => {
      requireRole(c, 'admin');
      const input = parseWith(TargetsInput, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      const partner = await partnerInScope(ctx, c);
      const known = await existingIds(ctx.db, 'kpis', input.data.map((t) => t.kpiId));
      const unknown = input.data.flatMap((t, i) => (known.has(t.kpiId) ? [] : [{ path: `data.${i}.kpiId`, message: 'no KPI has this id' }]));
      if (unknown.length > 0) throw problems.validation(unknown);
      const targets = lastPerKey(input.data, (t) => `${t.kpiId}\n${t.period}`);
      return json({ data: await putTargets(ctx.db, partner.id, targets, ctx.now()) });
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
      // Computed KPIs (certified staff) take no measurements: the whole batch is refused.
      const computed = new Map((await allKpis(ctx.db)).filter(isComputedKpi).map((k) => [k.id, k]));
      const refused = input.data.flatMap((m, i) => {
        const kpi = computed.get(m.kpiId);
        return kpi ? [{ path: `data.${i}.kpiId`, message: `${kpi.id} is computed from certifications (source ${kpi.source ?? ''})` }] : [];
      });
      if (refused.length > 0) throw problems.kpiComputed(refused);
      return idempotentWrite(ctx, c, body, async (tx) => ({ status: 200, body: { upserted: await ingestMeasurements(tx, input.data, ctx.now()) } }));
    },
  });

  route(app, '/v1/partners/:id/measurements', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(MeasurementListQuery, queryObject(requestUrl(c), Object.keys(MeasurementListQuery.shape)));
      if (query.from && query.to && query.from > query.to) throw problems.validation([{ path: 'from', message: 'must not be after to' }]);
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'measurements', filters: { ...filters, partnerId: partner.id } };
      const window = await pageWindow(ctx, identity, query, MEASUREMENT_POSITION);
      return json(await pageAnswer(ctx, identity, await listMeasurements(ctx.db, partner.id, filters, window)));
    },
  });

  route(app, '/v1/partners/:id/scorecard', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const query = parseWith(ScorecardQuery, queryObject(requestUrl(c), Object.keys(ScorecardQuery.shape)));
      const now = ctx.now();
      const [kpis, tiers, targets, measurements, certifications] = await Promise.all([
        allKpis(ctx.db),
        allTiers(ctx.db),
        partnerTargets(ctx.db, partner.id),
        partnerMeasurements(ctx.db, partner.id),
        partnerCertificationsOf(ctx.db, partner.id),
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
            certifications,
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
