import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generateDemoData, generateDemoPlans } from '@partnerkit/core/demo';
import {
  allowedPlanTransitions,
  assertDateInPeriod,
  assertPlanRoom,
  applyPlanTransition,
  canEditPlanItem,
  checkPlanTransition,
  dueDateEnd,
  elapsedShare,
  isAgreedByBoth,
  isDateInPeriod,
  isSameValue,
  isPlanPeriod,
  MILESTONE_AT_RISK_DAYS,
  objectiveMonths,
  objectiveProgress,
  type ObjectiveProgressInput,
  PLAN_LIMITS,
  PLAN_TRANSITIONS,
  planAfterChange,
  planProgress,
  planWithProgress,
  planSideOf,
  type PlanState,
  periodDays,
} from '@partnerkit/core/rules';
import { OBJECTIVE_STATUSES, Plan, ProblemError, PlanRevision, type KpiAggregation, type KpiDirection, type ObjectiveStatus, type PlanAgreement, type PlanSide, type PlanStatus } from '@partnerkit/core/schemas';
import { kpi, measurement } from './fixtures.js';

const DAY = 86_400_000;
const SIDES: readonly PlanSide[] = ['vendor', 'partner'];
const STATUSES: readonly PlanStatus[] = ['draft', 'proposed', 'agreed'];

const agreement = (side: PlanSide, version: number): PlanAgreement => ({
  by: { side, role: side === 'vendor' ? 'manager' : 'partner', id: `${side}-user`, name: null },
  at: '2026-02-01T00:00:00.000Z',
  version,
});

const state = (status: PlanStatus, version = 3, agreements: PlanState['agreements'] = { vendor: null, partner: null }): PlanState => ({
  status,
  revision: 1,
  version,
  agreements,
});

describe('sides and who may edit what', () => {
  test('vendor staff and admin keys act for the vendor, a partner session for its partner', () => {
    assert.equal(planSideOf('admin'), 'vendor');
    assert.equal(planSideOf('manager'), 'vendor');
    assert.equal(planSideOf('partner'), 'partner');
  });

  test('a partner never changes the vendor side; each side keeps its own items; the vendor may add for the partner', () => {
    for (const edit of ['add', 'update', 'remove', 'complete'] as const) {
      assert.equal(canEditPlanItem('partner', 'vendor', edit), false, `partner ${edit} vendor item`);
      assert.equal(canEditPlanItem('partner', 'partner', edit), true);
      assert.equal(canEditPlanItem('vendor', 'vendor', edit), true);
      assert.equal(canEditPlanItem('vendor', 'partner', edit), edit === 'add');
    }
  });
});

describe('the plan lifecycle table', () => {
  test('matches the agreed lifecycle exactly', () => {
    const actual = PLAN_TRANSITIONS.map((t) => `${t.from}>${t.to}:${[...t.sides].sort().join(',')}:${t.reason}`);
    assert.deepEqual(actual, ['draft>proposed:partner,vendor:optional', 'proposed>agreed:partner,vendor:optional', 'proposed>draft:partner,vendor:required']);
    assert.ok(Object.isFrozen(PLAN_TRANSITIONS) && PLAN_TRANSITIONS.every((t) => Object.isFrozen(t)));
  });

  test('a manager proposes, the partner agrees: agreed, with who and when per side', () => {
    const draft = state('draft');
    assert.deepEqual(checkPlanTransition({ plan: draft, objectiveCount: 2, to: 'proposed', side: 'vendor', version: 3 }), { ok: true });
    const proposed = applyPlanTransition(draft, 'proposed', 'vendor', agreement('vendor', 3));
    assert.equal(proposed.status, 'proposed');
    assert.equal(proposed.agreements.vendor?.by.role, 'manager');
    assert.equal(proposed.agreements.partner, null);
    assert.deepEqual(allowedPlanTransitions(proposed, 'vendor'), ['draft']);
    assert.deepEqual(allowedPlanTransitions(proposed, 'partner'), ['agreed', 'draft']);
    assert.deepEqual(checkPlanTransition({ plan: proposed, objectiveCount: 2, to: 'agreed', side: 'partner', version: 3 }), { ok: true });
    const agreed = applyPlanTransition(proposed, 'agreed', 'partner', agreement('partner', 3));
    assert.equal(agreed.status, 'agreed');
    assert.ok(isAgreedByBoth(agreed.agreements, 3));
    assert.deepEqual(allowedPlanTransitions(agreed, 'vendor'), []);
  });

  test('refusals, in order: no such move, a stale version, a missing reason, agreeing twice, nothing to propose', () => {
    const code = (plan: PlanState, to: PlanStatus, side: PlanSide, version: number, reason?: string, objectiveCount = 1) => {
      const verdict = checkPlanTransition({ plan, objectiveCount, to, side, version, ...(reason === undefined ? {} : { reason }) });
      return verdict.ok ? 'ok' : verdict.code;
    };
    assert.equal(code(state('draft'), 'agreed', 'vendor', 3), 'invalid_transition');
    assert.equal(code(state('agreed'), 'proposed', 'partner', 3), 'invalid_transition');
    assert.equal(code(state('draft'), 'proposed', 'vendor', 2), 'plan_changed');
    assert.equal(code(state('proposed'), 'draft', 'partner', 3), 'reason_required');
    assert.equal(code(state('proposed'), 'draft', 'partner', 3, '   '), 'reason_required');
    assert.equal(code(state('proposed'), 'draft', 'partner', 3, 'Targets too high'), 'ok');
    assert.equal(code(state('proposed', 3, { vendor: agreement('vendor', 3), partner: null }), 'agreed', 'vendor', 3), 'already_agreed');
    assert.equal(code(state('draft'), 'proposed', 'vendor', 3, undefined, 0), 'no_objectives');
  });

  test('sending a plan back for changes withdraws every agreement', () => {
    const proposed = state('proposed', 3, { vendor: agreement('vendor', 3), partner: null });
    const back = applyPlanTransition(proposed, 'draft', 'partner', agreement('partner', 3));
    assert.deepEqual(back, { ...proposed, status: 'draft', agreements: { vendor: null, partner: null } });
  });

  test('a change withdraws agreements; changing an agreed plan makes the next revision, proposed again', () => {
    const proposed = state('proposed', 3, { vendor: agreement('vendor', 3), partner: null });
    assert.deepEqual(planAfterChange(proposed), { ...proposed, version: 4, agreements: { vendor: null, partner: null }, revised: false });
    const agreed = { ...state('agreed', 5, { vendor: agreement('vendor', 5), partner: agreement('partner', 5) }), revision: 2 };
    assert.deepEqual(planAfterChange(agreed), { status: 'proposed', revision: 3, version: 6, agreements: { vendor: null, partner: null }, revised: true });
    assert.deepEqual(planAfterChange(state('draft', 1)), { ...state('draft', 2), revised: false });
  });

  test('property: whatever the sides do, a plan is agreed exactly when both agreed to its current version', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), to: fc.constantFrom(...STATUSES), side: fc.constantFrom(...SIDES), stale: fc.boolean() }),
      fc.record({ kind: fc.constant('change' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let plan = state('draft', 1);
        let revision = 1;
        for (const s of steps) {
          if (s.kind === 'change') {
            const next = planAfterChange(plan);
            assert.equal(next.version, plan.version + 1);
            assert.equal(next.revised, plan.status === 'agreed');
            assert.deepEqual(next.agreements, { vendor: null, partner: null });
            revision = next.revision;
            plan = { status: next.status, revision: next.revision, version: next.version, agreements: next.agreements };
          } else {
            const version = s.stale ? plan.version - 1 : plan.version;
            const verdict = checkPlanTransition({ plan, objectiveCount: 1, to: s.to, side: s.side, version, reason: 'because' });
            if (s.stale && verdict.ok) assert.fail('a stale version was accepted');
            if (verdict.ok) plan = applyPlanTransition(plan, s.to, s.side, agreement(s.side, plan.version));
          }
          assert.equal(plan.status === 'agreed', isAgreedByBoth(plan.agreements, plan.version), JSON.stringify(plan));
          assert.equal(plan.revision, revision, 'only a change to an agreed plan moves the revision');
          for (const side of SIDES) {
            const given = plan.agreements[side];
            if (given) assert.equal(given.version, plan.version, 'an agreement always names the current version');
          }
        }
      }),
    );
  });
});

describe('periods and dates of a plan', () => {
  test('plans cover quarters, halves and years, not months', () => {
    for (const p of ['2026-Q3', '2026-H1', '2026-H2', '2026']) assert.ok(isPlanPeriod(p), p);
    for (const p of ['2026-07', '2026-H3', 'soon', '']) assert.equal(isPlanPeriod(p), false, p);
  });

  test('first and last days, and due dates inside the period', () => {
    assert.deepEqual(periodDays('2026-H1'), { first: '2026-01-01', last: '2026-06-30' });
    assert.deepEqual(periodDays('2024-Q1'), { first: '2024-01-01', last: '2024-03-31' });
    assert.ok(isDateInPeriod('2026-06-30', '2026-H1'));
    assert.equal(isDateInPeriod('2026-07-01', '2026-H1'), false);
    assert.equal(isDateInPeriod('2025-12-31', '2026'), false);
    assert.equal(dueDateEnd('2026-06-30').toISOString(), '2026-07-01T00:00:00.000Z');
    assert.throws(() => dueDateEnd('30/06/2026'), RangeError);
  });

  test('a due date outside the period and a full list are refused as the field\'s validation error', () => {
    assert.doesNotThrow(() => assertDateInPeriod('2026-06-30', '2026-H1', 'dueDate'));
    assert.throws(
      () => assertDateInPeriod('2026-07-01', '2026-H1', 'dueDate'),
      (error: unknown) => error instanceof ProblemError && error.status === 400 && error.extra.errors?.[0]?.path === 'dueDate' && /2026-01-01.*2026-06-30/.test(error.extra.errors[0].message),
    );
    assert.doesNotThrow(() => assertPlanRoom(PLAN_LIMITS.objectives - 1, PLAN_LIMITS.objectives, 'A plan holds'));
    assert.throws(() => assertPlanRoom(PLAN_LIMITS.objectives, PLAN_LIMITS.objectives, 'A plan holds'), ProblemError);
  });

  test('an edit that leaves a field as stored changes nothing, absent and null alike', () => {
    assert.ok(isSameValue(undefined, null));
    assert.ok(isSameValue({ en: 'Grow', vi: 'Tăng' }, { en: 'Grow', vi: 'Tăng' }));
    assert.equal(isSameValue('2026-06-30', '2026-06-29'), false);
  });

  test('an objective is measured over the period\'s months up to its due date\'s month', () => {
    assert.deepEqual(objectiveMonths('2026-H1', '2026-04-15'), ['2026-01', '2026-02', '2026-03', '2026-04']);
    assert.deepEqual(objectiveMonths('2026-Q3', '2026-09-30'), ['2026-07', '2026-08', '2026-09']);
  });

  test('the elapsed share runs from the period start to the end of the due date', () => {
    assert.equal(elapsedShare('2026-Q1', '2026-03-31', new Date('2025-12-01T00:00:00Z')), 0);
    assert.equal(elapsedShare('2026-Q1', '2026-03-31', new Date('2026-04-02T00:00:00Z')), 1);
    const half = elapsedShare('2026-Q1', '2026-01-10', new Date('2026-01-06T00:00:00Z'));
    assert.equal(half, 0.5);
  });
});

const revenue = (aggregation: KpiAggregation = 'sum', direction: KpiDirection = 'higher_is_better') => kpi('revenue', { aggregation, direction });

function measured(target: number, dueDate: string, aggregation: KpiAggregation = 'sum', direction: KpiDirection = 'higher_is_better'): ObjectiveProgressInput {
  return { kind: 'measured', measure: { kpi: revenue(aggregation, direction), target }, dueDate, completed: null };
}

const at = (iso: string) => new Date(iso);

describe('progress of a measured objective', () => {
  // 2026-H1 runs 181 days, from 1 January to 1 July.
  const period = '2026-H1';
  const due = '2026-06-30';

  test('a cumulative target is judged against the share of the period elapsed', () => {
    const measurements = [measurement('revenue', '2026-01', 100), measurement('revenue', '2026-02', 100), measurement('revenue', '2026-03', 100)];
    // 1 April: 90 of 181 days gone, so about 497 of 1,000 is due; 300 is 0.60 of that: off track.
    const april = objectiveProgress({ objective: measured(1000, due), period, measurements, now: at('2026-04-01T00:00:00Z') });
    assert.equal(april.status, 'off_track');
    assert.equal(april.actual, 300);
    assert.equal(april.attainment, 0.3);
    assert.ok(Math.abs((april.expected ?? 0) - 90 / 181) < 1e-9);
    assert.equal(april.percent, 30);
    assert.equal(april.overdue, false);
    // The same 300 against a target of 650: 0.93 of what is due, at risk; against 550: on track.
    assert.equal(objectiveProgress({ objective: measured(650, due), period, measurements, now: at('2026-04-01T00:00:00Z') }).status, 'at_risk');
    assert.equal(objectiveProgress({ objective: measured(550, due), period, measurements, now: at('2026-04-01T00:00:00Z') }).status, 'on_track');
  });

  test('a higher-is-better cumulative target reached is done, even before its due date', () => {
    const measurements = [measurement('revenue', '2026-01', 700), measurement('revenue', '2026-02', 400)];
    const p = objectiveProgress({ objective: measured(1000, due), period, measurements, now: at('2026-03-01T00:00:00Z') });
    assert.equal(p.status, 'done');
    assert.equal(p.percent, 100);
  });

  test('measurements move it: more revenue, better status', () => {
    const now = at('2026-04-01T00:00:00Z');
    const before = objectiveProgress({ objective: measured(1000, due), period, measurements: [measurement('revenue', '2026-01', 200)], now });
    const after = objectiveProgress({
      objective: measured(1000, due),
      period,
      measurements: [measurement('revenue', '2026-01', 200), measurement('revenue', '2026-02', 150), measurement('revenue', '2026-03', 200)],
      now,
    });
    assert.equal(before.status, 'off_track');
    assert.equal(after.status, 'on_track');
    assert.ok(after.percent > before.percent);
  });

  test('only the months up to the due date count, and only this KPI', () => {
    const measurements = [
      measurement('revenue', '2026-01', 100),
      measurement('revenue', '2026-02', 100),
      measurement('revenue', '2026-05', 900),
      measurement('other', '2026-01', 5000),
      measurement('revenue', '2025-12', 5000),
    ];
    const p = objectiveProgress({ objective: measured(300, '2026-02-28'), period, measurements, now: at('2026-02-15T00:00:00Z') });
    assert.equal(p.actual, 200);
  });

  test('a level is judged against the whole target all along, in either direction', () => {
    const now = at('2026-02-01T00:00:00Z');
    const csat = (value: number) => objectiveProgress({ objective: measured(4.5, due, 'avg'), period, measurements: [measurement('revenue', '2026-01', value)], now });
    assert.equal(csat(4.6).status, 'on_track');
    assert.equal(csat(4.0).status, 'at_risk');
    assert.equal(csat(3.0).status, 'off_track');
    assert.equal(csat(4.0).expected, 1);
    const churn = (value: number) => objectiveProgress({ objective: measured(5, due, 'avg', 'lower_is_better'), period, measurements: [measurement('revenue', '2026-01', value)], now });
    assert.equal(churn(4).status, 'on_track');
    assert.equal(churn(5.5).status, 'at_risk');
    assert.equal(churn(9).status, 'off_track');
  });

  test('after the due date: done when the whole target is met, else off track and overdue', () => {
    const after = at('2026-07-05T00:00:00Z');
    const met = objectiveProgress({ objective: measured(4.5, due, 'avg'), period, measurements: [measurement('revenue', '2026-06', 4.7)], now: after });
    assert.deepEqual([met.status, met.overdue], ['done', false]);
    const missed = objectiveProgress({ objective: measured(1000, due), period, measurements: [measurement('revenue', '2026-06', 990)], now: after });
    assert.deepEqual([missed.status, missed.overdue], ['off_track', true]);
  });

  test('without measurements: no data until the due date, then off track', () => {
    assert.equal(objectiveProgress({ objective: measured(1000, due), period, measurements: [], now: at('2026-03-01T00:00:00Z') }).status, 'no_data');
    const late = objectiveProgress({ objective: measured(1000, due), period, measurements: [], now: at('2026-08-01T00:00:00Z') });
    assert.deepEqual([late.status, late.overdue, late.actual, late.percent], ['off_track', true, null, 0]);
  });

  test('property: more of a higher-is-better cumulative KPI never makes the status worse', () => {
    const rank = (s: ObjectiveStatus) => ['no_data', 'off_track', 'at_risk', 'on_track', 'done'].indexOf(s);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        (values, extra, target, day) => {
          const now = new Date(Date.parse('2026-01-01T00:00:00Z') + day * DAY);
          const base = values.map((v, i) => measurement('revenue', `2026-0${i + 1}`, v));
          const more = base.map((m, i) => (i === 0 ? { ...m, value: m.value + extra } : m));
          const a = objectiveProgress({ objective: measured(target, due), period, measurements: base, now });
          const b = objectiveProgress({ objective: measured(target, due), period, measurements: more, now });
          assert.ok(rank(b.status) >= rank(a.status), `${a.status} -> ${b.status}`);
          assert.ok(b.percent >= a.percent);
          assert.ok(a.percent >= 0 && a.percent <= 100);
          assert.equal(a.overdue, now.getTime() >= dueDateEnd(due).getTime() && a.status !== 'done');
        },
      ),
    );
  });
});

describe('progress of a milestone', () => {
  const period = '2026-Q2';
  const milestone = (dueDate: string, completed: unknown = null): ObjectiveProgressInput => ({ kind: 'milestone', measure: null, dueDate, completed });
  const progress = (o: ObjectiveProgressInput, now: string) => objectiveProgress({ objective: o, period, measurements: [], now: at(now) });

  test('from its due date: on track, at risk within two weeks, off track after it', () => {
    assert.equal(MILESTONE_AT_RISK_DAYS, 14);
    assert.equal(progress(milestone('2026-06-30'), '2026-04-01T00:00:00Z').status, 'on_track');
    assert.equal(progress(milestone('2026-06-30'), '2026-06-16T23:59:59Z').status, 'on_track');
    assert.equal(progress(milestone('2026-06-30'), '2026-06-17T00:00:00Z').status, 'at_risk');
    const late = progress(milestone('2026-06-30'), '2026-07-01T00:00:00Z');
    assert.deepEqual([late.status, late.overdue, late.percent], ['off_track', true, 0]);
  });

  test('done once marked done, whatever the date', () => {
    const done = progress(milestone('2026-04-30', { at: '2026-05-02T00:00:00Z' }), '2026-09-01T00:00:00Z');
    assert.deepEqual([done.status, done.overdue, done.percent, done.actual, done.expected], ['done', false, 100, null, null]);
  });
});

describe('progress of a plan', () => {
  const p = (status: ObjectiveStatus, percent = 0, overdue = false) => ({ status, percent, overdue });

  test('no objectives: no status', () => {
    assert.deepEqual(planProgress([]), { status: null, percent: 0, counts: { on_track: 0, at_risk: 0, off_track: 0, done: 0, no_data: 0 }, overdue: 0 });
  });

  test('the worst status among the objectives not done; done when all are; no data only when nothing else is known', () => {
    assert.equal(planProgress([p('done', 100), p('done', 100)]).status, 'done');
    assert.equal(planProgress([p('done', 100), p('on_track', 50)]).status, 'on_track');
    assert.equal(planProgress([p('on_track'), p('at_risk'), p('no_data')]).status, 'at_risk');
    assert.equal(planProgress([p('on_track'), p('off_track', 0, true), p('at_risk')]).status, 'off_track');
    assert.equal(planProgress([p('no_data'), p('done', 100)]).status, 'no_data');
  });

  test('counts, overdue and the mean percentage', () => {
    const result = planProgress([p('done', 100), p('off_track', 20, true), p('on_track', 60)]);
    assert.deepEqual(result.counts, { on_track: 1, at_risk: 0, off_track: 1, done: 1, no_data: 0 });
    assert.equal(result.overdue, 1);
    assert.equal(result.percent, 60);
  });

  test('property: counts add up and the percentage stays in 0-100', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom(...OBJECTIVE_STATUSES), percent: fc.double({ min: 0, max: 100, noNaN: true }), overdue: fc.boolean() })), (objectives) => {
        const result = planProgress(objectives);
        assert.equal(Object.values(result.counts).reduce((a, b) => a + b, 0), objectives.length);
        assert.ok(result.percent >= 0 && result.percent <= 100 + 1e-9);
        assert.equal(result.overdue, objectives.filter((o) => o.overdue).length);
        if (objectives.length > 0 && objectives.every((o) => o.status === 'done')) assert.equal(result.status, 'done');
      }),
    );
  });
});

describe('a stored plan with its progress (planWithProgress), on the demo plans', () => {
  const data = generateDemoData({ partners: 8, deals: 0, resources: 0, asOf: '2026-11-30T09:00:00Z' });
  const demoPlans = generateDemoPlans(data);
  const now = new Date('2026-12-07T12:00:00Z');

  test('each objective has core\'s objectiveProgress and the plan planProgress of them; every plan is a valid contract Plan', () => {
    for (const { plan: stored, revisions } of demoPlans) {
      const measurements = data.measurements.filter((m) => m.partnerId === stored.partnerId);
      const plan = planWithProgress(stored, measurements, now);
      assert.ok(Plan.safeParse(plan).success, stored.id);
      for (const revision of revisions) assert.ok(PlanRevision.safeParse(revision).success, `${stored.id} revision ${revision.revision}`);
      assert.equal(plan.asOf, now.toISOString());
      for (const objective of plan.objectives) {
        assert.deepEqual(objective.progress, objectiveProgress({ objective, period: stored.period, measurements, now }));
      }
      assert.deepEqual(plan.progress, planProgress(plan.objectives.map((o) => o.progress)));
    }
  });

  test('one plan per partner for the half of asOf, in the partner\'s language, at every stage', () => {
    assert.deepEqual(demoPlans.map((p) => p.plan.partnerId), data.partners.map((p) => p.partner.id));
    assert.ok(demoPlans.every((p) => p.plan.period === '2026-H2' && p.plan.objectives.every((o) => isDateInPeriod(o.dueDate, '2026-H2'))));
    assert.deepEqual([...new Set(demoPlans.map((p) => `${p.plan.status}/${p.plan.revision}`))].sort(), ['agreed/1', 'draft/1', 'proposed/1', 'proposed/2']);
    for (const { plan } of demoPlans) {
      const vietnamese = data.partners.find((p) => p.partner.id === plan.partnerId)?.partner.country === 'VN';
      assert.match(plan.title ?? '', vietnamese ? /^Kế hoạch tăng trưởng nửa cuối năm 2026$/ : /^Growth plan, second half of 2026$/);
    }
  });
});
