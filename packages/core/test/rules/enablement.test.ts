import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addMonths,
  attemptsLeft,
  certificateExpiry,
  certificateStatus,
  certifiedStaff,
  checkCertificationRequirement,
  checkEnrolmentTransition,
  checkTierCertifications,
  ENROLMENT_TRANSITIONS,
  expiryWarnings,
  type HeldCertificate,
  isCertificateValid,
  isCourseComplete,
  isInAudience,
  missingCertifications,
  partnerEnablement,
  renewedExpiry,
  scoreAttempt,
} from '@partnerkit/core/rules';
import { Course, ENROLMENT_STATUSES, Person } from '@partnerkit/core/schemas';
import { DEMO_CERTIFICATIONS, generateDemoData, generateDemoEnablement } from '@partnerkit/core/demo';

const key = {
  questions: [
    { questionId: 'q1', correctChoiceIds: ['a'] },
    { questionId: 'q2', correctChoiceIds: ['b', 'c'] },
    { questionId: 'q3', correctChoiceIds: ['d'] },
    { questionId: 'q4', correctChoiceIds: ['a'] },
  ],
};

describe('scoreAttempt', () => {
  test('a question is correct only with exactly its correct choices, in any order', () => {
    const result = scoreAttempt(key, [
      { questionId: 'q1', choiceIds: ['a'] },
      { questionId: 'q2', choiceIds: ['c', 'b'] },
      { questionId: 'q3', choiceIds: ['d', 'a'] },
    ], 75);
    assert.deepEqual(result, { correct: 2, total: 4, score: 50, passed: false });
  });

  test('passes at exactly the pass mark, decided on the exact ratio', () => {
    const three = [{ questionId: 'q1', choiceIds: ['a'] }, { questionId: 'q2', choiceIds: ['b', 'c'] }, { questionId: 'q3', choiceIds: ['d'] }];
    assert.equal(scoreAttempt(key, three, 75).passed, true);
    assert.equal(scoreAttempt(key, three, 76).passed, false);
    // 2 of 3 is 66.666...%: 67 must not pass on a rounded 66.7.
    const keyOf3 = { questions: key.questions.slice(0, 3) };
    const two = three.slice(0, 2);
    assert.equal(scoreAttempt(keyOf3, two, 67).passed, false);
    assert.equal(scoreAttempt(keyOf3, two, 66).passed, true);
    assert.equal(scoreAttempt(keyOf3, two, 66).score, 66.7);
  });

  test('the first answer to a question counts; answering twice cannot pick both ways', () => {
    const result = scoreAttempt(key, [{ questionId: 'q1', choiceIds: ['b'] }, { questionId: 'q1', choiceIds: ['a'] }], 1);
    assert.equal(result.correct, 0);
  });

  test('unknown questions, empty answers and repeated choices', () => {
    assert.equal(scoreAttempt(key, [{ questionId: 'zz', choiceIds: ['a'] }], 1).correct, 0);
    assert.equal(scoreAttempt(key, [{ questionId: 'q1', choiceIds: [] }], 1).correct, 0);
    assert.equal(scoreAttempt(key, [{ questionId: 'q1', choiceIds: ['a', 'a'] }], 1).correct, 1);
    assert.equal(scoreAttempt({ questions: [] }, [], 1).passed, false);
  });

  test('property: all correct passes any mark; the score is the share correct; picking every choice never helps', () => {
    const arbKey = fc.uniqueArray(fc.record({ questionId: fc.uuid(), correctChoiceIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 20, selector: (q: { questionId: string }) => q.questionId });
    fc.assert(
      fc.property(arbKey, fc.integer({ min: 1, max: 100 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (questions, passMark, right) => {
        const perfect = scoreAttempt({ questions }, questions.map((q) => ({ questionId: q.questionId, choiceIds: [...q.correctChoiceIds] })), passMark);
        assert.equal(perfect.passed, true);
        assert.equal(perfect.score, 100);
        const answers = questions.map((q, i) => ({ questionId: q.questionId, choiceIds: right[i] ? [...q.correctChoiceIds].reverse() : ['x'] }));
        const result = scoreAttempt({ questions }, answers, passMark);
        assert.equal(result.correct, questions.filter((_, i) => right[i]).length);
        assert.equal(result.passed, result.correct * 100 >= passMark * questions.length);
        assert.ok(Math.abs(result.score - (result.correct * 100) / questions.length) <= 0.05);
        const greedy = scoreAttempt({ questions }, questions.map((q) => ({ questionId: q.questionId, choiceIds: ['a', 'b', 'c', 'd'] })), passMark);
        assert.equal(greedy.correct, questions.filter((q) => q.correctChoiceIds.length === 4).length);
      }),
    );
  });
});

test('attemptsLeft: null without a limit, never negative', () => {
  assert.equal(attemptsLeft(null, 7), null);
  assert.equal(attemptsLeft(3, 1), 2);
  assert.equal(attemptsLeft(3, 5), 0);
});

describe('the enrolment lifecycle', () => {
  test('a partner withdraws and enrols again; only an admin reopens a failed enrolment, with a reason', () => {
    assert.equal(checkEnrolmentTransition('in_progress', 'withdrawn', 'partner').ok, true);
    assert.equal(checkEnrolmentTransition('withdrawn', 'enrolled', 'partner').ok, true);
    const partnerReopens = checkEnrolmentTransition('failed', 'enrolled', 'partner');
    assert.equal(partnerReopens.ok === false && partnerReopens.code, 'forbidden');
    const noReason = checkEnrolmentTransition('failed', 'enrolled', 'admin', ' ');
    assert.equal(noReason.ok === false && noReason.code, 'reason_required');
    assert.equal(checkEnrolmentTransition('failed', 'enrolled', 'admin', 'A new round after the refresher').ok, true);
  });

  test('a partner cannot complete or fail an enrolment itself; nothing leaves completed', () => {
    const complete = checkEnrolmentTransition('in_progress', 'completed', 'partner');
    assert.equal(complete.ok === false && complete.code, 'forbidden');
    for (const to of ENROLMENT_STATUSES) {
      const check = checkEnrolmentTransition('completed', to, 'admin', 'reason');
      assert.equal(check.ok === false && check.code, 'invalid_transition');
    }
  });

  test('property: a move is allowed exactly when the table has it for the actor', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENROLMENT_STATUSES), fc.constantFrom(...ENROLMENT_STATUSES), fc.constantFrom('admin' as const, 'partner' as const, 'system' as const), (from, to, actor) => {
        const inTable = ENROLMENT_TRANSITIONS.some((t) => t.from === from && t.to === to && t.who.includes(actor));
        assert.equal(checkEnrolmentTransition(from, to, actor, 'because').ok, inTable);
      }),
    );
  });
});

test('isInAudience: empty lists let everyone in; a partner without a tier fits only a course for every tier', () => {
  const partner = { type: 'reseller' as const, tierId: 'tier_silver' };
  assert.equal(isInAudience({ partnerTypes: [], tierIds: [] }, partner), true);
  assert.equal(isInAudience({ partnerTypes: ['reseller'], tierIds: ['tier_silver', 'tier_gold'] }, partner), true);
  assert.equal(isInAudience({ partnerTypes: ['distributor'], tierIds: [] }, partner), false);
  assert.equal(isInAudience({ partnerTypes: [], tierIds: ['tier_gold'] }, partner), false);
  assert.equal(isInAudience({ partnerTypes: [], tierIds: ['tier_gold'] }, { ...partner, tierId: null }), false);
});

test('isCourseComplete: self-paced only, every module done and the assessment passed', () => {
  const modules = [{ id: 'm1' }, { id: 'm2' }] as never;
  const assessment = { passMark: 80, attemptsAllowed: 3, questions: [] };
  assert.equal(isCourseComplete({ format: 'self_paced', modules, assessment }, ['m1', 'm2'], false), false);
  assert.equal(isCourseComplete({ format: 'self_paced', modules, assessment }, ['m2', 'm1'], true), true);
  assert.equal(isCourseComplete({ format: 'self_paced', modules, assessment }, ['m1'], true), false);
  assert.equal(isCourseComplete({ format: 'self_paced', modules, assessment: null }, ['m1', 'm2'], false), true);
  assert.equal(isCourseComplete({ format: 'live', modules: [], assessment: null }, [], true), false);
});

describe('certificates', () => {
  test('addMonths clamps to the end of a shorter month', () => {
    assert.equal(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString(), '2026-02-28T10:00:00.000Z');
    assert.equal(addMonths(new Date('2027-12-15T00:00:00Z'), 24).toISOString(), '2029-12-15T00:00:00.000Z');
    assert.equal(certificateExpiry(new Date('2026-03-01T00:00:00Z'), null), null);
  });

  test('valid from issue until (not including) expiry', () => {
    const c = { issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' };
    assert.equal(isCertificateValid(c, new Date('2025-12-31T23:59:59Z')), false);
    assert.equal(isCertificateValid(c, new Date('2026-06-01T00:00:00Z')), true);
    assert.equal(isCertificateValid(c, new Date('2027-01-01T00:00:00Z')), false);
    assert.equal(certificateStatus(c, new Date('2027-01-01T00:00:00Z')), 'expired');
    assert.equal(isCertificateValid({ ...c, expiresAt: null }, new Date('2099-01-01T00:00:00Z')), true);
  });

  test('renewing early counts from the current expiry; renewing late from now', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    assert.equal(renewedExpiry(new Date('2027-01-15T00:00:00Z'), now, 12)?.toISOString(), '2028-01-15T00:00:00.000Z');
    assert.equal(renewedExpiry(new Date('2026-10-01T00:00:00Z'), now, 12)?.toISOString(), '2027-11-30T00:00:00.000Z');
    assert.equal(renewedExpiry(null, now, null), null);
  });
});

const at = new Date('2026-12-01T00:00:00Z');
const held = (personId: string, certificationId: string, expiresAt: string | null, issuedAt = '2025-06-01T00:00:00.000Z'): HeldCertificate => ({ personId, certificationId, issuedAt, expiresAt });

describe('certification requirements', () => {
  const certificates = [
    held('p1', 'sales', '2027-06-01T00:00:00.000Z'),
    held('p1', 'sales', '2026-01-01T00:00:00.000Z'), // expired: p1 still counts once, by the valid one
    held('p2', 'sales', null),
    held('p3', 'sales', '2026-11-01T00:00:00.000Z'), // expired
    held('p3', 'tech', '2027-03-01T00:00:00.000Z'),
    held('p4', 'tech', '2027-03-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'), // not yet issued
  ];

  test('counts distinct people with a valid certificate', () => {
    assert.deepEqual(checkCertificationRequirement({ certificationId: 'sales', count: 2 }, certificates, at), { certificationId: 'sales', required: 2, held: 2, missing: 0, met: true });
    assert.deepEqual(checkCertificationRequirement({ certificationId: 'tech', count: 2 }, certificates, at), { certificationId: 'tech', required: 2, held: 1, missing: 1, met: false });
    assert.equal(certifiedStaff(certificates, at), 3);
  });

  test('a tier names what it is missing; a tier without requirements is met', () => {
    const check = checkTierCertifications('tier_gold', [{ certificationId: 'sales', count: 3 }, { certificationId: 'tech', count: 1 }], certificates, at);
    assert.equal(check.met, false);
    assert.deepEqual(missingCertifications(check), [{ certificationId: 'sales', missing: 1 }]);
    assert.equal(checkTierCertifications('tier_registered', [], certificates, at).met, true);
  });

  test('property: certified staff never exceeds the people, and expiring certificates only lower it', () => {
    const arbCert = fc.record({
      personId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      certificationId: fc.constantFrom('x', 'y'),
      issuedAt: fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString()),
      expiresAt: fc.option(fc.integer({ min: 300, max: 900 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString())),
    });
    fc.assert(
      fc.property(fc.array(arbCert, { maxLength: 30 }), fc.integer({ min: 0, max: 1000 }), (certs, day) => {
        const when = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
        const count = certifiedStaff(certs, when);
        assert.ok(count <= new Set(certs.map((c) => c.personId)).size);
        const later = new Date(when.getTime() + 30 * 86_400_000);
        // Without new issues after `when`, a month later can only hold fewer.
        const issuedBefore = certs.filter((c) => Date.parse(c.issuedAt) <= when.getTime());
        assert.ok(certifiedStaff(issuedBefore, later) <= certifiedStaff(issuedBefore, when));
      }),
    );
  });
});

describe('expiryWarnings', () => {
  test('flags expiries within 60 days that leave the tier short, with the day it falls short', () => {
    const certificates = [
      held('p1', 'sales', '2027-01-10T00:00:00.000Z'),
      held('p2', 'sales', '2027-01-20T00:00:00.000Z'),
      held('p3', 'sales', '2028-01-01T00:00:00.000Z'),
    ];
    // Silver needs 2: p3 stays, so the partner falls short when the second latest (p2) expires.
    assert.deepEqual(expiryWarnings('tier_silver', [{ certificationId: 'sales', count: 2 }], certificates, at), [
      { tierId: 'tier_silver', certificationId: 'sales', required: 2, held: 3, expiring: 2, shortOn: '2027-01-20', before: '2027-01-30' },
    ]);
    // Needing 1, p3 covers it: no warning.
    assert.deepEqual(expiryWarnings('tier_silver', [{ certificationId: 'sales', count: 1 }], certificates, at), []);
  });

  test('a renewed person is covered by the later certificate; short already is not a warning', () => {
    const certificates = [held('p1', 'sales', '2027-01-10T00:00:00.000Z'), held('p1', 'sales', '2028-01-10T00:00:00.000Z'), held('p2', 'sales', null)];
    assert.deepEqual(expiryWarnings('tier_silver', [{ certificationId: 'sales', count: 2 }], certificates, at), []);
    assert.deepEqual(expiryWarnings('tier_gold', [{ certificationId: 'sales', count: 3 }], certificates, at), []);
  });

  test('an expiry after the horizon is not flagged', () => {
    const certificates = [held('p1', 'sales', '2027-02-01T00:00:00.000Z')];
    assert.deepEqual(expiryWarnings('tier_silver', [{ certificationId: 'sales', count: 1 }], certificates, at), []);
    assert.equal(expiryWarnings('tier_silver', [{ certificationId: 'sales', count: 1 }], certificates, at, 90).length, 1);
  });

  test('property: a warning exactly when the requirement is met now and not at the horizon', () => {
    const arbCert = fc.record({
      personId: fc.constantFrom('a', 'b', 'c', 'd'),
      certificationId: fc.constant('x'),
      issuedAt: fc.constant('2026-01-01T00:00:00.000Z'),
      expiresAt: fc.option(fc.integer({ min: 300, max: 500 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString())),
    });
    fc.assert(
      fc.property(fc.array(arbCert, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (certs, count) => {
        const requirement = { certificationId: 'x', count };
        const warnings = expiryWarnings('t', [requirement], certs, at);
        const metNow = checkCertificationRequirement(requirement, certs, at).met;
        const horizon = new Date(at.getTime() + 60 * 86_400_000 - 1);
        const metAtHorizon = checkCertificationRequirement(requirement, certs, horizon).met;
        assert.equal(warnings.length, metNow && !metAtHorizon ? 1 : 0);
        for (const w of warnings) assert.equal(checkCertificationRequirement(requirement, certs, new Date(`${w.shortOn}T00:00:00.000Z`)).met, false);
      }),
    );
  });
});

describe('the demo enablement', () => {
  const demo = generateDemoData({ asOf: '2026-11-30T09:00:00.000Z', partners: 24, deals: 0 });
  const enablement = generateDemoEnablement(demo);
  const at = demo.asOf;
  const standing = (partnerId: string) => {
    const partner = demo.partners.find((p) => p.partner.id === partnerId)!.partner;
    return partnerEnablement({ partner, tiers: demo.tiers, requirements: enablement.requirements, certificates: enablement.certificates.filter((c) => c.partnerId === partnerId), at });
  };

  test('is deterministic, valid contract data, with a catalogue in English and Vietnamese', () => {
    assert.deepEqual(generateDemoEnablement(generateDemoData({ asOf: '2026-11-30T09:00:00.000Z', partners: 24, deals: 0 })), enablement);
    for (const { course } of enablement.courses) assert.ok(Course.safeParse(course).success, course.id);
    for (const person of enablement.people) assert.ok(Person.safeParse(person).success, person.id);
    assert.deepEqual(new Set(enablement.courses.map((c) => c.course.language)), new Set(['en', 'vi']));
    assert.ok(enablement.courses.every((c) => c.course.translations !== undefined));
    assert.doesNotMatch(JSON.stringify(enablement.courses.map((c) => c.course)), /correctChoiceIds/);
  });

  test('every active partner meets its own tier\'s certifications; the one-short partner lacks exactly one for the next', () => {
    for (const { partner } of demo.partners) {
      const own = standing(partner.id).tiers.find((t) => t.tierId === partner.tierId);
      if (own) assert.equal(own.met, true, partner.id);
    }
    const short = standing(enablement.oneShortPartnerId!);
    const next = short.tiers.find((t) => t.tierId === short.nextTierId)!;
    assert.deepEqual(missingCertifications(next), [{ certificationId: DEMO_CERTIFICATIONS.technical, missing: 1 }]);
  });

  test('some partners have certificates expiring within 60 days that would leave them short', () => {
    const warned = demo.partners.filter(({ partner }) => standing(partner.id).warnings.length > 0);
    assert.ok(warned.length >= 2, `${warned.length} partners warned`);
  });
});
