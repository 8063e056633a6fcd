/**
 * Recruitment: what a publishable key may do (read the form and submit, from the origins it lists,
 * and nothing else, ever), the application lifecycle against core's table, approval creating the
 * partner, and evaluations scored blind and summed up with core's rules.
 * @module
 */
import { allowedApplicationTransitions, APPLICATION_TRANSITIONS, applicableCriteria, scoreEvaluation, summariseEvaluations } from '@partnerkit/core/rules';
import {
  Application,
  APPLICATION_STATUSES,
  ApplicationForm,
  type ApplicationInput,
  type ApplicationStatus,
  Evaluation,
  EvaluationList,
  Partner,
  PublishableKey,
  type SelectionCriterion,
  SelectionThresholds,
} from '@partnerkit/core/schemas';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { defineCheck, ensure } from '../check.js';
import type { RunContext } from '../context.js';
import { describe, type Exchange } from '../http.js';
import { expectBody, expectFieldErrors, show } from '../expect.js';
import { contractOperations, sampleRequest } from '../operations.js';
import { Findings, ghostIds, pool, sleep } from './shared.js';

const SCOPE_RULE =
  'A publishable key (pk_pub_...) may read the application form and submit applications, from the origins it lists, and nothing else, ever: every other operation answers it 401 unauthorized as if it did not exist. A request from an origin the key does not list answers 403 forbidden, and so does a submission without Origin. A submission needs the formToken of the form and an empty honeypot; its answer is { "number" } and nothing else.';
const LIFECYCLE_RULE =
  'Applications move through APPLICATION_TRANSITIONS of @partnerkit/core/rules: a move that is not in the table answers 409 invalid_transition (an application on hold resumes only to the stage it was held from); a move that needs a reason answers 400 validation_failed at reason without one. Approval creates the partner (status onboarding, the applied-for type, the company\'s name) and links it as partnerId.';
const SCORES_RULE =
  'An evaluation\'s weightedScore and knockOuts are scoreEvaluation of @partnerkit/core/rules over the criteria that apply to the partner type; a manager who has not submitted their own evaluation sees only their own (blind: true, no summary); afterwards the summary is summariseEvaluations over the submitted evaluations with the programme\'s thresholds.';

/** The origin the kit's publishable key lists: its requests say they come from there. */
const KIT_ORIGIN = 'https://partnerkit-conformance.invalid';
const REASON = 'conformance check';

/** Valid answers to the form's questions a partner type is asked. */
function answersFor(form: ApplicationForm, type: ApplicationInput['partnerType']): NonNullable<ApplicationInput['answers']> {
  const answers: NonNullable<ApplicationInput['answers']> = {};
  for (const question of form.questions) {
    if (question.partnerTypes.length > 0 && !question.partnerTypes.includes(type)) continue;
    const first = question.options[0]?.value ?? 'x';
    answers[question.id] = { short_text: 'Conformance', long_text: 'Conformance check', single_choice: first, multiple_choice: [first], number: 1, yes_no: true }[question.kind];
  }
  return answers;
}

/** An application the form accepts, for a company named after the run. */
function applicationFor(ctx: RunContext, form: ApplicationForm, label: string): ApplicationInput {
  const type = form.partnerTypes[0]?.type ?? 'reseller';
  const company = ctx.unique(label);
  return {
    partnerType: type,
    company: { name: company, domains: [`${company.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 50)}.invalid`], country: 'VN', size: '11-50' },
    contact: { name: `${label} contact`, email: 'contact@partnerkit-conformance.invalid' },
    capabilities: { markets: ['VN'], technicalStaff: 2, whyUs: REASON },
    answers: answersFor(form, type),
    consent: true,
  };
}

async function readForm(ctx: RunContext): Promise<ApplicationForm> {
  return expectBody(await ctx.http.get('/v1/application-form', { token: await ctx.token('admin') }), ApplicationForm, 200, 'admin');
}

/** Creates an application as the manager (an invitation) and moves it along `path`. */
async function applicationAt(ctx: RunContext, form: ApplicationForm, path: readonly { to: ApplicationStatus; reason?: string }[], label: string): Promise<Application> {
  const manager = await ctx.token('manager');
  const created = await ctx.http.send('POST', '/v1/applications', { token: manager, headers: { 'Idempotency-Key': newIdempotencyKey() }, json: applicationFor(ctx, form, label) });
  let application = expectBody(created, Application, 201, 'manager');
  for (const step of path) application = expectBody(await moveApplication(ctx, application.id, step), Application, 200, 'manager');
  return application;
}

async function moveApplication(ctx: RunContext, id: string, body: Record<string, unknown>): Promise<Exchange> {
  return ctx.http.send('POST', `/v1/applications/${encodeURIComponent(id)}/transitions`, { token: await ctx.token('manager'), json: body });
}

/** How the kit reaches each stage a move starts from (held from screening for `on_hold`). */
const ROUTES: Partial<Record<ApplicationStatus, { to: ApplicationStatus; reason?: string }[]>> = {
  submitted: [],
  screening: [{ to: 'screening' }],
  interview: [{ to: 'screening' }, { to: 'interview' }],
  due_diligence: [{ to: 'screening' }, { to: 'interview' }, { to: 'due_diligence' }],
  on_hold: [{ to: 'screening' }, { to: 'on_hold', reason: REASON }],
};

async function allCriteria(ctx: RunContext): Promise<SelectionCriterion[]> {
  const criteria: SelectionCriterion[] = [];
  for await (const criterion of ctx.admin.selection.iterateCriteria({ limit: 200 })) criteria.push(criterion);
  return criteria;
}

export const applicationChecks = [
  defineCheck({
    id: 'applications.public-key',
    area: 'applications',
    title: 'a publishable key reads the form and submits from its origins, and reaches nothing else',
    rule: SCOPE_RULE,
    async run(ctx) {
      const admin = await ctx.token('admin');
      const created = expectBody(
        await ctx.http.send('POST', '/v1/publishable-keys', { token: admin, headers: { 'Idempotency-Key': newIdempotencyKey() }, json: { name: `${ctx.prefix} public page`, allowedOrigins: [KIT_ORIGIN] } }),
        PublishableKey,
        201,
        'admin',
      );
      ctx.created.publishableKeys.add(created.id);
      const key = created.key;
      const fromPage = { origin: KIT_ORIGIN };
      const findings = new Findings();

      // Every operation but the two: answered as if the key did not exist.
      const ids = ghostIds(ctx);
      const others = contractOperations().filter((op) => op.roles.length > 0 && !(op.roles as string[]).includes('publishable'));
      await pool(others, 6, async (op) => {
        const request = sampleRequest(op, ids);
        const exchange = await ctx.http.send(op.method, request.path, { token: key, headers: fromPage, ...(request.body === undefined ? {} : { json: request.body }) });
        const code = (exchange.body as { code?: unknown } | undefined)?.code;
        if (exchange.status !== 401 || code !== 'unauthorized') findings.add(`${op.operationId} with the publishable key: ${describe(exchange)}; expected 401 unauthorized`);
      });

      const form = expectBody(await ctx.http.get('/v1/application-form', { token: key, headers: fromPage }), ApplicationForm, 200, 'the publishable key');
      const elsewhere = await ctx.http.get('/v1/application-form', { token: key, headers: { origin: 'https://elsewhere.invalid' } });
      if (elsewhere.status !== 403) findings.add(`getApplicationForm with the key from an origin it does not list: ${describe(elsewhere)}; expected 403 forbidden`);

      const submit = (body: unknown, headers: Record<string, string> = fromPage) => ctx.http.send('POST', '/v1/applications', { token: key, headers: { ...headers, 'Idempotency-Key': newIdempotencyKey() }, json: body });
      const input = { ...applicationFor(ctx, form, 'public applicant'), formToken: form.formToken };
      // A person takes a while to fill the form in; so does the kit.
      if (ctx.options.clock) await ctx.advanceClock(30_000);
      else await sleep(5_000);
      const noOrigin = await submit(input, {});
      if (noOrigin.status !== 403) findings.add(`createApplication with the key and no Origin: ${describe(noOrigin)}; expected 403 forbidden`);
      expectFieldErrors(await submit({ ...input, honeypot: 'https://spam.invalid' }), ['honeypot'], 'the publishable key (honeypot filled)');
      const receipt = await submit(input);
      ensure(receipt.status === 201, () => `createApplication with the key: ${describe(receipt)}; expected 201`);
      const keys = Object.keys((receipt.body ?? {}) as object);
      ensure(keys.length === 1 && keys[0] === 'number' && typeof (receipt.body as { number: unknown }).number === 'string', () => `createApplication with the key answered ${show(receipt.body)}; expected { "number" } and nothing else`);
      const number = (receipt.body as { number: string }).number;
      const listed = await ctx.admin.applications.list({ q: number });
      if (!listed.data.some((a) => a.number === number && a.source.channel === 'public_form')) findings.add(`the application ${number} the key submitted is not listed with source.channel public_form`);

      await ctx.admin.publishableKeys.delete(created.id);
      const revoked = await ctx.http.get('/v1/application-form', { token: key, headers: fromPage });
      if (revoked.status !== 401) findings.add(`getApplicationForm with a revoked key: ${describe(revoked)}; expected 401 unauthorized`);
      findings.assertNone();
    },
  }),

  defineCheck({
    id: 'applications.lifecycle',
    area: 'applications',
    title: 'application moves follow core\'s table; approval creates the onboarding partner',
    rule: LIFECYCLE_RULE,
    async run(ctx) {
      const form = await readForm(ctx);
      const findings = new Findings();
      for (const [from, route] of Object.entries(ROUTES) as [ApplicationStatus, { to: ApplicationStatus; reason?: string }[]][]) {
        const heldFrom = from === 'on_hold' ? 'screening' : null;
        const allowed = allowedApplicationTransitions(from, 'manager', heldFrom);
        // Refused moves change nothing: one application per stage takes them all.
        const probe = await applicationAt(ctx, form, route, `at ${from}`);
        for (const to of APPLICATION_STATUSES.filter((s) => s !== from && !allowed.includes(s))) {
          const exchange = await moveApplication(ctx, probe.id, { to, reason: REASON });
          const code = (exchange.body as { code?: unknown } | undefined)?.code;
          if (exchange.status !== 409 || code !== 'invalid_transition') findings.add(`${from} -> ${to} by manager: ${describe(exchange, 'manager')}; expected 409 invalid_transition`);
        }
        for (const to of allowed) {
          const application = await applicationAt(ctx, form, route, `${from} to ${to}`);
          const needsReason = APPLICATION_TRANSITIONS.find((t) => t.from === from && t.to === to)?.reason === 'required';
          if (needsReason) {
            const bare = await moveApplication(ctx, application.id, { to });
            if (bare.status !== 400 || !JSON.stringify(bare.body ?? {}).includes('"reason"')) findings.add(`${from} -> ${to} without a reason: ${describe(bare, 'manager')}; expected 400 validation_failed at reason`);
          }
          const moved = await moveApplication(ctx, application.id, { to, reason: REASON });
          if (moved.status !== 200) {
            findings.add(`${from} -> ${to} by manager: ${describe(moved, 'manager')}; expected 200`);
            continue;
          }
          const after = expectBody(moved, Application, 200, 'manager');
          if (after.status !== to || after.history.at(-1)?.to !== to) findings.add(`${from} -> ${to} answered status ${after.status}, last history entry ${show(after.history.at(-1))}`);
          if (to === 'approved') {
            if (after.partnerId === null) {
              findings.add('an approved application has no partnerId');
              continue;
            }
            ctx.created.partners.add(after.partnerId);
            const partner = expectBody(await ctx.http.get(`/v1/partners/${encodeURIComponent(after.partnerId)}`, { token: await ctx.token('admin') }), Partner, 200, 'admin');
            if (partner.status !== 'onboarding' || partner.type !== after.partnerType || partner.name !== after.company.name) {
              findings.add(`approval created ${show({ status: partner.status, type: partner.type, name: partner.name })}; expected onboarding, ${after.partnerType}, ${after.company.name}`);
            }
          }
        }
      }
      findings.assertNone();
    },
  }),

  defineCheck({
    id: 'applications.scores',
    area: 'applications',
    title: 'evaluations are scored blind and summed up with core\'s rules',
    rule: SCORES_RULE,
    async run(ctx) {
      const form = await readForm(ctx);
      const type = form.partnerTypes[0]?.type ?? 'reseller';
      let criteria = await allCriteria(ctx);
      if (applicableCriteria(criteria, type).length === 0) {
        const id = `${ctx.prefix}-criterion`;
        await ctx.admin.selection.putCriterion(id, { name: `${ctx.prefix} criterion`, weight: 1, levels: [1, 2, 3, 4, 5].map((n) => ({ description: `level ${n}` })), knockOutMin: 2, partnerTypes: [type] });
        ctx.created.criteria.add(id);
        criteria = await allCriteria(ctx);
      }
      const applicable = applicableCriteria(criteria, type);
      const thresholds = expectBody(await ctx.http.get('/v1/selection-thresholds', { token: await ctx.token('manager') }), SelectionThresholds, 200, 'manager');
      const application = await applicationAt(ctx, form, [{ to: 'screening' }], 'scored');
      const path = `/v1/applications/${encodeURIComponent(application.id)}/evaluations`;
      const first = applicable.map((c, i) => ({ criterionId: c.id, score: 5 - (i % 3), note: null }));
      // The second reviewer differs by two on the first criterion: flagged for discussion.
      const second = applicable.map((c, i) => ({ criterionId: c.id, score: i === 0 ? 3 : 4, note: null }));
      const reviewerB = (await ctx.mint({ role: 'manager', user: { id: `${ctx.prefix}-reviewer-b`, name: 'Second reviewer' } })).token;
      const findings = new Findings();

      const own = expectBody(await ctx.http.send('POST', path, { token: await ctx.token('manager'), json: { scores: first, recommendation: 'approve', submit: true } }), Evaluation, 200, 'manager');
      const expected = scoreEvaluation(criteria, type, first);
      if (own.weightedScore !== expected.weightedScore || show(own.knockOuts.slice().sort()) !== show(expected.knockOuts.slice().sort())) {
        findings.add(`the evaluation answered weightedScore ${own.weightedScore}, knockOuts ${show(own.knockOuts)}; core's scoreEvaluation gives ${expected.weightedScore}, ${show(expected.knockOuts)}`);
      }
      const blind = expectBody(await ctx.http.get(path, { token: reviewerB }), EvaluationList, 200, 'a second manager');
      if (!blind.blind || blind.summary !== null || blind.data.some((e) => e.id === own.id)) findings.add(`a reviewer who has not scored sees ${show({ blind: blind.blind, evaluations: blind.data.length, summary: blind.summary !== null })}; expected blind, no one else's evaluation, no summary`);
      expectBody(await ctx.http.send('POST', path, { token: reviewerB, json: { scores: second, recommendation: 'discuss', submit: true } }), Evaluation, 200, 'a second manager');
      const seen = expectBody(await ctx.http.get(path, { token: reviewerB }), EvaluationList, 200, 'a second manager');
      const summary = summariseEvaluations(criteria, type, [{ status: 'submitted', scores: first }, { status: 'submitted', scores: second }], thresholds);
      if (seen.blind || seen.summary === null) findings.add(`after submitting, a reviewer still sees ${show({ blind: seen.blind, summary: seen.summary })}`);
      else {
        const flagged = (s: typeof summary) => s.criteria.filter((c) => c.flagged).map((c) => c.criterionId).sort();
        if (seen.summary.weightedScore !== summary.weightedScore) findings.add(`the summary's weightedScore is ${seen.summary.weightedScore}; core's summariseEvaluations gives ${summary.weightedScore}`);
        if (show(flagged(seen.summary)) !== show(flagged(summary))) findings.add(`the summary flags ${show(flagged(seen.summary))}; core's rules flag ${show(flagged(summary))}`);
        if (seen.summary.recommendation !== summary.recommendation || seen.summary.knockedOut !== summary.knockedOut) {
          findings.add(`the summary recommends ${seen.summary.recommendation} (knocked out: ${seen.summary.knockedOut}); core's rules give ${summary.recommendation} (${summary.knockedOut})`);
        }
      }
      const again = await ctx.http.send('POST', path, { token: reviewerB, json: { scores: second, submit: true } });
      if (again.status !== 409) findings.add(`changing a submitted evaluation: ${describe(again, 'a second manager')}; expected 409 invalid_transition`);
      const partner = await ctx.http.get(path, { token: await ctx.token('a') });
      if (partner.status !== 403) findings.add(`a partner session reading evaluations: ${describe(partner, 'partner A')}; expected 403 forbidden`);
      findings.assertNone();
    },
  }),
];
