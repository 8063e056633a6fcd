/**
 * Deal registration over HTTP: the one-active-registration rule, the pre-check, every
 * lifecycle move per role, the concurrent-registration race, protection expiry and the events.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { checkTransition, DEAL_TRANSITIONS } from '@partnerkit/core/rules';
import { DEAL_STATUSES, type DealStatus, type Role } from '@partnerkit/core/schemas';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme, dealBody } from './helpers/fixtures.ts';
import { type Api, type Harness, suite, unique } from './helpers/harness.ts';

const DAY = 86_400_000;

suite('deals', (harness) => {
  let h: Harness;
  let partnerA: string;
  let partnerB: string;
  let asA: Api;
  let asB: Api;
  let manager: Api;

  before(async () => {
    h = harness();
    await createProgramme(h);
    partnerA = (await h.createPartner({ tierId: 'silver' })).id;
    partnerB = (await h.createPartner({ tierId: 'gold', type: 'distributor' })).id;
    asA = await h.partner(partnerA);
    asB = await h.partner(partnerB);
    manager = await h.manager();
  });

  /** Re-mints sessions after the clock moved past their expiry. */
  async function refreshSessions() {
    asA = await h.partner(partnerA);
    asB = await h.partner(partnerB);
    manager = await h.manager();
  }

  async function register(api: Api, body = dealBody()) {
    const reply = await api.post('/v1/deals', body);
    assertStatus(reply, 201);
    return reply.body;
  }

  async function move(api: Api, id: string, to: DealStatus, reason = 'because') {
    const reply = await api.post(`/v1/deals/${id}/transitions`, { to, reason });
    assertStatus(reply, 200);
    return reply.body;
  }

  it('registers a deal as submitted, with history, number and event', async () => {
    const body = dealBody({ contact: { name: 'Lan', email: 'lan@example.com' }, expectedCloseDate: '2027-03-31', stage: 'Proposal' });
    const deal = await register(asA, body);
    assert.equal(deal.status, 'submitted');
    assert.equal(deal.partnerId, partnerA);
    assert.match(deal.number, /^DR-\d{6}$/);
    assert.equal(deal.submittedAt, h.clock.current.toISOString());
    assert.equal(deal.expiresAt, null);
    assert.deepEqual(deal.history.map((e: { from: string | null; to: string }) => [e.from, e.to]), [[null, 'submitted']]);
    assert.equal(deal.history[0].by.role, 'partner');
    assert.equal(deal.submittedBy.id, 'user-1');
    assert.equal(deal.possibleConflicts, undefined, 'partners never see possible conflicts');
    const events = await h.admin.get(`/v1/events?partnerId=${partnerA}&type=deal.submitted`);
    assert.ok(events.body.data.some((e: { data: { dealId: string } }) => e.data.dealId === deal.id));
  });

  it('manager and admin register for a named partner; partners only for their own', async () => {
    const byManager = await manager.post('/v1/deals', { ...dealBody(), partnerId: partnerB });
    assertStatus(byManager, 201);
    assert.equal(byManager.body.partnerId, partnerB);
    assert.deepEqual(byManager.body.possibleConflicts, []);
    assertFieldError(await h.admin.post('/v1/deals', dealBody()), 'partnerId', /required/);
    assertFieldError(await h.admin.post('/v1/deals', { ...dealBody(), partnerId: 'pt_missing' }), 'partnerId', /no partner/);
    assertFieldError(await asA.post('/v1/deals', { ...dealBody(), partnerId: partnerB }), 'partnerId', /no partner/);
    const own = await asA.post('/v1/deals', { ...dealBody(), partnerId: partnerA });
    assertStatus(own, 201);
  });

  it("deals carry their partner's name, in every read", async () => {
    const { name } = (await h.admin.get(`/v1/partners/${partnerA}`)).body;
    const deal = await register(asA, dealBody());
    assert.equal(deal.partnerName, name);
    assert.equal((await asA.get(`/v1/deals/${deal.id}`)).body.partnerName, name);
    const listed = (await manager.get(`/v1/deals?partnerId=${partnerA}`)).body.data;
    assert.ok(listed.length > 0 && listed.every((d: { partnerName: string }) => d.partnerName === name), 'the review list names the partner');
    assert.equal((await move(manager, deal.id, 'under_review')).partnerName, name);
  });

  it('one active registration per customer: reason codes only, never the holder', async () => {
    const company = unique('Holdings');
    const first = await register(asA, dealBody({ customer: { company, domain: `https://www.${company.split(' ')[0]?.toLowerCase()}.co.uk/about` } }));
    const same = { company: `${company} Ltd`, domain: `shop.${company.split(' ')[0]?.toLowerCase()}.co.uk` };
    const byB = await asB.post('/v1/deals', dealBody({ customer: same }));
    assertProblem(byB, 409, 'deal_conflict');
    assert.equal(byB.body.reason, 'already_registered');
    for (const secret of [partnerA, first.id, first.number, 'user-1']) assert.ok(!byB.text.includes(secret), `the conflict leaks ${secret}`);
    const byA = await asA.post('/v1/deals', dealBody({ customer: same }));
    assertProblem(byA, 409, 'deal_conflict');
    assert.equal(byA.body.reason, 'own_registration');

    await move(manager, first.id, 'approved');
    const protectedReply = await asB.post('/v1/deals', dealBody({ customer: same }));
    assert.equal(protectedReply.body.reason, 'protected');
    const check = await asB.post('/v1/deals/check', { customer: same });
    assertStatus(check, 200);
    assert.deepEqual(check.body, { available: false, reason: 'protected' });
    assert.deepEqual((await asA.post('/v1/deals/check', { customer: same })).body, { available: false, reason: 'own_registration' });
    assert.deepEqual((await manager.post('/v1/deals/check', { customer: same })).body, { available: false, reason: 'protected' });
    assert.deepEqual((await asB.post('/v1/deals/check', { customer: { company: unique('Free') } })).body, { available: true });
  });

  it('matches customers without a domain by their normalised name', async () => {
    const core = unique('Phần mềm Á Châu');
    await register(asA, dealBody({ customer: { company: `Công ty TNHH ${core}` } }));
    const folded = core.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const reply = await asB.post('/v1/deals', dealBody({ customer: { company: `${folded} JSC` } }));
    assertProblem(reply, 409, 'deal_conflict');
  });

  it('leaving the domain out never escapes a holder: the same normalised name is the same customer when either has no domain', async () => {
    const name = unique('Omega Robotics');
    const domain = `${name.split(' ')[0]?.toLowerCase()}.sg`;
    await register(asA, dealBody({ customer: { company: `${name} Pte Ltd`, domain } }));
    const bare = { company: `${name.toUpperCase()} PTE. LTD.` };
    assert.deepEqual((await asB.post('/v1/deals/check', { customer: bare })).body, { available: false, reason: 'already_registered' });
    const byB = await asB.post('/v1/deals', dealBody({ customer: bare }));
    assertProblem(byB, 409, 'deal_conflict');
    assert.equal(byB.body.reason, 'already_registered', 'the reason the pre-check gave');
    const byA = await asA.post('/v1/deals', dealBody({ customer: bare }));
    assertProblem(byA, 409, 'deal_conflict');
    assert.equal(byA.body.reason, 'own_registration', 'a partner cannot register its own customer twice either');
    // A draft without the domain holds nothing, and is refused on submission.
    const draft = await register(asB, dealBody({ customer: bare, status: 'draft' }));
    const submitted = await asB.post(`/v1/deals/${draft.id}/transitions`, { to: 'submitted' });
    assertProblem(submitted, 409, 'deal_conflict');
    assert.equal(submitted.body.reason, 'already_registered');
    // Another domain under the same name is another customer (a site per country); vendors see it as a possible conflict.
    const elsewhere = await register(asB, dealBody({ customer: { company: name, domain: `${name.split(' ')[0]?.toLowerCase()}.vn` } }));
    assert.equal(elsewhere.status, 'submitted');

    // The other way round: the holder has no domain, the newcomer has one.
    const other = unique('Zeta Foods');
    await register(asA, dealBody({ customer: { company: other } }));
    const withDomain = await asB.post('/v1/deals', dealBody({ customer: { company: `${other} JSC`, domain: `${other.split(' ')[0]?.toLowerCase()}.vn` } }));
    assertProblem(withDomain, 409, 'deal_conflict');
    assert.equal(withDomain.body.reason, 'already_registered');
  });

  it('registrations of one name with and without a domain, at the same moment: exactly one holds it', async () => {
    const name = unique('Concurrent Robotics');
    const domain = `${name.split(' ')[0]?.toLowerCase()}.com`;
    const callers = [asA, asB, asA, asB, asA, asB, asA, asB];
    const replies = await Promise.all(callers.map((api, i) => api.post('/v1/deals', dealBody({ customer: i % 2 ? { company: `${name} Ltd` } : { company: name, domain } }))));
    const created = replies.filter((r) => r.status === 201);
    assert.equal(created.length, 1, replies.map((r) => `${r.status} ${r.body?.reason ?? ''}`).join(', '));
    for (const reply of replies.filter((r) => r.status !== 201)) assertProblem(reply, 409, 'deal_conflict');
  });

  it('a draft holds nothing until it is submitted', async () => {
    const customer = { company: unique('Draft Co'), domain: `${unique('draft').split(' ')[0]}.vn` };
    const draft = await register(asA, dealBody({ customer, status: 'draft' }));
    assert.equal(draft.status, 'draft');
    assert.equal(draft.submittedAt, null);
    await register(asB, dealBody({ customer }));
    const submit = await asA.post(`/v1/deals/${draft.id}/transitions`, { to: 'submitted' });
    assertProblem(submit, 409, 'deal_conflict');
    assert.equal(submit.body.reason, 'already_registered');
    const still = await asA.get(`/v1/deals/${draft.id}`);
    assert.equal(still.body.status, 'draft', 'the refused move changed nothing');
  });

  it('a closed registration frees the customer', async () => {
    for (const close of ['rejected', 'withdrawn', 'lost'] as const) {
      const customer = { company: unique('Freed'), domain: `${unique('freed').split(' ')[0]}.com` };
      const deal = await register(asA, dealBody({ customer }));
      if (close === 'lost') {
        await move(manager, deal.id, 'approved');
        await move(asA, deal.id, 'lost');
      } else {
        await move(close === 'rejected' ? manager : asA, deal.id, close);
      }
      assert.deepEqual((await asB.post('/v1/deals/check', { customer })).body, { available: true }, close);
      await register(asB, dealBody({ customer }));
    }
  });

  it('shows vendors possible conflicts by name similarity, across different domains', async () => {
    const name = unique('Logistics Group');
    const first = await register(asA, dealBody({ customer: { company: name, domain: `${name.split(' ')[0]}-vn.com` } }));
    const second = await register(asB, dealBody({ customer: { company: `${name} Pte Ltd`, domain: `${name.split(' ')[0]}-sg.com` } }));
    const seen = await manager.get(`/v1/deals/${second.id}`);
    assert.deepEqual(seen.body.possibleConflicts, [{ dealId: first.id, number: first.number, match: 'name' }]);
    const listed = await h.admin.get(`/v1/deals?partnerId=${partnerA}&limit=200`);
    const firstListed = listed.body.data.find((d: { id: string }) => d.id === first.id);
    assert.deepEqual(firstListed.possibleConflicts, [{ dealId: second.id, number: second.number, match: 'name' }]);
    assert.equal((await asB.get(`/v1/deals/${second.id}`)).body.possibleConflicts, undefined);
  });

  it('concurrent registrations of one customer leave exactly one holding deal', async () => {
    const domain = `${unique('race').split(' ')[0]?.toLowerCase()}.org`;
    const callers = [asA, asB, asA, asB, manager, h.admin, asA, asB, asA, asB];
    const replies = await Promise.all(
      callers.map((api, i) =>
        api.post('/v1/deals', {
          ...dealBody({ customer: { company: `Race Customer ${i}`, domain: i % 2 ? `https://${domain}` : `www.${domain}` } }),
          ...(api === manager || api === h.admin ? { partnerId: partnerA } : {}),
        }),
      ),
    );
    const created = replies.filter((r) => r.status === 201);
    assert.equal(created.length, 1, replies.map((r) => r.status).join(','));
    for (const reply of replies.filter((r) => r.status !== 201)) {
      assertProblem(reply, 409, 'deal_conflict');
      assert.ok(['already_registered', 'own_registration'].includes(reply.body.reason));
    }
    const { rows } = await h.db.query(`SELECT count(*)::int AS n FROM deals WHERE customer_key = $1 AND status IN ('submitted','under_review','needs_info','approved')`, [`d:${domain}`]);
    assert.equal(rows[0]?.n, 1);
  });

  it('concurrent submissions of two drafts of one customer let exactly one through', async () => {
    const customer = { company: unique('Twin'), domain: `${unique('twin').split(' ')[0]}.net` };
    const a = await register(asA, dealBody({ customer, status: 'draft' }));
    const b = await register(asB, dealBody({ customer, status: 'draft' }));
    const [ra, rb] = await Promise.all([asA.post(`/v1/deals/${a.id}/transitions`, { to: 'submitted' }), asB.post(`/v1/deals/${b.id}/transitions`, { to: 'submitted' })]);
    assert.deepEqual([ra.status, rb.status].sort(), [200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    assertProblem(loser, 409, 'deal_conflict');
    assert.equal(loser.body.reason, 'already_registered');
  });

  it('applies every lifecycle rule of core for every role', async () => {
    const apis: Record<Role, Api> = { partner: asA, manager, admin: h.admin };
    // Brings a fresh deal of partner A into `status` along allowed moves.
    async function dealIn(status: DealStatus): Promise<string> {
      const deal = await register(asA, dealBody(status === 'draft' ? { status: 'draft' } : {}));
      const path: Partial<Record<DealStatus, [Api, DealStatus][]>> = {
        under_review: [[manager, 'under_review']],
        needs_info: [[manager, 'needs_info']],
        approved: [[manager, 'approved']],
        rejected: [[manager, 'rejected']],
        withdrawn: [[asA, 'withdrawn']],
        won: [[manager, 'approved'], [asA, 'won']],
        lost: [[manager, 'approved'], [asA, 'lost']],
        expired: [[manager, 'approved']],
      };
      for (const [api, to] of path[status] ?? []) await move(api, deal.id, to);
      if (status === 'expired') {
        await h.db.query('UPDATE deals SET expires_at = $2 WHERE id = $1', [deal.id, new Date(h.clock.current.getTime() - 1000)]);
        assert.equal((await asA.get(`/v1/deals/${deal.id}`)).body.status, 'expired');
      }
      return deal.id;
    }
    let checked = 0;
    for (const from of DEAL_STATUSES) {
      const stuck = await dealIn(from);
      for (const to of DEAL_STATUSES) {
        for (const role of ['partner', 'manager', 'admin'] as const) {
          const verdict = checkTransition({ from, to, role, reason: 'because', extensions: 0 });
          const id = verdict.ok ? await dealIn(from) : stuck;
          const reply = await apis[role].post(`/v1/deals/${id}/transitions`, { to, reason: 'because' });
          if (verdict.ok) {
            assertStatus(reply, 200);
            assert.equal(reply.body.status, to);
            const last = reply.body.history.at(-1);
            assert.deepEqual([last.from, last.to, last.by.role, last.reason], [from, to, role, 'because']);
          } else if (verdict.code === 'forbidden') {
            assertProblem(reply, 403, 'forbidden');
          } else {
            assertProblem(reply, 409, 'invalid_transition');
          }
          checked += 1;
        }
      }
    }
    assert.equal(checked, DEAL_STATUSES.length ** 2 * 3);
    assert.ok(DEAL_TRANSITIONS.length > 0);
  });

  it('requires a reason where the lifecycle does, naming the field', async () => {
    const deal = await register(asA);
    assertFieldError(await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'rejected' }), 'reason', /required/);
    assertFieldError(await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'needs_info', reason: '   ' }), 'reason');
    assertFieldError(await asA.post(`/v1/deals/${deal.id}/transitions`, { to: 'withdrawn' }), 'reason');
    assertFieldError(await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'archived' }), 'to', /one of/);
    const rejected = await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'rejected', reason: 'Duplicate of direct deal', reasonCode: 'duplicate' });
    assertStatus(rejected, 200);
    assert.equal(rejected.body.reasonCode, 'duplicate');
    assert.equal(rejected.body.reason, 'Duplicate of direct deal');
  });

  it('approval protects for the tier\'s days and extends once', async () => {
    const deal = await register(asA);
    const approved = await move(manager, deal.id, 'approved');
    const now = h.clock.current.getTime();
    assert.equal(approved.approvedAt, new Date(now).toISOString());
    assert.equal(approved.expiresAt, new Date(now + 60 * DAY).toISOString(), 'silver protects 60 days');
    assert.equal(approved.approvedBy.id, 'manager-1');
    const extend = { to: 'approved', extend: true, reason: 'Customer delayed the decision' };
    const extended = await h.admin.post(`/v1/deals/${deal.id}/transitions`, extend);
    assertStatus(extended, 200);
    assert.equal(extended.body.extensions, 1);
    assert.equal(extended.body.expiresAt, new Date(now + 120 * DAY).toISOString());
    const again = await manager.post(`/v1/deals/${deal.id}/transitions`, extend);
    assertProblem(again, 409, 'invalid_transition');
    assert.match(again.body.detail, /at most 1/);
    const untiered = await h.partner((await h.createPartner()).id);
    const plain = await register(untiered);
    assert.equal((await move(manager, plain.id, 'approved')).expiresAt, new Date(h.clock.current.getTime() + 90 * DAY).toISOString(), 'no tier: 90 days');
    const events = await h.admin.get(`/v1/events?partnerId=${partnerA}&type=deal.extended`);
    assert.ok(events.body.data.some((e: { data: { dealId: string } }) => e.data.dealId === deal.id));
  });

  it('never extends by approving an approved deal: twenty simultaneous approvals approve once, and an extension is asked for', async () => {
    const deal = await register(asA);
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? manager : h.admin).post(`/v1/deals/${deal.id}/transitions`, { to: 'approved' })));
    assert.deepEqual(
      replies.map((r) => r.status).sort(),
      [200, ...Array<number>(19).fill(409)],
      replies.map((r) => `${r.status} ${r.body?.code ?? ''}`).join(', '),
    );
    for (const reply of replies.filter((r) => r.status === 409)) {
      assertProblem(reply, 409, 'invalid_transition');
      assert.match(reply.body.detail, /extend: true/);
    }
    const approved = (await manager.get(`/v1/deals/${deal.id}`)).body;
    assert.equal(approved.extensions, 0, 'no approval extended the protection');
    assert.deepEqual(approved.history.map((e: { to: string }) => e.to), ['submitted', 'approved']);
    const wrong = await manager.post(`/v1/deals/${(await register(asA)).id}/transitions`, { to: 'approved', extend: true });
    assertProblem(wrong, 409, 'invalid_transition');
    const extended = await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'approved', extend: true });
    assertStatus(extended, 200);
    assert.equal(extended.body.extensions, 1);
  });

  it('expires protection on read, once, with a system history entry and one event', async () => {
    const deal = await register(asB);
    const approved = await move(manager, deal.id, 'approved');
    assert.equal(approved.expiresAt, new Date(h.clock.current.getTime() + 90 * DAY).toISOString(), 'gold protects 90 days');
    h.clock.advanceDays(89);
    await refreshSessions();
    assert.equal((await asB.get(`/v1/deals/${deal.id}`)).body.status, 'approved');
    h.clock.advanceDays(2);
    await refreshSessions();
    const read = await asB.get(`/v1/deals/${deal.id}`);
    assert.equal(read.body.status, 'expired');
    assert.deepEqual(read.body.history.at(-1), { at: approved.expiresAt, from: 'approved', to: 'expired', by: { role: 'system', id: null } });
    await asB.get(`/v1/deals/${deal.id}`);
    await asB.get('/v1/deals');
    const events = await h.admin.get(`/v1/events?type=deal.expired&partnerId=${partnerB}&limit=200`);
    assert.equal(events.body.data.filter((e: { data: { dealId: string } }) => e.data.dealId === deal.id).length, 1);
    assertProblem(await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'won' }), 409, 'invalid_transition');
    assert.deepEqual((await asA.post('/v1/deals/check', { customer: { company: deal.customer.company, domain: deal.customer.domain } })).body, { available: true });
  });

  it('a list never shows an approved deal past its protection: on a full page, on an empty one, filtered by status', async () => {
    const partner = (await h.createPartner({ tierId: 'bronze' })).id;
    const asPartner = await h.partner(partner);
    const deal = await register(asPartner);
    await move(manager, deal.id, 'approved');
    h.clock.advanceDays(31);
    await refreshSessions();
    // Only the partner's approved deals: after expiry the page is empty, so the probe runs on its own.
    const approved = await (await h.partner(partner)).get('/v1/deals?status=approved');
    assertStatus(approved, 200);
    assert.deepEqual(approved.body.data, [], 'the expired deal is not listed as approved');
    const expired = await (await h.partner(partner)).get('/v1/deals?status=expired');
    assert.deepEqual(expired.body.data.map((d: { id: string }) => d.id), [deal.id]);

    const second = await register(await h.partner(partner));
    await move(manager, second.id, 'approved');
    h.clock.advanceDays(31);
    await refreshSessions();
    // A full page: the probe rides on the list query.
    const all = await (await h.partner(partner)).get('/v1/deals');
    assert.deepEqual(all.body.data.map((d: { id: string; status: string }) => [d.id, d.status]), [[second.id, 'expired'], [deal.id, 'expired']]);
  });

  it('the periodic sweep expires deals nobody reads', async () => {
    const deal = await register(asA);
    await move(manager, deal.id, 'approved');
    h.clock.advanceDays(61);
    await refreshSessions();
    const report = await h.server.sweep();
    assert.ok(report.expiredDeals >= 1);
    const { rows } = await h.db.query('SELECT status FROM deals WHERE id = $1', [deal.id]);
    assert.equal(rows[0]?.status, 'expired');
    const events = await h.admin.get(`/v1/events?type=deal.expired&partnerId=${partnerA}&limit=200`);
    assert.equal(events.body.data.filter((e: { data: { dealId: string } }) => e.data.dealId === deal.id).length, 1);
  });

  it('lists deals newest first, filtered, with opaque cursors', async () => {
    const partner = (await h.createPartner()).id;
    const api = await h.partner(partner);
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push(await register(api, dealBody({ status: i % 2 ? 'draft' : 'submitted' })));
    const first = await api.get('/v1/deals?limit=2');
    assert.deepEqual(first.body.data.map((d: { id: string }) => d.id), [made[4].id, made[3].id]);
    const second = await api.get(`/v1/deals?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    assert.deepEqual(second.body.data.map((d: { id: string }) => d.id), [made[2].id, made[1].id]);
    const third = await api.get(`/v1/deals?limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`);
    assert.deepEqual(third.body.data.map((d: { id: string }) => d.id), [made[0].id]);
    assert.equal(third.body.nextCursor, null);
    const drafts = await h.admin.get(`/v1/deals?partnerId=${partner}&status=draft`);
    assert.deepEqual(drafts.body.data.map((d: { id: string }) => d.id), [made[3].id, made[1].id]);
    const both = await h.admin.get(`/v1/deals?partnerId=${partner}&status=draft,submitted&limit=200`);
    assert.equal(both.body.data.length, 5);
    const search = await h.admin.get(`/v1/deals?q=${encodeURIComponent(made[2].customer.company.slice(0, 8).toLowerCase())}`);
    assert.deepEqual(search.body.data.map((d: { id: string }) => d.id), [made[2].id]);
    const byNumber = await h.admin.get(`/v1/deals?q=${made[1].number}`);
    assert.deepEqual(byNumber.body.data.map((d: { id: string }) => d.id), [made[1].id]);
    assertProblem(await api.get(`/v1/deals?limit=2&status=draft&cursor=${encodeURIComponent(first.body.nextCursor)}`), 400, 'invalid_cursor');
  });

  it('records every move in the event log, oldest first, readable with after=', async () => {
    const start = await h.admin.get('/v1/events?limit=200');
    let last = start.body.data.at(-1)?.id as string | undefined;
    let cursor = start.body.nextCursor as string | null;
    while (cursor) {
      const page = await h.admin.get(`/v1/events?limit=200&cursor=${encodeURIComponent(cursor)}`);
      last = page.body.data.at(-1)?.id ?? last;
      cursor = page.body.nextCursor;
    }
    assert.ok(last);
    const deal = await register(asA);
    await move(manager, deal.id, 'under_review');
    await move(manager, deal.id, 'needs_info', 'Need the contact');
    await move(asA, deal.id, 'submitted');
    await move(manager, deal.id, 'approved');
    await move(asA, deal.id, 'won');
    const after = await manager.get(`/v1/events?after=${last}`);
    assertStatus(after, 200);
    assert.deepEqual(
      after.body.data.map((e: { type: string }) => e.type),
      ['deal.submitted', 'deal.under_review', 'deal.needs_info', 'deal.submitted', 'deal.approved', 'deal.won'],
    );
    for (const event of after.body.data) {
      assert.equal(event.partnerId, partnerA);
      assert.equal(event.data.dealId, deal.id);
      assert.match(event.occurredAt, /Z$/);
    }
    const paged = await manager.get(`/v1/events?after=${last}&limit=4`);
    assert.equal(paged.body.data.length, 4);
    const rest = await manager.get(`/v1/events?after=${last}&limit=4&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    assert.deepEqual(rest.body.data.map((e: { type: string }) => e.type), ['deal.approved', 'deal.won']);
    assertProblem(await asA.get('/v1/events'), 403, 'forbidden');
    assertFieldError(await manager.get('/v1/events?after=ev_999999999'), 'after', /no event/);
    assertFieldError(await manager.get('/v1/events?after=nonsense'), 'after');
  });
});
