/**
 * Where partners stand with their agreements, and the gate every gated operation passes: core's
 * `agreementStanding` over the stored agreements, versions and acceptances. A partner session is
 * refused a gated operation (403 `agreement_required`, naming the agreements) while an agreement
 * that applies to its partner blocks the gate; vendor principals are never gated.
 * @module
 */
import { AGREEMENT_WARNING_DAYS, agreementStanding } from '@partnerkit/core/rules';
import type { AgreementGate, PartnerAgreement, PartnerType, RequiredAgreement } from '@partnerkit/core/schemas';
import type { Queryable, Row, Transaction } from '../db/database.js';
import { problems } from '../http/problem.js';
import type { Caller } from '../security/caller.js';
import { appendEvents } from '../store/events.js';
import { acceptancesOf, type AgreementAudience, listAgreementRows, mapAgreement, noticeAcceptanceExpiry, versionsOf } from '../store/agreements.js';

/** A partner as agreements see it: its type and tier; `false` (nobody) when there is no such partner. */
export async function partnerAudience(q: Queryable, partnerId: string): Promise<AgreementAudience> {
  const { rows } = await q.query<{ type: PartnerType; tier_id: string | null }>('SELECT type, tier_id FROM partners WHERE id = $1', [partnerId]);
  const partner = rows[0];
  return partner ? { type: partner.type, tierId: partner.tier_id } : false;
}

/** Whom the caller reads agreements as: every agreement for vendor principals, its partner's for a partner session. */
export async function callerAudience(q: Queryable, caller: Caller): Promise<AgreementAudience> {
  return caller.role === 'partner' ? partnerAudience(q, caller.partnerId) : null;
}

/**
 * Where partner `partnerId` stands with each agreement row (rows of agreements that apply to it),
 * in row order; agreements that ask nothing now (no version yet) are left out.
 */
export async function standingsOf(q: Queryable, partnerId: string, rows: readonly Row[], now: Date): Promise<PartnerAgreement[]> {
  const ids = rows.map((r) => r.id as string);
  const [versions, acceptances] = await Promise.all([versionsOf(q, ids), acceptancesOf(q, partnerId, ids)]);
  return rows.flatMap((row) => {
    const agreementVersions = versions.get(row.id as string) ?? [];
    const agreement = mapAgreement(row, agreementVersions, now);
    const standing = agreementStanding({ agreement, versions: agreementVersions, acceptances: acceptances.get(agreement.id) ?? [], now });
    if (standing === null) return [];
    return [
      {
        agreement,
        status: standing.status,
        version: standing.version,
        acceptance: standing.acceptance,
        dueAt: standing.dueAt?.toISOString() ?? null,
        renewsAt: standing.renewsAt?.toISOString() ?? null,
        blocks: standing.blocks,
      },
    ];
  });
}

/** The agreements that hold `gate` closed for partner `partnerId` now. */
export async function agreementsBlocking(q: Queryable, partnerId: string, gate: AgreementGate, now: Date): Promise<RequiredAgreement[]> {
  const audience = await partnerAudience(q, partnerId);
  if (audience === false) return [];
  // Few agreements gate anything; read them all rather than page.
  const rows = await listAgreementRows(q, audience, { status: 'active', gate }, null, 1000);
  const standings = await standingsOf(q, partnerId, rows, now);
  return standings
    .filter((s) => s.blocks.includes(gate))
    .map((s) => ({ agreementId: s.agreement.id, versionId: s.version.id, title: s.agreement.title, gate }));
}

/** Refuses a partner session a gated operation while an agreement blocks `gate` (403 `agreement_required`). */
export async function requireAgreements(q: Queryable, caller: Caller, gate: AgreementGate, now: Date): Promise<void> {
  if (caller.role !== 'partner') return;
  const blocking = await agreementsBlocking(q, caller.partnerId, gate, now);
  if (blocking.length > 0) throw problems.agreementRequired(blocking);
}

/**
 * Announces acceptances whose term ends within the warning period (`agreement.expiring`) or has
 * ended (`agreement.expired`), once each, from the backend's clock. Runs in the sweep.
 */
export async function announceAgreementExpiry(tx: Transaction, now: Date): Promise<number> {
  const { expiring, expired } = await noticeAcceptanceExpiry(tx, now, AGREEMENT_WARNING_DAYS * 86_400_000);
  const event = (type: 'agreement.expiring' | 'agreement.expired') => (a: (typeof expiring)[number]) => ({
    type,
    partnerId: a.partnerId,
    data: { agreementId: a.agreementId, versionId: a.versionId, version: a.version, acceptanceId: a.id, expiresAt: a.expiresAt },
  });
  await appendEvents(tx, [...expired.map(event('agreement.expired')), ...expiring.map(event('agreement.expiring'))], now);
  return expiring.length + expired.length;
}
