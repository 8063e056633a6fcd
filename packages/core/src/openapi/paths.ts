/**
 * The v1 path table: every operation of the contract, who may call it, what it reads and what it
 * answers. `document.ts` turns each entry into an OpenAPI operation and adds the error answers
 * that follow from the entry (401 and 429 always, 400 with a query or body, 404 with an `{id}`,
 * 403 when a role is left out, ...), so the table states only what is particular to each one.
 * @module
 */
import type * as z from 'zod/mini';
import * as contract from '../schemas/index.js';
import type { Role } from '../schemas/index.js';
import { DEFAULT_TREND_PERIODS } from '../rules/scorecard.js';
import { pageSchemas, type QueryName } from './components.js';
import type { ConflictResponseName, IntegerParameter, PathParameterName, SharedParameterName } from './shared.js';
import type { HttpMethod } from './types.js';

export const TAGS = {
  Sessions: 'Minting session tokens for embedded widgets, and asking who the caller is.',
  Tiers: 'The ordered levels of the partner programme, their benefits and requirements.',
  KPIs: 'What the programme measures partners by, and how monthly values add up.',
  Partners: 'The outside companies in the programme.',
  Targets: 'Partner-specific targets per KPI and period; the scorecard falls back to tier requirements.',
  Measurements: 'Monthly KPI values, ingested from the CRM and billing systems.',
  Scorecards: 'A partner\'s performance against its targets and its standing in the tier ladder.',
  Deals: 'Deal registrations, their lifecycle, and the conflict pre-check.',
  Resources: 'The partner resource library, gated by tier and partner type.',
  Agreements: 'The programme agreement and its addenda: versions partners accept click-through, and what they gate until then.',
  Applications:
    'Recruitment: companies applying to join the programme through the public form or a manager, and their way ' +
    'through screening, interview and due diligence to approval (which creates the partner) or a decline.',
  Evaluations: 'Reviewers\' scores of an application against the selection criteria: blind until one has submitted one\'s own.',
  Selection: 'What applicants are scored on: weighted selection criteria on a 1-5 scale, and the thresholds of the recommendation.',
  'Publishable keys': 'The credential of a public "become a partner" page: it may read the application form and submit applications, nothing else.',
  Plans:
    'Joint business plans: per partner and period, objectives owned by either side (measured by a KPI, or milestones), ' +
    'the activities each side takes on, comments from both sides, and agreement by both sides to each revision.',
  Enablement:
    'Training and certification: certifications, the course catalogue (modules, assessments scored on the backend), ' +
    'partners\' people, enrolments and attempts, certificates held, and the certifications each tier requires.',
  Announcements: 'Messages from the vendor to partners, targeted by partner type, tier, region or named partners, with read tracking.',
  Requests: 'Partners\' requests to their channel managers: a thread of messages from both sides, a lifecycle, and response targets in business hours.',
  Events: 'The event log, for syncing a CRM.',
  Contract: 'This document.',
} as const;

export type TagName = keyof typeof TAGS;

export interface QuerySpec {
  schema: (typeof contract)[QueryName];
  /** One description per filter; `limit` and `cursor` are shared parameters. */
  filters: Record<string, string>;
  /** Filters that arrive as strings but mean whole numbers. */
  integers?: Record<string, IntegerParameter>;
}

export interface SuccessSpec {
  status: '200' | '201' | '204';
  description: string;
  /** The body's schema; absent for 204, or `'openapi'` for this document itself. */
  schema?: z.core.$ZodType | 'openapi';
  /** A 201 whose `Location` only some callers get: says which (the others get nothing they could read). */
  locationFor?: string;
}

export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  path: `/v1/${string}`;
  tag: TagName;
  summary: string;
  description: string;
  /** Who may call. Empty: anyone, without a token. */
  roles: readonly Role[];
  /**
   * A publishable key may call it too (from the origins the key lists). Every operation without
   * this flag answers a publishable key as if the key did not exist (401).
   */
  publishable?: true;
  /** What a partner session sees, when it is less than everything. */
  scope?: string;
  /** The path's `{id}` parameter. */
  id?: Exclude<Extract<SharedParameterName, `${string}Id`>, PathParameterName>;
  /** The path's other parameters, in path order (`{period}`, `{objectiveId}`, ...). */
  params?: readonly PathParameterName[];
  query?: QuerySpec;
  body?: { schema: z.core.$ZodType; description: string };
  /** Accepts `Idempotency-Key` (every POST that creates or changes state, except minting sessions). */
  idempotent?: true;
  /** A role the operation allows may still be refused for some objects or moves (403). */
  finerRoleRules?: true;
  conflict?: ConflictResponseName;
  success: SuccessSpec[];
}

const ALL: readonly Role[] = ['admin', 'manager', 'partner'];
const VENDOR: readonly Role[] = ['admin', 'manager'];
const ADMIN: readonly Role[] = ['admin'];
const MANAGER: readonly Role[] = ['manager'];

const OWN_PARTNER = 'A partner session may only name its own partner; any other id answers 404.';

export const operations: readonly OperationSpec[] = [
  // Sessions
  {
    operationId: 'createSession',
    method: 'post',
    path: '/v1/sessions',
    tag: 'Sessions',
    summary: 'Mint a session token',
    description:
      'The host site\'s server calls this with its admin key and hands the token to its page, which passes it to ' +
      'the widgets (the Stripe Connect pattern); never call it from a browser. The token is signed, short-lived ' +
      '(15 minutes unless `ttlSeconds` says otherwise) and carries the role, the partner scope and the user. A ' +
      'backend takes tenant and role from the verified token only, never from a header or parameter. Each call ' +
      'mints a new, independent token, so the operation is safe to repeat and takes no `Idempotency-Key`.',
    roles: ADMIN,
    body: { schema: contract.SessionInput, description: 'The role, partner scope, user and lifetime of the session.' },
    success: [{ status: '200', description: 'The token and when it expires.', schema: contract.SessionToken }],
  },
  {
    operationId: 'getSession',
    method: 'get',
    path: '/v1/session',
    tag: 'Sessions',
    summary: 'Who the caller is',
    description:
      'The principal the backend read from the verified token: role, partner scope, user, locale and expiry. ' +
      'An admin key answers with role `admin` and no partner, user or expiry.',
    roles: ALL,
    success: [{ status: '200', description: 'The caller.', schema: contract.Principal }],
  },

  // Tiers
  {
    operationId: 'listTiers',
    method: 'get',
    path: '/v1/tiers',
    tag: 'Tiers',
    summary: 'List tiers',
    description: 'The programme\'s tiers, lowest rank first.',
    roles: ALL,
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of tiers.', schema: pageSchemas.TierPage }],
  },
  {
    operationId: 'getTier',
    method: 'get',
    path: '/v1/tiers/{id}',
    tag: 'Tiers',
    summary: 'Get a tier',
    description: 'One tier with its benefits, requirements and deal protection days.',
    roles: ALL,
    id: 'TierId',
    success: [{ status: '200', description: 'The tier.', schema: contract.Tier }],
  },
  {
    operationId: 'upsertTier',
    method: 'put',
    path: '/v1/tiers/{id}',
    tag: 'Tiers',
    summary: 'Create or replace a tier',
    description:
      'Stores the whole tier under the given id. Requirements name KPIs by id; an unknown KPI answers 400 with the ' +
      'requirement\'s path. Partners are re-evaluated against the new requirements at their next scorecard.',
    roles: ADMIN,
    id: 'TierId',
    body: { schema: contract.TierInput, description: 'The whole tier.' },
    success: [
      { status: '200', description: 'The tier was replaced.', schema: contract.Tier },
      { status: '201', description: 'The tier was created.', schema: contract.Tier },
    ],
  },
  {
    operationId: 'deleteTier',
    method: 'delete',
    path: '/v1/tiers/{id}',
    tag: 'Tiers',
    summary: 'Delete a tier',
    description: 'Deletes a tier no partner holds and no resource is gated by; otherwise answers 409 `in_use`.',
    roles: ADMIN,
    id: 'TierId',
    conflict: 'InUse',
    success: [{ status: '204', description: 'The tier was deleted.' }],
  },

  // KPIs
  {
    operationId: 'listKpis',
    method: 'get',
    path: '/v1/kpis',
    tag: 'KPIs',
    summary: 'List KPI definitions',
    description: 'Every KPI the programme measures, by name.',
    roles: ALL,
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of KPIs.', schema: pageSchemas.KpiPage }],
  },
  {
    operationId: 'getKpi',
    method: 'get',
    path: '/v1/kpis/{id}',
    tag: 'KPIs',
    summary: 'Get a KPI definition',
    description: 'One KPI: unit, direction, aggregation and weight.',
    roles: ALL,
    id: 'KpiId',
    success: [{ status: '200', description: 'The KPI.', schema: contract.Kpi }],
  },
  {
    operationId: 'upsertKpi',
    method: 'put',
    path: '/v1/kpis/{id}',
    tag: 'KPIs',
    summary: 'Create or replace a KPI definition',
    description: 'Stores the whole KPI under the given id. A `currency` KPI needs a `currency`.',
    roles: ADMIN,
    id: 'KpiId',
    body: { schema: contract.KpiInput, description: 'The whole KPI.' },
    success: [
      { status: '200', description: 'The KPI was replaced.', schema: contract.Kpi },
      { status: '201', description: 'The KPI was created.', schema: contract.Kpi },
    ],
  },
  {
    operationId: 'deleteKpi',
    method: 'delete',
    path: '/v1/kpis/{id}',
    tag: 'KPIs',
    summary: 'Delete a KPI definition',
    description:
      'Deletes a KPI that no tier requirement names and that has no targets, measurements or plan objectives; otherwise answers 409 ' +
      '`in_use`. To drop a KPI from scores but keep its history, set its weight to 0.',
    roles: ADMIN,
    id: 'KpiId',
    conflict: 'InUse',
    success: [{ status: '204', description: 'The KPI was deleted.' }],
  },

  // Partners
  {
    operationId: 'listPartners',
    method: 'get',
    path: '/v1/partners',
    tag: 'Partners',
    summary: 'List partners',
    description: 'Partners, by name.',
    roles: ALL,
    scope: 'A partner session sees only its own partner: a page of one.',
    query: {
      schema: contract.PartnerListQuery,
      filters: {
        type: 'Only partners of this type.',
        status: 'Only partners in this status.',
        tierId: 'Only partners holding this tier.',
        country: 'Only partners in this country (ISO 3166-1 alpha-2).',
        region: 'Only partners in this region, compared case-insensitively.',
        q: 'Case-insensitive search in the partner\'s name.',
      },
    },
    success: [{ status: '200', description: 'A page of partners.', schema: pageSchemas.PartnerPage }],
  },
  {
    operationId: 'createPartner',
    method: 'post',
    path: '/v1/partners',
    tag: 'Partners',
    summary: 'Create a partner',
    description: 'Adds a partner to the programme; `status` is `prospect` unless given. Emits `partner.created`.',
    roles: ADMIN,
    body: { schema: contract.PartnerInput, description: 'The new partner.' },
    idempotent: true,
    success: [{ status: '201', description: 'The partner was created.', schema: contract.Partner }],
  },
  {
    operationId: 'getPartner',
    method: 'get',
    path: '/v1/partners/{id}',
    tag: 'Partners',
    summary: 'Get a partner',
    description: 'One partner.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    success: [{ status: '200', description: 'The partner.', schema: contract.Partner }],
  },
  {
    operationId: 'updatePartner',
    method: 'patch',
    path: '/v1/partners/{id}',
    tag: 'Partners',
    summary: 'Update a partner',
    description:
      'Changes the given fields only. Emits `partner.updated`, and `tier.changed` when `tierId` changes.',
    roles: ADMIN,
    id: 'PartnerId',
    body: { schema: contract.PartnerPatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The updated partner.', schema: contract.Partner }],
  },

  // Targets
  {
    operationId: 'listTargets',
    method: 'get',
    path: '/v1/partners/{id}/targets',
    tag: 'Targets',
    summary: 'List a partner\'s targets',
    description: 'The partner\'s own targets. Where a KPI and period have none, the scorecard uses the tier requirement.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: {
      schema: contract.TargetListQuery,
      filters: { kpiId: 'Only targets for this KPI.', period: 'Only targets for exactly this period.' },
    },
    success: [{ status: '200', description: 'A page of targets.', schema: pageSchemas.TargetPage }],
  },
  {
    operationId: 'upsertTargets',
    method: 'put',
    path: '/v1/partners/{id}/targets',
    tag: 'Targets',
    summary: 'Set a partner\'s targets',
    description:
      'Upserts the given targets by (KPI, period); targets not named are kept. All or nothing: an unknown KPI ' +
      'answers 400 with the entry\'s path (`data.3.kpiId`) and stores none.',
    roles: ADMIN,
    id: 'PartnerId',
    body: { schema: contract.TargetsInput, description: 'The targets to store.' },
    success: [{ status: '200', description: 'The targets as stored.', schema: contract.TargetsResult }],
  },

  // Measurements
  {
    operationId: 'ingestMeasurements',
    method: 'post',
    path: '/v1/measurements',
    tag: 'Measurements',
    summary: 'Ingest measurements',
    description:
      'The ingest path from the CRM and billing: upserts up to 1000 monthly values by (partner, KPI, month). All or ' +
      'nothing: an unknown partner or KPI answers 400 with the entry\'s path (`data.3.partnerId`) and stores none; ' +
      'a KPI the backend computes (`source: certified_staff`) answers 409 `kpi_computed` and stores none. ' +
      'Emits `measurements.ingested`, and `tier.changed` for partners whose tier moves.',
    roles: ADMIN,
    body: { schema: contract.MeasurementBatch, description: 'The measurements to store.' },
    idempotent: true,
    conflict: 'KpiComputed',
    success: [{ status: '200', description: 'How many measurements were written.', schema: contract.MeasurementBatchResult }],
  },
  {
    operationId: 'listMeasurements',
    method: 'get',
    path: '/v1/partners/{id}/measurements',
    tag: 'Measurements',
    summary: 'List a partner\'s measurements',
    description: 'The partner\'s monthly values, oldest month first, by KPI and month range.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: {
      schema: contract.MeasurementListQuery,
      filters: {
        kpiId: 'Only values of this KPI.',
        from: 'First month included (`2026-01`).',
        to: 'Last month included (`2026-06`).',
      },
    },
    success: [{ status: '200', description: 'A page of measurements.', schema: pageSchemas.MeasurementPage }],
  },

  // Scorecards
  {
    operationId: 'getScorecard',
    method: 'get',
    path: '/v1/partners/{id}/scorecard',
    tag: 'Scorecards',
    summary: 'Get a partner\'s scorecard',
    description:
      'Computed with core\'s rules (the same the widgets use): per KPI the actual against the target, attainment, ' +
      'status and trend; the weighted score; the current tier, the next tier and what is missing for it, and any ' +
      'pending downgrade. See docs/rules.md for the math.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: {
      schema: contract.ScorecardQuery,
      filters: {
        period: 'The period to score: a month, quarter or year. The current quarter (UTC) when absent.',
        periods: 'How many periods of the same grain the trend shows, ending with `period`.',
      },
      integers: { periods: { minimum: 1, maximum: 24, default: DEFAULT_TREND_PERIODS } },
    },
    success: [{ status: '200', description: 'The scorecard.', schema: contract.Scorecard }],
  },

  // Deals
  {
    operationId: 'listDeals',
    method: 'get',
    path: '/v1/deals',
    tag: 'Deals',
    summary: 'List deal registrations',
    description: 'Deal registrations, newest first.',
    roles: ALL,
    scope: 'A partner session sees only its own partner\'s deals; a `partnerId` filter naming another partner gives an empty page.',
    query: {
      schema: contract.DealListQuery,
      filters: {
        status: 'Only deals in this status, or in any of a comma-separated list (`submitted,under_review`).',
        partnerId: 'Only deals of this partner.',
        type: 'Only deals of this registration type.',
        q: 'Case-insensitive search in the customer company, the customer domain and the deal number.',
      },
    },
    success: [{ status: '200', description: 'A page of deals.', schema: pageSchemas.DealPage }],
  },
  {
    operationId: 'registerDeal',
    method: 'post',
    path: '/v1/deals',
    tag: 'Deals',
    summary: 'Register a deal',
    description:
      'Registers an opportunity as `submitted` (or keeps it as a `draft`). A partner session registers for its own ' +
      'partner (a `partnerId` naming another answers 400 at `partnerId`, like an unknown one); a manager or admin ' +
      'names `partnerId`. A customer (matched by normalised domain, else by normalised ' +
      'company name) is held by one active registration at a time across all partners: while one holds it, a ' +
      'submission answers 409 `deal_conflict` with a `reason` code only. A draft holds nothing and is checked when ' +
      'submitted. Near matches by company-name similarity are accepted and shown to vendor principals in ' +
      '`possibleConflicts`. While an agreement gating `deal_registration` waits for the partner\'s acceptance, a ' +
      'partner session is refused with 403 `agreement_required` naming it. Emits `deal.submitted` or `deal.drafted`.',
    roles: ALL,
    body: { schema: contract.DealInput, description: 'The registration.' },
    idempotent: true,
    finerRoleRules: true,
    conflict: 'DealConflict',
    success: [{ status: '201', description: 'The deal was registered.', schema: contract.Deal }],
  },
  {
    operationId: 'checkDeal',
    method: 'post',
    path: '/v1/deals/check',
    tag: 'Deals',
    summary: 'Check whether a customer is free to register',
    description:
      'The partner-side pre-check, to run before registering: would a submission for this customer be accepted? ' +
      'Answers `available`, and when not available the same reason code a submission would get (`protected`, ' +
      '`already_registered`, `own_registration`), never another partner\'s identity or deal. Changes nothing, so ' +
      'it takes no `Idempotency-Key`.',
    roles: ALL,
    body: { schema: contract.DealCheckInput, description: 'The customer to check.' },
    success: [{ status: '200', description: 'Whether the customer is free to register.', schema: contract.DealCheckResult }],
  },
  {
    operationId: 'getDeal',
    method: 'get',
    path: '/v1/deals/{id}',
    tag: 'Deals',
    summary: 'Get a deal registration',
    description: 'One deal with its status, protection window and full history.',
    roles: ALL,
    scope: 'A partner session sees only its own partner\'s deals; any other id answers 404.',
    id: 'DealId',
    success: [{ status: '200', description: 'The deal.', schema: contract.Deal }],
  },
  {
    operationId: 'transitionDeal',
    method: 'post',
    path: '/v1/deals/{id}/transitions',
    tag: 'Deals',
    summary: 'Move a deal through its lifecycle',
    description:
      'Applies one move of the lifecycle (docs/contract.md has the table), checked in this order: a move the ' +
      'lifecycle does not have answers 409 `invalid_transition`; one the caller\'s role may not make answers 403; ' +
      'rejecting, withdrawing and asking for information need a `reason` (400 without, at `reason`). ' +
      'Extending an approved deal\'s protection is asked for explicitly, `{ "to": "approved", "extend": true }`, ' +
      'once; a second extension, `extend` on any other move, and approving an approved deal without `extend` ' +
      'answer 409 `invalid_transition`, so a retried or concurrent approval never extends. ' +
      'Submitting a draft answers 409 `deal_conflict` when an active registration holds the ' +
      'customer meanwhile. With an `Idempotency-Key`, a retry gets the first answer back instead of making a second move. ' +
      'The answer is the deal with the move appended to its history; each move emits ' +
      '`deal.<status>` (`deal.extended` for an extension). Expiry is made by the system, never through this operation.',
    roles: ALL,
    scope: 'A partner session may only move its own partner\'s deals; any other id answers 404.',
    id: 'DealId',
    body: { schema: contract.DealTransitionInput, description: 'The status to move to, the reason, and `extend: true` to extend protection.' },
    idempotent: true,
    finerRoleRules: true,
    conflict: 'TransitionConflict',
    success: [{ status: '200', description: 'The deal after the move.', schema: contract.Deal }],
  },

  // Resources
  {
    operationId: 'listResources',
    method: 'get',
    path: '/v1/resources',
    tag: 'Resources',
    summary: 'List library resources',
    description:
      'The resource library with the total and facet counts of the whole filtered result. Items the caller may ' +
      'not open (by tier rank or partner type) come back `locked`, without `url`; while an agreement gating ' +
      '`resources` waits for the partner\'s acceptance, no item carries its `url` (opening answers `agreement_required`).',
    roles: ALL,
    query: {
      schema: contract.ResourceListQuery,
      filters: {
        type: 'Only resources of this type.',
        tag: 'Only resources carrying this tag.',
        language: 'Only resources in this language.',
        q: 'Case-insensitive search in title, description and tags.',
        sort: 'The order: `newest` (the default), `title` or `popular`.',
      },
    },
    success: [{ status: '200', description: 'A page of resources, with total and facets.', schema: contract.ResourcePage }],
  },
  {
    operationId: 'createResource',
    method: 'post',
    path: '/v1/resources',
    tag: 'Resources',
    summary: 'Add a resource',
    description: 'Adds an item to the library, gated by `minTierId` and `partnerTypes`.',
    roles: ADMIN,
    body: { schema: contract.ResourceInput, description: 'The new resource.' },
    idempotent: true,
    success: [{ status: '201', description: 'The resource was created.', schema: contract.Resource }],
  },
  {
    operationId: 'getResource',
    method: 'get',
    path: '/v1/resources/{id}',
    tag: 'Resources',
    summary: 'Get a resource',
    description: 'One item; `locked` and without `url` when the caller may not open it.',
    roles: ALL,
    id: 'ResourceId',
    success: [{ status: '200', description: 'The resource.', schema: contract.Resource }],
  },
  {
    operationId: 'updateResource',
    method: 'patch',
    path: '/v1/resources/{id}',
    tag: 'Resources',
    summary: 'Update a resource',
    description: 'Changes the given fields only.',
    roles: ADMIN,
    id: 'ResourceId',
    body: { schema: contract.ResourcePatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The updated resource.', schema: contract.Resource }],
  },
  {
    operationId: 'deleteResource',
    method: 'delete',
    path: '/v1/resources/{id}',
    tag: 'Resources',
    summary: 'Delete a resource',
    description: 'Removes the item from the library.',
    roles: ADMIN,
    id: 'ResourceId',
    success: [{ status: '204', description: 'The resource was deleted.' }],
  },
  {
    operationId: 'openResource',
    method: 'post',
    path: '/v1/resources/{id}/open',
    tag: 'Resources',
    summary: 'Open a resource',
    description:
      'Records that the caller opened the item and answers its URL. A `locked` item answers 403 `forbidden`; while ' +
      'an agreement gating `resources` waits for the partner\'s acceptance, 403 `agreement_required` naming it. ' +
      'Emits `resource.opened` for partner sessions.',
    roles: ALL,
    id: 'ResourceId',
    idempotent: true,
    finerRoleRules: true,
    success: [{ status: '200', description: 'The URL to open.', schema: contract.ResourceOpenResult }],
  },

  // Announcements
  {
    operationId: 'listAnnouncements',
    method: 'get',
    path: '/v1/announcements',
    tag: 'Announcements',
    summary: 'List announcements',
    description:
      'Pinned first, then (for a partner) unread first, then newest published first. A partner session sees the ' +
      'published, unexpired announcements whose audience includes its partner, each with its own user\'s `readAt`, and ' +
      'its unread count over the whole list in `unread`; vendor principals see every announcement with its audience ' +
      'and read stats.',
    roles: ALL,
    scope: 'A partner session sees only published announcements whose audience includes its partner, never the audience or who else read.',
    query: {
      schema: contract.AnnouncementListQuery,
      filters: {
        category: 'Only announcements of this category.',
        pinned: '`true`: only pinned ones; `false`: only the others.',
        read: 'Partner sessions: `false` for the unread ones, `true` for the read ones (ignored for vendor principals).',
        status: 'Vendor principals: only `scheduled`, `published` or `expired` ones (a partner session sees published ones only).',
      },
    },
    success: [{ status: '200', description: 'A page of announcements, with the unread count.', schema: contract.AnnouncementPage }],
  },
  {
    operationId: 'createAnnouncement',
    method: 'post',
    path: '/v1/announcements',
    tag: 'Announcements',
    summary: 'Publish or schedule an announcement',
    description:
      'Publishes the announcement to its audience at `publishAt` (now when left out): at once, with an ' +
      '`announcement.published` event, or later by the backend itself (`announcement.scheduled` now, ' +
      '`announcement.published` when it falls due). Audience ids must exist (400 otherwise).',
    roles: VENDOR,
    body: { schema: contract.AnnouncementInput, description: 'The announcement, its audience and its times.' },
    idempotent: true,
    success: [{ status: '201', description: 'The announcement was created.', schema: contract.Announcement }],
  },
  {
    operationId: 'getAnnouncement',
    method: 'get',
    path: '/v1/announcements/{id}',
    tag: 'Announcements',
    summary: 'Get an announcement',
    description: 'One announcement: for a partner session with its user\'s `readAt`, for vendor principals with the audience and read stats.',
    roles: ALL,
    scope: 'A partner session sees only published, unexpired announcements whose audience includes its partner; any other id answers 404.',
    id: 'AnnouncementId',
    success: [{ status: '200', description: 'The announcement.', schema: contract.Announcement }],
  },
  {
    operationId: 'updateAnnouncement',
    method: 'patch',
    path: '/v1/announcements/{id}',
    tag: 'Announcements',
    summary: 'Change an announcement',
    description:
      'Changes the given fields (emits `announcement.updated`). A new `publishAt` reschedules one not yet published; an ' +
      '`expiresAt` of now withdraws it. Reads already recorded stay.',
    roles: VENDOR,
    id: 'AnnouncementId',
    body: { schema: contract.AnnouncementPatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The announcement after the change.', schema: contract.Announcement }],
  },
  {
    operationId: 'upsertAnnouncementRead',
    method: 'put',
    path: '/v1/announcements/{id}/read',
    tag: 'Announcements',
    summary: 'Mark an announcement read',
    description: 'Records that the caller\'s user read the announcement (once: a second call keeps the first time).',
    roles: ['partner'],
    scope: 'Only announcements the partner session may see; any other id answers 404.',
    id: 'AnnouncementId',
    success: [{ status: '200', description: 'The announcement, with `readAt`.', schema: contract.Announcement }],
  },
  {
    operationId: 'listAnnouncementReads',
    method: 'get',
    path: '/v1/announcements/{id}/reads',
    tag: 'Announcements',
    summary: 'List who read an announcement',
    description: 'Each partner user\'s read, latest first.',
    roles: VENDOR,
    id: 'AnnouncementId',
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of reads.', schema: pageSchemas.AnnouncementReadPage }],
  },

  // Requests
  {
    operationId: 'listRequests',
    method: 'get',
    path: '/v1/requests',
    tag: 'Requests',
    summary: 'List requests',
    description:
      'Requests without their threads, latest activity first; `sort=due` puts the earliest next due time first ' +
      '(those with none last). Vendor principals get each request\'s `targets`.',
    roles: ALL,
    scope: 'A partner session sees only its own partner\'s requests, a manager session those of the partners it manages (the partner\'s `manager.id`), an admin key all.',
    query: {
      schema: contract.RequestListQuery,
      filters: {
        status: 'One status or a comma-separated list, such as `open,waiting_on_vendor`.',
        category: 'Only requests of this category.',
        partnerId: 'Only this partner\'s requests.',
        sort: '`updated` (the default): latest activity first; `due`: earliest next due time first.',
      },
    },
    success: [{ status: '200', description: 'A page of requests.', schema: pageSchemas.PartnerRequestSummaryPage }],
  },
  {
    operationId: 'openRequest',
    method: 'post',
    path: '/v1/requests',
    tag: 'Requests',
    summary: 'Open a request',
    description:
      'Opens a request with its first message, due in business hours by the programme\'s targets for its category ' +
      '(`GET /v1/request-targets`). Attachments name resources of the library or http(s) URLs; a `reference` names a ' +
      'deal or plan objective of the same partner (400 otherwise). Emits `request.opened`.',
    roles: ALL,
    scope: 'A partner session opens for its own partner; a manager only for a partner it manages. Naming another partner answers 400 at `partnerId`.',
    body: { schema: contract.PartnerRequestInput, description: 'The category, subject, first message, attachments and reference.' },
    idempotent: true,
    success: [{ status: '201', description: 'The request was opened.', schema: contract.PartnerRequest }],
  },
  {
    operationId: 'getRequest',
    method: 'get',
    path: '/v1/requests/{id}',
    tag: 'Requests',
    summary: 'Get a request',
    description: 'One request with its thread and history; vendor principals also get its `targets`.',
    roles: ALL,
    scope: 'A partner session sees only its own partner\'s requests, a manager those of the partners it manages; any other id answers 404.',
    id: 'RequestId',
    success: [{ status: '200', description: 'The request.', schema: contract.PartnerRequest }],
  },
  {
    operationId: 'createRequestMessage',
    method: 'post',
    path: '/v1/requests/{id}/messages',
    tag: 'Requests',
    summary: 'Reply in a request\'s thread',
    description:
      'Adds a message and passes the turn: the vendor\'s answer leaves the request `waiting_on_partner` (the first one ' +
      'records `firstResponseAt`), the partner\'s reply to a request waiting on it makes it `waiting_on_vendor`, and ' +
      'the partner\'s message to a resolved request within 14 days reopens it. A closed request answers 409 ' +
      '`request_closed`. Emits `request.replied` (and the status\'s event when it moves).',
    roles: ALL,
    scope: 'Only requests the caller may see; any other id answers 404.',
    id: 'RequestId',
    body: { schema: contract.RequestMessageInput, description: 'The message and its attachments.' },
    idempotent: true,
    conflict: 'RequestConflict',
    success: [{ status: '201', description: 'The message was added.', schema: contract.RequestMessage }],
  },
  {
    operationId: 'getRequestMessage',
    method: 'get',
    path: '/v1/requests/{id}/messages/{messageId}',
    tag: 'Requests',
    summary: 'Get a message',
    description: 'One message of a request\'s thread.',
    roles: ALL,
    scope: 'Only requests the caller may see; any other id answers 404.',
    id: 'RequestId',
    params: ['MessageId'],
    success: [{ status: '200', description: 'The message.', schema: contract.RequestMessage }],
  },
  {
    operationId: 'transitionRequest',
    method: 'post',
    path: '/v1/requests/{id}/transitions',
    tag: 'Requests',
    summary: 'Move a request through its lifecycle',
    description:
      'Applies one move of the lifecycle (docs/contract.md has the table), checked in this order: a closed request ' +
      'answers 409 `request_closed`; a move the lifecycle does not have, or a reopening more than 14 days after the ' +
      'resolution, 409 `invalid_transition`; one the caller\'s role may not make 403; reopening needs a `reason` (400 at ' +
      '`reason`). Emits `request.<status>` (`request.reopened` for a reopening).',
    roles: ALL,
    scope: 'Only requests the caller may see; any other id answers 404.',
    id: 'RequestId',
    body: { schema: contract.RequestTransitionInput, description: 'The status to move to, and the reason.' },
    idempotent: true,
    finerRoleRules: true,
    conflict: 'RequestConflict',
    success: [{ status: '200', description: 'The request after the move.', schema: contract.PartnerRequest }],
  },
  {
    operationId: 'getRequestTargets',
    method: 'get',
    path: '/v1/request-targets',
    tag: 'Requests',
    summary: 'Get the response targets',
    description: 'The programme\'s business hours and each request category\'s first-response and resolution targets, in business hours.',
    roles: ALL,
    success: [{ status: '200', description: 'The targets.', schema: contract.RequestTargets }],
  },
  {
    operationId: 'upsertRequestTargets',
    method: 'put',
    path: '/v1/request-targets',
    tag: 'Requests',
    summary: 'Set the response targets',
    description: 'Replaces the business hours and targets. Requests opened before keep the due times they were given.',
    roles: ADMIN,
    body: { schema: contract.RequestTargetsInput, description: 'The whole configuration.' },
    success: [{ status: '200', description: 'The targets as stored.', schema: contract.RequestTargets }],
  },

  // Agreements
  {
    operationId: 'listAgreements',
    method: 'get',
    path: '/v1/agreements',
    tag: 'Agreements',
    summary: 'List agreements',
    description: 'The programme\'s agreements, oldest first, each with its version in effect and the next one.',
    roles: ALL,
    scope: 'A partner session sees the active agreements that apply to its partner (by type and tier) and nothing else.',
    query: {
      schema: contract.AgreementListQuery,
      filters: { status: 'Only `active` or only `retired` agreements.', gate: 'Only agreements that gate this operation.' },
    },
    success: [{ status: '200', description: 'A page of agreements.', schema: pageSchemas.AgreementPage }],
  },
  {
    operationId: 'createAgreement',
    method: 'post',
    path: '/v1/agreements',
    tag: 'Agreements',
    summary: 'Create an agreement',
    description:
      'Adds an agreement: who it applies to, what it gates and its term. It asks nothing of anyone until its first ' +
      'version is published (`publishAgreementVersion`). Emits `agreement.created`.',
    roles: ADMIN,
    body: { schema: contract.AgreementInput, description: 'The new agreement.' },
    idempotent: true,
    success: [{ status: '201', description: 'The agreement was created.', schema: contract.Agreement }],
  },
  {
    operationId: 'getAgreement',
    method: 'get',
    path: '/v1/agreements/{id}',
    tag: 'Agreements',
    summary: 'Get an agreement',
    description: 'One agreement, with its version in effect and the next one.',
    roles: ALL,
    scope: 'A partner session gets 404 for an agreement that does not apply to its partner, or is retired.',
    id: 'AgreementId',
    success: [{ status: '200', description: 'The agreement.', schema: contract.Agreement }],
  },
  {
    operationId: 'updateAgreement',
    method: 'patch',
    path: '/v1/agreements/{id}',
    tag: 'Agreements',
    summary: 'Change an agreement',
    description:
      'Changes who the agreement applies to, what it gates, its term or its title, or retires it (`status`). A new term ' +
      'applies to acceptances given from then on. The text changes only by a new version. Emits `agreement.updated`.',
    roles: ADMIN,
    id: 'AgreementId',
    body: { schema: contract.AgreementPatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The agreement as changed.', schema: contract.Agreement }],
  },
  {
    operationId: 'listAgreementVersions',
    method: 'get',
    path: '/v1/agreements/{id}/versions',
    tag: 'Agreements',
    summary: 'List an agreement\'s versions',
    description: 'Every published version, the latest to take effect first, superseded ones included.',
    roles: ALL,
    scope: 'A partner session gets 404 for an agreement that does not apply to its partner.',
    id: 'AgreementId',
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of versions.', schema: pageSchemas.AgreementVersionPage }],
  },
  {
    operationId: 'publishAgreementVersion',
    method: 'post',
    path: '/v1/agreements/{id}/versions',
    tag: 'Agreements',
    summary: 'Publish a version',
    description:
      'Publishes a new text of the agreement. From `effectiveAt` on, partners must accept it (their acceptance of an ' +
      'earlier version stops counting); 30 days before, their standing turns `expiring`. Versions never change once ' +
      'published; the backend computes `contentHash`. A `version` name the agreement already has answers 400. Emits ' +
      '`agreement.version_published`.',
    roles: ADMIN,
    id: 'AgreementId',
    body: { schema: contract.AgreementVersionInput, description: 'The version.' },
    idempotent: true,
    success: [{ status: '201', description: 'The version was published.', schema: contract.AgreementVersion }],
  },
  {
    operationId: 'getAgreementVersion',
    method: 'get',
    path: '/v1/agreements/{id}/versions/{versionId}',
    tag: 'Agreements',
    summary: 'Get a version',
    description: 'One version of an agreement, with its text and content hash.',
    roles: ALL,
    scope: 'A partner session gets 404 for an agreement that does not apply to its partner.',
    id: 'AgreementId',
    params: ['VersionId'],
    success: [{ status: '200', description: 'The version.', schema: contract.AgreementVersion }],
  },
  {
    operationId: 'listPartnerAgreements',
    method: 'get',
    path: '/v1/partners/{id}/agreements',
    tag: 'Agreements',
    summary: 'A partner\'s agreements',
    description:
      'The active agreements that apply to the partner, oldest first, each with where the partner stands: `accepted`, ' +
      '`to_accept`, `expiring` (its acceptance ends within 30 days, by its term or a new version) or `expired`; the ' +
      'version to accept or in force, the latest acceptance, and the gates it closes now.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of the partner\'s agreements.', schema: pageSchemas.PartnerAgreementPage }],
  },
  {
    operationId: 'listAcceptances',
    method: 'get',
    path: '/v1/partners/{id}/acceptances',
    tag: 'Agreements',
    summary: 'A partner\'s acceptances',
    description: 'Every acceptance the partner\'s users gave, newest first: who, when, which version and its content hash.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: { schema: contract.AcceptanceListQuery, filters: { agreementId: 'Only acceptances of this agreement.' } },
    success: [{ status: '200', description: 'A page of acceptances.', schema: pageSchemas.AcceptancePage }],
  },
  {
    operationId: 'acceptAgreement',
    method: 'post',
    path: '/v1/partners/{id}/acceptances',
    tag: 'Agreements',
    summary: 'Accept an agreement version',
    description:
      'Records that the session\'s user accepts a version for the partner: the name and job title they give, the time, ' +
      'the language read and the version\'s content hash, which must match the version\'s (400 otherwise). The version ' +
      'must be the one in effect or one still to come (400 for a superseded one). Accepting again renews an expiring ' +
      'term. Emits `agreement.accepted`.',
    roles: ['partner'],
    scope: OWN_PARTNER,
    id: 'PartnerId',
    body: { schema: contract.AcceptanceInput, description: 'The version, the hash of the text shown, and who accepts.' },
    idempotent: true,
    success: [{ status: '201', description: 'The acceptance was recorded.', schema: contract.Acceptance }],
  },
  {
    operationId: 'getAcceptance',
    method: 'get',
    path: '/v1/partners/{id}/acceptances/{acceptanceId}',
    tag: 'Agreements',
    summary: 'Get an acceptance',
    description: 'One acceptance: who accepted which version, when, and its content hash.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['AcceptanceId'],
    success: [{ status: '200', description: 'The acceptance.', schema: contract.Acceptance }],
  },
  // Applications
  {
    operationId: 'getApplicationForm',
    method: 'get',
    path: '/v1/application-form',
    tag: 'Applications',
    summary: 'Get the public application form',
    description:
      'What the public "become a partner" form shows: the partner types the programme recruits, the programme\'s own ' +
      'questions and the consent text, each with its translations; and a `formToken` to send back with the ' +
      'application. The token records when the form was loaded: an application sent back sooner than a person could ' +
      'fill the form in, or more than 24 hours later, is refused. Before an admin sets a form, every partner type is ' +
      'offered with no questions.',
    roles: ALL,
    publishable: true,
    success: [{ status: '200', description: 'The form.', schema: contract.ApplicationForm }],
  },
  {
    operationId: 'updateApplicationForm',
    method: 'put',
    path: '/v1/application-form',
    tag: 'Applications',
    summary: 'Set the public application form',
    description:
      'Replaces the offered partner types, the questions and the consent text. Applications already submitted keep ' +
      'their answers; a question removed from the form stays readable in them.',
    roles: ADMIN,
    body: { schema: contract.ApplicationFormInput, description: 'The whole form.' },
    success: [{ status: '200', description: 'The form as stored.', schema: contract.ApplicationForm }],
  },
  {
    operationId: 'listApplications',
    method: 'get',
    path: '/v1/applications',
    tag: 'Applications',
    summary: 'List applications',
    description: 'Applications, newest first, with their duplicate flags. Partner sessions never see applications.',
    roles: VENDOR,
    query: {
      schema: contract.ApplicationListQuery,
      filters: {
        status: 'Only applications in this stage, or in any of a comma-separated list (`screening,interview`).',
        partnerType: 'Only applications for this partner type.',
        country: 'Only applications of companies in this country (ISO 3166-1 alpha-2).',
        channel: 'Only applications that came in through this channel.',
        q: 'Case-insensitive search in the company name, its domains, the contact\'s e-mail and the application number.',
      },
    },
    success: [{ status: '200', description: 'A page of applications.', schema: pageSchemas.ApplicationPage }],
  },
  {
    operationId: 'createApplication',
    method: 'post',
    path: '/v1/applications',
    tag: 'Applications',
    summary: 'Submit an application',
    description:
      'Submits an application in stage `submitted`. From the public form (a publishable key) it needs the `formToken` ' +
      'of getApplicationForm and an empty `honeypot`, and the answer is the application number only ' +
      '(`{ "number": "APP-000123" }`); publishable keys are rate-limited per key and per client address. A manager ' +
      'or admin may record a referral by a partner or an invitation (`source`) and gets the whole application. The ' +
      'answers are checked against the form\'s questions for the partner type (400 at `answers.<question id>`). ' +
      'Emits `application.submitted`.',
    roles: VENDOR,
    publishable: true,
    body: { schema: contract.ApplicationInput, description: 'The application.' },
    idempotent: true,
    success: [
      {
        status: '201',
        description: 'The application was submitted.',
        schema: contract.ApplicationCreated,
        locationFor: 'a manager or admin (a publishable key\'s receipt names nothing it could read)',
      },
    ],
  },
  {
    operationId: 'getApplicationPipeline',
    method: 'get',
    path: '/v1/applications/pipeline',
    tag: 'Applications',
    summary: 'Count applications per stage',
    description: 'Every stage in lifecycle order with how many applications it holds, under the list\'s filters (except the stage).',
    roles: VENDOR,
    query: {
      schema: contract.ApplicationPipelineQuery,
      filters: {
        partnerType: 'Only applications for this partner type.',
        country: 'Only applications of companies in this country (ISO 3166-1 alpha-2).',
        channel: 'Only applications that came in through this channel.',
        q: 'Case-insensitive search in the company name, its domains, the contact\'s e-mail and the application number.',
      },
    },
    success: [{ status: '200', description: 'The count per stage.', schema: contract.ApplicationPipeline }],
  },
  {
    operationId: 'getApplication',
    method: 'get',
    path: '/v1/applications/{id}',
    tag: 'Applications',
    summary: 'Get an application',
    description: 'One application with its answers, duplicate flags and full history.',
    roles: VENDOR,
    id: 'ApplicationId',
    success: [{ status: '200', description: 'The application.', schema: contract.Application }],
  },
  {
    operationId: 'transitionApplication',
    method: 'post',
    path: '/v1/applications/{id}/transitions',
    tag: 'Applications',
    summary: 'Move an application through its stages',
    description:
      'Applies one move of the lifecycle (docs/contract.md has the table): a move the lifecycle does not have answers ' +
      '409 `invalid_transition` (an application on hold resumes only to the stage it was held from); declining, ' +
      'holding and withdrawing need a `reason` (400 without, at `reason`). Approving creates the partner (status ' +
      '`onboarding`, with the application\'s type, name, website, domains, country and region) in the same ' +
      'transaction and links it as `partnerId`; it emits `partner.created` and `application.approved`. A decline with ' +
      '`notifyApplicant` puts the contact, language and message in the `application.declined` event for a mailer to ' +
      'send. Each move emits `application.<stage>`.',
    roles: VENDOR,
    id: 'ApplicationId',
    body: { schema: contract.ApplicationTransitionInput, description: 'The stage to move to, and the reason.' },
    idempotent: true,
    conflict: 'ApplicationConflict',
    success: [{ status: '200', description: 'The application after the move.', schema: contract.Application }],
  },

  // Evaluations
  {
    operationId: 'listEvaluations',
    method: 'get',
    path: '/v1/applications/{id}/evaluations',
    tag: 'Evaluations',
    summary: 'Read an application\'s evaluations',
    description:
      'Blind until the caller has scored: a manager who has not submitted an evaluation of the application sees only ' +
      'their own (a draft, if any), `blind: true` and how many reviewers have submitted. After submitting, every ' +
      'submitted evaluation and the summary computed with core\'s rules (mean weighted score, spread per criterion ' +
      'with criteria flagged where reviewers differ by 2 or more, knock-outs, and the recommendation from the ' +
      'thresholds). An admin key is no reviewer and always sees everything.',
    roles: VENDOR,
    id: 'ApplicationId',
    success: [{ status: '200', description: 'The evaluations the caller may see.', schema: contract.EvaluationList }],
  },
  {
    operationId: 'upsertEvaluation',
    method: 'post',
    path: '/v1/applications/{id}/evaluations',
    tag: 'Evaluations',
    summary: 'Save or submit one\'s evaluation',
    description:
      'Creates or replaces the calling manager\'s evaluation of the application (one per reviewer, read back with ' +
      'listEvaluations) while it is a ' +
      'draft; `submit: true` makes it final, and needs a score for every criterion that applies to the application\'s ' +
      'partner type (400 at `scores`). Scores name existing, applicable criteria (400 at `scores.<n>.criterionId`). ' +
      'Applications are scored in screening, interview and due diligence; a submitted evaluation, or an application ' +
      'in another stage, answers 409 `invalid_transition`. Submitting emits `application.evaluated`.',
    roles: MANAGER,
    id: 'ApplicationId',
    body: { schema: contract.EvaluationInput, description: 'The scores, recommendation and comment.' },
    idempotent: true,
    conflict: 'ApplicationConflict',
    success: [{ status: '200', description: 'The caller\'s evaluation as saved, with its weighted score and knock-outs.', schema: contract.Evaluation }],
  },

  // Selection
  {
    operationId: 'listSelectionCriteria',
    method: 'get',
    path: '/v1/selection-criteria',
    tag: 'Selection',
    summary: 'List selection criteria',
    description: 'The criteria applicants are scored on, in display order (`position`, then id).',
    roles: VENDOR,
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of criteria.', schema: pageSchemas.SelectionCriterionPage }],
  },
  {
    operationId: 'getSelectionCriterion',
    method: 'get',
    path: '/v1/selection-criteria/{id}',
    tag: 'Selection',
    summary: 'Get a selection criterion',
    description: 'One criterion: weight, the five levels of its scale, knock-out minimum and partner types.',
    roles: VENDOR,
    id: 'SelectionCriterionId',
    success: [{ status: '200', description: 'The criterion.', schema: contract.SelectionCriterion }],
  },
  {
    operationId: 'upsertSelectionCriterion',
    method: 'put',
    path: '/v1/selection-criteria/{id}',
    tag: 'Selection',
    summary: 'Create or replace a selection criterion',
    description:
      'Stores the whole criterion under the given id. Weighted scores are computed with the criteria as they are, so ' +
      'a new weight changes the scores of evaluations already made; a new criterion must be scored by evaluations ' +
      'submitted from then on.',
    roles: ADMIN,
    id: 'SelectionCriterionId',
    body: { schema: contract.SelectionCriterionInput, description: 'The whole criterion.' },
    success: [
      { status: '200', description: 'The criterion was replaced.', schema: contract.SelectionCriterion },
      { status: '201', description: 'The criterion was created.', schema: contract.SelectionCriterion },
    ],
  },
  {
    operationId: 'deleteSelectionCriterion',
    method: 'delete',
    path: '/v1/selection-criteria/{id}',
    tag: 'Selection',
    summary: 'Delete a selection criterion',
    description: 'Deletes a criterion no evaluation has scored; otherwise answers 409 `in_use`.',
    roles: ADMIN,
    id: 'SelectionCriterionId',
    conflict: 'InUse',
    success: [{ status: '204', description: 'The criterion was deleted.' }],
  },
  {
    operationId: 'getSelectionThresholds',
    method: 'get',
    path: '/v1/selection-thresholds',
    tag: 'Selection',
    summary: 'Get the recommendation thresholds',
    description:
      'The weighted scores at which the summary of the evaluations recommends approval (`approveAt` and above) and ' +
      'declining (below `declineBelow`); in between it recommends discussion. Defaults: 70 and 50.',
    roles: VENDOR,
    success: [{ status: '200', description: 'The thresholds.', schema: contract.SelectionThresholds }],
  },
  {
    operationId: 'updateSelectionThresholds',
    method: 'put',
    path: '/v1/selection-thresholds',
    tag: 'Selection',
    summary: 'Set the recommendation thresholds',
    description: 'Replaces both thresholds; `declineBelow` may not be above `approveAt`.',
    roles: ADMIN,
    body: { schema: contract.SelectionThresholdsInput, description: 'Both thresholds.' },
    success: [{ status: '200', description: 'The thresholds as stored.', schema: contract.SelectionThresholds }],
  },

  // Publishable keys
  {
    operationId: 'listPublishableKeys',
    method: 'get',
    path: '/v1/publishable-keys',
    tag: 'Publishable keys',
    summary: 'List publishable keys',
    description: 'The live publishable keys, oldest first, with the keys themselves: they are public by design.',
    roles: ADMIN,
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of keys.', schema: pageSchemas.PublishableKeyPage }],
  },
  {
    operationId: 'createPublishableKey',
    method: 'post',
    path: '/v1/publishable-keys',
    tag: 'Publishable keys',
    summary: 'Create a publishable key',
    description:
      'Creates a key for a public page, usable from the origins it lists. It may read the application form and ' +
      'submit applications, and nothing else: every other operation answers it as if it did not exist (401).',
    roles: ADMIN,
    body: { schema: contract.PublishableKeyInput, description: 'The key\'s name and allowed origins.' },
    idempotent: true,
    success: [{ status: '201', description: 'The key was created.', schema: contract.PublishableKey }],
  },
  {
    operationId: 'getPublishableKey',
    method: 'get',
    path: '/v1/publishable-keys/{id}',
    tag: 'Publishable keys',
    summary: 'Get a publishable key',
    description: 'One live key.',
    roles: ADMIN,
    id: 'PublishableKeyId',
    success: [{ status: '200', description: 'The key.', schema: contract.PublishableKey }],
  },
  {
    operationId: 'updatePublishableKey',
    method: 'patch',
    path: '/v1/publishable-keys/{id}',
    tag: 'Publishable keys',
    summary: 'Update a publishable key',
    description: 'Renames the key or replaces its allowed origins; takes effect at once.',
    roles: ADMIN,
    id: 'PublishableKeyId',
    body: { schema: contract.PublishableKeyPatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The updated key.', schema: contract.PublishableKey }],
  },
  {
    operationId: 'deletePublishableKey',
    method: 'delete',
    path: '/v1/publishable-keys/{id}',
    tag: 'Publishable keys',
    summary: 'Revoke a publishable key',
    description: 'Revokes the key at once: from then on it answers 401 everywhere. Applications it submitted stay.',
    roles: ADMIN,
    id: 'PublishableKeyId',
    success: [{ status: '204', description: 'The key was revoked.' }],
  },

  // Plans
  {
    operationId: 'listPlans',
    method: 'get',
    path: '/v1/partners/{id}/plans',
    tag: 'Plans',
    summary: 'List a partner\'s plans',
    description: 'The partner\'s joint business plans, latest period first, each with its progress but without its objectives.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: {
      schema: contract.PlanListQuery,
      filters: { period: 'Only the plan for exactly this period.', status: 'Only plans in this status.' },
    },
    success: [{ status: '200', description: 'A page of plans.', schema: pageSchemas.PlanSummaryPage }],
  },
  {
    operationId: 'getPlan',
    method: 'get',
    path: '/v1/partners/{id}/plans/{period}',
    tag: 'Plans',
    summary: 'Get a partner\'s plan for a period',
    description:
      'The plan with its objectives, activities and comments. Progress is computed when read, with core\'s rules, ' +
      'from the partner\'s measurements and the time elapsed (a measured objective) or the due date (a milestone); ' +
      '`asOf` says when. A period without a plan answers 404.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod'],
    success: [{ status: '200', description: 'The plan.', schema: contract.Plan }],
  },
  {
    operationId: 'upsertPlan',
    method: 'put',
    path: '/v1/partners/{id}/plans/{period}',
    tag: 'Plans',
    summary: 'Start or rename a partner\'s plan',
    description:
      'Starts the partner\'s plan for the period as a `draft` (201), or sets the title of the existing one (200). ' +
      'Either side may. A new title is a change to what is agreed: agreements given are withdrawn, and an agreed ' +
      'plan moves to its next revision. Emits `plan.created` or `plan.updated`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod'],
    body: { schema: contract.PlanInput, description: 'The plan\'s title.' },
    success: [
      { status: '200', description: 'The plan was renamed.', schema: contract.Plan },
      { status: '201', description: 'The plan was started.', schema: contract.Plan },
    ],
  },
  {
    operationId: 'transitionPlan',
    method: 'post',
    path: '/v1/partners/{id}/plans/{period}/transitions',
    tag: 'Plans',
    summary: 'Propose, agree to, or send back a plan',
    description:
      'Each side acts for itself (admin keys and managers for the vendor, partner sessions for their partner). ' +
      '`proposed` asks the other side to agree and records the caller\'s side\'s agreement; `agreed` records the ' +
      'caller\'s side\'s agreement, and the plan is `agreed` once both sides agreed to the same version; `draft` ' +
      'sends a proposed plan back, with a `reason`. `version` is the version the caller read: another answers 409 ' +
      '`plan_changed`. A move the lifecycle does not have, a second agreement by the same side, or proposing a plan ' +
      'without objectives answers 409 `invalid_transition`. Emits `plan.proposed`, `plan.side_agreed` (and ' +
      '`plan.agreed` when both sides have), or `plan.changes_requested`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod'],
    body: { schema: contract.PlanTransitionInput, description: 'The status to move to, the version read, and the reason.' },
    idempotent: true,
    conflict: 'PlanConflict',
    success: [{ status: '200', description: 'The plan after the move.', schema: contract.Plan }],
  },
  {
    operationId: 'listPlanRevisions',
    method: 'get',
    path: '/v1/partners/{id}/plans/{period}/revisions',
    tag: 'Plans',
    summary: 'List a plan\'s agreed revisions',
    description:
      'Every revision both sides agreed to, oldest first, as it was agreed: its title, objectives and activities, ' +
      'and each side\'s agreement. Changing an agreed plan starts the next revision; the agreed ones stay readable here.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod'],
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'A page of revisions.', schema: pageSchemas.PlanRevisionPage }],
  },
  {
    operationId: 'getPlanRevision',
    method: 'get',
    path: '/v1/partners/{id}/plans/{period}/revisions/{revision}',
    tag: 'Plans',
    summary: 'Get an agreed revision of a plan',
    description: 'One revision as both sides agreed to it. A revision not agreed (the one in progress) answers 404.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'PlanRevisionNumber'],
    success: [{ status: '200', description: 'The revision.', schema: contract.PlanRevision }],
  },
  {
    operationId: 'createPlanObjective',
    method: 'post',
    path: '/v1/partners/{id}/plans/{period}/objectives',
    tag: 'Plans',
    summary: 'Add an objective to a partner\'s plan',
    description:
      'Adds an objective for the caller\'s side (or, from the vendor, for the partner\'s side too: it is then the ' +
      'partner\'s to keep), starting the plan as a `draft` when the period has none, so another part of the programme ' +
      'can add an action item in one step, naming its `source`. A partner session adding for the vendor\'s side answers ' +
      '403. The KPI of a measured objective must exist (400 at `measure.kpiId`); the due date must lie in the period ' +
      '(400 at `dueDate`); a plan holds at most 100 objectives. A change to what is agreed: agreements given are ' +
      'withdrawn, and an agreed plan moves to its next revision. Emits `plan.objective_added` (and `plan.created`, ' +
      '`plan.revised` when it did that).',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod'],
    body: { schema: contract.PlanObjectiveInput, description: 'The objective, and activities to add with it.' },
    idempotent: true,
    finerRoleRules: true,
    success: [{ status: '201', description: 'The objective was added.', schema: contract.PlanObjective }],
  },
  {
    operationId: 'getPlanObjective',
    method: 'get',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}',
    tag: 'Plans',
    summary: 'Get an objective of a plan',
    description: 'One objective with its activities, comments and progress.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId'],
    success: [{ status: '200', description: 'The objective.', schema: contract.PlanObjective }],
  },
  {
    operationId: 'updatePlanObjective',
    method: 'patch',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}',
    tag: 'Plans',
    summary: 'Update an objective, or mark a milestone done',
    description:
      'Changes the given fields of an objective of the caller\'s side; another side\'s answers 403. `done` marks a ' +
      'milestone done or not done (who and when are recorded); it is progress, not a change to what is agreed. Any ' +
      'other field is: agreements given are withdrawn, and an agreed plan moves to its next revision. `measure` on a ' +
      'milestone and `done` on a measured objective (whose progress comes from measurements) answer 400. Emits ' +
      '`plan.objective_updated`, `plan.milestone_done` or `plan.milestone_reopened`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId'],
    body: { schema: contract.PlanObjectivePatch, description: 'The fields to change.' },
    finerRoleRules: true,
    success: [{ status: '200', description: 'The objective after the change.', schema: contract.PlanObjective }],
  },
  {
    operationId: 'deletePlanObjective',
    method: 'delete',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}',
    tag: 'Plans',
    summary: 'Remove an objective',
    description:
      'Removes an objective of the caller\'s side with its activities and comments; another side\'s answers 403. A ' +
      'change to what is agreed. Emits `plan.objective_removed`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId'],
    finerRoleRules: true,
    success: [{ status: '204', description: 'The objective was removed.' }],
  },
  {
    operationId: 'createPlanActivity',
    method: 'post',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities',
    tag: 'Plans',
    summary: 'Add an activity to an objective',
    description:
      'Adds what one side does towards an objective (of either side): the caller\'s side by default; a partner ' +
      'session adding for the vendor\'s side answers 403. At most 50 per objective. A change to what is agreed. ' +
      'Emits `plan.activity_added`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId'],
    body: { schema: contract.PlanActivityInput, description: 'The activity.' },
    idempotent: true,
    finerRoleRules: true,
    success: [{ status: '201', description: 'The activity was added.', schema: contract.PlanActivity }],
  },
  {
    operationId: 'getPlanActivity',
    method: 'get',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities/{activityId}',
    tag: 'Plans',
    summary: 'Get an activity',
    description: 'One activity of an objective.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId', 'ActivityId'],
    success: [{ status: '200', description: 'The activity.', schema: contract.PlanActivity }],
  },
  {
    operationId: 'updatePlanActivity',
    method: 'patch',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities/{activityId}',
    tag: 'Plans',
    summary: 'Update an activity, or mark it done',
    description:
      'Changes the given fields of an activity of the caller\'s side; another side\'s answers 403. `done` is ' +
      'progress; any other field is a change to what is agreed. Emits `plan.activity_updated`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId', 'ActivityId'],
    body: { schema: contract.PlanActivityPatch, description: 'The fields to change.' },
    finerRoleRules: true,
    success: [{ status: '200', description: 'The activity after the change.', schema: contract.PlanActivity }],
  },
  {
    operationId: 'deletePlanActivity',
    method: 'delete',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/activities/{activityId}',
    tag: 'Plans',
    summary: 'Remove an activity',
    description: 'Removes an activity of the caller\'s side; another side\'s answers 403. A change to what is agreed. Emits `plan.activity_removed`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId', 'ActivityId'],
    finerRoleRules: true,
    success: [{ status: '204', description: 'The activity was removed.' }],
  },
  {
    operationId: 'createPlanComment',
    method: 'post',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/comments',
    tag: 'Plans',
    summary: 'Comment on an objective',
    description:
      'Adds a comment from the caller\'s side to any objective of the plan. Comments are kept as written and do not ' +
      'change what is agreed. At most 500 per objective. Emits `plan.commented`.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId'],
    body: { schema: contract.PlanCommentInput, description: 'The comment.' },
    idempotent: true,
    success: [{ status: '201', description: 'The comment was added.', schema: contract.PlanComment }],
  },
  {
    operationId: 'getPlanComment',
    method: 'get',
    path: '/v1/partners/{id}/plans/{period}/objectives/{objectiveId}/comments/{commentId}',
    tag: 'Plans',
    summary: 'Get a comment',
    description: 'One comment on an objective.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    params: ['PlanPeriod', 'ObjectiveId', 'CommentId'],
    success: [{ status: '200', description: 'The comment.', schema: contract.PlanComment }],
  },
  {
    operationId: 'listPlanObjectives',
    method: 'get',
    path: '/v1/plan-objectives',
    tag: 'Plans',
    summary: 'List plan objectives across partners',
    description:
      'Objectives of every plan, earliest due date first, with their progress: what a programme overview or a CRM ' +
      'sync reads (`overdue=true`: the objectives whose due date has passed without them being done, per partner ' +
      'with `partnerId`).',
    roles: ALL,
    scope: 'A partner session sees only its own partner\'s objectives; a `partnerId` filter naming another partner gives an empty page.',
    query: {
      schema: contract.PlanObjectiveListQuery,
      filters: {
        partnerId: 'Only objectives of this partner\'s plans.',
        period: 'Only objectives of plans for exactly this period.',
        side: 'Only objectives this side owns.',
        kind: 'Only measured objectives, or only milestones.',
        overdue: '`true`: only objectives past their due date and not done; `false`: only the others.',
      },
    },
    success: [{ status: '200', description: 'A page of objectives.', schema: pageSchemas.PlanObjectivePage }],
  },

  // Enablement
  {
    operationId: 'listCertifications',
    method: 'get',
    path: '/v1/certifications',
    tag: 'Enablement',
    summary: 'List certifications',
    description: 'The certifications courses lead to and tiers may require, by name.',
    roles: ALL,
    query: { schema: contract.CertificationListQuery, filters: { q: 'Case-insensitive search in the name.' } },
    success: [{ status: '200', description: 'A page of certifications.', schema: pageSchemas.CertificationPage }],
  },
  {
    operationId: 'createCertification',
    method: 'post',
    path: '/v1/certifications',
    tag: 'Enablement',
    summary: 'Add a certification',
    description: 'Adds a certification, with how many months a certificate of it stays valid (`null`: it does not expire).',
    roles: ADMIN,
    body: { schema: contract.CertificationInput, description: 'The new certification.' },
    idempotent: true,
    success: [{ status: '201', description: 'The certification was created.', schema: contract.Certification }],
  },
  {
    operationId: 'getCertification',
    method: 'get',
    path: '/v1/certifications/{id}',
    tag: 'Enablement',
    summary: 'Get a certification',
    description: 'One certification.',
    roles: ALL,
    id: 'CertificationId',
    success: [{ status: '200', description: 'The certification.', schema: contract.Certification }],
  },
  {
    operationId: 'updateCertification',
    method: 'patch',
    path: '/v1/certifications/{id}',
    tag: 'Enablement',
    summary: 'Update a certification',
    description: 'Changes the given fields only. A new validity applies to certificates issued or renewed from now on.',
    roles: ADMIN,
    id: 'CertificationId',
    body: { schema: contract.CertificationPatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The updated certification.', schema: contract.Certification }],
  },
  {
    operationId: 'listCourses',
    method: 'get',
    path: '/v1/courses',
    tag: 'Enablement',
    summary: 'List courses',
    description:
      'The course catalogue, newest first. A partner session sees the `published` courses its type and tier may take ' +
      '(the audience), whatever `status` it asks for. Assessments come without their answers.',
    roles: ALL,
    scope: 'A partner session sees only published courses whose audience includes it.',
    query: {
      schema: contract.CourseListQuery,
      filters: {
        status: 'Only courses in this status (vendor principals).',
        format: 'Only courses of this format.',
        language: 'Only courses taught in this language.',
        certificationId: 'Only courses leading to this certification.',
        q: 'Case-insensitive search in the title and description.',
      },
    },
    success: [{ status: '200', description: 'A page of courses.', schema: pageSchemas.CoursePage }],
  },
  {
    operationId: 'createCourse',
    method: 'post',
    path: '/v1/courses',
    tag: 'Enablement',
    summary: 'Add a course',
    description:
      'Adds a course to the catalogue (a `draft` unless `status` says otherwise). The certification, the tiers and the ' +
      'modules\' resources must exist (400 at the field). An assessment\'s correct choices must be choices of their ' +
      'question; they are kept on the backend and never answered (see `getAssessmentKey`). Emits `course.created`.',
    roles: ADMIN,
    body: { schema: contract.CourseInput, description: 'The new course, with its modules and assessment.' },
    idempotent: true,
    success: [{ status: '201', description: 'The course was created.', schema: contract.Course }],
  },
  {
    operationId: 'getCourse',
    method: 'get',
    path: '/v1/courses/{id}',
    tag: 'Enablement',
    summary: 'Get a course',
    description: 'One course, its modules and its assessment without the answers.',
    roles: ALL,
    scope: 'A partner session reaches only published courses whose audience includes it; any other answers 404.',
    id: 'CourseId',
    success: [{ status: '200', description: 'The course.', schema: contract.Course }],
  },
  {
    operationId: 'updateCourse',
    method: 'patch',
    path: '/v1/courses/{id}',
    tag: 'Enablement',
    summary: 'Update, publish or retire a course',
    description:
      'Changes the given fields only; `modules` and `assessment` replace the whole list. Enrolments keep their ' +
      'progress on modules whose ids remain. Emits `course.updated`, and `course.published` or `course.retired` when ' +
      'the status changes to one of them.',
    roles: ADMIN,
    id: 'CourseId',
    body: { schema: contract.CoursePatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The updated course.', schema: contract.Course }],
  },
  {
    operationId: 'getAssessmentKey',
    method: 'get',
    path: '/v1/courses/{id}/assessment-key',
    tag: 'Enablement',
    summary: 'Get the answers of a course\'s assessment',
    description: 'The correct choices of each question, for the admin who keeps the catalogue. A course without an assessment answers 404.',
    roles: ADMIN,
    id: 'CourseId',
    success: [{ status: '200', description: 'The correct choices.', schema: contract.AssessmentKey }],
  },
  {
    operationId: 'listPeople',
    method: 'get',
    path: '/v1/partners/{id}/people',
    tag: 'Enablement',
    summary: 'List a partner\'s people',
    description: 'The partner\'s named people, by name.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    query: { schema: contract.PersonListQuery, filters: { q: 'Case-insensitive search in the name and e-mail.' } },
    success: [{ status: '200', description: 'A page of people.', schema: pageSchemas.PersonPage }],
  },
  {
    operationId: 'createPerson',
    method: 'post',
    path: '/v1/partners/{id}/people',
    tag: 'Enablement',
    summary: 'Add a person to a partner',
    description: 'Names a person of the partner, who can then enrol and hold certificates. Emits `person.created`.',
    roles: ['admin', 'partner'],
    scope: OWN_PARTNER,
    id: 'PartnerId',
    body: { schema: contract.PersonInput, description: 'The person.' },
    idempotent: true,
    success: [{ status: '201', description: 'The person was added.', schema: contract.Person }],
  },
  {
    operationId: 'getPerson',
    method: 'get',
    path: '/v1/people/{id}',
    tag: 'Enablement',
    summary: 'Get a person',
    description: 'One person.',
    roles: ALL,
    scope: 'A partner session reaches only its own people; any other answers 404.',
    id: 'PersonId',
    success: [{ status: '200', description: 'The person.', schema: contract.Person }],
  },
  {
    operationId: 'updatePerson',
    method: 'patch',
    path: '/v1/people/{id}',
    tag: 'Enablement',
    summary: 'Update a person',
    description: 'Changes the given fields only. Emits `person.updated`.',
    roles: ['admin', 'partner'],
    scope: 'A partner session reaches only its own people; any other answers 404.',
    id: 'PersonId',
    body: { schema: contract.PersonPatch, description: 'The fields to change.' },
    success: [{ status: '200', description: 'The updated person.', schema: contract.Person }],
  },
  {
    operationId: 'listEnrolments',
    method: 'get',
    path: '/v1/enrolments',
    tag: 'Enablement',
    summary: 'List enrolments',
    description: 'Enrolments, newest first.',
    roles: ALL,
    scope: 'A partner session sees only its own people\'s enrolments; naming another partner answers an empty page.',
    query: {
      schema: contract.EnrolmentListQuery,
      filters: { partnerId: 'Only this partner\'s people.', personId: 'Only this person\'s.', courseId: 'Only this course\'s.', status: 'Only enrolments in this status.' },
    },
    success: [{ status: '200', description: 'A page of enrolments.', schema: pageSchemas.EnrolmentPage }],
  },
  {
    operationId: 'createEnrolment',
    method: 'post',
    path: '/v1/enrolments',
    tag: 'Enablement',
    summary: 'Enrol a person in a course',
    description:
      'Enrols one of the partner\'s people in a published course its audience includes (201). A person already ' +
      'enrolled and not finished answers their open enrolment (200) rather than a second one. A person or course ' +
      'outside the caller\'s reach answers 400 at the field, as if it did not exist. Emits `enrolment.created`.',
    roles: ['admin', 'partner'],
    body: { schema: contract.EnrolmentInput, description: 'The course and the person.' },
    idempotent: true,
    success: [
      { status: '200', description: 'The person\'s open enrolment in the course.', schema: contract.Enrolment },
      { status: '201', description: 'The person was enrolled.', schema: contract.Enrolment },
    ],
  },
  {
    operationId: 'getEnrolment',
    method: 'get',
    path: '/v1/enrolments/{id}',
    tag: 'Enablement',
    summary: 'Get an enrolment',
    description: 'One enrolment.',
    roles: ALL,
    scope: 'A partner session reaches only its own people\'s enrolments; any other answers 404.',
    id: 'EnrolmentId',
    success: [{ status: '200', description: 'The enrolment.', schema: contract.Enrolment }],
  },
  {
    operationId: 'recordEnrolmentProgress',
    method: 'post',
    path: '/v1/enrolments/{id}/progress',
    tag: 'Enablement',
    summary: 'Mark a module done',
    description:
      'Records that the person finished a module of the course (again: no change). The first step starts the ' +
      'enrolment; the last one completes a course without an assessment and issues its certification. A module the ' +
      'course does not have answers 400 at `moduleId`; an enrolment not open answers 409. Emits `enrolment.progressed` ' +
      '(and `enrolment.completed`, `certification.issued`).',
    roles: ['admin', 'partner'],
    scope: 'A partner session reaches only its own people\'s enrolments; any other answers 404.',
    id: 'EnrolmentId',
    body: { schema: contract.EnrolmentProgressInput, description: 'The module done.' },
    idempotent: true,
    conflict: 'EnrolmentConflict',
    success: [{ status: '200', description: 'The enrolment after the step.', schema: contract.Enrolment }],
  },
  {
    operationId: 'submitAttempt',
    method: 'post',
    path: '/v1/enrolments/{id}/attempts',
    tag: 'Enablement',
    summary: 'Submit an attempt at the assessment',
    description:
      'Scores the answers on the backend with core\'s `scoreAttempt`: the answer says how many were correct, not ' +
      'which. Passing completes the enrolment once every module is done too, and issues (or renews) the course\'s ' +
      'certification; the last failing attempt fails it. Once passed, further attempts answer 409 ' +
      '`assessment_passed`; beyond the attempts allowed, 409 `attempts_exhausted`. Send an `Idempotency-Key`: a ' +
      'retried submission then answers the first result instead of using another attempt. A question or choice the ' +
      'assessment does not have answers 400. Emits `enrolment.attempted` (and `enrolment.completed`, ' +
      '`enrolment.failed`, `certification.issued` or `certification.renewed`).',
    roles: ['admin', 'partner'],
    scope: 'A partner session reaches only its own people\'s enrolments; any other answers 404.',
    id: 'EnrolmentId',
    body: { schema: contract.AttemptInput, description: 'The answers.' },
    idempotent: true,
    conflict: 'EnrolmentConflict',
    success: [{ status: '200', description: 'The scored attempt.', schema: contract.AttemptResult }],
  },
  {
    operationId: 'transitionEnrolment',
    method: 'post',
    path: '/v1/enrolments/{id}/transitions',
    tag: 'Enablement',
    summary: 'Withdraw, re-enrol, complete or reopen an enrolment',
    description:
      'Moves the enrolment through its lifecycle (core\'s `ENROLMENT_TRANSITIONS`): a partner or admin withdraws an ' +
      'open enrolment and enrols again; an admin records the completion of a live or external course (issuing its ' +
      'certification), and reopens a failed one with a `reason` (a new round of attempts). A move the table does not ' +
      'have answers 409 `invalid_transition`; one the caller\'s role may not make, 403. Emits `enrolment.<status>`.',
    roles: ['admin', 'partner'],
    scope: 'A partner session reaches only its own people\'s enrolments; any other answers 404.',
    id: 'EnrolmentId',
    body: { schema: contract.EnrolmentTransitionInput, description: 'The status to move to, and the reason.' },
    idempotent: true,
    finerRoleRules: true,
    conflict: 'EnrolmentConflict',
    success: [{ status: '200', description: 'The enrolment after the move.', schema: contract.Enrolment }],
  },
  {
    operationId: 'listCertificates',
    method: 'get',
    path: '/v1/certificates',
    tag: 'Enablement',
    summary: 'List certificates',
    description: 'Certificates held by people, newest first, each with its status at the backend\'s clock.',
    roles: ALL,
    scope: 'A partner session sees only its own people\'s certificates; naming another partner answers an empty page.',
    query: {
      schema: contract.CertificateListQuery,
      filters: { partnerId: 'Only this partner\'s people.', personId: 'Only this person\'s.', certificationId: 'Only certificates of this certification.', status: 'Only `valid` or only `expired` certificates.' },
    },
    success: [{ status: '200', description: 'A page of certificates.', schema: pageSchemas.CertificatePage }],
  },
  {
    operationId: 'createCertificate',
    method: 'post',
    path: '/v1/certificates',
    tag: 'Enablement',
    summary: 'Record a certificate',
    description:
      'Records a certification a person holds: by an admin, or by an LMS (`source: "lms"` with its `externalId`). ' +
      'The expiry defaults to the issue date plus the certification\'s validity. An LMS sending an `externalId` it ' +
      'sent before answers the certificate recorded then (200). Emits `certification.issued`.',
    roles: ADMIN,
    body: { schema: contract.CertificateInput, description: 'The certification, the person, and the dates.' },
    idempotent: true,
    success: [
      { status: '200', description: 'The certificate recorded earlier under this external id.', schema: contract.Certificate },
      { status: '201', description: 'The certificate was recorded.', schema: contract.Certificate },
    ],
  },
  {
    operationId: 'getCertificate',
    method: 'get',
    path: '/v1/certificates/{id}',
    tag: 'Enablement',
    summary: 'Get a certificate',
    description: 'One certificate.',
    roles: ALL,
    scope: 'A partner session reaches only its own people\'s certificates; any other answers 404.',
    id: 'CertificateId',
    success: [{ status: '200', description: 'The certificate.', schema: contract.Certificate }],
  },
  {
    operationId: 'renewCertificate',
    method: 'post',
    path: '/v1/certificates/{id}/renewal',
    tag: 'Enablement',
    summary: 'Renew a certificate',
    description:
      'Extends the certificate: to `expiresAt` when given, else by the certification\'s validity counted from its ' +
      'current expiry while it is valid (renewing early loses nothing), or from now once expired. Emits ' +
      '`certification.renewed`.',
    roles: ADMIN,
    id: 'CertificateId',
    body: { schema: contract.CertificateRenewalInput, description: 'The new expiry, or nothing for the default.' },
    idempotent: true,
    success: [{ status: '200', description: 'The renewed certificate.', schema: contract.Certificate }],
  },
  {
    operationId: 'listCertificationRequirements',
    method: 'get',
    path: '/v1/certification-requirements',
    tag: 'Enablement',
    summary: 'List every tier\'s certification requirements',
    description: 'For each tier, by rank, the certifications it requires ("2 people certified in Sales Fundamentals").',
    roles: ALL,
    query: { schema: contract.PageQuery, filters: {} },
    success: [{ status: '200', description: 'Every tier\'s requirements.', schema: pageSchemas.TierCertificationRequirementsPage }],
  },
  {
    operationId: 'getTierCertificationRequirements',
    method: 'get',
    path: '/v1/tiers/{id}/certification-requirements',
    tag: 'Enablement',
    summary: 'Get a tier\'s certification requirements',
    description: 'The certifications the tier requires; an empty list when it requires none.',
    roles: ALL,
    id: 'TierId',
    success: [{ status: '200', description: 'The tier\'s requirements.', schema: contract.TierCertificationRequirements }],
  },
  {
    operationId: 'updateTierCertificationRequirements',
    method: 'put',
    path: '/v1/tiers/{id}/certification-requirements',
    tag: 'Enablement',
    summary: 'Set a tier\'s certification requirements',
    description: 'Replaces the whole list. Each certification must exist (400 at the field) and appear once.',
    roles: ADMIN,
    id: 'TierId',
    body: { schema: contract.TierCertificationRequirementsInput, description: 'The requirements.' },
    success: [{ status: '200', description: 'The tier\'s requirements.', schema: contract.TierCertificationRequirements }],
  },
  {
    operationId: 'getPartnerEnablement',
    method: 'get',
    path: '/v1/partners/{id}/enablement',
    tag: 'Enablement',
    summary: 'Get a partner\'s enablement',
    description:
      'The partner\'s certifications against the tiers\' requirements at the backend\'s clock, computed with core\'s ' +
      '`partnerEnablement`: certified staff (people with a valid certificate), each tier\'s requirements met or ' +
      'missing, and the certificates expiring within 60 days that would leave it short of its tier.',
    roles: ALL,
    scope: OWN_PARTNER,
    id: 'PartnerId',
    success: [{ status: '200', description: 'The partner\'s enablement.', schema: contract.PartnerEnablement }],
  },

  // Events
  {
    operationId: 'listEvents',
    method: 'get',
    path: '/v1/events',
    tag: 'Events',
    summary: 'Read the event log',
    description:
      'Events oldest first, for syncing a CRM: remember the last event id you processed and pass it as `after`.',
    roles: VENDOR,
    query: {
      schema: contract.EventListQuery,
      filters: {
        after: 'Only events after this event id (exclusive).',
        type: 'Only events of this dotted type (`deal.approved`).',
        partnerId: 'Only events concerning this partner.',
      },
    },
    success: [{ status: '200', description: 'A page of events.', schema: pageSchemas.EventPage }],
  },

  // Contract
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/v1/openapi.json',
    tag: 'Contract',
    summary: 'Get this OpenAPI document',
    description: 'The contract this backend speaks, as OpenAPI 3.1. Needs no token.',
    roles: [],
    success: [{ status: '200', description: 'The OpenAPI document.', schema: 'openapi' }],
  },
];

