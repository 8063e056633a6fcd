/**
 * Agreements: which agreements apply to a partner, which version is in effect, where the partner
 * stands with each (accepted, to accept, expiring, expired), and which operations that closes.
 * The reference server gates with these functions and the widgets show their answers, so both
 * always agree. Pure: the time is always passed in.
 * @module
 */
import type {
  Acceptance,
  Agreement,
  AgreementGate,
  AgreementTerm,
  AgreementVersion,
  PartnerAgreementStatus,
  PartnerType,
} from '../schemas/index.js';
import { contentHash } from './content-hash.js';

/** How long before an acceptance ends it counts as `expiring`: 30 days. */
export const AGREEMENT_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/** What the status rules read of an agreement. */
export type AgreementRules = Pick<Agreement, 'status' | 'term' | 'gates'>;
/** What the status rules read of a version. */
export type VersionTiming = Pick<AgreementVersion, 'id' | 'effectiveAt' | 'createdAt'>;
/** What the status rules read of an acceptance. */
export type AcceptanceTiming = Pick<Acceptance, 'versionId' | 'acceptedAt' | 'expiresAt'>;

/**
 * True when `agreement` applies to `partner`: its type is among the agreement's partner types
 * (or the agreement names none), and its tier among the agreement's tiers (or the agreement names
 * none; a partner without a tier matches only then).
 */
export function agreementAppliesTo(
  agreement: Pick<Agreement, 'partnerTypes' | 'tierIds'>,
  partner: { type: PartnerType; tierId: string | null },
): boolean {
  const typeMatches = agreement.partnerTypes.length === 0 || agreement.partnerTypes.includes(partner.type);
  const tierMatches = agreement.tierIds.length === 0 || (partner.tierId !== null && agreement.tierIds.includes(partner.tierId));
  return typeMatches && tierMatches;
}

/** Versions in the order they take effect: by `effectiveAt`, then by `createdAt` (a later publication of the same moment wins). */
export function versionsInOrder<V extends VersionTiming>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** The version in effect at `now`: the last to have taken effect; `undefined` before the first. */
export function versionInEffect<V extends VersionTiming>(versions: readonly V[], now: Date): V | undefined {
  return versionsInOrder(versions)
    .filter((v) => Date.parse(v.effectiveAt) <= now.getTime())
    .at(-1);
}

/** The soonest version still to take effect after `now`, if any. */
export function nextVersion<V extends VersionTiming>(versions: readonly V[], now: Date): V | undefined {
  return versionsInOrder(versions).find((v) => Date.parse(v.effectiveAt) > now.getTime());
}

/** `date` plus `months` calendar months in UTC; a day the target month lacks becomes its last (31 January + 1 month = 28 or 29 February). */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}

/** When an acceptance given at `acceptedAt` under `term` ends: `months` later for `expires`, never (`null`) for `renews_yearly`. */
export function acceptanceExpiry(term: AgreementTerm, acceptedAt: Date): Date | null {
  return term.kind === 'expires' ? addMonthsUtc(acceptedAt, term.months) : null;
}

/** The first anniversary of `acceptedAt` after `now` (29 February renews on 28 February in other years). */
export function nextRenewal(acceptedAt: Date, now: Date): Date {
  let years = Math.max(1, now.getUTCFullYear() - acceptedAt.getUTCFullYear());
  let renewal = addMonthsUtc(acceptedAt, 12 * years);
  while (renewal.getTime() <= now.getTime()) renewal = addMonthsUtc(acceptedAt, 12 * ++years);
  return renewal;
}

/** Where a partner stands with one agreement, as {@link agreementStanding} computes it. */
export interface AgreementStanding<V extends VersionTiming = VersionTiming, A extends AcceptanceTiming = AcceptanceTiming> {
  status: PartnerAgreementStatus;
  /** The version the status is about: the one to accept, or the accepted one in force. */
  version: V;
  /** The partner's latest acceptance of this agreement, of any version. */
  acceptance: A | null;
  /** When the partner must act by (see `PartnerAgreement.dueAt`). */
  dueAt: Date | null;
  /** The next yearly renewal of an accepted agreement that renews yearly. */
  renewsAt: Date | null;
  /** The gates closed now. */
  blocks: AgreementGate[];
}

const latest = <A extends AcceptanceTiming>(acceptances: readonly A[], versionId?: string): A | null =>
  acceptances
    .filter((a) => versionId === undefined || a.versionId === versionId)
    .reduce<A | null>((best, a) => (best === null || Date.parse(a.acceptedAt) > Date.parse(best.acceptedAt) ? a : best), null);

/**
 * Where a partner stands with `agreement` at `now`, from every version of the agreement and the
 * partner's acceptances of it. `null` when the agreement asks nothing (retired, or no version).
 *
 * - No version in effect yet: `to_accept` the first one by its effective date, closing nothing
 *   (`accepted` if the partner accepted it early).
 * - The version in effect never accepted (a new version took effect since): `to_accept`, and every
 *   gate of the agreement closed.
 * - Its latest acceptance's term ended: `expired`, gates closed.
 * - The acceptance ends within {@link AGREEMENT_WARNING_DAYS} days, by its term or because a
 *   version not yet accepted takes effect: `expiring` (about the version to accept next), gates
 *   open.
 * - Otherwise `accepted`, gates open.
 */
export function agreementStanding<V extends VersionTiming, A extends AcceptanceTiming>(input: {
  agreement: AgreementRules;
  versions: readonly V[];
  acceptances: readonly A[];
  now: Date;
}): AgreementStanding<V, A> | null {
  const { agreement, versions, acceptances, now } = input;
  if (agreement.status !== 'active') return null;
  const acceptance = latest(acceptances);
  const current = versionInEffect(versions, now);
  const upcoming = nextVersion(versions, now);
  const renewal = (a: A) => (agreement.term.kind === 'renews_yearly' ? nextRenewal(new Date(a.acceptedAt), now) : null);
  const standing = (status: PartnerAgreementStatus, version: V, dueAt: Date | null, blocks: AgreementGate[] = [], renewsAt: Date | null = null) => ({
    status,
    version,
    acceptance,
    dueAt,
    renewsAt,
    blocks,
  });

  if (current === undefined) {
    if (upcoming === undefined) return null;
    const early = latest(acceptances, upcoming.id);
    return early ? standing('accepted', upcoming, null, [], renewal(early)) : standing('to_accept', upcoming, new Date(upcoming.effectiveAt));
  }
  const accepted = latest(acceptances, current.id);
  if (accepted === null) return standing('to_accept', current, new Date(current.effectiveAt), [...agreement.gates]);
  const termEnd = accepted.expiresAt === null ? null : new Date(accepted.expiresAt);
  if (termEnd !== null && termEnd.getTime() <= now.getTime()) return standing('expired', current, termEnd, [...agreement.gates]);

  const newVersionDue = upcoming !== undefined && latest(acceptances, upcoming.id) === null ? new Date(upcoming.effectiveAt) : null;
  const ends = [termEnd, newVersionDue].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  if (ends !== undefined && ends.getTime() - now.getTime() <= AGREEMENT_WARNING_DAYS * DAY_MS) {
    const about = newVersionDue !== null && ends.getTime() === newVersionDue.getTime() && upcoming !== undefined ? upcoming : current;
    return standing('expiring', about, ends);
  }
  return standing('accepted', current, null, [], renewal(accepted));
}

/** The agreements among `standings` that hold `gate` closed now. */
export function agreementsBlocking<S extends { blocks: readonly AgreementGate[] }>(standings: readonly S[], gate: AgreementGate): S[] {
  return standings.filter((s) => s.blocks.includes(gate));
}

/**
 * May `version` be accepted at `now`? The version in effect and any still to come may; an earlier
 * one, superseded, may not (accepting it would record text that no longer applies).
 */
export function isAcceptableVersion(versions: readonly VersionTiming[], versionId: string, now: Date): boolean {
  const current = versionInEffect(versions, now);
  const version = versions.find((v) => v.id === versionId);
  if (version === undefined) return false;
  return current === undefined || version.id === current.id || Date.parse(version.effectiveAt) > now.getTime();
}

/** The content of a version an acceptance is about: its name, its text and the text's translations. */
export type AgreementContent = Pick<AgreementVersion, 'version' | 'body' | 'translations'>;

/**
 * The hash every acceptance records: {@link contentHash} (SHA-256 of canonical JSON) over the
 * version's `version`, `body` and `translations`, exactly as served. Anyone holding a version can
 * check its `contentHash` with this.
 */
export function agreementContentHash(content: AgreementContent): Promise<string> {
  return contentHash({ version: content.version, body: content.body, translations: content.translations ?? {} });
}

/** The data of an `agreement.accepted` event: what was accepted, by whom, and until when. */
export function acceptanceEventData(acceptance: Acceptance) {
  const { agreementId, versionId, version, contentHash, id: acceptanceId, acceptedBy, expiresAt } = acceptance;
  return { agreementId, versionId, version, contentHash, acceptanceId, acceptedBy, expiresAt };
}
