/**
 * Idempotency keys: the same key and body replay the first answer without doing the work
 * again; another body under the key is refused; keys are per principal and kept 24 hours.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { assertFieldError, assertProblem, assertStatus } from './helpers/assertions.ts';
import { createProgramme, dealBody } from './helpers/fixtures.ts';
import { type Api, type Harness, suite, unique } from './helpers/harness.ts';

suite('idempotency', (harness) => {
  let h: Harness;
  let partner: string;
  let asPartner: Api;

  before(async () => {
    h = harness();
    await createProgramme(h);
    partner = (await h.createPartner()).id;
    asPartner = await h.partner(partner);
  });

  const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });
  const dealCount = async () => Number((await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals WHERE partner_id = $1', [partner])).rows[0]?.n);

  it('replays the first answer for the same key and body', async () => {
    const key = crypto.randomUUID();
    const body = dealBody();
    const first = await asPartner.post('/v1/deals', body, withKey(key));
    assertStatus(first, 201);
    const before = await dealCount();
    const again = await asPartner.post('/v1/deals', body, withKey(key));
    assertStatus(again, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(await dealCount(), before, 'no second deal');
    // Key order in the JSON does not make it another request.
    const reordered = JSON.parse(JSON.stringify({ customer: body.customer, amount: body.amount, products: body.products, type: body.type }));
    assertStatus(await asPartner.post('/v1/deals', reordered, withKey(key)), 201);
    assert.equal(await dealCount(), before);
  });

  it('refuses another body under a used key with 422', async () => {
    const key = crypto.randomUUID();
    assertStatus(await asPartner.post('/v1/deals', dealBody(), withKey(key)), 201);
    assertProblem(await asPartner.post('/v1/deals', dealBody(), withKey(key)), 422, 'idempotency_mismatch');
    // The same key on another path is another request too.
    const deal = (await asPartner.post('/v1/deals', dealBody())).body;
    assertProblem(await asPartner.post(`/v1/deals/${deal.id}/transitions`, { to: 'withdrawn', reason: 'x' }, withKey(key)), 422, 'idempotency_mismatch');
  });

  it('keeps keys per principal', async () => {
    const key = crypto.randomUUID();
    const other = await h.partner((await h.createPartner()).id);
    const mine = await asPartner.post('/v1/deals', dealBody(), withKey(key));
    const theirs = await other.post('/v1/deals', dealBody(), withKey(key));
    assertStatus(mine, 201);
    assertStatus(theirs, 201);
    assert.notEqual(mine.body.id, theirs.body.id);
  });

  it('remembers a 409 with the key, but nothing for requests refused before the write', async () => {
    const holder = await asPartner.post('/v1/deals', dealBody());
    const competitor = await h.partner((await h.createPartner()).id);
    const body = dealBody({ customer: { company: holder.body.customer.company, domain: holder.body.customer.domain } });
    const key = crypto.randomUUID();
    const conflict = await competitor.post('/v1/deals', body, withKey(key));
    assertProblem(conflict, 409, 'deal_conflict');
    await asPartner.post(`/v1/deals/${holder.body.id}/transitions`, { to: 'withdrawn', reason: 'lost interest' });
    const replayed = await competitor.post('/v1/deals', body, withKey(key));
    assertProblem(replayed, 409, 'deal_conflict');
    assert.equal(replayed.body.reason, 'already_registered');
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.notEqual(replayed.body.requestId, conflict.body.requestId, 'the replay carries its own request id');
    assertStatus(await competitor.post('/v1/deals', body, withKey(crypto.randomUUID())), 201);

    // Refused before the write: a 400, 403 or 404 leaves the key for the corrected request.
    const fixable = crypto.randomUUID();
    assertFieldError(await asPartner.post('/v1/deals', { ...dealBody(), type: 'barter' }, withKey(fixable)), 'type');
    assertStatus(await asPartner.post('/v1/deals', dealBody(), withKey(fixable)), 201);
    const deal = (await asPartner.post('/v1/deals', dealBody())).body;
    const moveKey = crypto.randomUUID();
    assertProblem(await asPartner.post(`/v1/deals/${deal.id}/transitions`, { to: 'approved' }, withKey(moveKey)), 403, 'forbidden');
    assertProblem(await asPartner.post('/v1/deals/dl_missing/transitions', { to: 'approved' }, withKey(moveKey)), 404, 'not_found');
    assertStatus(await asPartner.post(`/v1/deals/${deal.id}/transitions`, { to: 'withdrawn', reason: 'changed plans' }, withKey(moveKey)), 200);
    // An impossible move is a 409 and is remembered like one.
    const finalKey = crypto.randomUUID();
    assertProblem(await asPartner.post(`/v1/deals/${deal.id}/transitions`, { to: 'submitted' }, withKey(finalKey)), 409, 'invalid_transition');
    const again = await asPartner.post(`/v1/deals/${deal.id}/transitions`, { to: 'submitted' }, withKey(finalKey));
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });

  it('replays transitions instead of failing the retry', async () => {
    const deal = (await asPartner.post('/v1/deals', dealBody())).body;
    const key = crypto.randomUUID();
    const manager = await h.manager();
    const first = await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'approved' }, withKey(key));
    assertStatus(first, 200);
    const retry = await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'approved' }, withKey(key));
    assertStatus(retry, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(retry.body.extensions, 0, 'the retry did not extend the protection');
    assert.deepEqual(retry.body.history, first.body.history);
    // Without the key the same approval is refused: the deal is approved already.
    assertProblem(await manager.post(`/v1/deals/${deal.id}/transitions`, { to: 'approved' }), 409, 'invalid_transition');
  });

  it('settles concurrent requests with one key into one write', async () => {
    const key = crypto.randomUUID();
    const body = dealBody();
    const before = await dealCount();
    const replies = await Promise.all(Array.from({ length: 8 }, () => asPartner.post('/v1/deals', body, withKey(key))));
    for (const reply of replies) assertStatus(reply, 201);
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(await dealCount(), before + 1);
  });

  it('covers the other creating writes', async () => {
    const partnerBody = { name: unique('Idem Partner'), type: 'agent' };
    const key = crypto.randomUUID();
    const p1 = await h.admin.post('/v1/partners', partnerBody, withKey(key));
    const p2 = await h.admin.post('/v1/partners', partnerBody, withKey(key));
    assert.equal(p1.body.id, p2.body.id);
    const batch = { data: [{ partnerId: partner, kpiId: 'revenue', period: '2026-01', value: 10 }] };
    const mKey = crypto.randomUUID();
    assertStatus(await h.admin.post('/v1/measurements', batch, withKey(mKey)), 200);
    assert.equal((await h.admin.post('/v1/measurements', batch, withKey(mKey))).headers.get('idempotent-replayed'), 'true');
    const resource = { title: 'Idem guide', description: null, type: 'document', format: 'pdf', sizeBytes: 10, language: 'en', url: 'https://example.com/g.pdf' };
    const rKey = crypto.randomUUID();
    const r1 = await h.admin.post('/v1/resources', resource, withKey(rKey));
    const r2 = await h.admin.post('/v1/resources', resource, withKey(rKey));
    assert.equal(r1.body.id, r2.body.id);
    const oKey = crypto.randomUUID();
    await asPartner.post(`/v1/resources/${r1.body.id}/open`, undefined, withKey(oKey));
    await asPartner.post(`/v1/resources/${r1.body.id}/open`, undefined, withKey(oKey));
    assert.equal((await h.admin.get(`/v1/resources/${r1.body.id}`)).body.openCount, 1, 'a replayed open is counted once');
  });

  it('validates the key and keeps it for 24 hours, then forgets it', async () => {
    assertFieldError(await asPartner.post('/v1/deals', dealBody(), withKey('has space')), 'Idempotency-Key');
    assertFieldError(await asPartner.post('/v1/deals', dealBody(), withKey('x'.repeat(256))), 'Idempotency-Key');
    const key = crypto.randomUUID();
    const body = dealBody();
    const first = await asPartner.post('/v1/deals', body, withKey(key));
    await asPartner.post(`/v1/deals/${first.body.id}/transitions`, { to: 'withdrawn', reason: 'to free the customer' });
    h.clock.advance(23 * 3_600_000);
    await h.server.sweep();
    asPartner = await h.partner(partner);
    assert.equal((await asPartner.post('/v1/deals', body, withKey(key))).body.id, first.body.id, 'still replayed after 23 hours');
    h.clock.advance(2 * 3_600_000);
    const swept = await h.server.sweep();
    assert.ok(swept.purgedIdempotencyKeys >= 1);
    asPartner = await h.partner(partner);
    const fresh = await asPartner.post('/v1/deals', body, withKey(key));
    assertStatus(fresh, 201);
    assert.notEqual(fresh.body.id, first.body.id, 'after 25 hours the key is new again');
  });
});
