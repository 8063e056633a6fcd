/**
 * `/v1/agreements` (admins write, everyone reads what applies to them) and a partner's standings
 * and acceptances under `/v1/partners/{id}`. Who an agreement applies to, where a partner stands,
 * which versions may be accepted and the content hash are core's rules, as on the reference
 * server; {@link agreementsBlocking} is the gate deal registration and resource opens pass.
 * @module
 */
import { acceptanceEventData, acceptanceExpiry, agreementAppliesTo, agreementContentHash, agreementStanding, isAcceptableVersion, nextVersion, versionInEffect } from '@partnerkit/core/rules';
import {
  type Acceptance,
  AcceptanceInput,
  AcceptanceListQuery,
  type Agreement,
  type AgreementGate,
  AgreementInput,
  AgreementListQuery,
  AgreementPatch,
  type AgreementVersion,
  type AgreementVersionRef,
  AgreementVersionInput,
  PageQuery,
  type PartnerAgreement,
  type RequiredAgreement,
} from '@partnerkit/core/schemas';
import { type Caller, callerOf, type MockPart, type RequestContext, requireRole } from '../context.js';
import { idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredAgreement, StoredVersion } from '../state.js';
import { partnerInScope } from './partners.js';

const ref = (v: AgreementVersion | undefined): AgreementVersionRef | null => (v ? { id: v.id, version: v.version, effectiveAt: v.effectiveAt, contentHash: v.contentHash } : null);
const bare = <T extends { seq: number }>({ seq: _seq, ...rest }: T): Omit<T, 'seq'> => rest;

function versionsOf(state: MockState, agreementId: string): AgreementVersion[] {
  return [...state.agreementVersions.values()].filter((v) => v.agreementId === agreementId).map(bare);
}

function present(state: MockState, agreement: StoredAgreement, now: Date): Agreement {
  const versions = versionsOf(state, agreement.id);
  return { ...bare(agreement), currentVersion: ref(versionInEffect(versions, now)), nextVersion: ref(nextVersion(versions, now)) };
}

/** Does `agreement` apply to partner `partnerId`? */
function appliesTo(state: MockState, agreement: StoredAgreement, partnerId: string): boolean {
  const partner = state.partners.get(partnerId);
  return partner !== undefined && agreementAppliesTo(agreement, partner);
}

/** May `caller` see `agreement`: vendor principals see every one, a partner session the active ones that apply to its partner. */
function visibleTo(state: MockState, caller: Caller, agreement: StoredAgreement): boolean {
  if (caller.role !== 'partner') return true;
  return agreement.status === 'active' && caller.partnerId !== null && appliesTo(state, agreement, caller.partnerId);
}

function agreementInScope(ctx: RequestContext, caller: Caller = callerOf(ctx)): StoredAgreement {
  const agreement = ctx.state.agreements.get(pathId(ctx.params.id!));
  if (!agreement || !visibleTo(ctx.state, caller, agreement)) throw problems.notFound('There is no agreement with this id.');
  return agreement;
}

function checkTiers(state: MockState, tierIds: readonly string[] | undefined): void {
  const errors = (tierIds ?? []).flatMap((id, i) => (state.tiers.has(id) ? [] : [{ path: `tierIds.${i}`, message: 'no tier has this id' }]));
  if (errors.length > 0) throw problems.validation(errors);
}

/** Where partner `partnerId` stands with each active agreement that applies to it, oldest agreement first. */
export function standingsOf(state: MockState, partnerId: string, now: Date): PartnerAgreement[] {
  const acceptances = [...state.acceptances.values()].filter((a) => a.partnerId === partnerId).map(bare);
  return [...state.agreements.values()]
    .filter((a) => a.status === 'active' && appliesTo(state, a, partnerId))
    .sort((a, b) => a.seq - b.seq)
    .flatMap((stored) => {
      const versions = versionsOf(state, stored.id);
      const agreement = present(state, stored, now);
      const standing = agreementStanding({ agreement, versions, acceptances: acceptances.filter((a) => a.agreementId === stored.id), now });
      if (standing === null) return [];
      return [{ agreement, status: standing.status, version: standing.version, acceptance: standing.acceptance, dueAt: standing.dueAt?.toISOString() ?? null, renewsAt: standing.renewsAt?.toISOString() ?? null, blocks: standing.blocks }];
    });
}

/** The agreements holding `gate` closed for a partner session's partner; vendor principals are never gated. */
export function agreementsBlocking(state: MockState, caller: Caller, gate: AgreementGate, now: Date): RequiredAgreement[] {
  if (caller.role !== 'partner' || caller.partnerId === null) return [];
  return standingsOf(state, caller.partnerId, now)
    .filter((s) => s.blocks.includes(gate))
    .map((s) => ({ agreementId: s.agreement.id, versionId: s.version.id, title: s.agreement.title, gate }));
}

/** Refuses a partner session a gated operation while an agreement holds `gate` closed (403 `agreement_required`). */
export function requireAgreements(state: MockState, caller: Caller, gate: AgreementGate, now: Date): void {
  const blocking = agreementsBlocking(state, caller, gate, now);
  if (blocking.length > 0) throw problems.agreementRequired(blocking);
}

export const agreementsPart: MockPart = {
  name: 'agreements',
  routes: [
    {
      path: '/v1/agreements',
      handlers: {
        get: (ctx) => {
          const caller = callerOf(ctx);
          const { limit, cursor, ...filters } = parseWith(AgreementListQuery, queryObject(ctx.url, Object.keys(AgreementListQuery.shape)));
          const matching = [...ctx.state.agreements.values()].filter(
            (a) => visibleTo(ctx.state, caller, a) && (filters.status === undefined || a.status === filters.status) && (filters.gate === undefined || a.gates.includes(filters.gate)),
          );
          const page = ctx.state.cursors.page(matching, (a) => [a.seq], { limit, cursor }, 'agreements', { ...filters, scope: caller.role === 'partner' ? caller.partnerId : null });
          return json({ data: page.data.map((a) => present(ctx.state, a, ctx.now)), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(AgreementInput, body);
          idempotencyKey(ctx);
          checkTiers(ctx.state, input.tierIds);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const agreement: StoredAgreement = {
              id: newId('ag', ctx.now),
              title: input.title,
              partnerTypes: input.partnerTypes ?? [],
              tierIds: input.tierIds ?? [],
              gates: input.gates ?? [],
              term: input.term,
              status: 'active',
              ...(input.translations === undefined ? {} : { translations: input.translations }),
              createdAt: at,
              updatedAt: at,
              seq: ctx.state.nextSeq(),
            };
            ctx.state.agreements.set(agreement.id, agreement);
            ctx.state.appendEvents([{ type: 'agreement.created', partnerId: null, data: { agreementId: agreement.id, title: agreement.title } }], ctx.now);
            return { status: 201, body: present(ctx.state, agreement, ctx.now) };
          });
        },
      },
    },
    {
      path: '/v1/agreements/:id',
      handlers: {
        get: (ctx) => json(present(ctx.state, agreementInScope(ctx), ctx.now)),
        patch: async (ctx) => {
          const caller = requireRole(ctx, 'admin');
          const patch = parseWith(AgreementPatch, await readJsonBody(ctx.request));
          checkTiers(ctx.state, patch.tierIds);
          const before = agreementInScope(ctx, caller);
          const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
          const after: StoredAgreement = { ...before, ...changes, updatedAt: ctx.now.toISOString() };
          ctx.state.agreements.set(after.id, after);
          ctx.state.appendEvents([{ type: 'agreement.updated', partnerId: null, data: { agreementId: after.id, changed: Object.keys(changes) } }], ctx.now);
          return json(present(ctx.state, after, ctx.now));
        },
      },
    },
    {
      path: '/v1/agreements/:id/versions',
      handlers: {
        get: (ctx) => {
          const { limit, cursor } = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          const agreement = agreementInScope(ctx);
          const versions = [...ctx.state.agreementVersions.values()].filter((v) => v.agreementId === agreement.id);
          // Latest to take effect first.
          const page = ctx.state.cursors.page(versions, (v) => [-Date.parse(v.effectiveAt), -v.seq], { limit, cursor }, 'agreement-versions', { agreementId: agreement.id });
          return json({ data: page.data.map(bare), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          const caller = requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(AgreementVersionInput, body);
          idempotencyKey(ctx);
          const agreement = agreementInScope(ctx, caller);
          const contentHash = await agreementContentHash(input);
          return idempotentWrite(ctx, body, () => {
            if ([...ctx.state.agreementVersions.values()].some((v) => v.agreementId === agreement.id && v.version === input.version)) {
              throw problems.validation([{ path: 'version', message: 'is already a version of this agreement' }]);
            }
            const at = ctx.now.toISOString();
            const version: StoredVersion = {
              id: newId('av', ctx.now),
              agreementId: agreement.id,
              version: input.version,
              body: input.body,
              ...(input.translations === undefined ? {} : { translations: input.translations }),
              effectiveAt: input.effectiveAt === undefined ? at : new Date(input.effectiveAt).toISOString(),
              contentHash,
              createdAt: at,
              seq: ctx.state.nextSeq(),
            };
            ctx.state.agreementVersions.set(version.id, version);
            ctx.state.appendEvents(
              [{ type: 'agreement.version_published', partnerId: null, data: { agreementId: agreement.id, versionId: version.id, version: version.version, effectiveAt: version.effectiveAt, contentHash } }],
              ctx.now,
            );
            return { status: 201, body: bare(version) };
          });
        },
      },
    },
    {
      path: '/v1/agreements/:id/versions/:versionId',
      handlers: {
        get: (ctx) => {
          const agreement = agreementInScope(ctx);
          const version = ctx.state.agreementVersions.get(pathId(ctx.params.versionId!, 'versionId'));
          if (!version || version.agreementId !== agreement.id) throw problems.notFound('This agreement has no version with this id.');
          return json(bare(version));
        },
      },
    },
    {
      path: '/v1/partners/:id/agreements',
      handlers: {
        get: (ctx) => {
          const { limit, cursor } = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          const partner = partnerInScope(ctx);
          const standings = standingsOf(ctx.state, partner.id, ctx.now).map((s) => ({ s, seq: ctx.state.agreements.get(s.agreement.id)?.seq ?? 0 }));
          const page = ctx.state.cursors.page(standings, ({ seq }) => [seq], { limit, cursor }, 'partner-agreements', { partnerId: partner.id });
          return json({ data: page.data.map(({ s }) => s), nextCursor: page.nextCursor });
        },
      },
    },
    {
      path: '/v1/partners/:id/acceptances',
      handlers: {
        get: (ctx) => {
          const { limit, cursor, agreementId } = parseWith(AcceptanceListQuery, queryObject(ctx.url, Object.keys(AcceptanceListQuery.shape)));
          const partner = partnerInScope(ctx);
          const acceptances = [...ctx.state.acceptances.values()].filter((a) => a.partnerId === partner.id && (agreementId === undefined || a.agreementId === agreementId));
          const page = ctx.state.cursors.page(acceptances, (a) => [-a.seq], { limit, cursor }, 'acceptances', { partnerId: partner.id, agreementId });
          return json({ data: page.data.map(bare), nextCursor: page.nextCursor });
        },
        post: async (ctx) => {
          const caller = requireRole(ctx, 'partner');
          if (caller.role !== 'partner') throw problems.forbidden('Only a partner session may accept an agreement.');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(AcceptanceInput, body);
          idempotencyKey(ctx);
          const partner = partnerInScope(ctx);
          return idempotentWrite(ctx, body, () => {
            const found = ctx.state.agreementVersions.get(input.versionId);
            const stored = found ? ctx.state.agreements.get(found.agreementId) : undefined;
            // A version of an agreement that does not apply to the partner is out of scope: unknown.
            if (!found || !stored || !visibleTo(ctx.state, caller, stored)) throw problems.validation([{ path: 'versionId', message: 'no agreement version has this id' }]);
            if (!isAcceptableVersion(versionsOf(ctx.state, stored.id), found.id, ctx.now)) {
              throw problems.validation([{ path: 'versionId', message: 'is superseded by the version in effect; accept that one' }]);
            }
            if (input.contentHash !== found.contentHash) {
              throw problems.validation([{ path: 'contentHash', message: "does not match the version's content; load the version again and show it" }]);
            }
            const acceptance: Acceptance = {
              id: newId('ac', ctx.now),
              partnerId: partner.id,
              agreementId: stored.id,
              versionId: found.id,
              version: found.version,
              contentHash: found.contentHash,
              acceptedBy: { userId: caller.user.id, name: input.signer.name, title: input.signer.title, email: caller.user.email ?? null },
              acceptedAt: ctx.now.toISOString(),
              language: input.language ?? caller.locale ?? 'en',
              expiresAt: acceptanceExpiry(stored.term, ctx.now)?.toISOString() ?? null,
            };
            ctx.state.acceptances.set(acceptance.id, { ...acceptance, seq: ctx.state.nextSeq() });
            ctx.state.appendEvents(
              [
                {
                  type: 'agreement.accepted',
                  partnerId: partner.id,
                  data: acceptanceEventData(acceptance),
                },
              ],
              ctx.now,
            );
            return { status: 201, body: acceptance };
          });
        },
      },
    },
    {
      path: '/v1/partners/:id/acceptances/:acceptanceId',
      handlers: {
        get: (ctx) => {
          const partner = partnerInScope(ctx);
          const acceptance = ctx.state.acceptances.get(pathId(ctx.params.acceptanceId!, 'acceptanceId'));
          if (!acceptance || acceptance.partnerId !== partner.id) throw problems.notFound('This partner has no acceptance with this id.');
          return json(bare(acceptance));
        },
      },
    },
  ],
};
