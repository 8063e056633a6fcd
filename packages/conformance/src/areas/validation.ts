/**
 * Bad input: problem documents with a stable code and the invalid fields, 4xx for anything a
 * client can send, never a 5xx.
 * @module
 */
import { defineCheck, ensure, fail } from '../check.js';
import { type RunContext, type Who, WHO_NAMES } from '../context.js';
import { describe, type Exchange, type SendOptions } from '../http.js';
import { expectFieldErrors, expectProblem, problemDefects } from '../expect.js';
import { contractOperations, type Operation, sampleRequest } from '../operations.js';
import { Findings, ghostIds, pool } from './shared.js';

const NO_5XX_RULE =
  'A backend never answers bad input with a 5xx. Any request a client can send, however malformed, gets a 4xx problem; 500 internal_error is for the backend\'s own faults only.';

/** The operations that take a body. */
const bodyOperations = () => contractOperations().filter((op) => op.hasBody);

/** What an exchange must be: this status and code, any 4xx problem, or anything but a 5xx. */
type Expected = { status: number; code: string } | 'any-4xx' | 'not-5xx';

function record(findings: Findings, what: string, exchange: Exchange, expected: Expected, as?: string): void {
  const code = (exchange.body as { code?: unknown } | undefined)?.code;
  if (expected === 'not-5xx') {
    if (exchange.status >= 500) findings.add(`${what}: ${describe(exchange, as)}; expected anything but a 5xx`);
  } else if (expected === 'any-4xx') {
    if (exchange.status < 400 || exchange.status >= 500) findings.add(`${what}: ${describe(exchange, as)}; expected a 4xx problem`);
  } else if (exchange.status !== expected.status || code !== expected.code) {
    findings.add(`${what}: ${describe(exchange, as)}; expected ${expected.status} ${expected.code}`);
    return;
  }
  if (exchange.status >= 400) for (const defect of problemDefects(exchange)) findings.add(`${what}: ${defect}`);
}

/**
 * Sends `op` to ghost ids, with `options` replacing its body, as a principal whose role may call
 * it, so the body is what gets judged: the admin key, a manager where only managers may call it
 * (scoring), partner A where only partner sessions may (accepting an agreement).
 */
async function sendAsAllowed(ctx: RunContext, op: Operation, options: SendOptions): Promise<Exchange> {
  const request = sampleRequest(op, ghostIds(ctx));
  const principal = op.roles.includes('admin') ? 'admin' : op.roles.includes('manager') ? 'manager' : 'a';
  return ctx.http.send(op.method, request.path, { token: await ctx.token(principal), ...options });
}

interface BadBody {
  who: Who;
  method: string;
  path: string;
  body: unknown;
  paths: string[];
}

interface BadQuery {
  who: Who;
  path: string;
  paths: string[];
}

export const validationChecks = [
  defineCheck({
    id: 'validation.malformed-json',
    area: 'validation',
    title: 'a body that is not JSON answers 400 malformed_json on every operation that takes one',
    rule: `malformed_json 400: the body is not valid JSON. ${NO_5XX_RULE}`,
    async run(ctx) {
      const findings = new Findings();
      const variants: [string, string | Uint8Array<ArrayBuffer>, Expected][] = [
        ['cut-off JSON', '{"type": "resell", "customer": {', { status: 400, code: 'malformed_json' }],
        ['text that is not JSON', 'type=resell&customer=acme', { status: 400, code: 'malformed_json' }],
        ['a trailing comma', '{"a": 1,}', { status: 400, code: 'malformed_json' }],
        ['an empty body', '', 'any-4xx'],
        ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'any-4xx'],
      ];
      await pool(
        bodyOperations().flatMap((op) => variants.map((variant) => ({ op, variant }))),
        6,
        async ({ op, variant: [what, raw, expected] }) => record(findings, `${op.operationId} with ${what}`, await sendAsAllowed(ctx, op, { raw }), expected),
      );
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'validation.media-type',
    area: 'validation',
    title: 'a body sent as anything but application/json answers 415',
    rule: 'Bodies are JSON in UTF-8 (Content-Type: application/json); anything else answers 415 unsupported_media_type.',
    async run(ctx) {
      const findings = new Findings();
      const types = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml'];
      await pool(
        bodyOperations().flatMap((op) => types.map((type) => ({ op, type }))),
        6,
        async ({ op, type }) => {
          const request = sampleRequest(op, ghostIds(ctx));
          const exchange = await sendAsAllowed(ctx, op, { raw: JSON.stringify(request.body), contentType: type });
          record(findings, `${op.operationId} as ${type}`, exchange, { status: 415, code: 'unsupported_media_type' });
        },
      );
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'validation.field-errors',
    area: 'validation',
    title: 'schema violations in bodies answer 400 validation_failed naming each invalid field',
    rule: 'errors lists every invalid field of a validation_failed problem: path is dotted (customer.company, data.3.kpiId), message says what to do. Request bodies are strict: an unknown field is a validation_failed error. validation_failed also answers a body that names an unknown or out-of-scope object.',
    async run(ctx) {
      const { partners, kpis } = await ctx.fixtures();
      const ghost = `${ctx.prefix}-ghost`;
      const a = `/v1/partners/${encodeURIComponent(partners.a.id)}`;
      const company = `${ctx.prefix} validation`;
      const cases: BadBody[] = [
        { who: 'a', method: 'POST', path: '/v1/deals', body: { type: 'resell', customer: { company: '' } }, paths: ['customer.company'] },
        { who: 'a', method: 'POST', path: '/v1/deals', body: { type: 'resale', customer: { company } }, paths: ['type'] },
        { who: 'a', method: 'POST', path: '/v1/deals', body: { type: 'resell', customer: { company }, amount: { amount: 12.5, currency: 'usd' } }, paths: ['amount.amount', 'amount.currency'] },
        { who: 'a', method: 'POST', path: '/v1/deals', body: { type: 'resell', customer: { company }, colour: 'red' }, paths: ['colour'] },
        { who: 'a', method: 'POST', path: '/v1/deals', body: { type: 'resell', customer: { company }, expectedCloseDate: '2026-13-01', contact: { email: 'not an address' } }, paths: ['expectedCloseDate', 'contact.email'] },
        { who: 'manager', method: 'POST', path: '/v1/deals', body: { type: 'resell', customer: { company } }, paths: ['partnerId'] },
        { who: 'manager', method: 'POST', path: '/v1/deals', body: { partnerId: ghost, type: 'resell', customer: { company } }, paths: ['partnerId'] },
        { who: 'a', method: 'POST', path: '/v1/deals/check', body: { customer: {} }, paths: ['customer.company'] },
        { who: 'admin', method: 'POST', path: '/v1/partners', body: { name: `${company}`, type: 'reseller', website: 'javascript:alert(1)' }, paths: ['website'] },
        { who: 'admin', method: 'POST', path: '/v1/partners', body: { name: `${company}`, type: 'reseller', domains: ['not a domain'] }, paths: ['domains.0'] },
        { who: 'admin', method: 'POST', path: '/v1/partners', body: { name: ' ', type: 'vendor' }, paths: ['name', 'type'] },
        { who: 'admin', method: 'PATCH', path: a, body: { country: 'Vietnam' }, paths: ['country'] },
        { who: 'admin', method: 'PATCH', path: a, body: { nickname: 'A' }, paths: ['nickname'] },
        { who: 'admin', method: 'POST', path: '/v1/measurements', body: { data: [{ partnerId: partners.a.id, kpiId: kpis.certs.id, period: '2026-13', value: 1 }] }, paths: ['data.0.period'] },
        { who: 'admin', method: 'POST', path: '/v1/measurements', body: { data: [{ partnerId: partners.a.id, kpiId: ghost, period: '2001-01', value: 1 }] }, paths: ['data.0.kpiId'] },
        { who: 'admin', method: 'POST', path: '/v1/measurements', body: { data: [] }, paths: ['data'] },
        { who: 'admin', method: 'PUT', path: `${a}/targets`, body: { data: [{ kpiId: ghost, period: '2026-Q1', value: 1 }] }, paths: ['data.0.kpiId'] },
        { who: 'admin', method: 'PUT', path: `${a}/targets`, body: { data: [{ kpiId: kpis.certs.id, period: '2026-Q5', value: -1 }] }, paths: ['data.0.period', 'data.0.value'] },
        { who: 'admin', method: 'PUT', path: `/v1/tiers/${ghost}`, body: { rank: 0, name: company, colour: 'gold', benefits: [], requirements: [], dealProtectionDays: 30 }, paths: ['rank', 'colour'] },
        { who: 'admin', method: 'PUT', path: `/v1/tiers/${ghost}`, body: { rank: 1, name: company, colour: '#808080', benefits: [], requirements: [{ kpiId: ghost, min: 1 }], dealProtectionDays: 30 }, paths: ['requirements.0.kpiId'] },
        { who: 'admin', method: 'PUT', path: `/v1/kpis/${ghost}`, body: { name: company, unit: 'count', direction: 'up', aggregation: 'median', weight: 1 }, paths: ['direction', 'aggregation'] },
        { who: 'admin', method: 'PUT', path: `/v1/kpis/${ghost}`, body: { name: company, unit: 'currency', direction: 'higher_is_better', aggregation: 'sum', weight: 1 }, paths: ['currency'] },
        { who: 'admin', method: 'POST', path: `/v1/deals/${ghost}/transitions`, body: { to: 'done' }, paths: ['to'] },
        { who: 'admin', method: 'POST', path: `/v1/deals/${ghost}/transitions`, body: { to: 'rejected', reason: 'x', reasonCode: 'because' }, paths: ['reasonCode'] },
        { who: 'admin', method: 'POST', path: '/v1/resources', body: { title: company, type: 'link', language: 'en', url: 'ftp://example.com/file' }, paths: ['url'] },
        { who: 'admin', method: 'POST', path: '/v1/resources', body: { title: company, type: 'link', language: 'en', url: 'https://example.com/', thumbnailUrl: 'javascript:alert(1)', tags: [''] }, paths: ['thumbnailUrl', 'tags.0'] },
      ];
      const findings = new Findings();
      await pool(cases, 4, async (c) => {
        const exchange = await ctx.http.send(c.method, c.path, { token: await ctx.token(c.who), json: c.body });
        const created = exchange.body as { id?: unknown } | undefined;
        if (exchange.status === 201 && c.path === '/v1/partners' && typeof created?.id === 'string') ctx.created.partners.add(created.id);
        if (exchange.status === 201 && c.path === '/v1/resources' && typeof created?.id === 'string') ctx.created.resources.add(created.id);
        try {
          expectFieldErrors(exchange, c.paths, WHO_NAMES[c.who]);
        } catch (error) {
          findings.add(error instanceof Error ? error.message : String(error));
        }
      });
      ctx.created.tiers.add(ghost);
      ctx.created.kpis.add(ghost);
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'validation.query-parameters',
    area: 'validation',
    title: 'invalid query parameters answer 400 validation_failed naming the parameter',
    rule: 'validation_failed 400: a body field, query parameter or header fails the schema; a query parameter or header is named by its name.',
    async run(ctx) {
      const { partners } = await ctx.fixtures();
      const a = `/v1/partners/${encodeURIComponent(partners.a.id)}`;
      const cases: BadQuery[] = [
        { who: 'a', path: '/v1/deals?status=bogus', paths: ['status'] },
        { who: 'a', path: '/v1/deals?type=resale', paths: ['type'] },
        { who: 'admin', path: '/v1/partners?type=vendor', paths: ['type'] },
        { who: 'admin', path: '/v1/partners?status=retired', paths: ['status'] },
        { who: 'a', path: `${a}/scorecard?period=2026-Q5`, paths: ['period'] },
        { who: 'a', path: `${a}/scorecard?periods=25`, paths: ['periods'] },
        { who: 'a', path: `${a}/scorecard?periods=0`, paths: ['periods'] },
        { who: 'a', path: `${a}/measurements?from=2026-13`, paths: ['from'] },
        { who: 'a', path: `${a}/targets?period=26`, paths: ['period'] },
        { who: 'a', path: '/v1/resources?sort=random', paths: ['sort'] },
        { who: 'a', path: '/v1/resources?type=podcast', paths: ['type'] },
      ];
      const findings = new Findings();
      await pool(cases, 4, async (c) => {
        try {
          expectFieldErrors(await ctx.http.get(c.path, { token: await ctx.token(c.who) }), c.paths, WHO_NAMES[c.who]);
        } catch (error) {
          findings.add(error instanceof Error ? error.message : String(error));
        }
      });
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'validation.unknown-query-parameters',
    area: 'validation',
    title: 'unknown query parameters are ignored',
    rule: 'Unknown query parameters are ignored.',
    async run(ctx) {
      const findings = new Findings();
      for (const path of ['/v1/tiers?utm_source=conformance', '/v1/kpis?conformance=1', '/v1/session?debug=true']) {
        const exchange = await ctx.http.get(path, { token: await ctx.token('admin') });
        if (exchange.status !== 200) findings.add(`${describe(exchange, 'admin')}; expected 200`);
      }
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'validation.routes',
    area: 'validation',
    title: 'unknown paths answer 404 and known paths with another method 405 with Allow',
    rule: 'not_found 404: no such object or route. method_not_allowed 405: the path exists but not with this method (with an Allow header).',
    async run(ctx) {
      const token = await ctx.token('admin');
      expectProblem(await ctx.http.get('/v1/conformance-no-such-collection', { token }), 404, 'not_found', 'admin');
      const cases: [string, string, string[]][] = [
        ['DELETE', '/v1/deals', ['GET', 'POST']],
        ['PUT', '/v1/session', ['GET']],
        ['GET', '/v1/measurements', ['POST']],
        ['PATCH', '/v1/tiers', ['GET']],
      ];
      for (const [method, path, allowed] of cases) {
        const exchange = await ctx.http.send(method, path, { token, ...(method === 'GET' ? {} : { json: {} }) });
        expectProblem(exchange, 405, 'method_not_allowed', 'admin');
        const allow = (exchange.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
        const missing = allowed.filter((m) => !allow.includes(m));
        ensure(missing.length === 0, `${describe(exchange, 'admin')} with Allow "${exchange.headers.get('allow') ?? ''}"; expected it to list ${allowed.join(', ')}`);
      }
    },
  }),
  defineCheck({
    id: 'validation.junk',
    area: 'validation',
    title: 'junk bodies, query strings and path ids never get a 5xx, always a 4xx problem (or a 2xx)',
    rule: NO_5XX_RULE,
    async run(ctx) {
      const fixtures = await ctx.fixtures();
      const findings = new Findings();
      const deep = `${'['.repeat(4000)}${']'.repeat(4000)}`;
      const manyKeys = `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
      const bodies: [string, string][] = [
        ['null', 'null'],
        ['an array', '[]'],
        ['a string', '"conformance"'],
        ['a number', '42'],
        ['a prototype key', '{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}'],
        ['4000 nested arrays', deep],
        ['5000 unknown fields', manyKeys],
        ['a number out of range', '{"value": 1e400, "rank": 1e400, "weight": -1e400}'],
        ['fields of the wrong types', '{"name": 1, "type": [], "customer": "acme", "data": {}, "to": null, "role": 7}'],
      ];
      await pool(
        bodyOperations().flatMap((op) => bodies.map((body) => ({ op, body }))),
        6,
        async ({ op, body: [what, raw] }) => record(findings, `${op.operationId} with ${what}`, await sendAsAllowed(ctx, op, { raw }), 'any-4xx'),
      );

      // Valid shapes with text databases choke on: NUL characters and unpaired surrogates.
      const customer = ctx.customer('junk');
      const partnerA = await ctx.token('a');
      const texts: [string, string][] = [
        ['a NUL character', JSON.stringify({ type: 'resell', customer: { company: `${customer.company} \u0000 nul`, domain: `nul.${customer.domain}` } })],
        ['an unpaired surrogate', `{"type":"resell","customer":{"company":"${customer.company} \\ud800 surrogate","domain":"surrogate.${customer.domain}"}}`],
        ['a NUL in the description', JSON.stringify({ type: 'resell', customer: { company: `${customer.company} description`, domain: `description.${customer.domain}` }, description: 'nul \u0000 here' })],
      ];
      for (const [what, raw] of texts) {
        const exchange = await ctx.http.send('POST', '/v1/deals', { token: partnerA, raw });
        if (exchange.status >= 500) findings.add(`registerDeal with ${what}: ${describe(exchange, 'partner A')}; expected a 2xx or a 4xx problem`);
        const check = await ctx.http.send('POST', '/v1/deals/check', { token: partnerA, raw: raw.replace(/,"description":.*\}$/, '}') });
        if (check.status >= 500) findings.add(`checkDeal with ${what}: ${describe(check, 'partner A')}; expected a 2xx or a 4xx problem`);
      }
      const patch = await ctx.http.send('PATCH', `/v1/partners/${encodeURIComponent(fixtures.partners.c.id)}`, { token: await ctx.token('admin'), raw: '{"region":"nul \\u0000 region"}' });
      if (patch.status >= 500) findings.add(`updatePartner with a NUL character: ${describe(patch, 'admin')}`);

      const lists = contractOperations().filter((op) => op.method === 'GET' && op.roles.includes('admin') && /^\/v1\/[a-z]+$/.test(op.path));
      const queries = [
        'limit=99999999999999999999',
        'limit=1&limit=2',
        'cursor=%00',
        `cursor=${'A'.repeat(600)}`,
        'q=%FF%FE',
        `q=${'x'.repeat(500)}`,
        'status=approved,,won&type=%00&after=%E2%80%AE',
      ];
      await pool(
        lists.flatMap((op) => queries.map((query) => ({ op, query }))),
        6,
        // Some of these are fine to answer (an unknown parameter is ignored): only a 5xx or a malformed error is wrong.
        async ({ op, query }) => record(findings, `${op.operationId}?${query.slice(0, 30)}`, await ctx.http.get(`${op.path}?${query}`, { token: await ctx.token('admin') }), 'not-5xx'),
      );

      const ids = ['%ZZ', 'x'.repeat(300), '..%2F..%2Fsessions', '%00', '%E2%80%AE', 'a%20b'];
      await pool(ids, 3, async (id) => {
        const exchange = await ctx.http.get(`/v1/deals/${id}`, { token: partnerA });
        record(findings, `getDeal with id ${id.slice(0, 20)}`, exchange, 'any-4xx', 'partner A');
      });
      findings.assertNone();
    },
  }),
  defineCheck({
    id: 'validation.payload-too-large',
    area: 'validation',
    title: 'a 4 MiB body answers 413 payload_too_large (or 400 if the backend reads it), never a 5xx',
    rule: 'payload_too_large 413: the body is larger than the backend accepts.',
    async run(ctx) {
      const body = { type: 'resell', customer: ctx.customer('large'), description: 'x'.repeat(4 * 1_048_576) };
      const exchange = await ctx.http.send('POST', '/v1/deals', { token: await ctx.token('a'), json: body, timeoutMs: 60_000 });
      const code = (exchange.body as { code?: unknown } | undefined)?.code;
      ensure((exchange.status === 413 && code === 'payload_too_large') || (exchange.status === 400 && code === 'validation_failed'), () => `${describe(exchange, 'partner A')}; expected 413 payload_too_large`);
      const defects = problemDefects(exchange);
      ensure(defects.length === 0, () => `${describe(exchange, 'partner A')}, but ${defects.join('; ')}`);
    },
  }),
  defineCheck({
    id: 'validation.request-id',
    area: 'validation',
    title: "a client's X-Request-Id is used for the answer and repeated in problem documents",
    rule: 'Every response, success or error, carries X-Request-Id. A client may send its own (1-200 visible ASCII characters), which the backend then uses; problem documents repeat it as requestId.',
    async run(ctx) {
      const id = ctx.unique('request');
      const ok = await ctx.http.get('/v1/session', { token: await ctx.token('admin'), headers: { 'X-Request-Id': id } });
      ensure(ok.headers.get('x-request-id') === id, `GET /v1/session with X-Request-Id ${id} answered X-Request-Id ${ok.headers.get('x-request-id')}`);
      const error = await ctx.http.get(`/v1/deals/${ctx.prefix}-ghost`, { token: await ctx.token('admin'), headers: { 'X-Request-Id': `${id}-error` } });
      const problem = expectProblem(error, 404, 'not_found', 'admin');
      ensure(error.headers.get('x-request-id') === `${id}-error` && problem.requestId === `${id}-error`, `a 404 for a request sent with X-Request-Id ${id}-error answered header ${error.headers.get('x-request-id')} and requestId ${problem.requestId}`);
    },
  }),
  defineCheck({
    id: 'validation.whole-run',
    area: 'validation',
    title: 'over the whole run: no 5xx, every error a problem document, every answer with X-Request-Id',
    rule: `${NO_5XX_RULE} Every error is an RFC 9457 problem document, Content-Type: application/problem+json. Every response, success or error, carries X-Request-Id.`,
    phase: 'last',
    async run(ctx) {
      const findings = new Findings();
      const records = ctx.http.records;
      for (const r of records) {
        const where = `${r.method} ${r.path.length > 80 ? `${r.path.slice(0, 79)}…` : r.path} (${r.status})`;
        if (r.status >= 500) findings.add(`${where} was a ${r.status}`);
        if (r.requestId === null) findings.add(`${where} had no X-Request-Id`);
        if (r.status >= 400 && !/^application\/problem\+json\b/i.test(r.contentType ?? '')) findings.add(`${where} answered ${r.contentType ?? 'no Content-Type'}, not a problem document`);
      }
      if (records.length === 0) fail('the run sent no requests to look back on');
      findings.assertNone();
    },
  }),
];
