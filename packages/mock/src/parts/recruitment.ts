/**
 * Recruitment: the public application form (the only data a publishable key reads), applications
 * and their lifecycle (core's table), evaluations scored with core's rules and blind until the
 * reviewer submits, selection criteria and thresholds, publishable keys. The same decisions as the
 * reference server's `routes/recruitment.ts`, on the mock's maps.
 * @module
 */
import {
  applicantOf,
  applicationEventType,
  checkAnswers,
  checkApplicationTransition,
  checkEvaluationScores,
  cleanAnswers,
  DEFAULT_SELECTION_THRESHOLDS,
  EVALUATION_STAGES,
  heldFromStage,
  isFinalApplicationStatus,
  localise,
  matchCompanies,
  OPEN_APPLICATION_STATUSES,
  scoreEvaluation,
  summariseEvaluations,
  DEFAULT_APPLICATION_FORM,
} from '@partnerkit/core/rules';
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationDuplicate,
  ApplicationFormInput as ApplicationFormSchema,
  type ApplicationHistoryEntry,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPipelineQuery,
  type ApplicationSource,
  type ApplicationStatus,
  ApplicationTransitionInput,
  type Evaluation,
  EvaluationInput,
  PageQuery,
  type Partner,
  PublishableKeyInput,
  PublishableKeyPatch,
  SelectionCriterionInput,
  SelectionThresholdsInput,
  moveRefused,
} from '@partnerkit/core/schemas';
import { type Caller, callerPerson, type MockPart, type RequestContext, requireRole } from '../context.js';
import { createdLocation, idempotencyKey, idempotentWrite } from '../http/idempotency.js';
import { json, problems } from '../http/problem.js';
import { newId, randomToken } from '../http/random.js';
import { parseWith, pathId, queryObject, readJsonBody } from '../http/request.js';
import type { MockState, StoredApplication, StoredEvaluation } from '../state.js';
import { contains } from './partners.js';

const FORM_TOKEN_TTL_MS = 24 * 3_600_000;

const formOf = (state: MockState) => state.applicationForm ?? { ...DEFAULT_APPLICATION_FORM, updatedAt: null };
const thresholdsOf = (state: MockState) => state.thresholds ?? { ...DEFAULT_SELECTION_THRESHOLDS, updatedAt: null };
const criteriaOf = (state: MockState) => [...state.criteria.values()].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
const present = ({ seq: _seq, ...application }: StoredApplication): Application => application;

/** Who submits: the public form's key, or a vendor principal. */
export type Submitter = { publishableKeyId: string } | { caller: Caller };

function entry(by: ApplicationHistoryEntry['by'], now: Date, from: ApplicationStatus | null, to: ApplicationStatus, extra: Partial<ApplicationHistoryEntry> = {}): ApplicationHistoryEntry {
  return { at: now.toISOString(), from, to, by, reason: null, reasonCode: null, notifiedApplicant: false, ...extra };
}

function moverOf(caller: Caller): ApplicationHistoryEntry['by'] {
  const person = callerPerson(caller);
  return { role: caller.role === 'admin' ? 'admin' : 'manager', id: person.id, name: person.name ?? null };
}

/** Existing partners and open applications that look like `company` (core's `matchCompanies`). */
function duplicatesOf(state: MockState, id: string, company: Application['company']): ApplicationDuplicate[] {
  const found: ApplicationDuplicate[] = [];
  for (const partner of state.partners.values()) {
    const match = matchCompanies(company, { name: partner.name, domains: partner.domains, website: partner.website });
    if (match.match && match.reason) found.push({ kind: 'partner', id: partner.id, name: partner.name, number: null, match: match.reason });
  }
  for (const other of state.applications.values()) {
    if (other.id === id || !OPEN_APPLICATION_STATUSES.includes(other.status)) continue;
    const match = matchCompanies(company, other.company);
    if (match.match && match.reason) found.push({ kind: 'application', id: other.id, name: other.company.name, number: other.number, match: match.reason });
  }
  return found;
}

/** Checks `input` against the form before anything is written, and answers its source. */
export function checkSubmission(state: MockState, submitter: Submitter, input: ApplicationInput): ApplicationSource {
  const form = formOf(state);
  const errors = [];
  if (!form.partnerTypes.some((t) => t.type === input.partnerType)) errors.push({ path: 'partnerType', message: 'is not a partner type this programme recruits' });
  errors.push(...checkAnswers(form.questions, input.partnerType, input.answers ?? {}));
  if ('publishableKeyId' in submitter && input.source !== undefined) errors.push({ path: 'source', message: 'is set by the backend for applications from the public form' });
  if (errors.length > 0) throw problems.validation(errors);
  if ('publishableKeyId' in submitter) return { channel: 'public_form', referrerPartnerId: null, referralCode: input.referralCode ?? null, invitedBy: null };
  if (input.source?.channel === 'partner_referral') {
    const partnerId = input.source.referrerPartnerId;
    if (partnerId === undefined || !state.partners.has(partnerId)) throw problems.validation([{ path: 'source.referrerPartnerId', message: partnerId === undefined ? 'is required for a partner referral' : 'no partner has this id' }]);
    return { channel: 'partner_referral', referrerPartnerId: partnerId, referralCode: input.referralCode ?? null, invitedBy: null };
  }
  return { channel: 'manager_invite', referrerPartnerId: null, referralCode: input.referralCode ?? null, invitedBy: callerPerson(submitter.caller) };
}

/** Submits a checked application at `now`. */
export function submitApplication(state: MockState, submitter: Submitter, input: ApplicationInput, source: ApplicationSource, now: Date): Application {
  const form = formOf(state);
  const at = now.toISOString();
  const id = newId('app', now);
  const { company, contact, capabilities } = applicantOf(input);
  state.applicationNumbers += 1;
  const locale = input.locale ?? null;
  const by: ApplicationHistoryEntry['by'] = 'caller' in submitter ? moverOf(submitter.caller) : { role: 'applicant', id: null, name: input.contact.name };
  const application: StoredApplication = {
    id,
    seq: state.nextSeq(),
    number: `APP-${String(state.applicationNumbers).padStart(6, '0')}`,
    status: 'submitted',
    partnerType: input.partnerType,
    company,
    contact,
    capabilities,
    answers: cleanAnswers(form.questions, input.partnerType, input.answers ?? {}),
    consent: { acceptedAt: at, text: localise(form.consent, locale ?? 'en').text, language: locale },
    source,
    locale,
    partnerId: null,
    submittedAt: at,
    stageEnteredAt: at,
    decidedAt: null,
    reasonCode: null,
    reason: null,
    evaluationCount: 0,
    duplicates: duplicatesOf(state, id, company),
    history: [entry(by, now, null, 'submitted')],
    createdAt: at,
    updatedAt: at,
  };
  state.applications.set(id, application);
  state.appendEvents([{ type: applicationEventType('submitted'), partnerId: null, data: { applicationId: id, number: application.number, from: null, to: 'submitted', partnerType: application.partnerType, channel: source.channel } }], now);
  return present(application);
}

/** Makes one move of core's table; approval creates the onboarding partner. */
export function moveApplication(state: MockState, caller: Caller, id: string, input: ApplicationTransitionInput, now: Date): Application {
  const application = state.applications.get(id);
  if (!application) throw problems.notFound('There is no application with this id.');
  const errors = [];
  if (input.notifyApplicant === true && input.to !== 'declined') errors.push({ path: 'notifyApplicant', message: 'only a decline notifies the applicant' });
  if (input.applicantMessage !== undefined && input.notifyApplicant !== true) errors.push({ path: 'applicantMessage', message: 'is sent only with notifyApplicant: true' });
  if (errors.length > 0) throw problems.validation(errors);
  const from = application.status;
  const verdict = checkApplicationTransition({ from, to: input.to, role: caller.role, reason: input.reason ?? null, heldFrom: heldFromStage(application.history) });
  if (!verdict.ok) throw moveRefused(verdict, 'application');
  const at = now.toISOString();
  let partnerId: string | null = application.partnerId;
  if (input.to === 'approved') {
    const { company } = application;
    const partner: Partner = {
      id: newId('pt', now),
      name: company.name,
      type: application.partnerType,
      status: 'onboarding',
      tierId: null,
      tierSince: at,
      region: company.region,
      country: company.country,
      website: company.website,
      domains: company.domains,
      manager: caller.role === 'manager' ? callerPerson(caller) : null,
      createdAt: at,
      updatedAt: at,
    };
    state.partners.set(partner.id, partner);
    state.appendEvents([{ type: 'partner.created', partnerId: partner.id, data: { partner } }], now);
    partnerId = partner.id;
  }
  const notified = input.to === 'declined' && input.notifyApplicant === true;
  const moved: StoredApplication = {
    ...application,
    status: input.to,
    partnerId,
    stageEnteredAt: at,
    decidedAt: isFinalApplicationStatus(input.to) ? at : application.decidedAt,
    reason: input.reason ?? application.reason,
    reasonCode: input.reasonCode ?? application.reasonCode,
    history: [...application.history, entry(moverOf(caller), now, from, input.to, { reason: input.reason ?? null, reasonCode: input.reasonCode ?? null, notifiedApplicant: notified })],
    updatedAt: at,
  };
  state.applications.set(id, moved);
  const applicant = { name: application.contact.name, email: application.contact.email, language: application.locale, company: application.company.name };
  state.appendEvents(
    [
      {
        type: applicationEventType(input.to),
        partnerId: input.to === 'approved' ? partnerId : null,
        data: { applicationId: id, number: application.number, from, to: input.to, ...(input.to === 'approved' ? { partnerId } : {}), ...(notified ? { notifyApplicant: true, applicant, message: input.applicantMessage ?? null } : {}) },
      },
    ],
    now,
  );
  return present(moved);
}

const scored = (state: MockState, evaluation: StoredEvaluation, application: Application): Evaluation => ({ ...evaluation, ...scoreEvaluation(criteriaOf(state), application.partnerType, evaluation.scores) });

/** Saves (or submits, once) a manager's evaluation. */
export function evaluateApplication(state: MockState, reviewer: Caller & { role: 'manager' }, id: string, input: EvaluationInput, now: Date): Evaluation {
  const application = state.applications.get(id);
  if (!application) throw problems.notFound('There is no application with this id.');
  if (!EVALUATION_STAGES.includes(application.status)) throw problems.invalidTransition(`applications are scored in screening, interview or due diligence; this one is ${application.status.replace('_', ' ')}`);
  const slot = `${id}\n${reviewer.user.id}`;
  const existing = state.evaluations.get(slot);
  if (existing?.status === 'submitted') throw problems.invalidTransition('this evaluation was submitted and is final');
  const submit = input.submit === true;
  const scores = input.scores.map((s) => ({ criterionId: s.criterionId, score: s.score, note: s.note ?? null }));
  const found = checkEvaluationScores(criteriaOf(state), application.partnerType, scores, { submit });
  if (found.length > 0) throw problems.validation(found);
  const at = now.toISOString();
  const evaluation: StoredEvaluation = {
    id: existing?.id ?? newId('ev', now),
    applicationId: id,
    reviewer: reviewer.user,
    status: submit ? 'submitted' : 'draft',
    scores,
    recommendation: input.recommendation ?? null,
    comment: input.comment ?? null,
    submittedAt: submit ? at : null,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  state.evaluations.set(slot, evaluation);
  const result = scored(state, evaluation, application);
  if (submit) {
    state.applications.set(id, { ...application, evaluationCount: application.evaluationCount + 1, updatedAt: at });
    state.appendEvents([{ type: 'application.evaluated', partnerId: null, data: { applicationId: id, number: application.number, evaluationId: result.id, reviewerId: reviewer.user.id, weightedScore: result.weightedScore, knockOuts: result.knockOuts, recommendation: result.recommendation } }], now);
  }
  return result;
}

function applicationIn(ctx: RequestContext): StoredApplication {
  const application = ctx.state.applications.get(pathId(ctx.params.id ?? ''));
  if (!application) throw problems.notFound('There is no application with this id.');
  return application;
}

const statusesOf = (status: string | undefined): ApplicationStatus[] | undefined =>
  status ? [...new Set(status.split(','))].filter((s): s is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(s)) : undefined;

function filtered(state: MockState, filters: { statuses?: ApplicationStatus[] | undefined; partnerType?: string | undefined; country?: string | undefined; channel?: string | undefined; q?: string | undefined }) {
  return [...state.applications.values()].filter(
    (a) =>
      (filters.statuses === undefined || filters.statuses.includes(a.status)) &&
      (filters.partnerType === undefined || a.partnerType === filters.partnerType) &&
      (filters.country === undefined || a.company.country === filters.country.toUpperCase()) &&
      (filters.channel === undefined || a.source.channel === filters.channel) &&
      (filters.q === undefined || [a.company.name, ...a.company.domains, a.contact.email, a.number].some((text) => contains(text, filters.q as string))),
  );
}

/** Origins as browsers send them. */
const normaliseOrigins = (origins: readonly string[]) => [...new Set(origins.map((o) => new URL(o).origin))];

export const recruitmentPart: MockPart = {
  name: 'recruitment',
  routes: [
    {
      path: '/v1/application-form',
      handlers: {
        get: (ctx) => {
          const token = `mf_${ctx.now.getTime().toString(36)}_${randomToken(16)}`;
          ctx.state.formTokens.set(token, ctx.now.getTime());
          return json({ ...formOf(ctx.state), formToken: token });
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const input = parseWith(ApplicationFormSchema, await readJsonBody(ctx.request));
          ctx.state.applicationForm = { ...input, updatedAt: ctx.now.toISOString() };
          const token = `mf_${ctx.now.getTime().toString(36)}_${randomToken(16)}`;
          ctx.state.formTokens.set(token, ctx.now.getTime());
          return json({ ...ctx.state.applicationForm, formToken: token });
        },
      },
    },
    {
      path: '/v1/applications',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'manager', 'admin');
          const query = parseWith(ApplicationListQuery, queryObject(ctx.url, Object.keys(ApplicationListQuery.shape)));
          const { limit, cursor, ...filters } = query;
          const items = filtered(ctx.state, { ...filters, statuses: statusesOf(filters.status) });
          const page = ctx.state.cursors.page(items, (a) => [-a.seq], { limit, cursor }, 'applications', filters);
          return json({ ...page, data: page.data.map(present) });
        },
        post: async (ctx) => {
          const submitter: Submitter = ctx.publishable ? { publishableKeyId: ctx.publishable.keyId } : { caller: requireRole(ctx, 'manager', 'admin') };
          const body = await readJsonBody(ctx.request);
          const input = parseWith(ApplicationInput, body);
          idempotencyKey(ctx);
          if (ctx.publishable) {
            if (input.honeypot !== undefined && input.honeypot !== '') throw problems.validation([{ path: 'honeypot', message: 'must be left empty' }]);
            const issued = input.formToken === undefined ? undefined : ctx.state.formTokens.get(input.formToken);
            const elapsed = issued === undefined ? -1 : ctx.now.getTime() - issued;
            if (input.formToken === undefined) throw problems.validation([{ path: 'formToken', message: 'is required: send the formToken of GET /v1/application-form' }]);
            if (issued === undefined) throw problems.validation([{ path: 'formToken', message: 'is not a token this backend issued' }]);
            if (elapsed < ctx.settings.minFormFillMs) throw problems.validation([{ path: 'formToken', message: 'was sent back sooner than a person fills the form in; submit again' }]);
            if (elapsed > FORM_TOKEN_TTL_MS) throw problems.validation([{ path: 'formToken', message: 'is older than 24 hours; load the form again' }]);
          }
          const source = checkSubmission(ctx.state, submitter, input);
          return idempotentWrite(ctx, body, () => {
            const application = submitApplication(ctx.state, submitter, input, source, ctx.now);
            return { status: 201, body: ctx.publishable ? { number: application.number } : application };
          });
        },
      },
    },
    {
      path: '/v1/applications/pipeline',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'manager', 'admin');
          const filters = parseWith(ApplicationPipelineQuery, queryObject(ctx.url, Object.keys(ApplicationPipelineQuery.shape)));
          const items = filtered(ctx.state, filters);
          const stages = APPLICATION_STATUSES.map((status) => ({ status, count: items.filter((a) => a.status === status).length }));
          return json({ stages, total: items.length });
        },
      },
    },
    {
      path: '/v1/applications/:id',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'manager', 'admin');
          return json(present(applicationIn(ctx)));
        },
      },
    },
    {
      path: '/v1/applications/:id/transitions',
      handlers: {
        post: async (ctx) => {
          const caller = requireRole(ctx, 'manager', 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(ApplicationTransitionInput, body);
          const { id } = applicationIn(ctx);
          return idempotentWrite(ctx, body, () => ({ status: 200, body: moveApplication(ctx.state, caller, id, input, ctx.now) }));
        },
      },
    },
    {
      path: '/v1/applications/:id/evaluations',
      handlers: {
        get: (ctx) => {
          const caller = requireRole(ctx, 'manager', 'admin');
          const application = present(applicationIn(ctx));
          const all = [...ctx.state.evaluations.values()].filter((e) => e.applicationId === application.id).map((e) => scored(ctx.state, e, application));
          const own = caller.role === 'manager' ? all.find((e) => e.reviewer.id === caller.user.id) : undefined;
          const blind = caller.role === 'manager' && own?.status !== 'submitted';
          const visible = blind ? (own ? [own] : []) : caller.role === 'admin' ? all : all.filter((e) => e.status === 'submitted' || e === own);
          return json({
            data: visible,
            blind,
            submittedCount: all.filter((e) => e.status === 'submitted').length,
            summary: blind ? null : summariseEvaluations(criteriaOf(ctx.state), application.partnerType, all, thresholdsOf(ctx.state)),
          });
        },
        post: async (ctx) => {
          const reviewer = requireRole(ctx, 'manager') as Caller & { role: 'manager' };
          const body = await readJsonBody(ctx.request);
          const input = parseWith(EvaluationInput, body);
          const { id } = applicationIn(ctx);
          return idempotentWrite(ctx, body, () => ({ status: 200, body: evaluateApplication(ctx.state, reviewer, id, input, ctx.now) }));
        },
      },
    },
    {
      path: '/v1/selection-criteria',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'manager', 'admin');
          const { limit, cursor } = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          return json(ctx.state.cursors.page(ctx.state.criteria.values(), (c) => [c.position, c.id], { limit, cursor }, 'selection-criteria'));
        },
      },
    },
    {
      path: '/v1/selection-criteria/:id',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'manager', 'admin');
          const criterion = ctx.state.criteria.get(pathId(ctx.params.id ?? ''));
          if (!criterion) throw problems.notFound('There is no selection criterion with this id.');
          return json(criterion);
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id ?? '');
          const input = parseWith(SelectionCriterionInput, await readJsonBody(ctx.request));
          const before = ctx.state.criteria.get(id);
          const at = ctx.now.toISOString();
          const criterion = {
            id,
            name: input.name,
            description: input.description ?? null,
            weight: input.weight,
            levels: input.levels,
            knockOutMin: input.knockOutMin ?? null,
            partnerTypes: input.partnerTypes ?? [],
            position: input.position ?? 0,
            ...(input.translations ? { translations: input.translations } : {}),
            createdAt: before?.createdAt ?? at,
            updatedAt: at,
          };
          ctx.state.criteria.set(id, criterion);
          return before ? json(criterion) : json(criterion, 201, { Location: createdLocation(ctx, id) });
        },
        delete: (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id ?? '');
          if (!ctx.state.criteria.has(id)) throw problems.notFound('There is no selection criterion with this id.');
          if ([...ctx.state.evaluations.values()].some((e) => e.scores.some((s) => s.criterionId === id))) throw problems.inUse('The criterion cannot be deleted: evaluations have scored it.');
          ctx.state.criteria.delete(id);
          return new Response(null, { status: 204 });
        },
      },
    },
    {
      path: '/v1/selection-thresholds',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'manager', 'admin');
          return json(thresholdsOf(ctx.state));
        },
        put: async (ctx) => {
          requireRole(ctx, 'admin');
          const input = parseWith(SelectionThresholdsInput, await readJsonBody(ctx.request));
          ctx.state.thresholds = { ...input, updatedAt: ctx.now.toISOString() };
          return json(ctx.state.thresholds);
        },
      },
    },
    {
      path: '/v1/publishable-keys',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'admin');
          const { limit, cursor } = parseWith(PageQuery, queryObject(ctx.url, Object.keys(PageQuery.shape)));
          return json(ctx.state.cursors.page(ctx.state.publishableKeys.values(), (k) => [k.createdAt, k.id], { limit, cursor }, 'publishable-keys'));
        },
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const body = await readJsonBody(ctx.request);
          const input = parseWith(PublishableKeyInput, body);
          return idempotentWrite(ctx, body, () => {
            const at = ctx.now.toISOString();
            const key = { id: newId('pk', ctx.now), name: input.name, key: `pk_pub_${randomToken(32)}`, allowedOrigins: normaliseOrigins(input.allowedOrigins), createdAt: at, updatedAt: at };
            ctx.state.publishableKeys.set(key.id, key);
            return { status: 201, body: key };
          });
        },
      },
    },
    {
      path: '/v1/publishable-keys/:id',
      handlers: {
        get: (ctx) => {
          requireRole(ctx, 'admin');
          const key = ctx.state.publishableKeys.get(pathId(ctx.params.id ?? ''));
          if (!key) throw problems.notFound('There is no publishable key with this id.');
          return json(key);
        },
        patch: async (ctx) => {
          requireRole(ctx, 'admin');
          const id = pathId(ctx.params.id ?? '');
          const patch = parseWith(PublishableKeyPatch, await readJsonBody(ctx.request));
          const key = ctx.state.publishableKeys.get(id);
          if (!key) throw problems.notFound('There is no publishable key with this id.');
          const updated = { ...key, ...(patch.name === undefined ? {} : { name: patch.name }), ...(patch.allowedOrigins === undefined ? {} : { allowedOrigins: normaliseOrigins(patch.allowedOrigins) }), updatedAt: ctx.now.toISOString() };
          ctx.state.publishableKeys.set(id, updated);
          return json(updated);
        },
        delete: (ctx) => {
          requireRole(ctx, 'admin');
          if (!ctx.state.publishableKeys.delete(pathId(ctx.params.id ?? ''))) throw problems.notFound('There is no publishable key with this id.');
          return new Response(null, { status: 204 });
        },
      },
    },
  ],
};
