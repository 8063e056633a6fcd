/**
 * Certifications in tier evaluation over HTTP: the certified-staff KPI is computed from valid
 * certificates (writes for it answer 409 kpi_computed and store nothing), the scorecard names
 * the certifications missing for the next tier and the expiries that would drop the partner
 * below its tier, and passing an assessment moves the partner up at once when that was all it
 * lacked.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Scorecard } from '@partnerkit/core/schemas';
import { assertProblem, assertStatus } from './helpers/assertions.ts';
import { type Api, type Harness, suite } from './helpers/harness.ts';

const DAY = 86_400_000;

suite('certifications in tier evaluation', (harness) => {
  let h: Harness;
  let partner: string;
  let asPartner: Api;
  let certificationId: string;
  let courseId: string;
  let month: string;

  before(async () => {
    h = harness();
    assertStatus(await h.admin.put('/v1/kpis/revenue', { name: 'Revenue', unit: 'count', direction: 'higher_is_better', aggregation: 'sum', weight: 1 }), 201);
    const certified = await h.admin.put('/v1/kpis/certified', { name: 'Certified staff', unit: 'count', direction: 'higher_is_better', aggregation: 'last', weight: 1, source: 'certified_staff' });
    assertStatus(certified, 201);
    assert.equal(certified.body.source, 'certified_staff');
    assertStatus(await h.admin.put('/v1/tiers/silver', { rank: 1, name: 'Silver', colour: '#C0C0C0', benefits: [], requirements: [{ kpiId: 'revenue', min: 100 }], dealProtectionDays: 60 }), 201);
    assertStatus(await h.admin.put('/v1/tiers/gold', { rank: 2, name: 'Gold', colour: '#FFD700', benefits: [], requirements: [{ kpiId: 'revenue', min: 100 }, { kpiId: 'certified', min: 1 }], dealProtectionDays: 90 }), 201);
    const certification = await h.admin.post('/v1/certifications', { name: 'Technical Implementation', validityMonths: 1, translations: { vi: { name: 'Triển khai kỹ thuật' } } });
    assertStatus(certification, 201);
    certificationId = certification.body.id;
    assertStatus(await h.admin.put('/v1/tiers/gold/certification-requirements', { requirements: [{ certificationId, count: 1 }] }), 200);
    const resource = await h.admin.post('/v1/resources', { title: 'Guide', type: 'document', language: 'en', url: 'https://docs.example.com/guide.pdf' });
    const course = await h.admin.post('/v1/courses', {
      title: 'Technical Implementation', format: 'self_paced', durationMinutes: 60, language: 'en', certificationId, status: 'published',
      modules: [{ title: 'Deploy', resourceId: resource.body.id }],
      assessment: { passMark: 100, attemptsAllowed: 2, questions: [{ id: 'q1', prompt: 'Where?', choices: [{ id: 'a', label: 'Here' }, { id: 'b', label: 'There' }], correctChoiceIds: ['a'] }] },
    });
    assertStatus(course, 201);
    courseId = course.body.id;
    partner = (await h.createPartner({ tierId: 'silver' })).id;
    asPartner = await h.partner(partner);
    month = h.clock.current.toISOString().slice(0, 7);
  });

  it('measurements for the computed KPI answer 409 kpi_computed and store nothing of the batch', async () => {
    const refused = await h.admin.post('/v1/measurements', { data: [{ partnerId: partner, kpiId: 'revenue', period: month, value: 150 }, { partnerId: partner, kpiId: 'certified', period: month, value: 9 }] });
    assertProblem(refused, 409, 'kpi_computed');
    assert.deepEqual(refused.body.errors.map((e: { path: string }) => e.path), ['data.1.kpiId']);
    assert.equal((await h.admin.get(`/v1/partners/${partner}/measurements`)).body.data.length, 0);
    assertStatus(await h.admin.post('/v1/measurements', { data: [{ partnerId: partner, kpiId: 'revenue', period: month, value: 150 }] }), 200);
    assert.equal((await h.admin.get(`/v1/partners/${partner}`)).body.tierId, 'silver', 'revenue alone does not make Gold');
  });

  it('the scorecard computes certified staff and names the certification missing for Gold; passing it moves the partner up at once', async () => {
    const before = await asPartner.get(`/v1/partners/${partner}/scorecard`);
    assertStatus(before, 200);
    assert.ok(Scorecard.safeParse(before.body).success);
    assert.equal(before.body.rows.find((r: { kpi: { id: string } }) => r.kpi.id === 'certified').actual, 0);
    assert.equal(before.body.tier.next.tier.id, 'gold');
    assert.deepEqual(before.body.tier.next.certifications, [{ certificationId, name: 'Technical Implementation', translations: { vi: { name: 'Triển khai kỹ thuật' } }, required: 1, held: 0, missing: 1, met: false }]);

    const person = await asPartner.post(`/v1/partners/${partner}/people`, { name: 'Lan Pham' });
    const enrolment = await asPartner.post('/v1/enrolments', { courseId, personId: person.body.id });
    assertStatus(await asPartner.post(`/v1/enrolments/${enrolment.body.id}/progress`, { moduleId: 'm1' }), 200);
    const passed = await asPartner.post(`/v1/enrolments/${enrolment.body.id}/attempts`, { answers: [{ questionId: 'q1', choiceIds: ['a'] }] });
    assertStatus(passed, 200);
    assert.equal(passed.body.enrolment.status, 'completed');

    assert.equal((await h.admin.get(`/v1/partners/${partner}`)).body.tierId, 'gold');
    const changed = await h.admin.get(`/v1/events?type=tier.changed&partnerId=${partner}`);
    assert.deepEqual(changed.body.data.map((e: { data: { from: string; to: string; kind: string } }) => [e.data.from, e.data.to, e.data.kind]), [['silver', 'gold', 'upgrade']]);

    const after = await asPartner.get(`/v1/partners/${partner}/scorecard`);
    assert.equal(after.body.tier.current.id, 'gold');
    assert.equal(after.body.rows.find((r: { kpi: { id: string } }) => r.kpi.id === 'certified').actual, 1);
    assert.deepEqual(after.body.tier.certifications.map((c: { met: boolean }) => c.met), [true]);
    // The certificate lasts a month: within 60 days it would leave Gold short.
    const expiry = (await asPartner.get(`/v1/certificates/${passed.body.certificateId}`)).body.expiresAt as string;
    assert.deepEqual(after.body.tier.expiring.map((w: { certificationId: string; expiring: number; shortOn: string }) => [w.certificationId, w.expiring, w.shortOn]), [[certificationId, 1, expiry.slice(0, 10)]]);
    assert.ok(Date.parse(expiry) - h.clock.current.getTime() < 35 * DAY);
  });

  it('a certificate an admin records counts at once too, and expired ones stop counting', async () => {
    const other = (await h.createPartner({ tierId: 'silver' })).id;
    assertStatus(await h.admin.post('/v1/measurements', { data: [{ partnerId: other, kpiId: 'revenue', period: month, value: 500 }] }), 200);
    const person = await h.admin.post(`/v1/partners/${other}/people`, { name: 'Minh' });
    const now = h.clock.current.getTime();
    const lapsed = await h.admin.post('/v1/certificates', { certificationId, personId: person.body.id, issuedAt: new Date(now - 40 * DAY).toISOString(), expiresAt: new Date(now - DAY).toISOString() });
    assertStatus(lapsed, 201);
    assert.equal((await h.admin.get(`/v1/partners/${other}`)).body.tierId, 'silver');
    assertStatus(await h.admin.post(`/v1/certificates/${lapsed.body.id}/renewal`, {}), 200);
    assert.equal((await h.admin.get(`/v1/partners/${other}`)).body.tierId, 'gold');
  });
});
