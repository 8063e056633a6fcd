/**
 * Contract-valid sample entities for client tests.
 */
import type {
  Acceptance,
  Agreement,
  AgreementVersion,
  Deal,
  Partner,
  PartnerAgreement,
  Plan,
  PlanActivity,
  PlanComment,
  PlanObjective,
  PlanRevision,
  PlanSummary,
  Principal,
  Resource,
  ResourcePage,
  Tier,
} from '@partnerkit/core/schemas';

export const BASE_URL = 'https://prm.test/api';
/** A recognisable secret: tests assert it never appears in errors. */
export const TOKEN = 'pk_test_SECRET_token_0123456789abcdef';
export const TOKEN_2 = 'pk_test_SECRET_second_0123456789abcdef';

const at = '2026-06-01T10:00:00.000Z';

export function tier(id: string, rank = 1): Tier {
  return { id, rank, name: `Tier ${id}`, colour: '#C0C0C0', benefits: [], requirements: [], dealProtectionDays: 90, createdAt: at, updatedAt: at };
}

export function partner(id: string): Partner {
  return {
    id,
    name: `Partner ${id}`,
    type: 'reseller',
    status: 'active',
    tierId: null,
    region: null,
    country: 'VN',
    website: 'https://partner.example',
    domains: ['partner.example'],
    manager: null,
    createdAt: at,
    updatedAt: at,
  };
}

export function deal(id: string, overrides: Partial<Deal> = {}): Deal {
  return {
    id,
    number: `DR-${id}`,
    partnerId: 'p_1',
    submittedBy: { id: 'u_1', name: 'Lan' },
    status: 'submitted',
    type: 'resell',
    customer: { company: 'Acme', domain: 'acme.com' },
    contact: {},
    products: [],
    amount: { amount: 125000, currency: 'USD' },
    expectedCloseDate: null,
    stage: null,
    description: null,
    submittedAt: at,
    approvedAt: null,
    expiresAt: null,
    extensions: 0,
    approvedBy: null,
    reasonCode: null,
    reason: null,
    history: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function resource(id: string): Resource {
  return {
    id,
    title: `Resource ${id}`,
    description: null,
    type: 'document',
    format: 'pdf',
    sizeBytes: 1000,
    language: 'en',
    tags: [],
    thumbnailUrl: null,
    minTierId: null,
    partnerTypes: [],
    locked: false,
    url: 'https://cdn.example/doc.pdf',
    openCount: 0,
    createdAt: at,
    updatedAt: at,
  };
}

export function resourcePage(ids: string[], nextCursor: string | null = null): ResourcePage {
  return { data: ids.map(resource), nextCursor, total: ids.length, facets: { type: { document: ids.length }, tag: {}, language: { en: ids.length } } };
}

/** An empty scorecard of `p_1` for 2026-Q2. */
export const scorecard = {
  partner: { id: 'p_1', name: 'Partner', type: 'reseller', tierId: null },
  period: '2026-Q2',
  generatedAt: '2026-06-01T10:00:00.000Z',
  rows: [],
  score: null,
  tier: { current: null, qualified: null, requirements: [], certifications: [], next: null, pending: null, isTop: false, expiring: [] },
  availablePeriods: ['2026-Q2'],
} as const;

const vendor = { side: 'vendor', role: 'manager', id: 'm_1', name: 'Hoa' } as const;
const noProgress = { status: 'on_track', percent: 0, actual: null, attainment: null, expected: null, overdue: false } as const;

export function planActivity(id: string): PlanActivity {
  return { id, side: 'partner', title: `Activity ${id}`, owner: null, dueDate: null, completed: null, createdBy: { ...vendor, side: 'partner', role: 'partner' }, createdAt: at, updatedAt: at };
}

export function planComment(id: string): PlanComment {
  return { id, author: vendor, body: `Comment ${id}`, createdAt: at };
}

/** A milestone of p_1's 2026-H1 plan. */
export function planObjective(id: string): PlanObjective {
  return {
    id,
    planId: 'pl_1',
    partnerId: 'p_1',
    period: '2026-H1',
    side: 'vendor',
    owner: { name: 'Hoa' },
    title: `Objective ${id}`,
    description: null,
    kind: 'milestone',
    measure: null,
    dueDate: '2026-06-30',
    source: null,
    completed: null,
    activities: [],
    comments: [],
    progress: noProgress,
    createdBy: vendor,
    createdAt: at,
    updatedAt: at,
  };
}

/** p_1's 2026-H1 plan with one objective. */
export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'pl_1',
    partnerId: 'p_1',
    period: '2026-H1',
    title: null,
    status: 'draft',
    revision: 1,
    version: 2,
    agreements: { vendor: null, partner: null },
    progress: { status: 'on_track', percent: 0, counts: { on_track: 1, at_risk: 0, off_track: 0, done: 0, no_data: 0 }, overdue: 0 },
    createdBy: vendor,
    createdAt: at,
    updatedAt: at,
    asOf: at,
    objectives: [planObjective('ob_1')],
    history: [],
    ...overrides,
  };
}

/** `plan()` as lists show it. */
export function planSummary(): PlanSummary {
  const { objectives, history: _history, ...header } = plan();
  return { ...header, objectiveCount: objectives.length };
}

export function planRevision(revision: number): PlanRevision {
  const agreement = { by: vendor, at, version: 4 };
  return {
    planId: 'pl_1',
    partnerId: 'p_1',
    period: '2026-H1',
    revision,
    version: 4,
    title: null,
    agreements: { vendor: agreement, partner: { ...agreement, by: { ...vendor, side: 'partner', role: 'partner' } } },
    agreedAt: at,
    objectives: [],
  };
}

export const principal: Principal = { role: 'partner', partnerId: 'p_1', user: { id: 'u_1', name: 'Lan' }, locale: 'vi', expiresAt: null };

/** `{ token, expiresAt }` valid for `ms` from now. */
export function grant(token: string, ms = 15 * 60_000): { token: string; expiresAt: string } {
  return { token, expiresAt: new Date(Date.now() + ms).toISOString() };
}

export const agreementBody = { blocks: [{ type: 'paragraph' as const, spans: [{ text: 'Register deals in good faith.' }] }] };

export function agreementVersion(id: string, overrides: Partial<AgreementVersion> = {}): AgreementVersion {
  return { id, agreementId: 'ag_1', version: '1.0', body: agreementBody, effectiveAt: at, contentHash: `sha256:${'a'.repeat(64)}`, createdAt: at, ...overrides };
}

export function agreement(id: string, overrides: Partial<Agreement> = {}): Agreement {
  const version = agreementVersion('av_1');
  return {
    id,
    title: 'Programme agreement',
    partnerTypes: [],
    tierIds: [],
    gates: ['deal_registration'],
    term: { kind: 'renews_yearly' },
    status: 'active',
    currentVersion: { id: version.id, version: version.version, effectiveAt: version.effectiveAt, contentHash: version.contentHash },
    nextVersion: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function acceptance(id: string, overrides: Partial<Acceptance> = {}): Acceptance {
  return {
    id,
    partnerId: 'p_1',
    agreementId: 'ag_1',
    versionId: 'av_1',
    version: '1.0',
    contentHash: `sha256:${'a'.repeat(64)}`,
    acceptedBy: { userId: 'u_1', name: 'Lan Nguyen', title: 'Director', email: null },
    acceptedAt: at,
    language: 'vi',
    expiresAt: null,
    ...overrides,
  };
}

export function partnerAgreement(overrides: Partial<PartnerAgreement> = {}): PartnerAgreement {
  return { agreement: agreement('ag_1'), status: 'to_accept', version: agreementVersion('av_1'), acceptance: null, dueAt: at, renewsAt: null, blocks: ['deal_registration'], ...overrides };
}
