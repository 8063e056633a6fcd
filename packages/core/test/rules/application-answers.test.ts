import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applicableQuestions, type CheckedQuestion, checkAnswers, cleanAnswers, companyDomains, isBlankAnswer, matchCompanies } from '@partnerkit/core/rules';

const question = (id: string, kind: CheckedQuestion['kind'], extra: Partial<CheckedQuestion> = {}): CheckedQuestion => ({
  id,
  kind,
  required: false,
  options: kind === 'single_choice' || kind === 'multiple_choice' ? [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] : [],
  partnerTypes: [],
  ...extra,
});

const QUESTIONS = [
  question('pitch', 'short_text', { required: true }),
  question('story', 'long_text'),
  question('focus', 'single_choice', { required: true }),
  question('clouds', 'multiple_choice'),
  question('staff', 'number', { partnerTypes: ['system_integrator'] }),
  question('support', 'yes_no', { required: true }),
];

describe('applicableQuestions', () => {
  test('a question with partner types is asked only of them', () => {
    assert.deepEqual(applicableQuestions(QUESTIONS, 'reseller').map((q) => q.id), ['pitch', 'story', 'focus', 'clouds', 'support']);
    assert.ok(applicableQuestions(QUESTIONS, 'system_integrator').some((q) => q.id === 'staff'));
  });
});

describe('checkAnswers', () => {
  test('valid answers pass; "no" is an answer', () => {
    assert.deepEqual(checkAnswers(QUESTIONS, 'system_integrator', { pitch: 'We sell', focus: 'a', clouds: ['a', 'b'], staff: 12, support: false }), []);
  });

  test('required questions left blank, at answers.<id>', () => {
    assert.deepEqual(checkAnswers(QUESTIONS, 'reseller', { pitch: '   ', clouds: [] }), [
      { path: 'answers.pitch', message: 'is required' },
      { path: 'answers.focus', message: 'is required' },
      { path: 'answers.support', message: 'is required' },
    ]);
  });

  test('answers of the wrong kind or not among the options', () => {
    const problems = checkAnswers(QUESTIONS, 'system_integrator', {
      pitch: 'x'.repeat(201),
      story: 42,
      focus: 'c',
      clouds: ['a', 'a'],
      staff: 'many',
      support: 'yes',
    });
    assert.deepEqual(problems, [
      { path: 'answers.pitch', message: 'must be at most 200 characters' },
      { path: 'answers.story', message: 'must be text' },
      { path: 'answers.focus', message: 'must be one of the question\'s options' },
      { path: 'answers.clouds', message: 'must name each option once' },
      { path: 'answers.staff', message: 'must be a number' },
      { path: 'answers.support', message: 'must be true or false' },
    ]);
  });

  test('an answer to a question the partner type is not asked', () => {
    const problems = checkAnswers(QUESTIONS, 'reseller', { pitch: 'p', focus: 'a', support: true, staff: 3, ghost: 'x' });
    assert.deepEqual(problems.map((p) => p.path), ['answers.staff', 'answers.ghost']);
  });

  test('property: any string of a short_text answer up to 200 characters after trimming passes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''), (text) => {
        assert.deepEqual(checkAnswers([question('q', 'short_text', { required: true })], 'agent', { q: text }), []);
      }),
    );
  });
});

describe('cleanAnswers', () => {
  test('trims text and leaves out blank answers and questions not asked', () => {
    assert.deepEqual(cleanAnswers(QUESTIONS, 'reseller', { pitch: '  We sell  ', story: '  ', clouds: [], support: false, staff: 3 }), { pitch: 'We sell', support: false });
    assert.ok(isBlankAnswer(null) && isBlankAnswer([]) && !isBlankAnswer(0) && !isBlankAnswer(false));
  });
});

describe('matchCompanies', () => {
  test('a shared registrable domain, from the domains or the website', () => {
    assert.deepEqual(companyDomains({ name: 'X', domains: ['WWW.Acme.com.vn', 'acme.com.vn'], website: 'https://shop.acme.io/path' }), ['acme.com.vn', 'acme.io']);
    assert.equal(matchCompanies({ name: 'Acme Vietnam', domains: ['acme.com.vn'] }, { name: 'Something else', website: 'https://eu.acme.com.vn' }).reason, 'domain');
  });

  test('names alike enough, whatever the domains', () => {
    const verdict = matchCompanies({ name: 'Công ty TNHH Phần mềm Á Châu', domains: ['achau.vn'] }, { name: 'Phan Mem A Chau JSC', domains: ['achau-software.com'] });
    assert.equal(verdict.reason, 'name');
    assert.equal(matchCompanies({ name: 'Acme', domains: [] }, { name: 'Globex', domains: [] }).match, false);
  });
});
