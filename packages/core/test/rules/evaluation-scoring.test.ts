import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  applicableCriteria,
  checkEvaluationScores,
  DEFAULT_SELECTION_THRESHOLDS,
  recommend,
  type ScoredCriterion,
  scoreEvaluation,
  SPREAD_FLAG,
  summariseEvaluations,
} from '@partnerkit/core/rules';
import { PARTNER_TYPES, type PartnerType } from '@partnerkit/core/schemas';

const criterion = (id: string, weight: number, extra: Partial<ScoredCriterion> = {}): ScoredCriterion => ({
  id,
  weight,
  knockOutMin: null,
  partnerTypes: [],
  position: 0,
  ...extra,
});

const reach = criterion('reach', 3, { position: 1 });
const fit = criterion('fit', 1, { position: 2 });
const tech = criterion('tech', 2, { position: 3, knockOutMin: 3, partnerTypes: ['system_integrator'] });
const CRITERIA = [tech, fit, reach];
const thresholds = DEFAULT_SELECTION_THRESHOLDS;

const scores = (entries: Record<string, number>) => Object.entries(entries).map(([criterionId, score]) => ({ criterionId, score }));

describe('applicable criteria', () => {
  test('an empty partnerTypes applies to all; order by position, then id', () => {
    assert.deepEqual(applicableCriteria(CRITERIA, 'reseller').map((c) => c.id), ['reach', 'fit']);
    assert.deepEqual(applicableCriteria(CRITERIA, 'system_integrator').map((c) => c.id), ['reach', 'fit', 'tech']);
    const tied = [criterion('b', 1), criterion('a', 1)];
    assert.deepEqual(applicableCriteria(tied, 'agent').map((c) => c.id), ['a', 'b']);
  });
});

describe('scoreEvaluation', () => {
  test('places each score on the scale and weighs it: 1 is 0, 5 is 100', () => {
    assert.equal(scoreEvaluation(CRITERIA, 'reseller', scores({ reach: 5, fit: 1 })).weightedScore, 75);
    assert.equal(scoreEvaluation(CRITERIA, 'reseller', scores({ reach: 1, fit: 1 })).weightedScore, 0);
    assert.equal(scoreEvaluation(CRITERIA, 'reseller', scores({ reach: 5, fit: 5 })).weightedScore, 100);
    assert.equal(scoreEvaluation(CRITERIA, 'reseller', scores({ reach: 3, fit: 3 })).weightedScore, 50);
    // (3 * 0.75 + 1 * 0.25 + 2 * 0.5) / 6 = 0.5833...
    assert.equal(scoreEvaluation(CRITERIA, 'system_integrator', scores({ reach: 4, fit: 2, tech: 3 })).weightedScore, 58.3);
  });

  test('scores as far as scored, and says what is missing', () => {
    const partial = scoreEvaluation(CRITERIA, 'system_integrator', scores({ fit: 4 }));
    assert.equal(partial.weightedScore, 75);
    assert.equal(partial.complete, false);
    assert.deepEqual(partial.missing, ['reach', 'tech']);
    assert.deepEqual(scoreEvaluation(CRITERIA, 'reseller', []), { weightedScore: null, complete: false, missing: ['reach', 'fit'], knockOuts: [] });
  });

  test('ignores scores of criteria that do not apply or do not exist', () => {
    const result = scoreEvaluation(CRITERIA, 'reseller', scores({ reach: 5, fit: 5, tech: 1, ghost: 1 }));
    assert.equal(result.weightedScore, 100);
    assert.deepEqual(result.knockOuts, []);
  });

  test('a score below the knock-out minimum knocks out; the minimum itself does not', () => {
    assert.deepEqual(scoreEvaluation(CRITERIA, 'system_integrator', scores({ reach: 5, fit: 5, tech: 2 })).knockOuts, ['tech']);
    assert.deepEqual(scoreEvaluation(CRITERIA, 'system_integrator', scores({ reach: 5, fit: 5, tech: 3 })).knockOuts, []);
  });

  test('property: always 0-100 with at most one decimal, and monotonic in each score', () => {
    const arbitraryCriteria = fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^c[0-9]{1,3}$/), weight: fc.integer({ min: 1, max: 100 }), knockOutMin: fc.option(fc.integer({ min: 2, max: 5 }), { nil: null }) }),
      { selector: (c) => c.id, minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(arbitraryCriteria, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 8, maxLength: 8 }), fc.nat({ max: 7 }), (list, values, bump) => {
        const criteria = list.map((c) => criterion(c.id, c.weight, { knockOutMin: c.knockOutMin }));
        const given = criteria.map((c, i) => ({ criterionId: c.id, score: values[i] as number }));
        const { weightedScore, complete, knockOuts } = scoreEvaluation(criteria, 'reseller', given);
        assert.ok(weightedScore !== null && weightedScore >= 0 && weightedScore <= 100);
        assert.equal(Math.round(weightedScore * 10) / 10, weightedScore);
        assert.ok(complete);
        for (const id of knockOuts) {
          const c = criteria.find((x) => x.id === id)!;
          assert.ok(c.knockOutMin !== null && given.find((s) => s.criterionId === id)!.score < c.knockOutMin);
        }
        const index = bump % given.length;
        const higher = given.map((s, i) => (i === index ? { ...s, score: Math.min(5, s.score + 1) } : s));
        assert.ok((scoreEvaluation(criteria, 'reseller', higher).weightedScore as number) >= weightedScore);
      }),
    );
  });
});

describe('checkEvaluationScores', () => {
  test('unknown and inapplicable criteria, and scores off the scale, at their paths', () => {
    const problems = checkEvaluationScores(CRITERIA, 'reseller', [{ criterionId: 'ghost', score: 3 }, { criterionId: 'tech', score: 6 }], { submit: false });
    assert.deepEqual(problems, [
      { path: 'scores.0.criterionId', message: 'no selection criterion has this id' },
      { path: 'scores.1.criterionId', message: 'this criterion does not apply to reseller applicants' },
      { path: 'scores.1.score', message: 'must be a score from 1 to 5' },
    ]);
  });

  test('submitting needs every applicable criterion scored; a draft does not', () => {
    assert.deepEqual(checkEvaluationScores(CRITERIA, 'reseller', scores({ reach: 4 }), { submit: false }), []);
    assert.deepEqual(checkEvaluationScores(CRITERIA, 'reseller', scores({ reach: 4 }), { submit: true }), [
      { path: 'scores', message: 'must score every criterion before submitting; missing: fit' },
    ]);
    assert.deepEqual(checkEvaluationScores(CRITERIA, 'reseller', scores({ reach: 4, fit: 2 }), { submit: true }), []);
  });
});

describe('recommend', () => {
  test('approve at or above approveAt, decline below declineBelow or when knocked out, discuss between', () => {
    assert.equal(recommend(70, false, thresholds), 'approve');
    assert.equal(recommend(69.9, false, thresholds), 'discuss');
    assert.equal(recommend(50, false, thresholds), 'discuss');
    assert.equal(recommend(49.9, false, thresholds), 'decline');
    assert.equal(recommend(100, true, thresholds), 'decline');
    assert.equal(recommend(null, false, thresholds), null);
  });
});

describe('summariseEvaluations', () => {
  const submitted = (entries: Record<string, number>) => ({ status: 'submitted' as const, scores: scores(entries) });

  test('the mean of the reviewers\' weighted scores; drafts left out', () => {
    const summary = summariseEvaluations(CRITERIA, 'reseller', [submitted({ reach: 5, fit: 5 }), submitted({ reach: 3, fit: 3 }), { status: 'draft', scores: scores({ reach: 1, fit: 1 }) }], thresholds);
    assert.equal(summary.reviewers, 2);
    assert.equal(summary.weightedScore, 75);
    assert.equal(summary.recommendation, 'approve');
    assert.deepEqual(summary.thresholds, { approveAt: 70, declineBelow: 50 });
  });

  test('flags a criterion where reviewers differ by 2 or more', () => {
    const summary = summariseEvaluations(CRITERIA, 'reseller', [submitted({ reach: 5, fit: 3 }), submitted({ reach: 3, fit: 4 })], thresholds);
    assert.deepEqual(
      summary.criteria.map((c) => [c.criterionId, c.min, c.max, c.mean, c.flagged]),
      [
        ['reach', 3, 5, 4, true],
        ['fit', 3, 4, 3.5, false],
      ],
    );
    assert.equal(SPREAD_FLAG, 2);
  });

  test('one reviewer is never a spread', () => {
    const summary = summariseEvaluations(CRITERIA, 'reseller', [submitted({ reach: 5, fit: 1 })], thresholds);
    assert.ok(summary.criteria.every((c) => !c.flagged));
  });

  test('knocks out when a criterion\'s mean is below its minimum, and then recommends declining', () => {
    const out = summariseEvaluations(CRITERIA, 'system_integrator', [submitted({ reach: 5, fit: 5, tech: 1 }), submitted({ reach: 5, fit: 5, tech: 4 })], thresholds);
    assert.equal(out.criteria.find((c) => c.criterionId === 'tech')?.knockedOut, true);
    assert.equal(out.knockedOut, true);
    assert.equal(out.recommendation, 'decline');
    const kept = summariseEvaluations(CRITERIA, 'system_integrator', [submitted({ reach: 5, fit: 5, tech: 2 }), submitted({ reach: 5, fit: 5, tech: 4 })], thresholds);
    assert.equal(kept.knockedOut, false);
  });

  test('nothing submitted: no score and no recommendation', () => {
    const summary = summariseEvaluations(CRITERIA, 'reseller', [], thresholds);
    assert.deepEqual(summary, { reviewers: 0, weightedScore: null, criteria: [], knockedOut: false, recommendation: null, thresholds: { approveAt: 70, declineBelow: 50 } });
  });

  test('property: the summary does not depend on the order of the evaluations', () => {
    const partnerType = fc.constantFrom<PartnerType>(...PARTNER_TYPES);
    const evaluation = fc.record({ reach: fc.integer({ min: 1, max: 5 }), fit: fc.integer({ min: 1, max: 5 }), tech: fc.integer({ min: 1, max: 5 }) }).map(submitted);
    fc.assert(
      fc.property(partnerType, fc.array(evaluation, { maxLength: 6 }), (type, list) => {
        assert.deepEqual(summariseEvaluations(CRITERIA, type, [...list].reverse(), thresholds), summariseEvaluations(CRITERIA, type, list, thresholds));
      }),
    );
  });
});
