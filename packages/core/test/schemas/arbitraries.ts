/**
 * fast-check arbitraries that produce valid values of the contract's schemas. Each is checked
 * against its schema by the round-trip tests, so a generator that drifts from the contract fails
 * loudly instead of testing nothing.
 */
import fc from 'fast-check';
import {
  APPLICATION_ACTORS,
  APPLICATION_CHANNELS,
  APPLICATION_REASON_CODES,
  APPLICATION_STATUSES,
  COMPANY_SIZES,
  CONFLICT_REASONS,
  QUESTION_KINDS,
  RECOMMENDATIONS,
  type Application,
  type ApplicationForm,
  type ApplicationInput,
  type Evaluation,
  type SelectionCriterion,
  DEAL_REASON_CODES,
  DEAL_STATUSES,
  DEAL_TYPES,
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_SOURCES,
  KPI_UNITS,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  RESOURCE_TYPES,
  RICH_TEXT_LIST_STYLES,
  SCORECARD_STATUSES,
  type Deal,
  type DealInput,
  type Kpi,
  type Partner,
  type Resource,
  type RichText,
  type RichTextBlock,
  type Scorecard,
  type Tier,
} from '@partnerkit/core/schemas';

/** Finite numbers without -0 (JSON turns -0 into 0). */
export const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => (n === 0 ? 0 : n));
export const nonNegative = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e12 }).map((n) => (n === 0 ? 0 : n));

export const id = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,24}$/);
export const timestamp = fc
  .date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
export const calendarDate = timestamp.map((t) => t.slice(0, 10));
export const currency = fc.constantFrom('USD', 'EUR', 'VND', 'JPY', 'GBP');
export const country = fc.constantFrom('VN', 'DE', 'US', 'GB', 'JP');
export const language = fc.constantFrom('en', 'vi', 'en-GB', 'vi-VN', 'de');
export const month = fc.record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
export const period = fc.oneof(
  month,
  fc.record({ y: fc.integer({ min: 2000, max: 2099 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ y, q }) => `${y}-Q${q}`),
  fc.integer({ min: 2000, max: 2099 }).map(String),
);

/** Trimmed, non-empty text of at most `max` UTF-16 units, including non-Latin scripts. */
export const text = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) }),
      fc.constantFrom('Công ty TNHH Phần mềm Á Châu', 'Müller & Söhne GmbH', '株式会社テスト', '<script>alert(1)</script>', "O'Brien \"Quotes\""),
    )
    .map((s) => s.trim())
    .filter((s) => s.length >= 1 && s.length <= max);

export const email = fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,6})?@[a-z0-9]{1,12}\.(com|vn|io|co\.uk)$/);
export const domain = fc.stringMatching(/^([a-z0-9]{1,12}\.){1,3}(com|vn|io|de|uk)$/);
export const httpUrl = fc
  .tuple(fc.constantFrom('http://', 'https://'), domain, fc.constantFrom('', '/', '/docs/guide.pdf', '/a?b=c#d', ':8443/x'))
  .map((parts) => parts.join(''));
export const money = fc.record({ amount: fc.nat({ max: Number.MAX_SAFE_INTEGER }), currency });
export const personRef = fc.record({ id, name: text(200), email }, { requiredKeys: [] });

/** Translations of an entity's localisable fields: each language once (ignoring case), any subset of the fields. */
export const translationsOf = <T extends Record<string, fc.Arbitrary<string>>>(fields: T) =>
  fc.dictionary(fc.constantFrom('vi', 'vi-VN', 'de', 'zh-Hant-TW', 'en-GB'), fc.record(fields, { requiredKeys: [] }), { maxKeys: 3 });

export const tierRequirement = fc.record(
  { kpiId: id, min: nonNegative, window: fc.integer({ min: 1, max: 36 }) },
  { requiredKeys: ['kpiId', 'min'] },
);

export const tier: fc.Arbitrary<Tier> = fc.record({
  id,
  rank: fc.integer({ min: 1, max: 100 }),
  name: text(100),
  colour: fc.stringMatching(/^#[0-9a-fA-F]{6}$/),
  benefits: fc.array(
    fc.record({ label: text(200), value: text(200), translations: translationsOf({ label: text(200), value: text(200) }) }, { requiredKeys: ['label'] }),
    { maxLength: 4 },
  ),
  requirements: fc.array(tierRequirement, { maxLength: 4 }),
  dealProtectionDays: fc.integer({ min: 1, max: 365 }),
  translations: translationsOf({ name: text(100) }),
  createdAt: timestamp,
  updatedAt: timestamp,
}, { requiredKeys: ['id', 'rank', 'name', 'colour', 'benefits', 'requirements', 'dealProtectionDays', 'createdAt', 'updatedAt'] });

export const kpi: fc.Arbitrary<Kpi> = fc.record({
  id,
  name: text(100),
  description: fc.option(text(1000), { nil: null }),
  unit: fc.constantFrom(...KPI_UNITS),
  direction: fc.constantFrom(...KPI_DIRECTIONS),
  aggregation: fc.constantFrom(...KPI_AGGREGATIONS),
  weight: fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => (n === 0 ? 0 : n)),
  currency: fc.option(currency, { nil: null }),
  source: fc.constantFrom(...KPI_SOURCES),
  translations: translationsOf({ name: text(100), description: text(1000) }),
  createdAt: timestamp,
  updatedAt: timestamp,
}, { requiredKeys: ['id', 'name', 'description', 'unit', 'direction', 'aggregation', 'weight', 'currency', 'createdAt', 'updatedAt'] });

export const partner: fc.Arbitrary<Partner> = fc.record({
  id,
  name: text(200),
  type: fc.constantFrom(...PARTNER_TYPES),
  status: fc.constantFrom(...PARTNER_STATUSES),
  tierId: fc.option(id, { nil: null }),
  region: fc.option(text(100), { nil: null }),
  country: fc.option(country, { nil: null }),
  website: fc.option(httpUrl, { nil: null }),
  domains: fc.array(domain, { maxLength: 3 }),
  manager: fc.option(personRef, { nil: null }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const target = fc.record({ partnerId: id, kpiId: id, period, value: nonNegative, updatedAt: timestamp });
export const measurement = fc.record({ partnerId: id, kpiId: id, period: month, value: finite, source: fc.option(text(100), { nil: null }), recordedAt: timestamp });

const dealCustomer = fc.record(
  {
    company: text(200),
    domain: fc.option(domain, { nil: null }),
    country: fc.option(country, { nil: null }),
    region: fc.option(text(100), { nil: null }),
    industry: fc.option(text(100), { nil: null }),
  },
  { requiredKeys: ['company'] },
);
const dealContact = fc.record(
  {
    name: fc.option(text(200), { nil: null }),
    email: fc.option(email, { nil: null }),
    phone: fc.option(fc.stringMatching(/^\+?[0-9]{2,4} [0-9]{2,4} [0-9]{3,6}$/), { nil: null }),
    title: fc.option(text(200), { nil: null }),
  },
  { requiredKeys: [] },
);
const actor = fc.constantFrom('admin', 'manager', 'partner', 'system') as fc.Arbitrary<'admin' | 'manager' | 'partner' | 'system'>;
const dealStatus = fc.constantFrom(...DEAL_STATUSES);
const reasonCode = fc.constantFrom(...DEAL_REASON_CODES);

export const dealHistoryEntry = fc.record(
  {
    at: timestamp,
    from: fc.option(dealStatus, { nil: null }),
    to: dealStatus,
    by: fc.record({ role: actor, id: fc.option(text(200), { nil: null }), name: fc.option(text(200), { nil: null }) }, { requiredKeys: ['role', 'id'] }),
    reason: fc.option(text(2000), { nil: null }),
    reasonCode: fc.option(reasonCode, { nil: null }),
  },
  { requiredKeys: ['at', 'from', 'to', 'by'] },
);

export const deal: fc.Arbitrary<Deal> = fc.record(
  {
    id,
    number: fc.integer({ min: 1, max: 999_999 }).map((n) => `DR-${String(n).padStart(6, '0')}`),
    partnerId: id,
    submittedBy: personRef,
    status: dealStatus,
    type: fc.constantFrom(...DEAL_TYPES),
    customer: dealCustomer,
    contact: dealContact,
    products: fc.array(text(200), { maxLength: 3 }),
    amount: fc.option(money, { nil: null }),
    expectedCloseDate: fc.option(calendarDate, { nil: null }),
    stage: fc.option(text(100), { nil: null }),
    description: fc.option(text(5000), { nil: null }),
    submittedAt: fc.option(timestamp, { nil: null }),
    approvedAt: fc.option(timestamp, { nil: null }),
    expiresAt: fc.option(timestamp, { nil: null }),
    extensions: fc.integer({ min: 0, max: 1 }),
    approvedBy: fc.option(personRef, { nil: null }),
    reasonCode: fc.option(reasonCode, { nil: null }),
    reason: fc.option(text(2000), { nil: null }),
    possibleConflicts: fc.array(fc.record({ dealId: id, number: text(40), match: fc.constantFrom('domain' as const, 'name' as const) }), { maxLength: 2 }),
    history: fc.array(dealHistoryEntry, { maxLength: 3 }),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  {
    requiredKeys: [
      'id', 'number', 'partnerId', 'submittedBy', 'status', 'type', 'customer', 'contact', 'products', 'amount',
      'expectedCloseDate', 'stage', 'description', 'submittedAt', 'approvedAt', 'expiresAt', 'extensions',
      'approvedBy', 'reasonCode', 'reason', 'history', 'createdAt', 'updatedAt',
    ],
  },
);

export const dealInput: fc.Arbitrary<DealInput> = fc.record(
  {
    partnerId: id,
    status: fc.constantFrom('draft' as const, 'submitted' as const),
    type: fc.constantFrom(...DEAL_TYPES),
    customer: dealCustomer,
    contact: dealContact,
    products: fc.array(text(200), { maxLength: 5 }),
    amount: fc.option(money, { nil: null }),
    expectedCloseDate: fc.option(calendarDate, { nil: null }),
    stage: fc.option(text(100), { nil: null }),
    description: fc.option(text(5000), { nil: null }),
  },
  { requiredKeys: ['type', 'customer'] },
);

export const resource: fc.Arbitrary<Resource> = fc.record(
  {
    id,
    title: text(200),
    description: fc.option(text(2000), { nil: null }),
    type: fc.constantFrom(...RESOURCE_TYPES),
    format: fc.option(fc.constantFrom('pdf', 'pptx', 'mp4', 'html'), { nil: null }),
    sizeBytes: fc.option(fc.nat(), { nil: null }),
    language,
    tags: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9 _-]{0,20}[a-z0-9]$/), { maxLength: 5 }),
    thumbnailUrl: fc.option(httpUrl, { nil: null }),
    minTierId: fc.option(id, { nil: null }),
    partnerTypes: fc.uniqueArray(fc.constantFrom(...PARTNER_TYPES), { maxLength: 3 }),
    translations: translationsOf({ title: text(200), description: text(2000) }),
    locked: fc.boolean(),
    url: httpUrl,
    openCount: fc.nat(),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  {
    requiredKeys: [
      'id', 'title', 'description', 'type', 'format', 'sizeBytes', 'language', 'tags', 'thumbnailUrl', 'minTierId',
      'partnerTypes', 'locked', 'openCount', 'createdAt', 'updatedAt',
    ],
  },
);

const requirementCheck = fc.record(
  { kpiId: id, min: finite, window: fc.integer({ min: 1, max: 36 }), actual: fc.option(finite, { nil: null }), met: fc.boolean(), missing: finite },
  { requiredKeys: ['kpiId', 'min', 'actual', 'met', 'missing'] },
);

const certificationNamed = {
  certificationId: id,
  name: text(200),
  translations: translationsOf({ name: text(200) }),
  required: fc.integer({ min: 1, max: 1000 }),
  held: fc.integer({ min: 0, max: 1000 }),
};
const namedKeys = ['certificationId', 'name', 'required', 'held'] as const;
const certificationCheck = fc.record({ ...certificationNamed, missing: fc.integer({ min: 0, max: 1000 }), met: fc.boolean() }, { requiredKeys: [...namedKeys, 'missing', 'met'] });
const certificationExpiry = fc.record({ ...certificationNamed, expiring: fc.integer({ min: 1, max: 1000 }), shortOn: calendarDate, before: calendarDate }, { requiredKeys: [...namedKeys, 'expiring', 'shortOn', 'before'] });

export const scorecard: fc.Arbitrary<Scorecard> = fc.record({
  partner: fc.record({ id, name: text(200), type: fc.constantFrom(...PARTNER_TYPES), tierId: fc.option(id, { nil: null }) }),
  period,
  generatedAt: timestamp,
  rows: fc.array(
    fc.record({
      kpi,
      actual: fc.option(finite, { nil: null }),
      target: fc.option(finite, { nil: null }),
      targetSource: fc.constantFrom('partner' as const, 'tier' as const, null),
      attainment: fc.option(nonNegative, { nil: null }),
      status: fc.constantFrom(...SCORECARD_STATUSES),
      trend: fc.array(fc.record({ period, value: fc.option(finite, { nil: null }) }), { maxLength: 6 }),
    }),
    { maxLength: 4 },
  ),
  score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }).map((n) => (n === 0 ? 0 : n)), { nil: null }),
  tier: fc.record({
    current: fc.option(tier, { nil: null }),
    qualified: fc.option(tier, { nil: null }),
    requirements: fc.array(requirementCheck, { maxLength: 3 }),
    certifications: fc.array(certificationCheck, { maxLength: 2 }),
    next: fc.option(fc.record({ tier, gaps: fc.array(requirementCheck, { maxLength: 3 }), certifications: fc.array(certificationCheck, { maxLength: 2 }) }), { nil: null }),
    pending: fc.option(fc.record({ tier, effectiveAt: timestamp }), { nil: null }),
    isTop: fc.boolean(),
    expiring: fc.array(certificationExpiry, { maxLength: 2 }),
  }),
  availablePeriods: fc.array(period, { maxLength: 6 }),
});

export const problem = fc.record(
  {
    type: fc.constant('https://partnerkit.dev/problems/validation_failed'),
    title: text(200),
    status: fc.integer({ min: 400, max: 599 }),
    detail: text(500),
    code: fc.constantFrom('validation_failed', 'not_found', 'deal_conflict'),
    instance: fc.constant('/v1/deals'),
    requestId: id,
    errors: fc.array(fc.record({ path: fc.constantFrom('', 'customer.company', 'amount.amount'), message: text(200) }), { maxLength: 3 }),
    reason: fc.constantFrom(...CONFLICT_REASONS),
  },
  { requiredKeys: ['type', 'title', 'status', 'code'] },
);

export const eventEnvelope = fc.record(
  {
    id,
    type: fc.constantFrom('deal.approved', 'tier.changed', 'resource.opened', 'custom.thing_happened'),
    occurredAt: timestamp,
    partnerId: fc.option(id, { nil: null }),
    data: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: ['id', 'type', 'occurredAt', 'data'] },
);

export const sessionInput = fc.oneof(
  fc.record({ role: fc.constant('partner' as const), partnerId: id, user: fc.record({ id, name: text(200), email }, { requiredKeys: ['id'] }) }),
  fc.record({ role: fc.constant('manager' as const), user: fc.record({ id, name: text(200), email }, { requiredKeys: ['id'] }), locale: language, ttlSeconds: fc.integer({ min: 60, max: 86_400 }) }, { requiredKeys: ['role', 'user'] }),
);

const richTextSpan = fc.record(
  {
    text: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.constantFrom(' ', '<script>alert(1)</script>', 'Điều khoản ', '&amp; "quotes"')),
    bold: fc.boolean(),
    italic: fc.boolean(),
    href: httpUrl,
  },
  { requiredKeys: ['text'] },
);
const richTextSpans = fc.array(richTextSpan, { minLength: 1, maxLength: 4 });
/** Indents that start at 0 and deepen one level at a time, at most to 2. */
const listIndents = fc.array(fc.integer({ min: -2, max: 1 }), { minLength: 0, maxLength: 6 }).map((steps) => {
  const indents = [0];
  for (const step of steps) indents.push(Math.max(0, Math.min(2, (indents.at(-1) as number) + step)));
  return indents;
});

export const richTextBlock: fc.Arbitrary<RichTextBlock> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 3 }), spans: richTextSpans }),
  fc.record({ type: fc.constant('paragraph' as const), spans: richTextSpans }),
  fc
    .tuple(fc.constantFrom(...RICH_TEXT_LIST_STYLES), listIndents, fc.infiniteStream(richTextSpans))
    .map(([style, indents, spans]) => ({ type: 'list' as const, style, items: indents.map((indent) => ({ indent, spans: spans.next().value })) })),
);

export const richText: fc.Arbitrary<RichText> = fc.record({ blocks: fc.array(richTextBlock, { minLength: 1, maxLength: 6 }) });
/** A translations map of `fields` for one or two languages. */
const translationMap = <T>(fields: fc.Arbitrary<T>) => fc.dictionary(fc.constantFrom('vi', 'en-GB', 'de'), fields, { maxKeys: 2 });

export const selectionCriterion: fc.Arbitrary<SelectionCriterion> = fc.record(
  {
    id,
    name: text(100),
    description: fc.option(text(2000), { nil: null }),
    weight: fc.integer({ min: 1, max: 100 }),
    levels: fc.array(fc.record({ description: text(500), translations: translationMap(fc.record({ description: text(500) })) }, { requiredKeys: ['description'] }), { minLength: 5, maxLength: 5 }),
    knockOutMin: fc.option(fc.integer({ min: 2, max: 5 }), { nil: null }),
    partnerTypes: fc.uniqueArray(fc.constantFrom(...PARTNER_TYPES), { maxLength: 3 }),
    position: fc.integer({ min: 0, max: 10_000 }),
    translations: translationMap(fc.record({ name: text(100), description: text(2000) }, { requiredKeys: [] })),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  { requiredKeys: ['id', 'name', 'description', 'weight', 'levels', 'knockOutMin', 'partnerTypes', 'position', 'createdAt', 'updatedAt'] },
);

const optionValue = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/);

export const applicationForm: fc.Arbitrary<ApplicationForm> = fc.record({
  partnerTypes: fc.uniqueArray(fc.constantFrom(...PARTNER_TYPES), { minLength: 1, maxLength: 7 }).chain((types) =>
    fc.tuple(...types.map((type) => fc.record({ type: fc.constant(type), description: fc.option(text(500), { nil: null }) }))),
  ),
  questions: fc.uniqueArray(
    fc.record({ id, kind: fc.constantFrom(...QUESTION_KINDS), label: text(300), help: fc.option(text(1000), { nil: null }), required: fc.boolean(), partnerTypes: fc.uniqueArray(fc.constantFrom(...PARTNER_TYPES), { maxLength: 2 }) }).chain((q) =>
      (q.kind === 'single_choice' || q.kind === 'multiple_choice'
        ? fc.uniqueArray(fc.record({ value: optionValue, label: text(200) }), { selector: (o) => o.value, minLength: 2, maxLength: 4 })
        : fc.constant<{ value: string; label: string }[]>([])
      ).map((options) => ({ ...q, options })),
    ),
    { selector: (q) => q.id, maxLength: 4 },
  ),
  consent: fc.record({ text: text(2000), privacyUrl: fc.option(httpUrl, { nil: null }) }),
  formToken: fc.stringMatching(/^[A-Za-z0-9._-]{16,60}$/),
  updatedAt: fc.option(timestamp, { nil: null }),
});

const company = fc.record({
  name: text(200),
  website: fc.option(httpUrl, { nil: null }),
  domains: fc.array(domain, { maxLength: 3 }),
  country,
  region: fc.option(text(100), { nil: null }),
  size: fc.constantFrom(...COMPANY_SIZES),
  foundedYear: fc.option(fc.integer({ min: 1800, max: 2100 }), { nil: null }),
});
const contact = fc.record({ name: text(200), email, phone: fc.option(fc.constantFrom('+84 28 1234 5678', '(030) 123-456'), { nil: null }), title: fc.option(text(200), { nil: null }) });
const capabilities = fc.record({
  markets: fc.uniqueArray(country, { minLength: 1, maxLength: 3 }),
  industries: fc.array(text(100), { maxLength: 3 }),
  technicalStaff: fc.integer({ min: 0, max: 1_000_000 }),
  certifications: fc.array(text(200), { maxLength: 3 }),
  experience: fc.option(text(5000), { nil: null }),
  references: fc.array(fc.record({ company: text(200), contactName: fc.option(text(200), { nil: null }), contactEmail: fc.option(email, { nil: null }) }), { maxLength: 2 }),
  whyUs: text(5000),
});
const answers = fc.dictionary(id, fc.oneof(fc.string({ maxLength: 50 }), fc.array(optionValue, { maxLength: 3 }), fc.integer(), fc.boolean()), { maxKeys: 4 });
const applicationStatus = fc.constantFrom(...APPLICATION_STATUSES);

export const application: fc.Arbitrary<Application> = fc.record({
  id,
  number: fc.integer({ min: 1, max: 999_999 }).map((n) => `APP-${String(n).padStart(6, '0')}`),
  status: applicationStatus,
  partnerType: fc.constantFrom(...PARTNER_TYPES),
  company,
  contact,
  capabilities,
  answers,
  consent: fc.record({ acceptedAt: timestamp, text: text(2000), language: fc.option(language, { nil: null }) }),
  source: fc.record({
    channel: fc.constantFrom(...APPLICATION_CHANNELS),
    referrerPartnerId: fc.option(id, { nil: null }),
    referralCode: fc.option(text(100), { nil: null }),
    invitedBy: fc.option(personRef, { nil: null }),
  }),
  locale: fc.option(language, { nil: null }),
  partnerId: fc.option(id, { nil: null }),
  submittedAt: timestamp,
  stageEnteredAt: timestamp,
  decidedAt: fc.option(timestamp, { nil: null }),
  reasonCode: fc.option(fc.constantFrom(...APPLICATION_REASON_CODES), { nil: null }),
  reason: fc.option(text(2000), { nil: null }),
  evaluationCount: fc.nat({ max: 20 }),
  duplicates: fc.array(fc.record({ kind: fc.constantFrom('partner' as const, 'application' as const), id, name: text(200), number: fc.option(text(40), { nil: null }), match: fc.constantFrom('domain' as const, 'name' as const) }), { maxLength: 2 }),
  history: fc.array(
    fc.record({
      at: timestamp,
      from: fc.option(applicationStatus, { nil: null }),
      to: applicationStatus,
      by: fc.record({ role: fc.constantFrom(...APPLICATION_ACTORS), id: fc.option(text(200), { nil: null }), name: fc.option(text(200), { nil: null }) }),
      reason: fc.option(text(2000), { nil: null }),
      reasonCode: fc.option(fc.constantFrom(...APPLICATION_REASON_CODES), { nil: null }),
      notifiedApplicant: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const applicationInput: fc.Arbitrary<ApplicationInput> = fc.record(
  {
    partnerType: fc.constantFrom(...PARTNER_TYPES),
    company,
    contact,
    capabilities,
    answers,
    consent: fc.constant(true as const),
    locale: language,
    referralCode: fc.option(text(100), { nil: null }),
    formToken: fc.string({ maxLength: 100 }),
    honeypot: fc.constant(''),
  },
  { requiredKeys: ['partnerType', 'company', 'contact', 'capabilities', 'consent'] },
);

export const evaluation: fc.Arbitrary<Evaluation> = fc.record({
  id,
  applicationId: id,
  reviewer: fc.record({ id, name: text(200), email }, { requiredKeys: ['id'] }),
  status: fc.constantFrom('draft' as const, 'submitted' as const),
  scores: fc.uniqueArray(fc.record({ criterionId: id, score: fc.integer({ min: 1, max: 5 }), note: fc.option(text(2000), { nil: null }) }), { selector: (s) => s.criterionId, maxLength: 5 }),
  recommendation: fc.option(fc.constantFrom(...RECOMMENDATIONS), { nil: null }),
  comment: fc.option(text(5000), { nil: null }),
  weightedScore: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { nil: null }),
  knockOuts: fc.array(id, { maxLength: 2 }),
  submittedAt: fc.option(timestamp, { nil: null }),
  createdAt: timestamp,
  updatedAt: timestamp,
});
