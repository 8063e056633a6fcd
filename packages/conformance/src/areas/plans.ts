/**
 * Joint business plans: agreement by both sides to the version they read, each side keeping its
 * own items, revisions that stay readable, progress computed with core's rules from the
 * partner's measurements, objectives added in one step, overdue objectives across partners, and
 * isolation between partners.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { currentPeriod, monthsOf, objectiveProgress, periodDays, planProgress, shiftPeriod } from '@partnerkit/core/rules';
import { page, Plan, PlanActivity, PlanComment, PlanObjective, PlanRevision, type PlanObjectiveInput } from '@partnerkit/core/schemas';
import { defineCheck, ensure, fail } from '../check.js';
import { type RunContext, type Who, WHO_NAMES } from '../context.js';
import { describe, type Exchange } from '../http.js';
import { expectBody, expectFieldErrors, expectProblem, show } from '../expect.js';
import { eventsOf, Findings } from './shared.js';

const SIDES_RULE =
  'Admin keys and manager sessions act for the vendor, partner sessions for their partner. Each side updates, marks done and removes only its own items: a partner changing the vendor\'s side answers 403 forbidden. The vendor may also add an item for the partner\'s side; it is then the partner\'s to keep.';
const AGREEMENT_RULE =
  'Proposing asks the other side to agree and records the proposer\'s side\'s agreement; agreeing records the caller\'s side\'s agreement (who, when, version); the plan is agreed once both sides agreed to the same version. A change to what is agreed withdraws the agreements given to earlier versions.';
const VERSION_RULE =
  'A side only agrees to what it saw: a transition naming a version other than the plan\'s answers 409 plan_changed. A move not in the table, a side agreeing twice to one version, or proposing a plan without objectives answers 409 invalid_transition; a missing reason 400 at reason.';
const REVISION_RULE =
  'Changing an agreed plan makes the next revision: the plan is proposed again and both sides agree anew. Each agreed revision stays readable, as it was agreed, at GET .../plans/{period}/revisions/{revision}.';
const PROGRESS_RULE =
  'Each objective\'s progress and the plan\'s are computed when read, at the backend\'s clock (asOf), with objectiveProgress and planProgress in @partnerkit/core/rules, from the partner\'s measurements: never typed by hand.';

const path = (partnerId: string, period: string) => `/v1/partners/${encodeURIComponent(partnerId)}/plans/${encodeURIComponent(period)}`;
const PlanRevisionPage = page(PlanRevision);
const PlanObjectivePage = page(PlanObjective);

const milestone = (title: string, extra: Partial<PlanObjectiveInput> = {}): PlanObjectiveInput => ({ owner: { name: 'Conformance owner' }, title, kind: 'milestone', ...extra });

/** A period the run's partners have no plan for yet: each check takes its own. */
let nextOffset = 4;
const freshPeriod = () => shiftPeriod(currentPeriod('half', new Date()), nextOffset++);

async function send(ctx: RunContext, who: Who, method: string, url: string, json?: unknown, headers?: Record<string, string>): Promise<Exchange> {
  return ctx.http.send(method, url, { token: await ctx.token(who), ...(json === undefined ? {} : { json }), ...(headers ? { headers } : {}) });
}

async function addObjective(ctx: RunContext, who: Who, partnerId: string, period: string, input: PlanObjectiveInput) {
  return expectBody(await send(ctx, who, 'POST', `${path(partnerId, period)}/objectives`, input, { 'Idempotency-Key': newIdempotencyKey() }), PlanObjective, 201, WHO_NAMES[who]);
}

async function readPlan(ctx: RunContext, who: Who, partnerId: string, period: string) {
  return expectBody(await send(ctx, who, 'GET', path(partnerId, period)), Plan, 200, WHO_NAMES[who]);
}

async function transition(ctx: RunContext, who: Who, partnerId: string, period: string, body: Record<string, unknown>) {
  return send(ctx, who, 'POST', `${path(partnerId, period)}/transitions`, body, { 'Idempotency-Key': newIdempotencyKey() });
}

async function move(ctx: RunContext, who: Who, partnerId: string, period: string, to: string, version: number) {
  return expectBody(await transition(ctx, who, partnerId, period, { to, version }), Plan, 200, WHO_NAMES[who]);
}

/** Differences between a served progress and core's, numbers compared to 1e-6. */
function progressDifferences(what: string, served: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const got = served[key];
    const same = typeof value === 'number' && typeof got === 'number' ? Math.abs(value - got) <= 1e-6 * Math.max(1, Math.abs(value)) : JSON.stringify(value) === JSON.stringify(got);
    if (!same) out.push(`${what} ${key} is ${show(got)}; core's rules give ${show(value)}`);
  }
  return out;
}

export const planChecks = [
  defineCheck({
    id: 'plans.agreement',
    area: 'plans',
    title: 'a manager proposes, the partner adds its activity and agrees, the manager agrees again: agreed, with who and when per side',
    rule: AGREEMENT_RULE,
    async run(ctx) {
      const { partners, kpis } = await ctx.fixtures();
      const a = partners.a.id;
      const period = freshPeriod();
      const started = expectBody(await send(ctx, 'manager', 'PUT', path(a, period), { title: ctx.unique('plan') }), Plan, 201, 'manager');
      ensure(started.status === 'draft' && started.revision === 1, `a new plan is ${started.status} at revision ${started.revision}; expected draft at 1`);
      const goal = await addObjective(ctx, 'manager', a, period, { owner: { name: 'Vendor owner' }, title: ctx.unique('revenue'), kind: 'measured', measure: { kpiId: kpis.revenue.id, target: 100_000 } });
      ensure(goal.side === 'vendor' && goal.measure?.kpi.id === kpis.revenue.id, `the manager's objective is on the ${goal.side} side measuring ${show(goal.measure?.kpi.id)}; expected the vendor side, measuring ${kpis.revenue.id}`);
      const draft = await readPlan(ctx, 'manager', a, period);
      const proposed = await move(ctx, 'manager', a, period, 'proposed', draft.version);
      ensure(proposed.status === 'proposed' && proposed.agreements.vendor?.by.side === 'vendor' && proposed.agreements.vendor.version === draft.version && proposed.agreements.partner === null, `after the manager proposed: ${show({ status: proposed.status, agreements: proposed.agreements })}; expected proposed with the vendor's agreement to version ${draft.version}`);

      expectBody(await send(ctx, 'a', 'POST', `${path(a, period)}/objectives/${goal.id}/activities`, { title: ctx.unique('webinar') }, { 'Idempotency-Key': newIdempotencyKey() }), PlanActivity, 201, 'partner A');
      const changed = await readPlan(ctx, 'a', a, period);
      ensure(changed.version > draft.version && changed.agreements.vendor === null, `after partner A added an activity the plan is at version ${changed.version} with the vendor's agreement ${show(changed.agreements.vendor)}; a change withdraws it`);
      const partnerAgreed = await move(ctx, 'a', a, period, 'agreed', changed.version);
      ensure(partnerAgreed.status === 'proposed' && partnerAgreed.agreements.partner?.by.side === 'partner', `after partner A agreed alone the plan is ${partnerAgreed.status}; expected proposed, with the partner's agreement`);
      const agreed = await move(ctx, 'manager', a, period, 'agreed', changed.version);
      ensure(agreed.status === 'agreed', `after both sides agreed to version ${changed.version} the plan is ${agreed.status}`);
      const input = await ctx.sessionInput('a');
      ensure(agreed.agreements.partner?.by.id === input.user.id && agreed.agreements.partner.by.role === 'partner', `the partner's agreement was by ${show(agreed.agreements.partner?.by)}; the session's user is ${input.user.id}`);
      const actions = agreed.history.map((e) => `${e.action}:${e.by.side}`);
      ensure(JSON.stringify(actions) === JSON.stringify(['created:vendor', 'proposed:vendor', 'agreed:partner', 'agreed:vendor']), `the plan's history is ${show(actions)}`);

      const events = await eventsOf(ctx, a, null);
      const types = events.filter((e) => (e.data as { planId?: unknown }).planId === agreed.id).map((e) => e.type);
      for (const type of ['plan.created', 'plan.objective_added', 'plan.proposed', 'plan.activity_added', 'plan.side_agreed', 'plan.agreed']) ensure(types.includes(type), `the event log has ${show(types)} for the plan; ${type} is missing`);
    },
  }),
  defineCheck({
    id: 'plans.sides',
    area: 'plans',
    title: 'a partner never changes the vendor\'s items, the vendor never the partner\'s; each side changes its own and both comment',
    rule: SIDES_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const a = partners.a.id;
      const period = freshPeriod();
      const vendor = await addObjective(ctx, 'manager', a, period, milestone(ctx.unique('vendor milestone')));
      const ours = await addObjective(ctx, 'a', a, period, milestone(ctx.unique('partner milestone')));
      ensure(ours.side === 'partner', `partner A's objective is on the ${ours.side} side`);
      const forPartner = await addObjective(ctx, 'manager', a, period, milestone(ctx.unique('for the partner'), { side: 'partner' }));
      ensure(forPartner.side === 'partner', `an objective the manager added for the partner is on the ${forPartner.side} side`);
      const vendorUrl = `${path(a, period)}/objectives/${vendor.id}`;
      const findings = new Findings();
      const refused = async (who: Who, method: string, url: string, body: unknown, what: string) => {
        const exchange = await send(ctx, who, method, url, body, method === 'POST' ? { 'Idempotency-Key': newIdempotencyKey() } : undefined);
        const code = (exchange.body as { code?: unknown } | undefined)?.code;
        if (exchange.status !== 403 || code !== 'forbidden') findings.add(`${what}: ${describe(exchange, WHO_NAMES[who])}; expected 403 forbidden`);
      };
      await refused('a', 'POST', `${path(a, period)}/objectives`, milestone('vendor side', { side: 'vendor' }), 'partner A adding a vendor objective');
      await refused('a', 'PATCH', vendorUrl, { title: 'renamed by the partner' }, 'partner A renaming a vendor objective');
      await refused('a', 'PATCH', vendorUrl, { done: true }, 'partner A marking a vendor milestone done');
      await refused('a', 'DELETE', vendorUrl, undefined, 'partner A removing a vendor objective');
      await refused('a', 'POST', `${vendorUrl}/activities`, { title: 'vendor task', side: 'vendor' }, 'partner A adding a vendor activity');
      await refused('manager', 'PATCH', `${path(a, period)}/objectives/${forPartner.id}`, { title: 'renamed by the vendor' }, 'the manager renaming a partner objective');
      await refused('manager', 'DELETE', `${path(a, period)}/objectives/${ours.id}`, undefined, 'the manager removing a partner objective');
      const after = await readPlan(ctx, 'manager', a, period);
      const stillThere = after.objectives.find((o) => o.id === vendor.id);
      if (stillThere?.title !== vendor.title || stillThere.completed !== null) findings.add(`after the refused requests the vendor objective is ${show(stillThere)}`);

      const done = expectBody(await send(ctx, 'a', 'PATCH', `${path(a, period)}/objectives/${forPartner.id}`, { done: true }), PlanObjective, 200, 'partner A');
      if (done.completed?.by.side !== 'partner' || done.progress.status !== 'done') findings.add(`partner A marking its milestone done gave completed ${show(done.completed)} and status ${done.progress.status}`);
      const comment = expectBody(await send(ctx, 'a', 'POST', `${vendorUrl}/comments`, { body: 'From the partner' }, { 'Idempotency-Key': newIdempotencyKey() }), PlanComment, 201, 'partner A');
      expectBody(await send(ctx, 'manager', 'POST', `${vendorUrl}/comments`, { body: 'From the vendor' }, { 'Idempotency-Key': newIdempotencyKey() }), PlanComment, 201, 'manager');
      const read = expectBody(await send(ctx, 'a', 'GET', vendorUrl), PlanObjective, 200, 'partner A');
      const sides = read.comments.map((c) => c.author.side);
      if (JSON.stringify(sides) !== JSON.stringify(['partner', 'vendor']) || read.comments[0]?.id !== comment.id) findings.add(`the objective's comments are from ${show(sides)}; expected the partner's then the vendor's`);
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'plans.versions',
    area: 'plans',
    title: 'stale versions answer 409 plan_changed; agreeing twice and proposing nothing 409 invalid_transition; sending back needs a reason',
    rule: VERSION_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const b = partners.b.id;
      const period = freshPeriod();
      expectBody(await send(ctx, 'b', 'PUT', path(b, period), {}), Plan, 201, 'partner B');
      expectProblem(await transition(ctx, 'b', b, period, { to: 'proposed', version: 1 }), 409, 'invalid_transition', 'partner B proposing an empty plan');
      await addObjective(ctx, 'b', b, period, milestone(ctx.unique('case study')));
      const current = await readPlan(ctx, 'b', b, period);
      const stale = await transition(ctx, 'b', b, period, { to: 'proposed', version: current.version - 1 });
      expectProblem(stale, 409, 'plan_changed', `partner B proposing version ${current.version - 1} of a plan at ${current.version}`);
      const proposed = await move(ctx, 'b', b, period, 'proposed', current.version);
      expectProblem(await transition(ctx, 'b', b, period, { to: 'agreed', version: proposed.version }), 409, 'invalid_transition', 'partner B agreeing a second time');
      expectProblem(await transition(ctx, 'manager', b, period, { to: 'proposed', version: proposed.version }), 409, 'invalid_transition', 'the manager proposing a proposed plan');
      expectFieldErrors(await transition(ctx, 'manager', b, period, { to: 'draft', version: proposed.version }), ['reason'], 'the manager sending the plan back without a reason');
      const back = expectBody(await transition(ctx, 'manager', b, period, { to: 'draft', version: proposed.version, reason: 'The target is too low' }), Plan, 200, 'manager');
      ensure(back.status === 'draft' && back.agreements.partner === null && back.agreements.vendor === null, `a plan sent back is ${back.status} with agreements ${show(back.agreements)}; expected a draft without agreements`);
    },
  }),
  defineCheck({
    id: 'plans.revisions',
    area: 'plans',
    title: 'changing an agreed plan makes the next revision, proposed to both sides again; the agreed revision stays readable as agreed',
    rule: REVISION_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const b = partners.b.id;
      const period = freshPeriod();
      const first = await addObjective(ctx, 'manager', b, period, milestone(ctx.unique('first')));
      let plan = await readPlan(ctx, 'manager', b, period);
      plan = await move(ctx, 'manager', b, period, 'proposed', plan.version);
      plan = await move(ctx, 'b', b, period, 'agreed', plan.version);
      ensure(plan.status === 'agreed' && plan.revision === 1, `the plan is ${plan.status} at revision ${plan.revision}; expected agreed at 1`);
      await addObjective(ctx, 'b', b, period, milestone(ctx.unique('second')));
      const revised = await readPlan(ctx, 'b', b, period);
      ensure(revised.status === 'proposed' && revised.revision === 2 && revised.agreements.vendor === null && revised.agreements.partner === null, `after a change to the agreed plan: ${show({ status: revised.status, revision: revised.revision, agreements: revised.agreements })}; expected proposed at revision 2 without agreements`);
      const kept = expectBody(await send(ctx, 'b', 'GET', `${path(b, period)}/revisions/1`), PlanRevision, 200, 'partner B');
      ensure(kept.objectives.length === 1 && kept.objectives[0]?.id === first.id && kept.agreements.partner.by.side === 'partner', `revision 1 holds ${show(kept.objectives.map((o) => o.id))}; expected the one objective agreed`);
      expectProblem(await send(ctx, 'b', 'GET', `${path(b, period)}/revisions/2`), 404, 'not_found', 'partner B reading revision 2 before it is agreed');
      plan = await move(ctx, 'manager', b, period, 'agreed', revised.version);
      plan = await move(ctx, 'b', b, period, 'agreed', revised.version);
      const list = expectBody(await send(ctx, 'manager', 'GET', `${path(b, period)}/revisions`), PlanRevisionPage, 200, 'manager');
      ensure(JSON.stringify(list.data.map((r) => [r.revision, r.objectives.length])) === JSON.stringify([[1, 1], [2, 2]]), `the revisions are ${show(list.data.map((r) => [r.revision, r.objectives.length]))}; expected [1, 1 objective], [2, 2 objectives]`);
    },
  }),
  defineCheck({
    id: 'plans.progress',
    area: 'plans',
    title: 'objective and plan progress equal core\'s rules at the backend\'s clock, and move when measurements arrive',
    rule: PROGRESS_RULE,
    async run(ctx) {
      const { kpis } = await ctx.fixtures();
      // A fresh partner, so the ingest disturbs no other check's numbers.
      const partner = await ctx.admin.partners.create({ name: ctx.unique('plan progress partner'), type: 'referral' }, { idempotencyKey: newIdempotencyKey() });
      ctx.created.partners.add(partner.id);
      const period = currentPeriod('quarter', new Date());
      const months = monthsOf(period);
      const { first, last } = periodDays(period);
      await addObjective(ctx, 'admin', partner.id, period, { owner: { name: 'Owner' }, title: 'Revenue', kind: 'measured', measure: { kpiId: kpis.revenue.id, target: 90_000 }, dueDate: last });
      await addObjective(ctx, 'admin', partner.id, period, { owner: { name: 'Owner' }, title: 'Churn', kind: 'measured', measure: { kpiId: kpis.churn.id, target: 5 } });
      await addObjective(ctx, 'admin', partner.id, period, milestone('Launch', { dueDate: first }));

      const compare = async (when: string) => {
        const served = await readPlan(ctx, 'admin', partner.id, period);
        const measurements = (await ctx.admin.partners.measurements(partner.id, { limit: 200 })).data;
        const now = new Date(served.asOf);
        const findings = new Findings();
        for (const objective of served.objectives) {
          const expected = objectiveProgress({
            objective: { kind: objective.kind, measure: objective.measure, dueDate: objective.dueDate, completed: objective.completed },
            period,
            measurements,
            now,
          });
          for (const d of progressDifferences(`${when}: "${objective.title}"`, objective.progress, expected)) findings.add(d);
        }
        for (const d of progressDifferences(`${when}: the plan`, served.progress, planProgress(served.objectives.map((o) => o.progress)))) findings.add(d);
        findings.assertNone();
        return served;
      };
      const before = await compare('without measurements');
      const revenueBefore = before.objectives.find((o) => o.title === 'Revenue')?.progress;
      await ctx.admin.measurements.ingest({
        data: [
          ...months.map((period) => ({ partnerId: partner.id, kpiId: kpis.revenue.id, period, value: 20_000, source: 'conformance' })),
          { partnerId: partner.id, kpiId: kpis.churn.id, period: months[0] as string, value: 4, source: 'conformance' },
        ],
      });
      const after = await compare('after measurements arrived');
      const revenueAfter = after.objectives.find((o) => o.title === 'Revenue')?.progress;
      ensure(revenueBefore?.actual === null && revenueAfter?.actual === 60_000, `the revenue objective's actual went from ${show(revenueBefore?.actual)} to ${show(revenueAfter?.actual)}; expected null, then 60000 (three months of 20000)`);
      ensure(after.version === before.version, `measurements moved the plan's version from ${before.version} to ${after.version}: they are progress, not changes`);
    },
  }),
  defineCheck({
    id: 'plans.one-step',
    area: 'plans',
    title: 'an objective added for a period without a plan starts the plan as a draft, keeping where it came from',
    rule: 'createPlanObjective starts the plan too when the period has none, so another part of the programme (a review\'s action item) adds an objective in one step, naming its source.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const period = freshPeriod();
      expectProblem(await send(ctx, 'manager', 'GET', path(partners.c.id, period)), 404, 'not_found', 'the manager before the plan exists');
      const source = { type: 'review', id: `${ctx.prefix}-review`, label: 'Conformance review' };
      const objective = await addObjective(ctx, 'manager', partners.c.id, period, milestone(ctx.unique('action item'), { side: 'partner', source }));
      ensure(JSON.stringify(objective.source) === JSON.stringify(source), `the objective's source is ${show(objective.source)}; it was sent as ${show(source)}`);
      const plan = await readPlan(ctx, 'c', partners.c.id, period);
      ensure(plan.status === 'draft' && plan.objectives.length === 1 && plan.objectives[0]?.id === objective.id, `the plan the objective started is ${plan.status} with ${show(plan.objectives.map((o) => o.id))}`);
    },
  }),
  defineCheck({
    id: 'plans.overdue',
    area: 'plans',
    title: 'plan objectives across partners: overdue=true gives the ones past due and not done, per partner, never another partner\'s to a partner',
    rule: 'GET /v1/plan-objectives lists objectives across partners, earliest due date first (with overdue=true, the ones past their due date and not done). A partner session sees only its own partner\'s objectives; a partnerId filter naming another partner gives an empty page.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const a = partners.a.id;
      const past = shiftPeriod(currentPeriod('quarter', new Date()), -2);
      const late = await addObjective(ctx, 'a', a, past, milestone(ctx.unique('late')));
      const kept = await addObjective(ctx, 'a', a, past, milestone(ctx.unique('kept')));
      expectBody(await send(ctx, 'a', 'PATCH', `${path(a, past)}/objectives/${kept.id}`, { done: true }), PlanObjective, 200, 'partner A');
      const listed = async (who: Who, query: string) => {
        const items: PlanObjective[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 50; pages++) {
          const exchange = await send(ctx, who, 'GET', `/v1/plan-objectives?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          const body = expectBody(exchange, PlanObjectivePage, 200, WHO_NAMES[who]);
          items.push(...body.data);
          cursor = body.nextCursor;
          if (cursor === null) return items;
        }
        fail(`GET /v1/plan-objectives?${query} did not end within 50 pages`);
      };
      const overdue = await listed('manager', `partnerId=${encodeURIComponent(a)}&period=${past}&overdue=true`);
      ensure(overdue.map((o) => o.id).join() === late.id, `partner A's overdue objectives of ${past} are ${show(overdue.map((o) => o.title))}; expected only the milestone not done`);
      ensure(overdue.every((o) => o.progress.overdue), 'an objective listed as overdue has progress.overdue false');
      const others = await listed('a', `period=${past}&overdue=false`);
      ensure(others.map((o) => o.id).join() === kept.id, `partner A's objectives of ${past} that are not overdue are ${show(others.map((o) => o.title))}; expected only the milestone done`);
      const dates = (await listed('a', `period=${past}`)).map((o) => o.dueDate);
      ensure(dates.every((d, i) => i === 0 || (dates[i - 1] as string) <= d), `the list is not earliest due date first: ${show(dates)}`);
      const foreign = expectBody(await send(ctx, 'b', 'GET', `/v1/plan-objectives?partnerId=${encodeURIComponent(a)}`), PlanObjectivePage, 200, 'partner B');
      ensure(foreign.data.length === 0, `partner B filtering by partner A's id was given ${foreign.data.length} objective(s)`);
      const own = await listed('b', 'overdue=true');
      ensure(own.every((o) => o.partnerId === partners.b.id), `partner B's list holds objectives of ${show([...new Set(own.map((o) => o.partnerId))])}`);
    },
  }),
  defineCheck({
    id: 'plans.isolation',
    area: 'plans',
    title: 'a partner reaches no plan of another partner: reads and writes answer exactly as for a partner that does not exist',
    rule: 'A partner session sees its own partner and nothing of any other: another partner\'s plans answer 404 not_found, exactly like an id that does not exist.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const a = partners.a.id;
      const period = freshPeriod();
      const objective = await addObjective(ctx, 'a', a, period, milestone(ctx.unique('private')));
      const ghost = `${ctx.prefix}-ghost`;
      const findings = new Findings();
      const probes: [string, string, unknown][] = [
        ['GET', path(a, period), undefined],
        ['GET', `/v1/partners/${encodeURIComponent(a)}/plans`, undefined],
        ['GET', `${path(a, period)}/objectives/${objective.id}`, undefined],
        ['PATCH', `${path(a, period)}/objectives/${objective.id}`, { done: true }],
        ['POST', `${path(a, period)}/objectives/${objective.id}/comments`, { body: 'from B' }],
        ['POST', `${path(a, period)}/objectives`, milestone('from B')],
        ['PUT', path(a, shiftPeriod(period, 1)), { title: 'B starts A\'s plan' }],
      ];
      for (const [method, url, body] of probes) {
        const theirs = await send(ctx, 'b', method, url, body);
        const nobody = await send(ctx, 'b', method, url.replace(encodeURIComponent(a), encodeURIComponent(ghost)), body);
        const code = (theirs.body as { code?: unknown } | undefined)?.code;
        if (theirs.status !== 404 || code !== 'not_found') findings.add(`${method} on partner A's plan: ${describe(theirs, 'partner B')}; expected 404 not_found`);
        else if (JSON.stringify((theirs.body as { detail?: unknown }).detail) !== JSON.stringify((nobody.body as { detail?: unknown } | undefined)?.detail)) {
          findings.add(`${method} on partner A's plan answers ${show((theirs.body as { detail?: unknown }).detail)}, but ${show((nobody.body as { detail?: unknown } | undefined)?.detail)} for a partner that does not exist`);
        }
      }
      const after = await readPlan(ctx, 'a', a, period);
      if (after.objectives.length !== 1 || after.objectives[0]?.completed !== null || after.objectives[0].comments.length > 0) findings.add(`partner B's requests changed partner A's plan: ${show(after.objectives)}`);
      findings.assertNone();
    },
  }),
];
