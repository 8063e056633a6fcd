/**
 * Agreements: the programme agreement and its addenda (deal registration terms, brand use, ...),
 * published in versions that partners accept click-through. An agreement names who it applies to
 * (partner types and tiers), what it gates until accepted (deal registration, the resource
 * library) and its term; each version holds the text (rich text, localisable) and the hash of
 * that text, which every acceptance records.
 * @module
 */
import * as z from 'zod/mini';
import { EmailAddress, Id, LanguageTag, Timestamp, text } from './common.js';
import { holds } from './holds.js';
import { PartnerType } from './partner-type.js';
import { RichText, RichTextInput } from './rich-text.js';
import { translation, translations } from './translations.js';
import { translationsInput } from './translations-input.js';

/** What an agreement can hold back until it is accepted. */
export const AGREEMENT_GATES = ['deal_registration', 'resources'] as const;
export const AgreementGate = /* @__PURE__ */ z.enum(AGREEMENT_GATES);
export type AgreementGate = z.infer<typeof AgreementGate>;

/** `active` agreements ask partners to accept them; `retired` ones ask nobody and gate nothing. */
export const AGREEMENT_STATUSES = ['active', 'retired'] as const;
export const AgreementStatus = /* @__PURE__ */ z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

/**
 * How long an acceptance lasts. `renews_yearly`: until a new version takes effect, renewing on
 * each anniversary without asking again. `expires`: `months` after it was given; then the partner
 * accepts again.
 */
// A plain union in what backends serve, as `RichTextBlock` (rich-text.ts) says why.
export const AgreementTerm = /* @__PURE__ */ z.union([
  z.object({ kind: z.literal('renews_yearly') }),
  z.object({ kind: z.literal('expires'), months: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(120)) }),
]);
export type AgreementTerm = z.infer<typeof AgreementTerm>;

/** The same, in request bodies (unknown fields refused). */
export const AgreementTermInput = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('renews_yearly') }),
  z.strictObject({ kind: z.literal('expires'), months: /* @__PURE__ */ z.int().check(z.gte(1), z.lte(120)) }),
]);

/** A version's content hash: `sha256:` and 64 lower-case hex digits (see `agreementContentHash`). */
export const ContentHash = /* @__PURE__ */ z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: and 64 lower-case hex digits'));
export type ContentHash = z.infer<typeof ContentHash>;

/** An agreement's `title` in one language. */
export const AgreementTranslation = /* @__PURE__ */ translation({ title: text(200) });
export type AgreementTranslation = z.infer<typeof AgreementTranslation>;

const agreementFields = {
  title: text(200),
  /** Partner types it applies to; empty: every type. */
  partnerTypes: /* @__PURE__ */ z.array(PartnerType).check(z.maxLength(20)),
  /** Tiers it applies to; empty: every partner, with a tier or without. */
  tierIds: /* @__PURE__ */ z.array(Id).check(z.maxLength(50)),
  /** What it holds back until accepted; empty: nothing (it is asked for, never enforced). */
  gates: /* @__PURE__ */ z.array(AgreementGate),
  /** `title` in other languages, by BCP 47 tag. */
  translations: z.optional(/* @__PURE__ */ translations(AgreementTranslation)),
};

/** A version as the agreement lists it. */
export const AgreementVersionRef = /* @__PURE__ */ z.object({
  id: Id,
  version: text(40),
  effectiveAt: Timestamp,
  contentHash: ContentHash,
});
export type AgreementVersionRef = z.infer<typeof AgreementVersionRef>;

/** An agreement (a template partners accept in versions). */
export const Agreement = /* @__PURE__ */ z.object({
  id: Id,
  ...agreementFields,
  term: AgreementTerm,
  status: AgreementStatus,
  /** The version in effect now; `null` before the first takes effect. */
  currentVersion: z.nullable(AgreementVersionRef),
  /** A published version that takes effect later, if any (the soonest). */
  nextVersion: z.nullable(AgreementVersionRef),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Agreement = z.infer<typeof Agreement>;

/** Gates in a request body: each at most once. */
const gateList = /* @__NO_SIDE_EFFECTS__ */ () =>
  z.array(AgreementGate).check(holds((gates: readonly string[]) => new Set(gates).size === gates.length, 'must name each gate once'));

/** Body of `POST /v1/agreements`. The text comes with its first version (`POST .../versions`). */
export const AgreementInput = /* @__PURE__ */ z.strictObject({
  title: agreementFields.title,
  partnerTypes: z.optional(agreementFields.partnerTypes),
  tierIds: z.optional(agreementFields.tierIds),
  gates: z.optional(gateList()),
  term: AgreementTermInput,
  translations: z.optional(/* @__PURE__ */ translationsInput(AgreementTranslation)),
});
export type AgreementInput = z.input<typeof AgreementInput>;

/**
 * Body of `PATCH /v1/agreements/{id}`: any subset of the settings, and `status` to retire an
 * agreement (or bring it back). A new term applies to acceptances given from then on.
 */
export const AgreementPatch = /* @__PURE__ */ z.strictObject({
  title: z.optional(agreementFields.title),
  partnerTypes: z.optional(agreementFields.partnerTypes),
  tierIds: z.optional(agreementFields.tierIds),
  gates: z.optional(gateList()),
  term: z.optional(AgreementTermInput),
  translations: z.optional(/* @__PURE__ */ translationsInput(AgreementTranslation)),
  status: z.optional(AgreementStatus),
});
export type AgreementPatch = z.infer<typeof AgreementPatch>;

/** A version's `body` in one language. */
export const AgreementVersionTranslation = /* @__PURE__ */ translation({ body: RichText });
export type AgreementVersionTranslation = z.infer<typeof AgreementVersionTranslation>;

/** The same, in request bodies. */
export const AgreementVersionTranslationInput = /* @__PURE__ */ translation({ body: RichTextInput });

/** One published version of an agreement: its text, when it takes effect, and the hash of its content. Never changes once published. */
export const AgreementVersion = /* @__PURE__ */ z.object({
  id: Id,
  agreementId: Id,
  /** The version as people name it: `2026.1`, `3.0`. Unique within its agreement. */
  version: text(40),
  body: RichText,
  translations: z.optional(/* @__PURE__ */ translations(AgreementVersionTranslation)),
  /** From when partners must have accepted it (and earlier versions stop counting). */
  effectiveAt: Timestamp,
  /** `agreementContentHash` of `version`, `body` and `translations`: what an acceptance records. */
  contentHash: ContentHash,
  createdAt: Timestamp,
});
export type AgreementVersion = z.infer<typeof AgreementVersion>;

/** Body of `POST /v1/agreements/{id}/versions`. */
export const AgreementVersionInput = /* @__PURE__ */ z.strictObject({
  version: text(40),
  body: RichTextInput,
  translations: z.optional(/* @__PURE__ */ translationsInput(AgreementVersionTranslationInput)),
  /** Defaults to the time of publishing. */
  effectiveAt: z.optional(Timestamp),
});
export type AgreementVersionInput = z.input<typeof AgreementVersionInput>;

/** The person who accepted, as recorded: the session's user, and the name and job title they gave. */
export const AcceptanceSigner = /* @__PURE__ */ z.object({
  /** The user id of the partner session that accepted. */
  userId: Id,
  name: text(200),
  title: text(200),
  email: z.optional(z.nullable(EmailAddress)),
});
export type AcceptanceSigner = z.infer<typeof AcceptanceSigner>;

/** A partner's acceptance of one version: who, when, what (the version's content hash), in which language, and until when. */
export const Acceptance = /* @__PURE__ */ z.object({
  id: Id,
  partnerId: Id,
  agreementId: Id,
  versionId: Id,
  version: text(40),
  contentHash: ContentHash,
  acceptedBy: AcceptanceSigner,
  acceptedAt: Timestamp,
  /** The language the text was read in. */
  language: LanguageTag,
  /** End of the term for an agreement that `expires`; `null` when it renews yearly. */
  expiresAt: z.nullable(Timestamp),
});
export type Acceptance = z.infer<typeof Acceptance>;

/**
 * Body of `POST /v1/partners/{id}/acceptances` (a partner session of that partner). `contentHash`
 * is the hash of the version the person read: a mismatch is refused, so an acceptance never
 * records text nobody showed.
 */
export const AcceptanceInput = /* @__PURE__ */ z.strictObject({
  versionId: Id,
  contentHash: ContentHash,
  /** The person accepting: their full name and job title, as they typed them. */
  signer: /* @__PURE__ */ z.strictObject({ name: text(200), title: text(200) }),
  /** The language the text was shown in; default: the session's locale, else `en`. */
  language: z.optional(LanguageTag),
});
export type AcceptanceInput = z.input<typeof AcceptanceInput>;

/**
 * Where a partner stands with one agreement. `accepted`: the version in effect is accepted and
 * stays so for more than 30 days; `expiring`: accepted, but the acceptance ends (its term, or a
 * new version taking effect) within 30 days; `expired`: the term ran out; `to_accept`: the version
 * in effect (or the first one, still to come) was never accepted.
 */
export const PARTNER_AGREEMENT_STATUSES = ['accepted', 'to_accept', 'expiring', 'expired'] as const;
export const PartnerAgreementStatus = /* @__PURE__ */ z.enum(PARTNER_AGREEMENT_STATUSES);
export type PartnerAgreementStatus = z.infer<typeof PartnerAgreementStatus>;

/** One agreement as it stands for one partner (`GET /v1/partners/{id}/agreements`). */
export const PartnerAgreement = /* @__PURE__ */ z.object({
  agreement: Agreement,
  status: PartnerAgreementStatus,
  /** The version the status is about: the one to accept, or the accepted one in force. */
  version: AgreementVersion,
  /** The partner's latest acceptance of this agreement, of whichever version; `null` if none. */
  acceptance: z.nullable(Acceptance),
  /** When the partner must act by: the version's effective date (`to_accept`), or when the acceptance ends (`expiring`, `expired`). */
  dueAt: z.nullable(Timestamp),
  /** The next yearly renewal of an accepted agreement that renews yearly. */
  renewsAt: z.nullable(Timestamp),
  /** The gates this agreement holds closed now (empty once accepted, or before it takes effect). */
  blocks: z.array(AgreementGate),
});
export type PartnerAgreement = z.infer<typeof PartnerAgreement>;
