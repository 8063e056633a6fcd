/**
 * `Idempotency-Key`: the same key and request replays the first answer without doing the work
 * again; another request under the key is refused; keys belong to one principal; refused
 * requests leave the key unused; a 409 is remembered like a success.
 * @module
 */
import { newIdempotencyKey } from '@partnerkit/core/client';
import { Deal, Partner, Resource } from '@partnerkit/core/schemas';
import { defineCheck, ensure } from '../check.js';
import { type RunContext, WHO_NAMES } from '../context.js';
import { dealIn, dealInput } from '../deal-fixtures.js';
import { describe, type Exchange } from '../http.js';
import { expectBody, expectFieldErrors, expectProblem, show } from '../expect.js';

const REPLAY_RULE =
  'The same key with the same request (method, path and body, compared as JSON values) returns the first result (its status and body) without doing the work again.';
const MISMATCH_RULE = 'The same key with another request answers 422 idempotency_mismatch.';

/** `value` as JSON with object keys sorted: equal JSON values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The body as a JSON value, without a problem's `requestId` (which names each answer's own request). */
function comparable(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return canonical(body);
  const { requestId: _requestId, ...rest } = body as Record<string, unknown>;
  return canonical(rest);
}

/** The same status and the same JSON body (as a JSON value) as the first answer. */
function expectReplay(first: Exchange, replay: Exchange, as: string): void {
  ensure(
    replay.status === first.status && comparable(replay.body) === comparable(first.body),
    () => `the first ${first.method} ${first.path} answered ${first.status}; the replay under the same key ${describe(replay, as)} ${replay.status === first.status ? 'with another body' : ''}`.trim(),
  );
}

/** Sends JSON with an idempotency key. */
const withKey = (token: string, key: string, json: unknown) => ({ token, json, headers: { 'Idempotency-Key': key } });

/** The same keys and values in another order and spacing: equal as JSON values, not as bytes. */
function reordered(value: unknown): string {
  if (Array.isArray(value)) return `[ ${value.map(reordered).join(' , ')} ]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).reverse();
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)} : ${reordered(v)}`).join(' , ')} }`;
  }
  return JSON.stringify(value);
}

async function countDeals(ctx: RunContext, domain: string): Promise<number> {
  return (await ctx.admin.deals.list({ q: domain, limit: 200 })).data.length;
}

export const idempotencyChecks = [
  defineCheck({
    id: 'idempotency.replay',
    area: 'idempotency',
    title: 'replaying createPartner and registerDeal under their key answers the first result and creates nothing more',
    rule: `${REPLAY_RULE} Writes that create or change state take an optional Idempotency-Key header: createPartner, ingestMeasurements, registerDeal, transitionDeal, createResource and openResource.`,
    async run(ctx) {
      await ctx.fixtures();
      const admin = await ctx.token('admin');
      const name = ctx.unique('replayed partner');
      const partnerBody = { name, type: 'referral', status: 'prospect', country: 'VN' };
      const key = newIdempotencyKey();
      const first = await ctx.http.send('POST', '/v1/partners', withKey(admin, key, partnerBody));
      const created = expectBody(first, Partner, [200, 201], 'admin');
      ctx.created.partners.add(created.id);
      expectReplay(first, await ctx.http.send('POST', '/v1/partners', withKey(admin, key, partnerBody)), 'admin');
      expectReplay(first, await ctx.http.send('POST', '/v1/partners', { token: admin, raw: reordered(partnerBody), headers: { 'Idempotency-Key': key } }), 'admin (same body, keys reordered)');
      const listed = await ctx.admin.partners.list({ q: name });
      ensure(listed.data.length === 1, `after three requests under one key there are ${listed.data.length} partners named "${name}"`);

      const partner = await ctx.token('a');
      const dealBody = dealInput(ctx);
      const dealKey = newIdempotencyKey();
      const registered = await ctx.http.send('POST', '/v1/deals', withKey(partner, dealKey, dealBody));
      expectBody(registered, Deal, [201], 'partner A');
      // The customer is held now: a replay must still answer the first result, not a conflict.
      expectReplay(registered, await ctx.http.send('POST', '/v1/deals', withKey(partner, dealKey, dealBody)), 'partner A');
      const count = await countDeals(ctx, dealBody.customer.domain as string);
      ensure(count === 1, `after a registration and its replay there are ${count} deals for the customer`);
    },
  }),
  defineCheck({
    id: 'idempotency.replay-state-changes',
    area: 'idempotency',
    title: 'replaying a transition or a resource open answers the first result and changes nothing more',
    rule: REPLAY_RULE,
    async run(ctx) {
      const { resources } = await ctx.fixtures();
      const deal = await dealIn(ctx, 'submitted', 'a');
      const manager = await ctx.token('manager');
      const key = newIdempotencyKey();
      const path = `/v1/deals/${encodeURIComponent(deal.id)}/transitions`;
      const first = await ctx.http.send('POST', path, withKey(manager, key, { to: 'approved' }));
      const approved = expectBody(first, Deal, 200, 'manager');
      // approved -> approved is an extension: replaying must not grant one.
      expectReplay(first, await ctx.http.send('POST', path, withKey(manager, key, { to: 'approved' })), 'manager');
      const after = await ctx.admin.deals.get(deal.id);
      ensure(after.extensions === approved.extensions && after.history.length === approved.history.length, `the replayed approval changed the deal: extensions ${approved.extensions} -> ${after.extensions}, history ${approved.history.length} -> ${after.history.length} entries`);

      const open = `/v1/resources/${encodeURIComponent(resources.open.id)}/open`;
      const before = await ctx.admin.resources.get(resources.open.id);
      const openKey = newIdempotencyKey();
      const partner = await ctx.token('a');
      const opened = await ctx.http.send('POST', open, { token: partner, headers: { 'Idempotency-Key': openKey } });
      expectStatus200(opened);
      expectReplay(opened, await ctx.http.send('POST', open, { token: partner, headers: { 'Idempotency-Key': openKey } }), 'partner A');
      const counted = await ctx.admin.resources.get(resources.open.id);
      ensure(counted.openCount === before.openCount + 1, `an open and its replay moved openCount from ${before.openCount} to ${counted.openCount}; expected +1`);
    },
  }),
  defineCheck({
    id: 'idempotency.mismatch',
    area: 'idempotency',
    title: 'a key reused with another body answers 422 idempotency_mismatch and does nothing',
    rule: MISMATCH_RULE,
    async run(ctx) {
      await ctx.fixtures();
      const admin = await ctx.token('admin');
      const key = newIdempotencyKey();
      const name = ctx.unique('mismatch partner');
      const first = await ctx.http.send('POST', '/v1/partners', withKey(admin, key, { name, type: 'referral' }));
      const created = expectBody(first, Partner, [200, 201], 'admin');
      ctx.created.partners.add(created.id);
      const other = ctx.unique('mismatch partner');
      expectProblem(await ctx.http.send('POST', '/v1/partners', withKey(admin, key, { name: other, type: 'referral' })), 422, 'idempotency_mismatch', 'admin');
      const { data } = await ctx.admin.partners.list({ q: other });
      ensure(data.length === 0, `the refused request created partner "${other}" anyway`);

      const partner = await ctx.token('a');
      const dealKey = newIdempotencyKey();
      expectBody(await ctx.http.send('POST', '/v1/deals', withKey(partner, dealKey, dealInput(ctx))), Deal, 201, 'partner A');
      const second = dealInput(ctx);
      expectProblem(await ctx.http.send('POST', '/v1/deals', withKey(partner, dealKey, second)), 422, 'idempotency_mismatch', 'partner A');
      ensure((await countDeals(ctx, second.customer.domain as string)) === 0, 'the refused registration created a deal anyway');
    },
  }),
  defineCheck({
    id: 'idempotency.scope',
    area: 'idempotency',
    title: "keys belong to one principal: another partner's key never replays its answer or blocks its own request",
    rule: 'Keys are scoped to the principal (the admin key or the session\'s user) and kept at least 24 hours.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const key = newIdempotencyKey();
      const body = dealInput(ctx);
      const first = await ctx.http.send('POST', '/v1/deals', withKey(await ctx.token('a'), key, body));
      const theirs = expectBody(first, Deal, 201, 'partner A');
      // Partner B, same key, another body: B's own first use of the key, not a mismatch.
      const own = await ctx.http.send('POST', '/v1/deals', withKey(await ctx.token('b'), key, dealInput(ctx)));
      const mine = expectBody(own, Deal, 201, 'partner B (same key as partner A, another body)');
      ensure(mine.partnerId === partners.b.id, `partner B's registration under partner A's key belongs to ${mine.partnerId}`);
      // Partner C, same key and body as A: C's own request, which meets A's registration as a conflict.
      const same = await ctx.http.send('POST', '/v1/deals', withKey(await ctx.token('c'), key, body));
      ensure(!same.text.includes(theirs.id), `partner C, reusing partner A's key and body, was answered with partner A's deal: ${describe(same, WHO_NAMES.c)}`);
      expectProblem(same, 409, 'deal_conflict', 'partner C (same key and body as partner A)');
    },
  }),
  defineCheck({
    id: 'idempotency.refused-requests',
    area: 'idempotency',
    title: 'a request refused before the write (400, 403) leaves its key unused',
    rule: 'A request refused before (400, 401, 403, 404, 413, 415, 429) leaves the key unused, so the client can fix it and send it again with the same key.',
    async run(ctx) {
      await ctx.fixtures();
      const token = await ctx.token('a');
      const key = newIdempotencyKey();
      const body = dealInput(ctx);
      expectFieldErrors(await ctx.http.send('POST', '/v1/deals', withKey(token, key, { ...body, type: 'resale' })), ['type'], 'partner A');
      expectBody(await ctx.http.send('POST', '/v1/deals', withKey(token, key, body)), Deal, 201, 'partner A (the fixed request, same key)');

      const adminKey = newIdempotencyKey();
      const resource = { title: ctx.unique('refused resource'), type: 'link', language: 'en', url: 'https://example.com/partnerkit-conformance' };
      expectProblem(await ctx.http.send('POST', '/v1/resources', withKey(await ctx.token('manager'), adminKey, resource)), 403, 'forbidden', 'manager');
      const created = expectBody(await ctx.http.send('POST', '/v1/resources', withKey(await ctx.token('admin'), adminKey, resource)), Resource, [200, 201], 'admin (same key)');
      ctx.created.resources.add(created.id);
    },
  }),
  defineCheck({
    id: 'idempotency.conflict-remembered',
    area: 'idempotency',
    title: 'a 409 answer is remembered under its key like a success',
    rule: 'The answer of every request that reached the write is remembered, success or 409.',
    async run(ctx) {
      await ctx.fixtures();
      const holder = await dealIn(ctx, 'submitted', 'a');
      const key = newIdempotencyKey();
      const body = { type: 'resell', customer: { company: `${holder.customer.company} again`, domain: holder.customer.domain } };
      const b = await ctx.token('b');
      const first = await ctx.http.send('POST', '/v1/deals', withKey(b, key, body));
      expectProblem(first, 409, 'deal_conflict', 'partner B');
      await (await ctx.client('a')).deals.transition(holder.id, { to: 'withdrawn', reason: 'conformance check: release the customer' });
      const replay = await ctx.http.send('POST', '/v1/deals', withKey(b, key, body));
      const deal = replay.status === 201 ? (replay.body as { id?: string }).id : null;
      ensure(replay.status === 409, `after the customer was released, replaying partner B's refused registration ${describe(replay, WHO_NAMES.b)}${deal ? ` (deal ${deal})` : ''}; the first answer (409) should have been returned`);
      expectReplay(first, replay, 'partner B');
    },
  }),
  defineCheck({
    id: 'idempotency.concurrent',
    area: 'idempotency',
    title: 'duplicates sent at the same time get the first answer; one deal is created',
    rule: 'A duplicate that arrives while the first is still running is answered with the first\'s result once it finishes.',
    async run(ctx) {
      await ctx.fixtures();
      const token = await ctx.token('b');
      const key = newIdempotencyKey();
      const body = dealInput(ctx);
      const answers = await Promise.all(Array.from({ length: 6 }, () => ctx.http.send('POST', '/v1/deals', withKey(token, key, body))));
      const statuses = answers.map((a) => a.status);
      ensure(statuses.every((s) => s === 201), `six simultaneous registrations under one key answered ${show(statuses)}; expected 201 each`);
      const dealIds = new Set(answers.map((a) => (a.body as { id?: unknown }).id));
      ensure(dealIds.size === 1, `six simultaneous registrations under one key answered ${dealIds.size} different deals`);
      const count = await countDeals(ctx, body.customer.domain as string);
      ensure(count === 1, `six simultaneous registrations under one key created ${count} deals`);
    },
  }),
  defineCheck({
    id: 'idempotency.key-format',
    area: 'idempotency',
    title: 'a malformed Idempotency-Key answers 400 naming the header',
    rule: 'The key is 1-255 visible ASCII characters. validation_failed 400: a header fails the schema (named by its name).',
    async run(ctx) {
      await ctx.fixtures();
      const token = await ctx.token('a');
      for (const key of ['k'.repeat(256), 'two words']) {
        const body = dealInput(ctx);
        expectFieldErrors(await ctx.http.send('POST', '/v1/deals', withKey(token, key, body)), ['Idempotency-Key'], 'partner A');
        ensure((await countDeals(ctx, body.customer.domain as string)) === 0, 'a registration refused for its key created a deal anyway');
      }
    },
  }),
];

function expectStatus200(exchange: Exchange): void {
  ensure(exchange.status === 200, () => `${describe(exchange, 'partner A')}; expected 200 { url }`);
}
