/**
 * `writes.location` against the reference server on PGlite, and proven able to fail: a backend
 * that drops `Location`, and one mounted under a prefix whose `Location` forgets it (a proxy
 * that strips the prefix without rewriting the header), are both reported.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runConformance } from '@partnerkit/conformance';
import { type Reference, startReference } from './support/reference-server.ts';
import { type FetchHandler, serveFetch } from './support/serve-fetch.ts';

let reference: Reference;

before(async () => {
  reference = await startReference('pglite');
});
after(async () => {
  await reference?.close();
});

const app: FetchHandler = (request) => Promise.resolve(reference.server.app.fetch(request));

/** Runs only `writes.location` against `handler` served on 127.0.0.1 (under `mount`, if given). */
async function locationCheck(handler: FetchHandler, mount = '') {
  const served = await serveFetch(handler);
  try {
    const report = await runConformance({ baseUrl: `${served.url}${mount}`, adminKey: reference.adminKey, only: ['writes.location'] });
    assert.deepEqual(report.cleanup.failed, []);
    assert.equal(report.results.length, 1);
    return report.results[0]!;
  } finally {
    await served.close();
  }
}

describe('writes.location', () => {
  it('passes on the reference server', async () => {
    const result = await locationCheck(app);
    assert.equal(result.outcome, 'pass', result.seen);
  });

  it('reports a 201 without Location, for every creating operation', async () => {
    const dropsLocation: FetchHandler = async (request) => {
      const response = await app(request);
      if (response.status !== 201) return response;
      const headers = new Headers(response.headers);
      headers.delete('location');
      return new Response(response.body, { status: response.status, headers });
    };
    const result = await locationCheck(dropsLocation);
    assert.equal(result.outcome, 'fail');
    // The report line names the first findings and counts the rest ("; and 2 more").
    const creating = ['createPartner', 'registerDeal', 'createResource', 'createAgreement', 'upsertKpi', 'upsertTier', 'upsertPlan', 'createPlanObjective', 'createPlanActivity', 'createPlanComment'];
    const seen = result.seen ?? '';
    const named = creating.filter((operation) => new RegExp(`${operation}: (POST|PUT) /v1/\\S+ as [\\w ]+ answered 201 without a Location header`).test(seen));
    const more = Number(/; and (\d+) more$/.exec(seen)?.[1] ?? 0);
    assert.ok(named.length >= 8, seen);
    assert.equal(named.length + more, creating.length, seen);
  });

  it('reports a Location that does not lead to the object: a prefix stripped by a proxy and not put back', async () => {
    // The backend is reached at /api/..., the app sees /v1/... and answers Location /v1/....
    const strippedPrefix: FetchHandler = (request) => {
      const url = new URL(request.url);
      if (!url.pathname.startsWith('/api/')) return Promise.resolve(new Response('not here', { status: 404 }));
      url.pathname = url.pathname.slice('/api'.length);
      return app(new Request(url, request));
    };
    const result = await locationCheck(strippedPrefix, '/api');
    assert.equal(result.outcome, 'fail');
    assert.match(result.seen ?? '', /createPartner: Location "\/v1\/partners\/\S+" resolves to http:\/\/127\.0\.0\.1:\d+\/v1\/partners\/\S+; expected http:\/\/127\.0\.0\.1:\d+\/api\/v1\/partners\//);
  });
});
