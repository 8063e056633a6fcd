import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import {
  Application,
  ApplicationForm,
  ApplicationFormInput,
  ApplicationInput,
  Evaluation,
  EvaluationInput,
  SelectionCriterion,
  SelectionCriterionInput,
  Deal,
  DealHistoryEntry,
  DealInput,
  EventEnvelope,
  Kpi,
  KpiInput,
  Measurement,
  Partner,
  PartnerInput,
  Problem,
  Resource,
  ResourceInput,
  Scorecard,
  SessionInput,
  Target,
  Tier,
  TierInput,
} from '@partnerkit/core/schemas';
import * as arb from './arbitraries.ts';

/**
 * Parse, serialise, parse again: the second parse must succeed and serialise to the same wire
 * form (compared as JSON, where -0 and 0 are one number).
 */
function roundTrips<T>(schema: z.ZodMiniType, arbitrary: fc.Arbitrary<T>) {
  fc.assert(
    fc.property(arbitrary, (value) => {
      const first = schema.safeParse(value);
      assert.ok(first.success, `the generator made an invalid value: ${JSON.stringify(first.error?.issues)}`);
      const wire = JSON.parse(JSON.stringify(first.data)) as unknown;
      const second = schema.safeParse(wire);
      assert.ok(second.success, JSON.stringify(second.error?.issues));
      assert.deepEqual(JSON.parse(JSON.stringify(second.data)), wire);
    }),
    { numRuns: 150 },
  );
}

describe('valid values round-trip through JSON and still parse', () => {
  test('Partner', () => roundTrips(Partner, arb.partner));
  test('Tier', () => roundTrips(Tier, arb.tier));
  test('Kpi', () => roundTrips(Kpi, arb.kpi));
  test('Target', () => roundTrips(Target, arb.target));
  test('Measurement', () => roundTrips(Measurement, arb.measurement));
  test('Deal', () => roundTrips(Deal, arb.deal));
  test('DealHistoryEntry', () => roundTrips(DealHistoryEntry, arb.dealHistoryEntry));
  test('DealInput', () => roundTrips(DealInput, arb.dealInput));
  test('Resource', () => roundTrips(Resource, arb.resource));
  test('Scorecard', () => roundTrips(Scorecard, arb.scorecard));
  test('Problem', () => roundTrips(Problem, arb.problem));
  test('EventEnvelope', () => roundTrips(EventEnvelope, arb.eventEnvelope));
  test('SessionInput', () => roundTrips(SessionInput, arb.sessionInput));
  test('SelectionCriterion', () => roundTrips(SelectionCriterion, arb.selectionCriterion));
  test('ApplicationForm', () => roundTrips(ApplicationForm, arb.applicationForm));
  test('Application', () => roundTrips(Application, arb.application));
  test('ApplicationInput', () => roundTrips(ApplicationInput, arb.applicationInput));
  test('Evaluation', () => roundTrips(Evaluation, arb.evaluation));

  test('input schemas accept what their entity carries', () => {
    const toInput = <T extends Record<string, unknown>>(value: T, drop: string[]) =>
      Object.fromEntries(Object.entries(value).filter(([k]) => !drop.includes(k)));
    roundTrips(
      TierInput,
      arb.tier.map((t) => toInput(t, ['id', 'createdAt', 'updatedAt'])),
    );
    roundTrips(
      KpiInput,
      arb.kpi.map((k) => toInput({ ...k, currency: k.unit === 'currency' ? 'USD' : k.currency }, ['id', 'createdAt', 'updatedAt'])),
    );
    roundTrips(
      PartnerInput,
      arb.partner.map((p) => toInput(p, ['id', 'createdAt', 'updatedAt'])),
    );
    roundTrips(
      SelectionCriterionInput,
      arb.selectionCriterion.map((c) => toInput(c, ['id', 'createdAt', 'updatedAt'])),
    );
    roundTrips(
      ApplicationFormInput,
      arb.applicationForm.map((f) => toInput(f, ['formToken', 'updatedAt'])),
    );
    roundTrips(
      EvaluationInput,
      arb.evaluation.map((e) => ({ ...toInput(e, ['id', 'applicationId', 'reviewer', 'status', 'weightedScore', 'knockOuts', 'submittedAt', 'createdAt', 'updatedAt']), submit: e.status === 'submitted' })),
    );
    roundTrips(
      ResourceInput,
      arb.resource.map((r) => toInput({ ...r, url: r.url ?? 'https://example.com/file.pdf' }, ['id', 'locked', 'openCount', 'createdAt', 'updatedAt'])),
    );
  });
});
