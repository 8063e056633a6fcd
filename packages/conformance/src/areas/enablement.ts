/**
 * Enablement: the assessment's key never reaches a partner; attempts are scored by the backend as
 * core's `scoreAttempt` scores them; a passed assessment is not passed twice, a replay answers the
 * first result, attempts beyond the limit are refused; a partner's enablement equals core's
 * `partnerEnablement` recomputed from the tiers, requirements and certificates the backend serves;
 * and a partner reaches only its own people, enrolments and certificates.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { certifiedStaff, computeScorecard, currentPeriod, partnerEnablement, scoreAttempt, type PartnerCertifications } from '@partnerkit/core/rules';
import {
  AttemptResult,
  Certificate,
  Certification,
  Course,
  Enrolment,
  Kpi,
  page,
  PartnerEnablement,
  Person,
  Scorecard,
  TierCertificationRequirements,
  type AttemptAnswer,
  type CourseInput,
} from '@partnerkit/core/schemas';
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
const COMPUTED_RULE =
  'A KPI with source certified_staff is computed by the backend: people of the partner holding at least one valid certificate (certifiedStaff in @partnerkit/core/rules), at each month\'s end and now for the current month. POST /v1/measurements naming it answers 409 kpi_computed, with errors naming each such entry, and stores nothing of the batch.';
const TIER_CERTIFICATIONS_RULE =
  'Tier evaluation checks each tier\'s certification requirements with core\'s rules: the scorecard\'s tier standing names the certifications the next tier still needs (next.certifications), the current tier\'s (certifications) and the expiries within 60 days that would leave the partner short (expiring), as computeScorecard gives them over the requirements, certifications and certificates the backend serves; a certificate that completes a tier\'s requirements moves the partner up at once, with tier.changed.';
const SCOPE_RULE = 'A partner session reaches only its own people, their enrolments and certificates: another partner\'s answer 404, and lists filtered by another partner are empty.';

const CertificatePage = page(Certificate);
const CertificationPage = page(Certification);
const RequirementsPage = page(TierCertificationRequirements);

/** Every page of an admin list, as the backend serves it. */
async function everything<T>(ctx: RunContext, path: string, schema: { parse(value: unknown): { data: T[]; nextCursor: string | null } }): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = null; ; ) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await send(ctx, 'admin', 'GET', `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = expectBody(answer, schema as never, 200, 'admin') as { data: T[]; nextCursor: string | null };
    items.push(...body.data);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
}

/**
 * A partner's certifications as the backend serves them (the tiers' requirements, the
 * certifications and the partner's certificates): what core's scorecard and tier rules read.
 */
export async function servedCertifications(ctx: RunContext, partnerId: string): Promise<PartnerCertifications> {
  return {
    requirements: await everything(ctx, '/v1/certification-requirements', RequirementsPage),
    certifications: await everything(ctx, '/v1/certifications', CertificationPage),
    certificates: await everything(ctx, `/v1/certificates?partnerId=${encodeURIComponent(partnerId)}`, CertificatePage),
  };
}

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
    id: 'enablement.computed-kpi',
    area: 'enablement',
    title: 'the certified-staff KPI is computed from valid certificates and refuses measurements (409 kpi_computed)',
    rule: COMPUTED_RULE,
    async run(ctx) {
      const { partners, kpis, months } = await ctx.fixtures();
      const id = ctx.unique('certified-staff').replace(/[^A-Za-z0-9_.:-]/g, '-');
      const kpi = expectBody(
        await send(ctx, 'admin', 'PUT', `/v1/kpis/${encodeURIComponent(id)}`, { name: ctx.unique('Certified staff'), unit: 'count', direction: 'higher_is_better', aggregation: 'last', weight: 0, source: 'certified_staff' }),
        Kpi,
        201,
        'admin',
      );
      const { certification, course } = await catalogue(ctx, null);
      try {
        ensure(kpi.source === 'certified_staff', () => `PUT /v1/kpis with source certified_staff answered source ${show(kpi.source)}`);
        const b = partners.b.id;
        const month = months[0]!;
        const refused = await send(ctx, 'admin', 'POST', '/v1/measurements', { data: [{ partnerId: b, kpiId: kpis.churn.id, period: month, value: 77.7 }, { partnerId: b, kpiId: kpi.id, period: month, value: 9 }] }, key());
        const problem = expectProblem(refused, 409, 'kpi_computed', 'admin');
        const paths = (problem.errors ?? []).map((e) => e.path);
        ensure(JSON.stringify(paths) === JSON.stringify(['data.1.kpiId']), () => `the kpi_computed problem names ${show(paths)}; expected ["data.1.kpiId"]`);
        const stored = await send(ctx, 'admin', 'GET', `/v1/partners/${encodeURIComponent(b)}/measurements?kpiId=${encodeURIComponent(kpis.churn.id)}&from=${month}&to=${month}`);
        const churn = (stored.body as { data?: { value: number }[] }).data ?? [];
        ensure(!churn.some((m) => m.value === 77.7), () => `the refused batch stored partner B's churn for ${month}: ${show(churn)}`);

        const person = expectBody(await send(ctx, 'admin', 'POST', `/v1/partners/${encodeURIComponent(b)}/people`, { name: ctx.unique('certified') }, key()), Person, 201, 'admin');
        expectBody(await send(ctx, 'admin', 'POST', '/v1/certificates', { certificationId: certification.id, personId: person.id, issuedAt: new Date(Date.now() - 86_400_000).toISOString() }, key()), Certificate, 201, 'admin');
        const served = expectBody(await send(ctx, 'b', 'GET', `/v1/partners/${encodeURIComponent(b)}/scorecard`), Scorecard, 200, 'partner B');
        const certificates = (await servedCertifications(ctx, b)).certificates;
        const staff = certifiedStaff(certificates, new Date(served.generatedAt));
        const row = served.rows.find((r) => r.kpi.id === kpi.id);
        ensure(row?.actual === staff && staff >= 1, () => `partner B's certified-staff row is ${show(row?.actual ?? null)}; certifiedStaff over its ${certificates.length} certificates gives ${staff}`);
      } finally {
        await retire(ctx, course.id);
        await send(ctx, 'admin', 'DELETE', `/v1/kpis/${encodeURIComponent(kpi.id)}`);
      }
    },
  }),

  defineCheck({
    id: 'enablement.tier-certifications',
    area: 'enablement',
    title: 'the scorecard names the certifications missing for the next tier as core\'s rules do, and the last one issued moves the partner up',
    rule: TIER_CERTIFICATIONS_RULE,
    async run(ctx) {
      const { certification, course } = await catalogue(ctx, null);
      // A partner of its own, without a tier or numbers: the certification is added to what its
      // next tier (the programme's lowest) requires, and restored after.
      const partner = await ctx.admin.partners.create({ name: ctx.unique('certifying partner'), type: 'reseller' }, { idempotencyKey: newIdempotencyKey() });
      ctx.created.partners.add(partner.id);
      const path = `/v1/partners/${encodeURIComponent(partner.id)}/scorecard`;
      const lowest = expectBody(await send(ctx, 'admin', 'GET', path), Scorecard, 200, 'admin').tier.next?.tier;
      if (!lowest) return void (await retire(ctx, course.id));
      const before = expectBody(await send(ctx, 'admin', 'GET', `/v1/tiers/${encodeURIComponent(lowest.id)}/certification-requirements`), TierCertificationRequirements, 200, 'admin');
      try {
        expectBody(await send(ctx, 'admin', 'PUT', `/v1/tiers/${encodeURIComponent(lowest.id)}/certification-requirements`, { requirements: [...before.requirements.filter((r) => r.certificationId !== certification.id).map(({ certificationId, count }) => ({ certificationId, count })), { certificationId: certification.id, count: 1 }] }), TierCertificationRequirements, 200, 'admin');
        const compare = async (when: string) => {
          const served = expectBody(await send(ctx, 'admin', 'GET', path), Scorecard, 200, 'admin');
          const now = new Date(served.generatedAt);
          const kpis: Kpi[] = [];
          for await (const k of ctx.admin.kpis.iterate({ limit: 200 })) kpis.push(k);
          const tierList = [];
          for await (const t of ctx.admin.tiers.iterate({ limit: 200 })) tierList.push(t);
          const expected = computeScorecard({ partner: await ctx.admin.partners.get(partner.id), period: currentPeriod('quarter', now), kpis, tiers: tierList, targets: [], measurements: [], now, certifications: await servedCertifications(ctx, partner.id) });
          const pick = (s: Scorecard) => JSON.stringify({ current: s.tier.current?.id ?? null, qualified: s.tier.qualified?.id ?? null, certifications: s.tier.certifications.map(({ certificationId, required, held, missing, met }) => [certificationId, required, held, missing, met]), next: s.tier.next?.certifications.map(({ certificationId, required, held, missing, met }) => [certificationId, required, held, missing, met]) ?? null, expiring: s.tier.expiring.map((w) => [w.certificationId, w.expiring, w.shortOn]) });
          ensure(pick(served) === pick(expected), () => `${when}, the scorecard's certification standing is ${pick(served)}; core's rules give ${pick(expected)}`);
          return served;
        };
        const short = await compare('before any certificate');
        const gap = short.tier.next?.certifications.find((c) => c.certificationId === certification.id);
        ensure(short.tier.current === null && gap?.missing === 1 && gap.name === certification.name, () => `a partner without a tier and without the certification should see it missing for ${lowest.id}, named; got ${show(gap ?? null)}`);
        const person = expectBody(await send(ctx, 'admin', 'POST', `/v1/partners/${encodeURIComponent(partner.id)}/people`, { name: ctx.unique('certified') }, key()), Person, 201, 'admin');
        expectBody(await send(ctx, 'admin', 'POST', '/v1/certificates', { certificationId: certification.id, personId: person.id }, key()), Certificate, 201, 'admin');
        const after = await compare('after the certificate was issued');
        const moved = after.tier.current?.id ?? null;
        // The tier may require KPIs as well; then the partner stays, and the standing says why.
        if (lowest.requirements.length === 0) ensure(moved === lowest.id, () => `the certificate completed ${lowest.id}'s requirements; the partner's tier is ${show(moved)}`);
        else ensure(after.tier.next?.certifications.find((c) => c.certificationId === certification.id)?.met === true, () => `the certificate was issued; the scorecard still names it missing`);
      } finally {
        await send(ctx, 'admin', 'PUT', `/v1/tiers/${encodeURIComponent(lowest.id)}/certification-requirements`, { requirements: before.requirements.map(({ certificationId, count }) => ({ certificationId, count })) });
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
