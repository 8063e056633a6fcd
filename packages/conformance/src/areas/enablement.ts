/**
 * Enablement: the assessment's key never reaches a partner; attempts are scored by the backend as
 * core's `scoreAttempt` scores them; a passed assessment is not passed twice, a replay answers the
 * first result, attempts beyond the limit are refused; a partner's enablement equals core's
 * `partnerEnablement` recomputed from the tiers, requirements and certificates the backend serves;
 * and a partner reaches only its own people, enrolments and certificates.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { partnerEnablement, scoreAttempt } from '@partnerkit/core/rules';
import { AttemptResult, Certificate, Certification, Course, Enrolment, page, PartnerEnablement, Person, TierCertificationRequirements, type AttemptAnswer, type CourseInput } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import type { RunContext, Who } from '../context.js';
import { describe, type Exchange } from '../http.js';
import { expectBody, expectProblem, show } from '../expect.js';

const KEY_RULE =
  'The correct choices of an assessment never leave the backend: no answer a partner or manager receives carries them (only an admin key reads GET /v1/courses/{id}/assessment-key); an attempt\'s result says how many answers were correct, not which.';
const SCORING_RULE =
  'Attempts are scored by the backend with scoreAttempt in @partnerkit/core/rules: a question is correct with exactly its correct choices; passed when correct x 100 >= passMark x total. Passing (with every module done) completes the enrolment and issues the course\'s certification; a further attempt answers 409 assessment_passed; a replay under the same Idempotency-Key answers the first result and uses no attempt.';
const ATTEMPTS_RULE = 'Attempts beyond attemptsAllowed answer 409 attempts_exhausted; the last failing attempt fails the enrolment.';
const REQUIREMENTS_RULE =
  'GET /v1/partners/{id}/enablement equals partnerEnablement in @partnerkit/core/rules over the tiers, the tiers\' certification requirements and the partner\'s certificates: certified staff from valid certificates, each requirement met or missing.';
const SCOPE_RULE = 'A partner session reaches only its own people, their enrolments and certificates: another partner\'s answer 404, and lists filtered by another partner are empty.';

const CertificatePage = page(Certificate);
const RequirementsPage = page(TierCertificationRequirements);

async function send(ctx: RunContext, who: Who, method: string, url: string, json?: unknown, headers?: Record<string, string>): Promise<Exchange> {
  return ctx.http.send(method, url, { token: await ctx.token(who), ...(json === undefined ? {} : { json }), ...(headers ? { headers } : {}) });
}

const key = () => ({ 'Idempotency-Key': newIdempotencyKey() });

/** A certification and a published course everyone may take: one module, a three-question assessment. */
async function catalogue(ctx: RunContext, attemptsAllowed: number | null) {
  const { resources } = await ctx.fixtures();
  const certification = expectBody(await send(ctx, 'admin', 'POST', '/v1/certifications', { name: ctx.unique('certification'), validityMonths: 12 }, key()), Certification, 201, 'admin');
  const input: CourseInput = {
    title: ctx.unique('course'),
    format: 'self_paced',
    durationMinutes: 20,
    language: 'en',
    status: 'published',
    certificationId: certification.id,
    modules: [{ id: 'm1', title: 'The module', resourceId: resources.open.id }],
    assessment: {
      passMark: 60,
      attemptsAllowed,
      questions: [
        { id: 'q1', prompt: 'One?', choices: [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }], correctChoiceIds: ['a'] },
        { id: 'q2', prompt: 'Both?', choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }], correctChoiceIds: ['a', 'b'] },
        { id: 'q3', prompt: 'Last?', choices: [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }], correctChoiceIds: ['b'] },
      ],
    },
  };
  const course = expectBody(await send(ctx, 'admin', 'POST', '/v1/courses', input, key()), Course, 201, 'admin');
  return { certification, course, input };
}

/** Takes the course out of the catalogue after the check (the contract has no delete). */
async function retire(ctx: RunContext, courseId: string) {
  await send(ctx, 'admin', 'PATCH', `/v1/courses/${encodeURIComponent(courseId)}`, { status: 'retired' });
}

async function enrolled(ctx: RunContext, who: 'a' | 'b', courseId: string) {
  const { partners } = await ctx.fixtures();
  const person = expectBody(await send(ctx, who, 'POST', `/v1/partners/${encodeURIComponent(partners[who].id)}/people`, { name: ctx.unique('person') }, key()), Person, 201, `partner ${who.toUpperCase()}`);
  const enrolment = expectBody(await send(ctx, who, 'POST', '/v1/enrolments', { courseId, personId: person.id }, key()), Enrolment, 201, `partner ${who.toUpperCase()}`);
  return { person, enrolment };
}

export const enablementChecks = [
  defineCheck({
    id: 'enablement.key-hidden',
    area: 'enablement',
    title: 'no answer to a partner or manager carries an assessment\'s correct choices; the admin reads them',
    rule: KEY_RULE,
    async run(ctx) {
      const { course, input } = await catalogue(ctx, null);
      try {
        for (const who of ['a', 'manager'] as const) {
          for (const url of [`/v1/courses/${encodeURIComponent(course.id)}`, `/v1/courses?limit=200`]) {
            const answer = await send(ctx, who, 'GET', url);
            ensure(answer.status === 200, () => `${describe(answer, who)}; expected 200`);
            ensure(!answer.text.includes('correctChoiceIds'), () => `${describe(answer, who)}: the answer carries correctChoiceIds`);
          }
        }
        const keyAnswer = await send(ctx, 'admin', 'GET', `/v1/courses/${encodeURIComponent(course.id)}/assessment-key`);
        ensure(keyAnswer.status === 200, () => `${describe(keyAnswer, 'admin')}; expected 200`);
        const questions = (keyAnswer.body as { questions?: { questionId: string; correctChoiceIds: string[] }[] }).questions ?? [];
        ensure(JSON.stringify(questions) === JSON.stringify(input.assessment!.questions.map((q) => ({ questionId: q.id, correctChoiceIds: q.correctChoiceIds }))), () => `the assessment key is ${show(questions)}`);
        expectProblem(await send(ctx, 'a', 'GET', `/v1/courses/${encodeURIComponent(course.id)}/assessment-key`), 403, 'forbidden', 'partner A');
      } finally {
        await retire(ctx, course.id);
      }
    },
  }),

  defineCheck({
    id: 'enablement.scoring',
    area: 'enablement',
    title: 'attempts scored as core scores them; passing issues the certificate; no second pass; a replay answers the first result',
    rule: SCORING_RULE,
    async run(ctx) {
      const { certification, course, input } = await catalogue(ctx, null);
      try {
        const { person, enrolment } = await enrolled(ctx, 'a', course.id);
        const assessmentKey = { questions: input.assessment!.questions.map((q) => ({ questionId: q.id, correctChoiceIds: q.correctChoiceIds })) };
        const attempt = async (answers: AttemptAnswer[], headers = key()) =>
          expectBody(await send(ctx, 'a', 'POST', `/v1/enrolments/${encodeURIComponent(enrolment.id)}/attempts`, { answers }, headers), AttemptResult, 200, 'partner A');
        const tries: AttemptAnswer[][] = [
          [{ questionId: 'q1', choiceIds: ['a'] }, { questionId: 'q2', choiceIds: ['a'] }, { questionId: 'q3', choiceIds: ['a'] }],
          [{ questionId: 'q1', choiceIds: ['a'] }, { questionId: 'q2', choiceIds: ['b', 'a', 'c'] }],
        ];
        for (const answers of tries) {
          const result = await attempt(answers);
          const expected = scoreAttempt(assessmentKey, answers, input.assessment!.passMark);
          ensure(result.correct === expected.correct && result.total === expected.total && result.passed === expected.passed, () => `answers ${show(answers)} scored ${result.correct} of ${result.total} (passed ${result.passed}); core's rules give ${expected.correct} of ${expected.total} (passed ${expected.passed})`);
          ensure(!JSON.stringify(result).includes('correctChoiceIds'), 'an attempt\'s result carries correctChoiceIds');
        }
        // Module done, then a passing attempt under a key, replayed.
        expectBody(await send(ctx, 'a', 'POST', `/v1/enrolments/${encodeURIComponent(enrolment.id)}/progress`, { moduleId: 'm1' }, key()), Enrolment, 200, 'partner A');
        const right = input.assessment!.questions.map((q) => ({ questionId: q.id, choiceIds: q.correctChoiceIds }));
        const replayKey = key();
        const passed = await attempt(right, replayKey);
        ensure(passed.passed && passed.enrolment.status === 'completed' && passed.certificateId !== null, () => `a perfect attempt with every module done answered passed ${passed.passed}, status ${passed.enrolment.status}, certificate ${show(passed.certificateId)}`);
        const replay = await attempt(right, replayKey);
        ensure(JSON.stringify(replay) === JSON.stringify(passed), () => `the replay under the same key answered ${show(replay)}, not the first result`);
        const read = expectBody(await send(ctx, 'a', 'GET', `/v1/enrolments/${encodeURIComponent(enrolment.id)}`), Enrolment, 200, 'partner A');
        ensure(read.attempts === tries.length + 1, () => `after ${tries.length + 1} attempts and a replay the enrolment counts ${read.attempts}`);
        expectProblem(await send(ctx, 'a', 'POST', `/v1/enrolments/${encodeURIComponent(enrolment.id)}/attempts`, { answers: right }, key()), 409, 'assessment_passed', 'partner A (attempting a passed assessment)');
        const certificate = expectBody(await send(ctx, 'a', 'GET', `/v1/certificates/${encodeURIComponent(passed.certificateId!)}`), Certificate, 200, 'partner A');
        ensure(certificate.personId === person.id && certificate.certificationId === certification.id && certificate.status === 'valid', () => `the issued certificate is ${show(certificate)}`);
      } finally {
        await retire(ctx, course.id);
      }
    },
  }),

  defineCheck({
    id: 'enablement.attempts',
    area: 'enablement',
    title: 'attempts beyond the limit answer 409 attempts_exhausted; the last failing attempt fails the enrolment',
    rule: ATTEMPTS_RULE,
    async run(ctx) {
      const { course } = await catalogue(ctx, 1);
      try {
        const { enrolment } = await enrolled(ctx, 'a', course.id);
        const url = `/v1/enrolments/${encodeURIComponent(enrolment.id)}/attempts`;
        const wrong = [{ questionId: 'q1', choiceIds: ['b'] }];
        const first = expectBody(await send(ctx, 'a', 'POST', url, { answers: wrong }, key()), AttemptResult, 200, 'partner A');
        ensure(!first.passed && first.attemptsLeft === 0 && first.enrolment.status === 'failed', () => `the one allowed attempt, failed, answered attemptsLeft ${show(first.attemptsLeft)}, status ${first.enrolment.status}`);
        expectProblem(await send(ctx, 'a', 'POST', url, { answers: wrong }, key()), 409, 'attempts_exhausted', 'partner A (a second attempt of one allowed)');
      } finally {
        await retire(ctx, course.id);
      }
    },
  }),

  defineCheck({
    id: 'enablement.requirements',
    area: 'enablement',
    title: 'a partner\'s enablement equals core\'s partnerEnablement over what the backend serves',
    rule: REQUIREMENTS_RULE,
    async run(ctx) {
      const { partners, tiers } = await ctx.fixtures();
      const { certification, course } = await catalogue(ctx, null);
      try {
        expectBody(await send(ctx, 'admin', 'PUT', `/v1/tiers/${encodeURIComponent(tiers.gold.id)}/certification-requirements`, { requirements: [{ certificationId: certification.id, count: 2 }] }), TierCertificationRequirements, 200, 'admin');
        const b = partners.b.id;
        const people = [];
        for (let i = 0; i < 2; i++) people.push(expectBody(await send(ctx, 'admin', 'POST', `/v1/partners/${encodeURIComponent(b)}/people`, { name: ctx.unique('staff') }, key()), Person, 201, 'admin'));
        const now = Date.now();
        expectBody(await send(ctx, 'admin', 'POST', '/v1/certificates', { certificationId: certification.id, personId: people[0]!.id, issuedAt: new Date(now - 86_400_000).toISOString() }, key()), Certificate, 201, 'admin');
        const served = expectBody(await send(ctx, 'b', 'GET', `/v1/partners/${encodeURIComponent(b)}/enablement`), PartnerEnablement, 200, 'partner B');

        const tierList = [];
        for await (const tier of ctx.admin.tiers.iterate({ limit: 200 })) tierList.push(tier);
        const requirements: TierCertificationRequirements[] = [];
        for (let cursor: string | null | undefined = undefined; ; ) {
          const answer: { data: TierCertificationRequirements[]; nextCursor: string | null } = expectBody(await send(ctx, 'admin', 'GET', `/v1/certification-requirements?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), RequirementsPage, 200, 'admin');
          requirements.push(...answer.data);
          cursor = answer.nextCursor;
          if (!cursor) break;
        }
        const certificates = expectBody(await send(ctx, 'admin', 'GET', `/v1/certificates?partnerId=${encodeURIComponent(b)}&limit=200`), CertificatePage, 200, 'admin').data;
        const expected = partnerEnablement({ partner: partners.b, tiers: tierList, requirements, certificates, at: new Date(served.asOf) });
        const pick = (e: typeof expected) => ({ certifiedStaff: e.certifiedStaff, tiers: e.tiers, tierId: e.tierId, nextTierId: e.nextTierId });
        ensure(JSON.stringify(pick(served)) === JSON.stringify(pick(expected)), () => `partner B's enablement is ${show(pick(served))}; core's rules give ${show(pick(expected))}`);
        const gold = served.tiers.find((t) => t.tierId === tiers.gold.id)?.requirements[0];
        ensure(gold?.held === 1 && gold.missing === 1, () => `partner B holds one of two certificates Gold requires; the enablement says ${show(gold)}`);
      } finally {
        await send(ctx, 'admin', 'PUT', `/v1/tiers/${encodeURIComponent(tiers.gold.id)}/certification-requirements`, { requirements: [] });
        await retire(ctx, course.id);
      }
    },
  }),

  defineCheck({
    id: 'enablement.scope',
    area: 'enablement',
    title: 'a partner reaches only its own people, enrolments and certificates',
    rule: SCOPE_RULE,
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const { certification, course } = await catalogue(ctx, null);
      try {
        const { person, enrolment } = await enrolled(ctx, 'a', course.id);
        const certificate = expectBody(await send(ctx, 'admin', 'POST', '/v1/certificates', { certificationId: certification.id, personId: person.id }, key()), Certificate, 201, 'admin');
        const a = encodeURIComponent(partners.a.id);
        for (const [method, url, body] of [
          ['GET', `/v1/people/${encodeURIComponent(person.id)}`],
          ['PATCH', `/v1/people/${encodeURIComponent(person.id)}`, { name: 'Taken over' }],
          ['GET', `/v1/partners/${a}/people`],
          ['GET', `/v1/partners/${a}/enablement`],
          ['GET', `/v1/enrolments/${encodeURIComponent(enrolment.id)}`],
          ['POST', `/v1/enrolments/${encodeURIComponent(enrolment.id)}/attempts`, { answers: [] }],
          ['GET', `/v1/certificates/${encodeURIComponent(certificate.id)}`],
        ] as [string, string, unknown?][]) {
          expectProblem(await send(ctx, 'b', method, url, body, method === 'POST' ? key() : undefined), 404, 'not_found', 'partner B');
        }
        for (const url of [`/v1/enrolments?partnerId=${a}`, `/v1/certificates?partnerId=${a}`, `/v1/enrolments?personId=${encodeURIComponent(person.id)}`]) {
          const answer = await send(ctx, 'b', 'GET', url);
          ensure(answer.status === 200 && JSON.stringify((answer.body as { data?: unknown[] }).data) === '[]', () => `${describe(answer, 'partner B')}; expected an empty page`);
        }
      } finally {
        await retire(ctx, course.id);
      }
    },
  }),
];
