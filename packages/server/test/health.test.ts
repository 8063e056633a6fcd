/**
 * `GET /healthz` over real HTTP on PGlite and PostgreSQL: 200 while the database answers, 503
 * with a problem document while it is too busy to answer in time, and once it is closed under
 * the running server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogEntry } from '../src/index.ts';
import { assertProblem } from './helpers/assertions.ts';
import { drivers } from './helpers/databases.ts';
import { Api, serverOnFreshDatabase } from './helpers/harness.ts';

const TIMEOUT_MS = 300;

for (const driver of drivers()) {
  describe(`health [${driver.name}]`, driver.skip ? { skip: driver.skip } : {}, () => {
    const logs: LogEntry[] = [];
    const running = serverOnFreshDatabase(driver.name, { healthCheckTimeoutMs: TIMEOUT_MS, logger: (entry) => logs.push(entry) });
    const probe = (options?: Parameters<Api['get']>[1]) => new Api(running().server.url, null).get('/healthz', options);

    it('answers 200 {"status":"ok"} without a token, never cached', async () => {
      const reply = await probe();
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.body, { status: 'ok' });
      assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      assert.ok(reply.headers.get('x-request-id'));
      // A credential is not needed, and a bad one is not looked at.
      assert.equal((await probe({ headers: { authorization: 'Bearer not-a-token' } })).status, 200);
      const head = await fetch(`${running().server.url}/healthz`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
      const post = await new Api(running().server.url, null).post('/healthz', {});
      assertProblem(post, 405, 'method_not_allowed');
      assert.equal(post.headers.get('allow'), 'GET');
    });

    it('answers 503 while the database cannot answer in time, and 200 again once it can', async () => {
      const { db } = running().database;
      // Transactions that hold every connection: PGlite has one, the pg pool ten by default.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding = 0;
      const connections = db.driver === 'pglite' ? 1 : 10;
      const held = Array.from({ length: connections }, () =>
        db.transaction(async () => {
          holding += 1;
          await gate;
        }),
      );
      try {
        while (holding < connections) await new Promise((resolve) => setTimeout(resolve, 10));
        const started = performance.now();
        const replies = await Promise.all([probe(), probe(), probe()]);
        const waited = performance.now() - started;
        for (const reply of replies) {
          assertProblem(reply, 503, 'service_unavailable');
          assert.equal(reply.headers.get('cache-control'), 'no-store');
        }
        assert.ok(waited >= TIMEOUT_MS * 0.9, `the probes waited ${waited} ms for the database`);
        const warnings = logs.filter((entry) => entry.msg === 'health check failed');
        assert.equal(warnings.length, 3);
        assert.match(JSON.stringify(warnings[0]), /did not answer within 300 ms/);
        assert.deepEqual(new Set(warnings.map((entry) => entry.requestId)), new Set(replies.map((reply) => reply.body.requestId)));
      } finally {
        release();
        await Promise.all(held);
      }
      const recovered = await probe();
      assert.equal(recovered.status, 200, recovered.text);
    });

    // Last: the database stays closed.
    it('answers 503 with a problem document once the database is closed under the running server', async () => {
      await running().database.db.close();
      const reply = await probe();
      assertProblem(reply, 503, 'service_unavailable');
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      assert.doesNotMatch(reply.text, /pool|PGlite|closed|SELECT/i, 'no internals in the answer');
      assert.ok(logs.some((entry) => entry.msg === 'health check failed' && entry.requestId === reply.body.requestId));
    });
  });
}
