/**
 * The reference server never breaks its own document: the whole kit runs through Prism's
 * validating proxy (`@stoplight/prism-cli`, `--errors`), which checks every answer's status,
 * headers and body against docs/openapi.json and turns a violation into a problem of type
 * `…/prism/errors#VIOLATIONS`. None may appear. The check can fail: a backend whose answer
 * breaks the document, behind the same proxy, is caught.
 *
 * Prism forwards requests unchecked (`--validate-request=false`: the kit sends bad ones on
 * purpose), but it still answers a few itself before any backend sees them: requests without a
 * bearer token, bodies that are not JSON, paths and methods the document lacks, a body over its
 * own limit. Those kit checks fail through the proxy; they are counted here, not judged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runConformance } from '@partnerkit/conformance';
import { contractOperations } from '../src/operations.ts';
import { startPrism } from '../../../scripts/prism.mjs';
import { ALLOWED_ORIGIN, type Reference, startReference } from './support/reference-server.ts';
import { serveFetch } from './support/serve-fetch.ts';

const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';

interface Seen {
  request: string;
  status: number;
  /** Prism's problem type when Prism answered itself (a violation, or a request it refused). */
  prism?: string;
  detail?: string;
}

/** A fetch that remembers, for each answer, whether Prism made it (and why). */
function recordingFetch(seen: Seen[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const entry: Seen = { request: `${request.method} ${new URL(request.url).pathname}`, status: response.status };
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      const body = (await response.clone().json().catch(() => null)) as { type?: unknown; detail?: unknown; validation?: unknown } | null;
      if (typeof body?.type === 'string' && body.type.startsWith(PRISM_ERRORS)) {
        entry.prism = body.type.slice(PRISM_ERRORS.length);
        entry.detail = JSON.stringify(body.validation ?? body.detail ?? '').slice(0, 600);
      }
    }
    seen.push(entry);
    return response;
  };
}

let reference: Reference;
before(async () => {
  reference = await startReference('pglite');
});
after(async () => {
  await reference?.close();
});

describe('the reference server through a validating proxy (Prism, --errors)', () => {
  it('answers the whole conformance kit without a single response violation', async () => {
    const prism = await startPrism({ mode: 'proxy', upstream: reference.url });
    try {
      const seen: Seen[] = [];
      const report = await runConformance({ baseUrl: prism.url, adminKey: reference.adminKey, origin: ALLOWED_ORIGIN, clock: reference.clock, fetch: recordingFetch(seen) });
      const violations = seen.filter((s) => s.prism === 'VIOLATIONS').map((s) => `${s.request} ${s.detail}`);
      assert.deepEqual(violations, []);
      assert.doesNotMatch(prism.log(), /Violation/i);
      const refusedByPrism = seen.filter((s) => s.prism !== undefined);
      const checked = seen.length - refusedByPrism.length;
      // Prism answers a request without a token itself: the kit's auth.missing-token sends one to
      // every operation (so these grow with the contract), and the auth checks ask GET /v1/session
      // without one a few times more. Anything else Prism answers itself is rare.
      const unauthorized = refusedByPrism.filter((s) => s.prism === 'UNAUTHORIZED').map((s) => s.request);
      const repeated = unauthorized.filter((r, i) => unauthorized.indexOf(r) !== i && r !== 'GET /v1/session');
      const others = refusedByPrism.filter((s) => s.prism !== 'UNAUTHORIZED').map((s) => `${s.request} ${s.prism}`);
      assert.ok(checked > 1000, `only ${checked} answers reached the server and were checked`);
      assert.deepEqual(repeated, [], 'Prism refused these requests without a token more than once');
      assert.ok(new Set(unauthorized).size <= contractOperations().length, `Prism refused ${new Set(unauthorized).size} different requests without a token; the contract has ${contractOperations().length} operations`);
      assert.ok(others.length < checked / 100, `Prism answered ${others.length} requests itself: ${others.slice(0, 10).join('; ')}`);
      assert.ok(report.summary.passed > report.summary.total * 0.8, `${report.summary.passed} of ${report.summary.total} checks passed through the proxy`);
    } finally {
      await prism.close();
    }
  });

  it('catches an answer that breaks the document (the check can fail)', async () => {
    // A backend that answers who the caller is with a role the contract lacks, and its KPI list
    // without X-Request-Id.
    const broken = await serveFetch(async (request) => {
      const path = new URL(request.url).pathname;
      if (request.method !== 'GET' || (path !== '/v1/session' && path !== '/v1/kpis')) return reference.server.app.fetch(request);
      // It rewrites the body, so it asks for the plain bytes.
      const plain = new Headers(request.headers);
      plain.delete('accept-encoding');
      const response = await reference.server.app.fetch(new Request(request, { headers: plain }));
      const body = (await response.json()) as { role?: unknown };
      const headers = new Headers(response.headers);
      if (path === '/v1/session') body.role = 'root';
      else headers.delete('x-request-id');
      return new Response(JSON.stringify(body), { status: response.status, headers });
    });
    const prism = await startPrism({ mode: 'proxy', upstream: broken.url });
    try {
      const seen: Seen[] = [];
      const fetchThrough = recordingFetch(seen);
      const headers = { authorization: `Bearer ${reference.adminKey}` };
      assert.equal((await fetchThrough(`${prism.url}/v1/partners`, { headers })).status, 200, 'an honest answer passes');
      await fetchThrough(`${prism.url}/v1/session`, { headers });
      await fetchThrough(`${prism.url}/v1/kpis`, { headers });
      const [honest, session, kpis] = seen;
      assert.equal(honest?.prism, undefined);
      assert.equal(session?.prism, 'VIOLATIONS');
      assert.match(session?.detail ?? '', /role must be equal to one of the allowed values/);
      assert.equal(kpis?.prism, 'VIOLATIONS');
      assert.match(kpis?.detail ?? '', /header must have required property 'x-request-id'/);
    } finally {
      await prism.close();
      await broken.close();
    }
  });
});
