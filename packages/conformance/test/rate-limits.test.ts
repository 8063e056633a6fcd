/**
 * The kit against a rate-limited backend: it waits what `Retry-After` asks (bounded), sends
 * again a few times at most, goes one request at a time while limited so concurrent requests do
 * not spend each other's retries, and reports it. A fake clock: no test waits for real.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunContext } from '@partnerkit/conformance';
import { LONGEST_WAIT_MS, RateLimitPacer, retryAfterMs } from '../src/rate-limits.ts';
import { pool } from '../src/areas/shared.ts';

/** A clock that moves only when the pacer sleeps (to the time it sleeps until). */
function fakeTime() {
  const time = { now: 1_000_000, slept: [] as number[] };
  return {
    time,
    now: () => time.now,
    sleep: async (ms: number) => {
      time.slept.push(ms);
      time.now += ms;
      await Promise.resolve();
    },
  };
}

const tooMany = (retryAfter: string | null) => new Response('{"code":"rate_limited"}', { status: 429, headers: retryAfter === null ? {} : { 'retry-after': retryAfter } });

/** A token bucket like the reference server's: `burst` at once, then `perSecond`. */
function bucketBackend(now: () => number, burst: number, perSecond: number) {
  let tokens = burst;
  let at = now();
  return async (): Promise<Response> => {
    tokens = Math.min(burst, tokens + ((now() - at) / 1000) * perSecond);
    at = now();
    if (tokens < 1) return tooMany(String(Math.ceil((1 - tokens) / perSecond)));
    tokens -= 1;
    return new Response('{}', { status: 200 });
  };
}

describe('Retry-After', () => {
  it('is read in seconds or as an HTTP date, 1 s without one, and never more than 30 s', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    assert.equal(retryAfterMs(tooMany('2'), now), 2000);
    assert.equal(retryAfterMs(tooMany(new Date(now + 5000).toUTCString()), now), 5000);
    assert.equal(retryAfterMs(tooMany(null), now), 1000);
    assert.equal(retryAfterMs(tooMany('soon'), now), 1000);
    assert.equal(retryAfterMs(tooMany('3600'), now), LONGEST_WAIT_MS);
  });
});

describe('the rate-limit pacer', () => {
  it('waits the Retry-After and sends again, and reports the wait', async () => {
    const clock = fakeTime();
    const pacer = new RateLimitPacer(clock);
    const answers = [tooMany('2'), new Response('ok', { status: 200 })];
    let attempts = 0;
    const response = await pacer.send(async () => answers[attempts++] as Response);
    assert.equal(response.status, 200);
    assert.equal(attempts, 2);
    assert.deepEqual(clock.time.slept, [2000]);
    assert.deepEqual(pacer.report, { answers: 1, waitedMs: 2000, exhausted: 0 });
  });

  it('gives up after three retries and hands the 429 to the check', async () => {
    const clock = fakeTime();
    const pacer = new RateLimitPacer(clock);
    let attempts = 0;
    const response = await pacer.send(async () => {
      attempts += 1;
      return tooMany('120');
    });
    assert.equal(response.status, 429);
    assert.equal(attempts, 4);
    assert.deepEqual(clock.time.slept, [30_000, 30_000, 30_000], 'each wait bounded at 30 s');
    assert.deepEqual(pacer.report, { answers: 4, waitedMs: 90_000, exhausted: 1 });
  });

  it('gets 60 concurrent requests through a backend that allows 5 at once and 1 a second, none given up', async () => {
    const clock = fakeTime();
    const pacer = new RateLimitPacer(clock);
    const backend = bucketBackend(clock.now, 5, 1);
    const statuses = await pool(Array.from({ length: 60 }, (_, i) => i), 6, async () => (await pacer.send(backend)).status);
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.equal(pacer.report.exhausted, 0);
    assert.ok(pacer.report.answers >= 55, `the backend limited ${pacer.report.answers} requests`);
    // Waiting together counts once: 55 requests past the burst at one a second.
    assert.ok(pacer.report.waitedMs >= 55_000 && pacer.report.waitedMs <= 60_000, `waited ${pacer.report.waitedMs} ms`);
  });

  it('lets requests run side by side again once one passes without a 429', async () => {
    const clock = fakeTime();
    const pacer = new RateLimitPacer(clock);
    await pacer.send(async () => tooMany('1'));
    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      inFlight -= 1;
      return new Response('ok', { status: 200 });
    };
    await pacer.send(slow);
    await Promise.all([pacer.send(slow), pacer.send(slow), pacer.send(slow)]);
    assert.equal(most, 3);
  });
});

describe('a run against a rate-limited backend', () => {
  it('sends a raw request\'s body again, and a typed client\'s, and counts every attempt', async () => {
    const bodies: string[] = [];
    const limited = new Set<string>();
    const backend: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = await request.text();
      bodies.push(`${request.method} ${body}`);
      const key = `${request.method} ${new URL(request.url).pathname}`;
      if (!limited.has(key)) {
        limited.add(key);
        return tooMany('0');
      }
      return new Response('{"code":"validation_failed","title":"Bad"}', { status: 400, headers: { 'content-type': 'application/problem+json' } });
    };
    const ctx = new RunContext({ baseUrl: 'http://backend.invalid', adminKey: 'pk_admin_test', fetch: backend });
    const raw = await ctx.http.send('POST', '/v1/deals', { token: 'x', json: { raw: true } });
    assert.equal(raw.status, 400);
    await assert.rejects(ctx.admin.kpis.put('k1', { name: 'typed', unit: 'count', direction: 'higher', aggregation: 'sum' } as never));
    assert.deepEqual(bodies.filter((b) => b.startsWith('POST')), ['POST {"raw":true}', 'POST {"raw":true}']);
    const puts = bodies.filter((b) => b.startsWith('PUT'));
    assert.equal(puts.length, 2);
    assert.equal(puts[0], puts[1]);
    assert.match(puts[0] as string, /"typed"/);
    assert.equal(ctx.requestCount, 4);
    assert.equal(ctx.rateLimits.report.answers, 2);
  });
});
