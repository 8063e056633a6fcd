/**
 * `/v1/agreements` (admins write, everyone reads what applies to them) and a partner's standings
 * and acceptances under `/v1/partners/{id}`. HTTP only: the SQL is in `store/agreements.ts`, the
 * rules are core's (`domain/agreements.ts` applies them).
 * @module
 */
import type { Context, Hono } from 'hono';
import { acceptanceEventData, acceptanceExpiry, agreementContentHash, isAcceptableVersion } from '@partnerkit/core/rules';
import { AcceptanceInput, AcceptanceListQuery, AgreementInput, AgreementListQuery, AgreementPatch, AgreementVersionInput, PageQuery } from '@partnerkit/core/schemas';
import type { AppContext, AppEnv } from '../context.js';
import type { Queryable, Row } from '../db/database.js';
import { callerAudience, partnerAudience, standingsOf } from '../domain/agreements.js';
import { readJsonBody } from '../http/body.js';
import { checkIdempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { pageAnswer, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { json, pathId, requestUrl, requireRole, route } from '../http/routing.js';
import { parseWith, queryObject } from '../http/validate.js';
import { partnerScope } from '../security/caller.js';
import { newId } from '../security/random.js';
import {
  type AgreementAudience,
  insertAcceptance,
  insertAgreement,
  insertVersion,
  isVersionNameTaken,
  listAcceptanceRows,
  listAgreementRows,
  listVersionRows,
  loadAcceptanceRow,
  agreementIdOfVersion,
  loadAgreementRow,
  loadVersionRow,
  mapAcceptance,
  mapAgreement,
  mapVersion,
  presentAgreements,
  updateAgreementRow,
  versionsOf,
} from '../store/agreements.js';
import { appendEvents } from '../store/events.js';
import { existingIds } from '../store/references.js';
import { type PositionShape, slicePage } from '../store/page.js';
import { partnerInScope } from './partners.js';

const agreementNotFound = () => problems.notFound('There is no agreement with this id.');

/** The agreement in the path, when the caller may see it; 404 otherwise. */
async function agreementInScope(q: Queryable, c: Context<AppEnv>, audience: AgreementAudience, options: { lock?: boolean } = {}): Promise<Row> {
  const row = await loadAgreementRow(q, pathId(c), audience, options);
  if (!row) throw agreementNotFound();
  return row;
}

async function checkTiers(q: Queryable, tierIds: readonly string[] | undefined): Promise<void> {
  if (!tierIds || tierIds.length === 0) return;
  const known = await existingIds(q, 'tiers', tierIds);
  const errors = tierIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `tierIds.${i}`, message: 'no tier has this id' }]));
  if (errors.length > 0) throw problems.validation(errors);
}

/** Agreements and acceptances are listed in the order they were written. */
const SEQ_POSITION: PositionShape = ['number'];
/** Versions are listed by when they take effect. */
const VERSION_POSITION: PositionShape = ['string', 'number'];

export function agreementRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  route(app, '/v1/agreements', {
    get: async (c) => {
      const caller = c.get('caller');
      const query = parseWith(AgreementListQuery, queryObject(requestUrl(c), Object.keys(AgreementListQuery.shape)));
      const { limit: _l, cursor: _c, ...filters } = query;
      const identity = { list: 'agreements', filters: { ...filters, scope: partnerScope(caller) } };
      const window = await pageWindow(ctx, identity, query, SEQ_POSITION);
      const audience = await callerAudience(ctx.db, caller);
      const rows = await listAgreementRows(ctx.db, audience, filters, window.after ? Number(window.after[0]) : null, window.limit + 1);
      const page = await pageAnswer(ctx, identity, slicePage(rows, window, (r) => [Number(r.seq)], (r) => r));
      return json({ data: await presentAgreements(ctx.db, page.data, ctx.now()), nextCursor: page.nextCursor });
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(AgreementInput, body);
      checkIdempotencyKey(c);
      await checkTiers(ctx.db, input.tierIds);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const row = await insertAgreement(tx, newId('ag', now), input, now);
        await appendEvents(tx, [{ type: 'agreement.created', partnerId: null, data: { agreementId: row.id, title: row.title } }], now);
        return { status: 201, body: mapAgreement(row, [], now) };
      });
    },
  });

  route(app, '/v1/agreements/:id', {
    get: async (c) => {
      const row = await agreementInScope(ctx.db, c, await callerAudience(ctx.db, c.get('caller')));
      return json((await presentAgreements(ctx.db, [row], ctx.now()))[0]);
    },
    patch: async (c) => {
      requireRole(c, 'admin');
      const patch = parseWith(AgreementPatch, await readJsonBody(c.req.raw, ctx.settings.bodyLimit));
      await checkTiers(ctx.db, patch.tierIds);
      const row = await ctx.db.transaction(async (tx) => {
        const current = await agreementInScope(tx, c, null, { lock: true });
        const now = ctx.now();
        const updated = await updateAgreementRow(tx, current.id as string, patch, now);
        const changed = Object.keys(patch).filter((field) => patch[field as keyof typeof patch] !== undefined);
        await appendEvents(tx, [{ type: 'agreement.updated', partnerId: null, data: { agreementId: current.id, changed } }], now);
        return updated;
      });
      return json((await presentAgreements(ctx.db, [row], ctx.now()))[0]);
    },
  });

  route(app, '/v1/agreements/:id/versions', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const agreement = await agreementInScope(ctx.db, c, await callerAudience(ctx.db, c.get('caller')));
      const identity = { list: 'agreement-versions', filters: { agreementId: agreement.id } };
      const window = await pageWindow(ctx, identity, query, VERSION_POSITION);
      const after = window.after ? { effectiveAt: String(window.after[0]), seq: Number(window.after[1]) } : null;
      const rows = await listVersionRows(ctx.db, agreement.id as string, after, window.limit + 1);
      return json(await pageAnswer(ctx, identity, slicePage(rows, window, (r) => [mapVersion(r).effectiveAt, Number(r.seq)], mapVersion)));
    },
    post: async (c) => {
      requireRole(c, 'admin');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(AgreementVersionInput, body);
      checkIdempotencyKey(c);
      await agreementInScope(ctx.db, c, null);
      const contentHash = await agreementContentHash(input);
      return idempotentWrite(
        ctx,
        c,
        body,
        async (tx) => {
          const agreement = await agreementInScope(tx, c, null, { lock: true });
          const now = ctx.now();
          const effectiveAt = input.effectiveAt === undefined ? now : new Date(input.effectiveAt);
          const row = await insertVersion(tx, { id: newId('av', now), agreementId: agreement.id as string, input, effectiveAt, contentHash }, now);
          const version = mapVersion(row);
          await appendEvents(
            tx,
            [
              {
                type: 'agreement.version_published',
                partnerId: null,
                data: { agreementId: agreement.id, versionId: version.id, version: version.version, effectiveAt: version.effectiveAt, contentHash },
              },
            ],
            now,
          );
          return { status: 201, body: version };
        },
        async (error) => (isVersionNameTaken(error) ? problems.validation([{ path: 'version', message: 'is already a version of this agreement' }]) : null),
      );
    },
  });

  route(app, '/v1/agreements/:id/versions/:versionId', {
    get: async (c) => {
      const agreement = await agreementInScope(ctx.db, c, await callerAudience(ctx.db, c.get('caller')));
      const row = await loadVersionRow(ctx.db, agreement.id as string, pathId(c, 'versionId'));
      if (!row) throw problems.notFound('This agreement has no version with this id.');
      return json(mapVersion(row));
    },
  });

  route(app, '/v1/partners/:id/agreements', {
    get: async (c) => {
      const query = parseWith(PageQuery, queryObject(requestUrl(c), Object.keys(PageQuery.shape)));
      const partner = await partnerInScope(ctx, c);
      const identity = { list: 'partner-agreements', filters: { partnerId: partner.id } };
      const window = await pageWindow(ctx, identity, query, SEQ_POSITION);
      const rows = await listAgreementRows(ctx.db, await partnerAudience(ctx.db, partner.id), {}, window.after ? Number(window.after[0]) : null, window.limit + 1);
      const page = await pageAnswer(ctx, identity, slicePage(rows, window, (r) => [Number(r.seq)], (r) => r));
      return json({ data: await standingsOf(ctx.db, partner.id, page.data, ctx.now()), nextCursor: page.nextCursor });
    },
  });

  route(app, '/v1/partners/:id/acceptances', {
    get: async (c) => {
      const query = parseWith(AcceptanceListQuery, queryObject(requestUrl(c), Object.keys(AcceptanceListQuery.shape)));
      const partner = await partnerInScope(ctx, c);
      const identity = { list: 'acceptances', filters: { partnerId: partner.id, agreementId: query.agreementId } };
      const window = await pageWindow(ctx, identity, query, SEQ_POSITION);
      const rows = await listAcceptanceRows(ctx.db, partner.id, query.agreementId, window.after ? Number(window.after[0]) : null, window.limit + 1);
      return json(await pageAnswer(ctx, identity, slicePage(rows, window, (r) => [Number(r.seq)], mapAcceptance)));
    },
    post: async (c) => {
      const caller = requireRole(c, 'partner');
      if (caller.role !== 'partner') throw problems.forbidden('Only a partner session may accept an agreement.');
      const body = await readJsonBody(c.req.raw, ctx.settings.bodyLimit);
      const input = parseWith(AcceptanceInput, body);
      checkIdempotencyKey(c);
      const partner = await partnerInScope(ctx, c);
      return idempotentWrite(ctx, c, body, async (tx) => {
        const now = ctx.now();
        const agreementId = await agreementIdOfVersion(tx, input.versionId);
        // A version of an agreement that does not apply to the partner is out of scope: unknown.
        const agreement = agreementId === null ? null : await loadAgreementRow(tx, agreementId, await partnerAudience(tx, partner.id));
        if (!agreement) throw problems.validation([{ path: 'versionId', message: 'no agreement version has this id' }]);
        const versions = (await versionsOf(tx, [agreement.id as string])).get(agreement.id as string) ?? [];
        const version = versions.find((v) => v.id === input.versionId);
        if (!version) throw problems.validation([{ path: 'versionId', message: 'no agreement version has this id' }]);
        if (!isAcceptableVersion(versions, version.id, now)) {
          throw problems.validation([{ path: 'versionId', message: 'is superseded by the version in effect; accept that one' }]);
        }
        if (input.contentHash !== version.contentHash) {
          throw problems.validation([{ path: 'contentHash', message: 'does not match the version\'s content; load the version again and show it' }]);
        }
        const term = mapAgreement(agreement, versions, now).term;
        const acceptance = mapAcceptance(
          await insertAcceptance(tx, {
            id: newId('ac', now),
            partnerId: partner.id,
            agreementId: agreement.id as string,
            versionId: version.id,
            version: version.version,
            contentHash: version.contentHash,
            acceptedBy: { userId: caller.user.id, name: input.signer.name, title: input.signer.title, email: caller.user.email ?? null },
            acceptedAt: now.toISOString(),
            language: input.language ?? caller.locale ?? 'en',
            expiresAt: acceptanceExpiry(term, now)?.toISOString() ?? null,
          }),
        );
        await appendEvents(
          tx,
          [
            {
              type: 'agreement.accepted',
              partnerId: partner.id,
              data: acceptanceEventData(acceptance),
            },
          ],
          now,
        );
        return { status: 201, body: acceptance };
      });
    },
  });

  route(app, '/v1/partners/:id/acceptances/:acceptanceId', {
    get: async (c) => {
      const partner = await partnerInScope(ctx, c);
      const row = await loadAcceptanceRow(ctx.db, partner.id, pathId(c, 'acceptanceId'));
      if (!row) throw problems.notFound('This partner has no acceptance with this id.');
      return json(mapAcceptance(row));
    },
  });
}
