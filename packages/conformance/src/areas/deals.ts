/**
 * Deal registration and its lifecycle: every move per role against core's table, reasons,
 * protection windows and their one extension, expiry by the system, events, one active
 * registration per customer, and a pre-check that names no one.
 * @module
 */
import { ACTIVE_DEAL_STATUSES, checkTransition, DAY_MS, DEAL_TRANSITIONS, isExtension, protectionEnd, transitionEventType } from '@partnerkit/core/rules';
import { CONFLICT_REASONS, Deal, DEAL_STATUSES, DealCheckResult, type DealStatus, type Role } from '@partnerkit/core/schemas';
import { defineCheck, ensure, fail, skip } from '../check.js';
import { type RunContext, type Who, WHO_NAMES } from '../context.js';
import { dealIn, dealInput, type Owner, register } from '../deal-fixtures.js';
import { describe, type Exchange } from '../http.js';
import { expectBody, expectFieldErrors, expectProblem, show } from '../expect.js';
import { eventsOf, Findings, pool } from './shared.js';

const TABLE_RULE =
  'A move that is not in the table answers 409 invalid_transition; a move whose who does not include the caller\'s role answers 403 forbidden. The table is DEAL_TRANSITIONS in @partnerkit/core/rules. rejected, won, lost, expired and withdrawn are final. The deal keeps its full history: every move with who made it, when and why.';
const CONFLICT_RULE =
  'One active registration per customer. From submission on, a registration in submitted, under_review, needs_info or approved holds its customer across all partners. Submitting another one for the same customer (by registerDeal, or by moving a draft to submitted) answers 409 deal_conflict with a reason: own_registration, protected or already_registered. A draft holds nothing. rejected, lost, expired and withdrawn registrations release the customer.';
const SAME_CUSTOMER_RULE =
  "Two registrations are the same customer (sameCustomer in @partnerkit/core/rules) when their registrable domains are equal, or when either has no registrable domain and their company names are equal after normalising (companyNameKey): leaving the domain out never escapes a holder, for another partner or for the holder itself. Two different domains are two customers, even under one name. The pre-check answers what a submission would get.";
const NO_IDENTITY_RULE = "Conflict answers, pre-check answers and every other message carry reason codes only, never another partner's identity, its deal, or its registration number.";

const ROLES: readonly Role[] = ['admin', 'manager', 'partner'];
const REASON = 'conformance check';

/** Who acts for a role on partner A's deals. */
const actorFor = (role: Role, owner: Owner = 'a'): Who => (role === 'partner' ? owner : role);

const transitionPath = (id: string) => `/v1/deals/${encodeURIComponent(id)}/transitions`;

async function move(ctx: RunContext, who: Who, id: string, body: Record<string, unknown>): Promise<Exchange> {
  return ctx.http.send('POST', transitionPath(id), { token: await ctx.token(who), json: body });
}

/** Texts that identify a partner and its registration: none may reach another partner. */
function identityOf(deal: Deal, partner: { id: string; name: string }, user: { id: string; name?: string | undefined; email?: string | undefined }): string[] {
  return [partner.id, partner.name, deal.id, deal.number, user.id, user.name ?? '', user.email ?? ''].filter((t) => t.length >= 4);
}

function leaks(exchange: Exchange, identity: readonly string[]): string[] {
  const text = `${exchange.text}\n${[...exchange.headers.values()].join('\n')}`;
  return identity.filter((t) => text.includes(t));
}

export const dealChecks = [
  defineCheck({
    id: 'deals.register',
    area: 'deals',
    title: 'registration creates a submitted deal (or a draft) for the caller\'s partner, with its first history entry',
    rule: 'A deal registration is created by registerDeal as submitted (or as a draft to finish later). A partner session registers for its own partner; a manager or admin names partnerId. A deal may carry partnerName, the name of its partner.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const input = await ctx.sessionInput('a');
      const submitted = expectBody(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('a'), json: dealInput(ctx) }), Deal, 201, 'partner A');
      ensure(submitted.status === 'submitted' && submitted.partnerId === partners.a.id, `partner A's registration is ${submitted.status} for ${submitted.partnerId}; expected submitted for partner A`);
      ensure(submitted.submittedBy.id === input.user.id, `submittedBy is ${show(submitted.submittedBy)}; the session's user is ${input.user.id}`);
      const first = submitted.history[0];
      ensure(submitted.history.length === 1 && first?.from === null && first.to === 'submitted' && first.by.role === 'partner', `the new deal's history is ${show(submitted.history)}; expected one entry null -> submitted by the partner`);

      const draft = expectBody(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('a'), json: dealInput(ctx, { status: 'draft' }) }), Deal, 201, 'partner A');
      ensure(draft.status === 'draft', `a registration sent with status "draft" is ${draft.status}`);

      const forB = expectBody(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('manager'), json: dealInput(ctx, { partnerId: partners.b.id }) }), Deal, 201, 'manager');
      ensure(forB.partnerId === partners.b.id && forB.history[0]?.by.role === 'manager', `a manager's registration for partner B belongs to ${forB.partnerId}, made by ${show(forB.history[0]?.by)}`);
      // partnerName is optional; a backend that sends it must send the partner's own name.
      for (const [deal, partner] of [[submitted, partners.a], [forB, partners.b]] as const) {
        ensure(deal.partnerName === undefined || deal.partnerName === partner.name, `partnerName is ${show(deal.partnerName)}; the partner is named ${show(partner.name)}`);
      }
    },
  }),
  defineCheck({
    id: 'deals.allowed-moves',
    area: 'deals',
    title: 'every move of the lifecycle table succeeds for every role it lists, and is recorded in the history',
    rule: TABLE_RULE,
    async run(ctx) {
      await ctx.fixtures();
      const cases = DEAL_TRANSITIONS.flatMap((t) => t.roles.filter((r): r is Role => r !== 'system').map((role) => ({ from: t.from, to: t.to, role })));
      const findings = new Findings();
      await pool(cases, 4, async ({ from, to, role }) => {
        const deal = await dealIn(ctx, from, 'a');
        const who = actorFor(role);
        // The request that means the move: an extension asks for it.
        const exchange = await move(ctx, who, deal.id, { to, reason: REASON, ...(isExtension(from, to) ? { extend: true } : {}) });
        const what = `${from} -> ${to} by ${role}`;
        if (exchange.status !== 200) return findings.add(`${what}: ${describe(exchange, WHO_NAMES[who])}; expected 200`);
        const after = Deal.safeParse(exchange.body);
        if (!after.success) return findings.add(`${what}: the answer is not a deal`);
        const last = after.data.history.at(-1);
        if (after.data.status !== to) findings.add(`${what}: the deal is now ${after.data.status}`);
        if (after.data.history.length !== deal.history.length + 1 || last?.from !== from || last.to !== to || last.by.role !== role || last.reason !== REASON) {
          findings.add(`${what}: the last history entry is ${show(last)}; expected ${from} -> ${to} by ${role} with the reason given`);
        }
      });
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'deals.refused-moves',
    area: 'deals',
    title: 'every other move is refused: 409 invalid_transition outside the table, 403 forbidden for a role it does not list',
    rule: `${TABLE_RULE} approved -> expired is made by the system: no principal can request it.`,
    async run(ctx) {
      await ctx.fixtures();
      const froms: DealStatus[] = ['draft', 'submitted', 'under_review', 'needs_info', 'approved', 'rejected', 'won', 'lost', 'withdrawn'];
      const deals = new Map<DealStatus, Deal>();
      await pool(froms, 3, async (from) => void deals.set(from, await dealIn(ctx, from, 'a')));
      const cases = froms.flatMap((from) =>
        DEAL_STATUSES.flatMap((to) =>
          ROLES.map((role) => ({ from, to, role, verdict: checkTransition({ from, to, role, reason: REASON, extensions: 0 }) })),
        ),
      ).filter((c) => !c.verdict.ok);
      const findings = new Findings();
      await pool(cases, 8, async ({ from, to, role, verdict }) => {
        if (verdict.ok) return;
        const expected = verdict.code === 'forbidden' ? { status: 403, code: 'forbidden' } : { status: 409, code: 'invalid_transition' };
        const who = actorFor(role);
        const exchange = await move(ctx, who, (deals.get(from) as Deal).id, { to, reason: REASON });
        const code = (exchange.body as { code?: unknown } | undefined)?.code;
        if (exchange.status !== expected.status || code !== expected.code) {
          findings.add(`${from} -> ${to} by ${role}: ${describe(exchange, WHO_NAMES[who])}; expected ${expected.status} ${expected.code}`);
        }
      });
      for (const [from, deal] of deals) {
        const now = await ctx.admin.deals.get(deal.id);
        if (now.status !== from || now.history.length !== deal.history.length) findings.add(`refused moves changed a ${from} deal: it is now ${now.status} with ${now.history.length} history entries`);
      }
      ensure(cases.length > 200, `only ${cases.length} refused moves were derived from the table`);
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'deals.reasons',
    area: 'deals',
    title: 'a move that needs a reason is refused without one (or with a blank one) with 400 at reason',
    rule: 'A missing or blank reason where it is required answers 400 validation_failed at reason.',
    async run(ctx) {
      await ctx.fixtures();
      const cases = DEAL_TRANSITIONS.filter((t) => t.reason === 'required').flatMap((t) => t.roles.filter((r): r is Role => r !== 'system').map((role) => ({ from: t.from, to: t.to, role })));
      const findings = new Findings();
      await pool(cases, 4, async ({ from, to, role }) => {
        const deal = await dealIn(ctx, from, 'a');
        const who = actorFor(role);
        for (const body of [{ to }, { to, reason: '   ' }]) {
          try {
            expectFieldErrors(await move(ctx, who, deal.id, body), ['reason'], WHO_NAMES[who]);
          } catch (error) {
            findings.add(`${from} -> ${to} by ${role} ${'reason' in body ? 'with a blank reason' : 'without a reason'}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        const after = await ctx.admin.deals.get(deal.id);
        if (after.status !== from) findings.add(`${from} -> ${to} by ${role} without a reason moved the deal to ${after.status}`);
      });
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'deals.protection',
    area: 'deals',
    title: "approval protects a deal for its partner's tier's dealProtectionDays (90 without a tier)",
    rule: "Protection. Approval sets approvedAt and expiresAt = approvedAt + dealProtectionDays of the partner's tier at approval (90 days for a partner without a tier).",
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const admin = await ctx.client('admin');
      // The tier at approval decides. A backend may move a partner between tiers by its own
      // evaluation (a periodic sweep) during the run, so the tier is read just before and just
      // after the approval, and either one's days is the right answer.
      const protection = async (owner: 'a' | 'b' | 'c') => {
        const { tierId } = await admin.partners.get(partners[owner].id);
        return { tierId, days: tierId === null ? 90 : (await admin.tiers.get(tierId)).dealProtectionDays };
      };
      const findings = new Findings();
      for (const owner of ['a', 'b', 'c'] as const) {
        const before = await protection(owner);
        const approved = await dealIn(ctx, 'approved', owner);
        const after = await protection(owner);
        if (approved.approvedAt === null || approved.expiresAt === null) {
          findings.add(`an approved deal of partner ${owner.toUpperCase()} has approvedAt ${approved.approvedAt} and expiresAt ${approved.expiresAt}`);
          continue;
        }
        const allowed = [...new Set([before.days, after.days])].map((days) => ({ days, end: protectionEnd(new Date(approved.approvedAt as string), days).toISOString() }));
        if (!allowed.some(({ end }) => Date.parse(approved.expiresAt as string) === Date.parse(end))) {
          const seenDays = (Date.parse(approved.expiresAt) - Date.parse(approved.approvedAt)) / DAY_MS;
          const tier = before.tierId === null ? 'no tier' : `tier ${before.tierId}`;
          findings.add(`partner ${owner.toUpperCase()} (${tier}): expiresAt is ${approved.expiresAt}, ${seenDays.toFixed(3)} days after approvedAt; expected ${allowed.map(({ days, end }) => `${days} days (${end})`).join(' or ')}`);
        }
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'deals.extension',
    area: 'deals',
    title: 'an extension is asked for explicitly (extend: true) and extends protection by the same days, once; approving an approved deal is 409',
    rule: 'Extension. { "to": "approved", "extend": true } extends expiresAt by the same number of days, once (extensions counts it); a second one answers 409 invalid_transition. Approving an approved deal without extend, and extend on any other move, answer 409 invalid_transition: a retried or concurrent approval never extends.',
    async run(ctx) {
      const { partners, tiers } = await ctx.fixtures();
      const approved = await dealIn(ctx, 'approved', 'b');
      const days = partners.b.tierId === tiers.gold.id ? tiers.gold.dealProtectionDays : tiers.member.dealProtectionDays;
      expectProblem(await move(ctx, 'manager', approved.id, { to: 'approved', reason: REASON }), 409, 'invalid_transition', 'manager (approving an approved deal without extend)');
      const submitted = await dealIn(ctx, 'submitted', 'b');
      expectProblem(await move(ctx, 'manager', submitted.id, { to: 'approved', extend: true }), 409, 'invalid_transition', 'manager (extend on a submitted deal)');
      const unchanged = await ctx.admin.deals.get(approved.id);
      ensure(unchanged.extensions === 0 && unchanged.expiresAt === approved.expiresAt, `approving the approved deal again changed it: extensions ${unchanged.extensions}, expiresAt ${approved.expiresAt} -> ${unchanged.expiresAt}`);
      const extended = expectBody(await move(ctx, 'manager', approved.id, { to: 'approved', extend: true, reason: REASON }), Deal, 200, 'manager');
      const expected = protectionEnd(new Date(approved.expiresAt as string), days).toISOString();
      ensure(extended.status === 'approved' && extended.extensions === 1, `after an extension the deal is ${extended.status} with extensions ${extended.extensions}; expected approved with 1`);
      ensure(extended.expiresAt !== null && Date.parse(extended.expiresAt) === Date.parse(expected), `the extension moved expiresAt from ${approved.expiresAt} to ${extended.expiresAt}; expected ${expected} (+${days} days)`);
      expectProblem(await move(ctx, 'admin', approved.id, { to: 'approved', extend: true, reason: REASON }), 409, 'invalid_transition', 'admin (second extension)');
      const after = await ctx.admin.deals.get(approved.id);
      ensure(after.extensions === 1 && after.expiresAt === extended.expiresAt, `the refused second extension changed the deal: extensions ${after.extensions}, expiresAt ${after.expiresAt}`);
    },
  }),
  defineCheck({
    id: 'deals.concurrent-approvals',
    area: 'deals',
    title: 'simultaneous approvals of one deal approve it once and never extend it',
    rule: 'Approving an approved deal without extend answers 409 invalid_transition: of several approvals of one deal at the same moment, one answers 200 and the others 409 invalid_transition, and the deal keeps its first protection window.',
    async run(ctx) {
      await ctx.fixtures();
      const deal = await dealIn(ctx, 'submitted', 'a');
      const token = await ctx.token('manager');
      const answers = await Promise.all(Array.from({ length: 8 }, () => ctx.http.send('POST', transitionPath(deal.id), { token, json: { to: 'approved' } })));
      const ok = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status === 409 && (a.body as { code?: unknown }).code === 'invalid_transition');
      ensure(ok.length === 1 && refused.length === answers.length - 1, `eight simultaneous approvals of one deal answered ${show(answers.map((a) => a.status))}; expected one 200 and seven 409 invalid_transition`);
      const after = await ctx.admin.deals.get(deal.id);
      ensure(after.extensions === 0 && after.history.length === deal.history.length + 1, `after the approvals the deal has extensions ${after.extensions} and ${after.history.length} history entries; expected 0 and ${deal.history.length + 1}`);
    },
  }),
  defineCheck({
    id: 'deals.events',
    area: 'deals',
    title: 'each move emits its event (deal.drafted ... deal.extended, deal.won) in order, with the envelope',
    rule: 'Each move emits an event: deal.<to> (deal.drafted for a new draft), and deal.extended for an extension. Events share one envelope: { id, type, occurredAt, partnerId?, data }.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const before = await eventsOf(ctx, partners.c.id, null);
      const last = before.at(-1)?.id ?? null;
      const c = await ctx.client('c');
      const manager = await ctx.client('manager');
      const draft = await register(ctx, 'c', { status: 'draft' });
      const moves: ['c' | 'manager', DealStatus, string?][] = [
        ['c', 'submitted'],
        ['manager', 'under_review'],
        ['manager', 'needs_info', REASON],
        ['c', 'submitted'],
        ['manager', 'approved'],
        ['manager', 'approved'],
        ['c', 'won'],
      ];
      let from: DealStatus = 'draft';
      const expected: string[] = [transitionEventType(null, 'draft')];
      for (const [who, to, reason] of moves) {
        const client = who === 'c' ? c : manager;
        await client.deals.transition(draft.id, { to, ...(reason ? { reason } : {}), ...(isExtension(from, to) ? { extend: true } : {}) });
        expected.push(transitionEventType(from, to));
        from = to;
      }
      const after = await eventsOf(ctx, partners.c.id, last);
      const types = after.filter((e) => e.type.startsWith('deal.')).map((e) => e.type);
      ensure(JSON.stringify(types) === JSON.stringify(expected), `partner C's deal events after the moves are ${show(types)}; expected ${show(expected)}`);
      const wrong = after.find((e) => e.partnerId !== partners.c.id);
      ensure(!wrong, () => `event ${wrong?.id} (${wrong?.type}) carries partnerId ${wrong?.partnerId}`);
    },
  }),
  defineCheck({
    id: 'deals.conflicts',
    area: 'deals',
    title: 'one active registration per customer, with the right reason; drafts hold nothing; closed deals release the customer',
    rule: CONFLICT_RULE,
    async run(ctx) {
      await ctx.fixtures();
      const a = await ctx.client('a');
      const manager = await ctx.client('manager');
      const customer = ctx.customer('held');
      const held = await a.deals.register({ type: 'resell', customer });
      const variant = { type: 'referral', customer: { company: `${customer.company.toUpperCase()} Inc.`, domain: `https://WWW.${customer.domain}/contact?x=1` } };
      const conflict = async (who: Who, reason: string, body: unknown = variant) => {
        const problem = expectProblem(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token(who), json: body }), 409, 'deal_conflict', WHO_NAMES[who]);
        ensure(problem.reason === reason, `${WHO_NAMES[who]} registering a held customer got reason ${show(problem.reason ?? null)}; expected ${reason}`);
      };
      await conflict('b', 'already_registered');
      await conflict('a', 'own_registration');
      await manager.deals.transition(held.id, { to: 'approved' });
      await conflict('b', 'protected');
      await conflict('c', 'protected');
      await manager.deals.transition(held.id, { to: 'lost' });
      expectBody(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('b'), json: variant }), Deal, 201, 'partner B (after the holder was lost)');

      const open = ctx.customer('draft');
      const draft = await register(ctx, 'b', { status: 'draft', customer: open });
      const submitted = await register(ctx, 'a', { customer: open });
      const moved = await move(ctx, 'b', draft.id, { to: 'submitted' });
      const problem = expectProblem(moved, 409, 'deal_conflict', 'partner B (submitting a draft for a held customer)');
      ensure(problem.reason === 'already_registered', `submitting a draft for a held customer got reason ${show(problem.reason ?? null)}; expected already_registered`);
      await manager.deals.transition(submitted.id, { to: 'rejected', reason: REASON, reasonCode: 'duplicate' });
      expectBody(await move(ctx, 'b', draft.id, { to: 'submitted' }), Deal, 200, 'partner B (submitting the draft after the holder was rejected)');
    },
  }),
  defineCheck({
    id: 'deals.conflicts-by-name',
    area: 'deals',
    title: 'a registration without a domain is the customer of an equal normalised name, with the reason the pre-check gives',
    rule: SAME_CUSTOMER_RULE,
    async run(ctx) {
      await ctx.fixtures();
      const customer = ctx.customer('named');
      await register(ctx, 'a', { customer });
      const bare = { company: `${customer.company.replace(/ Ltd$/, '').toUpperCase()} PTE. LTD.` };
      const refused = async (who: Who, body: { company: string; domain?: string }, reason: string, what: string) => {
        const check = expectBody(await ctx.http.send('POST', '/v1/deals/check', { token: await ctx.token(who), json: { customer: body } }), DealCheckResult, 200, WHO_NAMES[who]);
        ensure(check.available === false && check.reason === reason, `${WHO_NAMES[who]}'s pre-check of ${what} answered ${show(check)}; expected unavailable, ${reason}`);
        const problem = expectProblem(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token(who), json: { type: 'resell', customer: body } }), 409, 'deal_conflict', `${WHO_NAMES[who]} registering ${what}`);
        ensure(problem.reason === reason, `${WHO_NAMES[who]} registering ${what} got reason ${show(problem.reason ?? null)}; expected ${reason}`);
      };
      await refused('b', bare, 'already_registered', "partner A's customer by name, without its domain");
      await refused('a', bare, 'own_registration', 'its own customer again, without the domain');
      const draft = await register(ctx, 'b', { status: 'draft', customer: bare });
      const moved = expectProblem(await move(ctx, 'b', draft.id, { to: 'submitted' }), 409, 'deal_conflict', 'partner B (submitting a draft without a domain for a held name)');
      ensure(moved.reason === 'already_registered', `submitting that draft got reason ${show(moved.reason ?? null)}; expected already_registered`);
      const elsewhere = { company: customer.company, domain: `elsewhere-${customer.domain}` };
      expectBody(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('b'), json: { type: 'resell', customer: elsewhere } }), Deal, 201, 'partner B (the same name under another domain: another customer)');

      // The holder without a domain, the newcomer with one.
      const other = ctx.customer('nameonly');
      await register(ctx, 'a', { customer: { company: other.company } });
      await refused('b', other, 'already_registered', "a name partner A holds without a domain, with a domain");
    },
  }),
  defineCheck({
    id: 'deals.precheck',
    area: 'deals',
    title: "the pre-check answers availability with the submission's reason, names no one, and changes nothing",
    rule: `The pre-check POST /v1/deals/check answers { available: true } or { available: false, reason } with the same reason a submission would get. It changes nothing. ${NO_IDENTITY_RULE}`,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const customer = ctx.customer('checked');
      const check = async (who: Who, body: unknown = { customer }) => {
        const exchange = await ctx.http.send('POST', '/v1/deals/check', { token: await ctx.token(who), json: body });
        return { exchange, result: expectBody(exchange, DealCheckResult, 200, WHO_NAMES[who]) };
      };
      const free = await check('b');
      ensure(free.result.available === true && free.result.reason === undefined, `the pre-check of a free customer answered ${show(free.result)}`);
      ensure((await ctx.admin.deals.list({ q: customer.domain })).data.length === 0, 'the pre-check created a deal');

      const deal = await register(ctx, 'a', { customer });
      const user = (await ctx.sessionInput('a')).user;
      const identity = identityOf(deal, partners.a, user);
      const expectations: [Who, string][] = [
        ['b', 'already_registered'],
        ['a', 'own_registration'],
      ];
      for (const [who, reason] of expectations) {
        const { exchange, result } = await check(who, { customer: { company: customer.company, domain: `www.${customer.domain}` } });
        ensure(result.available === false && result.reason === reason, `${WHO_NAMES[who]}'s pre-check of a customer partner A holds answered ${show(result)}; expected unavailable, ${reason}`);
        if (who !== 'a') {
          const named = leaks(exchange, identity);
          ensure(named.length === 0, `partner B's pre-check answer names partner A's ${show(named)}`);
        }
      }
      const conflict = await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('b'), json: { type: 'resell', customer } });
      expectProblem(conflict, 409, 'deal_conflict', 'partner B');
      const named = leaks(conflict, identity);
      ensure(named.length === 0, `partner B's 409 names partner A's ${show(named)}`);
      ensure(CONFLICT_REASONS.includes((conflict.body as { reason?: never }).reason as never), `the 409's reason is ${show((conflict.body as { reason?: unknown }).reason)}`);

      await (await ctx.client('manager')).deals.transition(deal.id, { to: 'approved' });
      const protectedCheck = await check('b');
      ensure(protectedCheck.result.available === false && protectedCheck.result.reason === 'protected', `the pre-check of an approved registration's customer answered ${show(protectedCheck.result)}; expected protected`);
      ensure(leaks(protectedCheck.exchange, identity).length === 0, "partner B's pre-check of a protected customer names partner A");
      const count = (await ctx.admin.deals.list({ q: customer.domain })).data.length;
      ensure(count === 1, `after four pre-checks there are ${count} deals for the customer; expected 1`);
    },
  }),
  defineCheck({
    id: 'deals.concurrent',
    area: 'deals',
    title: 'simultaneous registrations (and draft submissions) of one customer end with one active deal',
    rule: CONFLICT_RULE,
    async run(ctx) {
      await ctx.fixtures();
      const customer = ctx.customer('race');
      const who: Owner[] = ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'];
      const tokens = await Promise.all(who.map((w) => ctx.token(w)));
      const answers = await Promise.all(tokens.map((token, i) => ctx.http.send('POST', '/v1/deals', { token, json: { type: 'resell', customer: { company: `${customer.company} ${i}`, domain: customer.domain } } })));
      const won = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status === 409 && (a.body as { code?: unknown }).code === 'deal_conflict');
      ensure(won.length === 1 && refused.length === answers.length - 1, `eight simultaneous registrations of one customer answered ${show(answers.map((a) => a.status))}; expected one 201 and seven 409 deal_conflict`);
      const active = (await ctx.admin.deals.list({ q: customer.domain, limit: 200 })).data.filter((d) => ACTIVE_DEAL_STATUSES.includes(d.status));
      ensure(active.length === 1, `after the race the customer has ${active.length} active registrations`);

      const raced = ctx.customer('race-draft');
      const drafts = await Promise.all((['a', 'b', 'c'] as const).map((owner) => register(ctx, owner, { status: 'draft', customer: raced })));
      const submits = await Promise.all(drafts.map((d, i) => move(ctx, (['a', 'b', 'c'] as const)[i] as Owner, d.id, { to: 'submitted' })));
      const ok = submits.filter((s) => s.status === 200).length;
      ensure(ok === 1 && submits.every((s) => s.status === 200 || s.status === 409), `three drafts of one customer submitted at once answered ${show(submits.map((s) => s.status))}; expected one 200 and two 409`);
      const holding = (await ctx.admin.deals.list({ q: raced.domain, limit: 200 })).data.filter((d) => ACTIVE_DEAL_STATUSES.includes(d.status));
      ensure(holding.length === 1, `after the draft race the customer has ${holding.length} active registrations`);
    },
  }),
  defineCheck({
    id: 'deals.expiry',
    area: 'deals',
    title: 'when protection ends the system expires the deal, records it, emits deal.expired and releases the customer',
    rule: 'Expiry is made by the system. When expiresAt passes, an approved deal moves to expired with by.role system in its history and a deal.expired event. No principal can request it. A backend may apply expiry lazily, but never shows an approved deal past its expiresAt.',
    phase: 'late',
    async run(ctx) {
      const { partners, tiers } = await ctx.fixtures();
      const findings = new Findings();
      // What is checkable without a clock: no principal can make the move.
      const approved = await dealIn(ctx, 'approved', 'a');
      for (const role of ROLES) {
        const who = actorFor(role);
        const exchange = await move(ctx, who, approved.id, { to: 'expired', reason: REASON });
        if (exchange.status !== 403) findings.add(`approved -> expired by ${role}: ${describe(exchange, WHO_NAMES[who])}; expected 403 forbidden`);
      }
      findings.assertNone();
      if (!ctx.options.clock) {
        skip(`partly checked: no principal may expire a deal; the expiry itself is not checked, since the shortest protection is 1 day and the contract gives no way to move a backend's clock (approved deals of partner A end at ${approved.expiresAt})`);
      }
      if (partners.a.tierId !== tiers.member.id) fail(`partner A holds ${partners.a.tierId}, not the 1-day tier the check relies on`);
      const longer = await dealIn(ctx, 'approved', 'b');
      const before = await eventsOf(ctx, partners.a.id, null);
      await ctx.advanceClock(tiers.member.dealProtectionDays * DAY_MS + 60_000);

      const expired = await (await ctx.client('a')).deals.get(approved.id);
      const last = expired.history.at(-1);
      ensure(expired.status === 'expired', `a day after its protection ended, partner A's approved deal is ${expired.status}`);
      ensure(last?.from === 'approved' && last.to === 'expired' && last.by.role === 'system', `the expired deal's last history entry is ${show(last)}; expected approved -> expired by system`);
      const listed = (await ctx.admin.deals.list({ partnerId: partners.a.id, status: 'approved', limit: 200 })).data.filter((d) => d.id === approved.id);
      ensure(listed.length === 0, 'the list of approved deals still shows the deal past its expiresAt');
      const events = (await eventsOf(ctx, partners.a.id, before.at(-1)?.id ?? null)).filter((e) => e.type === 'deal.expired');
      ensure(events.length > 0, 'no deal.expired event was emitted for partner A');
      const still = await ctx.admin.deals.get(longer.id);
      ensure(still.status === 'approved', `partner B's deal protected for ${tiers.gold.dealProtectionDays} days is ${still.status} after one day`);
      expectBody(await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('b'), json: { type: 'resell', customer: approved.customer } }), Deal, 201, 'partner B (registering the released customer)');
    },
  }),
];
