/**
 * fast-check arbitraries of requests to a PartnerKit backend: every operation of the contract
 * with valid and broken bodies, parameters, headers, cursors, ids and periods; huge and deeply
 * nested JSON; wrong content types and encodings; invalid UTF-8; and paths and methods the
 * contract does not have.
 */
import fc from 'fast-check';
import { DEAL_STATUSES } from '@partnerkit/core/schemas';
import type { Operation } from './contract.ts';
import type { WireRequest } from './wire.ts';
import type { World } from './world.ts';

/** Everything the generators draw real values from. */
export interface FuzzContext {
  world: World;
  operations: Operation[];
  /** Cursors the server issued, per list path. */
  cursors: string[];
}

/** A generated request and how it was made, for the report. */
export interface FuzzCase {
  wire: WireRequest;
  /** `operationId` or `off-contract`. */
  target: string;
  /** The kind of body: valid, mutated, json, deep, huge, text, bytes, none. */
  bodyKind: string;
}

const HUGE = 1_048_576 + 1024;

/** Strings that break things: control characters, lone surrogates, markup, SQL, paths, long text. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff x',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    '\ufeff',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE deals; --",
    "' OR '1'='1",
    '../../etc/passwd',
    '%00',
    '${jndi:ldap://x}',
    '{{7*7}}',
    '__proto__',
    'constructor',
    'null',
    'NaN',
    '9'.repeat(400),
    'x'.repeat(5001),
    '💩'.repeat(300),
    'Công ty TNHH Ánh Dương',
    'javascript:alert(1)',
    'https://',
    'http://[::1',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

/** Any JSON-ish value, nasty ones first. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, true, false, null, [], {}, [null], { '': '' }, JSON.parse('{"__proto__": {"admin": true}}') as unknown),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

const company = fc.stringMatching(/^[A-Z][a-z]{3,10} (Ltd|Inc|JSC|GmbH|Co)$/);
const domainName = fc.stringMatching(/^[a-z]{3,12}\.(com|vn|de|co\.uk)$/);
const period = fc.oneof(fc.constantFrom('2026-01', '2026-Q1', '2026', '2025-12', '2026-Q4'), fc.stringMatching(/^20[0-9]{2}-(0[1-9]|1[0-2])$/));

/** A valid body for the operation, drawn with the world's ids; `null` when it takes none. */
function validBody(op: Operation, ctx: FuzzContext): fc.Arbitrary<unknown> | null {
  const { world } = ctx;
  const partnerIds = fc.constantFrom(world.a.partnerId, world.b.partnerId);
  const kpiIds = fc.constantFrom(...world.kpiIds);
  switch (op.operationId) {
    case 'createSession':
      return fc.oneof(
        fc.record({ role: fc.constant('partner'), partnerId: partnerIds, user: fc.record({ id: fc.stringMatching(/^u_[a-z0-9]{1,20}$/) }), ttlSeconds: fc.integer({ min: 60, max: 86_400 }) }),
        fc.record({ role: fc.constant('manager'), user: fc.record({ id: fc.constant('fuzz-manager'), name: fc.constant('Fuzz') }), locale: fc.constantFrom('en', 'vi') }),
      );
    case 'upsertTier':
      return fc.record({
        rank: fc.integer({ min: 1, max: 100 }),
        name: fc.constantFrom('Platinum', 'Bronze', 'Tier'),
        colour: fc.constantFrom('#AABBCC', '#000000'),
        benefits: fc.constant([]),
        requirements: fc.oneof(fc.constant([]), kpiIds.map((kpiId) => [{ kpiId, min: 10, window: 3 }])),
        dealProtectionDays: fc.integer({ min: 1, max: 365 }),
      });
    case 'upsertKpi':
      return fc.record({
        name: fc.constantFrom('Revenue', 'Leads'),
        unit: fc.constantFrom('count', 'percent', 'score'),
        direction: fc.constantFrom('higher_is_better', 'lower_is_better'),
        aggregation: fc.constantFrom('sum', 'avg', 'last', 'max', 'min'),
        weight: fc.integer({ min: 0, max: 1000 }),
      });
    case 'createPartner':
      return fc.record({ name: company, type: fc.constantFrom('reseller', 'distributor', 'referral'), status: fc.constantFrom('active', 'prospect') });
    case 'updatePartner':
      return fc.oneof(fc.record({ name: company }), fc.record({ tierId: fc.oneof(fc.constant(null), fc.constantFrom(...world.tierIds)) }), fc.record({ region: fc.constantFrom('APAC', 'EMEA') }));
    case 'upsertTargets':
      return fc.record({ data: fc.array(fc.record({ kpiId: kpiIds, period, value: fc.integer({ min: 0, max: 10 ** 9 }) }), { minLength: 1, maxLength: 5 }) });
    case 'ingestMeasurements':
      return fc.record({ data: fc.array(fc.record({ partnerId: partnerIds, kpiId: kpiIds, period: fc.constantFrom('2026-01', '2026-02', '2025-11'), value: fc.integer({ min: 0, max: 10 ** 9 }) }), { minLength: 1, maxLength: 5 }) });
    case 'registerDeal':
      return fc.record(
        {
          partnerId: partnerIds,
          type: fc.constantFrom('resell', 'referral', 'co_sell'),
          customer: fc.record({ company, domain: domainName, country: fc.constantFrom('VN', 'DE') }),
          status: fc.constantFrom('draft', 'submitted'),
          amount: fc.record({ amount: fc.integer({ min: 0, max: 10 ** 9 }), currency: fc.constantFrom('USD', 'VND') }),
        },
        { requiredKeys: ['type', 'customer'] },
      );
    case 'checkDeal':
      return fc.record({ customer: fc.record({ company, domain: domainName }) });
    case 'transitionDeal':
      return fc.record({ to: fc.constantFrom(...DEAL_STATUSES), reason: fc.constantFrom('Checked with the customer', 'Duplicate') }, { requiredKeys: ['to'] });
    case 'createResource':
      return fc.record({ title: fc.constantFrom('Guide', 'Deck'), type: fc.constantFrom('document', 'video'), language: fc.constantFrom('en', 'vi'), url: fc.constantFrom('https://example.com/a.pdf', 'http://127.0.0.1/x') });
    case 'updateResource':
      return fc.oneof(fc.record({ title: fc.constant('Renamed') }), fc.record({ minTierId: fc.oneof(fc.constant(null), fc.constantFrom(...world.tierIds)) }), fc.record({ tags: fc.constant(['sales']) }));
    case 'createCertification':
      return fc.record({ name: fc.constantFrom('Sales Fundamentals', 'Kiến thức bán hàng'), validityMonths: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 120 })) });
    case 'createPerson':
      return fc.record({ name: fc.constantFrom('Lan Pham', 'Alex Morgan'), email: fc.constantFrom('lan@partner.example', 'alex@partner.example') }, { requiredKeys: ['name'] });
    case 'createCertificate':
      return fc.record({ certificationId: fc.constant(world.catalogue.certificationId), personId: fc.constantFrom(world.a.enablement.personId, world.b.enablement.personId) });
    case 'createCourse':
      return fc.record({ title: fc.constantFrom('Workshop', 'Hội thảo'), format: fc.constant('live'), durationMinutes: fc.integer({ min: 1, max: 600 }), language: fc.constantFrom('en', 'vi') });
    default:
      return null;
  }
}

/** Every path into a JSON value, as key lists. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

/** A copy of `value` with the thing at `path` replaced, deleted, or a stranger added beside it. */
function mutate(value: unknown, path: (string | number)[], kind: 'replace' | 'delete' | 'extra', replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return kind === 'replace' ? replacement : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (kind === 'replace') parent[last] = replacement;
  else if (kind === 'delete') delete parent[last];
  else if (!Array.isArray(parent)) parent[`x_${String(last)}`] = replacement;
  return copy;
}

/** A body as bytes, and the content type it is announced with. */
interface BodyChoice {
  kind: string;
  bytes: string | Uint8Array | undefined;
}

const json = (value: unknown) => JSON.stringify(value) ?? 'null';

function bodies(op: Operation, ctx: FuzzContext): fc.Arbitrary<BodyChoice> {
  const valid = validBody(op, ctx) ?? fc.constant({});
  return fc.oneof(
    { weight: 10, arbitrary: valid.map((v) => ({ kind: 'valid', bytes: json(v) })) },
    {
      weight: 8,
      arbitrary: valid.chain((v) => {
        const paths = pathsOf(v);
        return fc
          .record({ path: paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<(string | number)[]>([]), kind: fc.constantFrom('replace' as const, 'delete' as const, 'extra' as const), replacement: nastyValue })
          .map(({ path, kind, replacement }) => ({ kind: 'mutated', bytes: json(mutate(v, path, kind, replacement)) }));
      }),
    },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'json', bytes: json(v) })) },
    {
      weight: 2,
      arbitrary: fc.record({ depth: fc.integer({ min: 30, max: 200_000 }), open: fc.constantFrom('[', '{"a":') }).map(({ depth, open }) => ({
        kind: 'deep',
        bytes: open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { kind: 'huge', bytes: json({ description: 'x'.repeat(HUGE) }) },
        { kind: 'huge', bytes: `[${'1,'.repeat(HUGE / 2)}1]` },
        { kind: 'large-ok', bytes: json({ customer: { company: 'Big Co' }, type: 'resell', products: Array.from({ length: 50 }, (_, i) => `Product ${i} ${'p'.repeat(190)}`) }) },
      ),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '{',
        '{"a":}',
        'null',
        '[]',
        '"text"',
        '1e999999',
        '{"a":1}{"b":2}',
        "{'single': 'quotes'}",
        '{"a": NaN}',
        '\ufeff{"type":"resell"}',
        '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}',
        '{"customer": {"company": "\\u0000"}, "type": "resell"}',
        '{"customer": {"company": "\\ud800"}, "type": "resell"}',
        '{"a":"\\uDEAD\\uBEEF"}',
        ' ',
      ).map((text) => ({ kind: 'text', bytes: text })),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom(
          new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
          new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
          new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
          new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]),
        ),
      ).map((bytes) => ({ kind: 'bytes', bytes })),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'none', bytes: undefined }) },
  );
}

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON; charset="UTF-8"',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/problem+json',
      'application/json-patch+json',
      '*/*',
      ';;;',
      'application/json; charset=\xff',
      '',
    ),
  },
  { weight: 2, arbitrary: fc.constant(undefined) },
);

/** Path segment values: the world's ids (own and foreign), random ids, and ids that are not ids. */
function idSegment(ctx: FuzzContext): fc.Arbitrary<string> {
  const { world } = ctx;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(world.a.partnerId, world.b.partnerId, world.a.dealId, world.b.dealId, world.resourceId, ...world.tierIds, ...world.kpiIds) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'x'.repeat(129),
        'x'.repeat(5000),
        '..',
        '%2e%2e',
        '%2F',
        'a%2Fb',
        '%00',
        '%FF',
        '%',
        '%zz',
        '%E2%80%AE',
        '%ED%A0%80',
        'id%20with%20space',
        '__proto__',
        'constructor',
        '*',
        "1'or'1'='1",
      ),
    },
  );
}

const queryValue = (name: string, ctx: FuzzContext): fc.Arbitrary<string> => {
  const valid: Record<string, fc.Arbitrary<string>> = {
    limit: fc.oneof(fc.integer({ min: 1, max: 200 }).map(String), fc.constantFrom('0', '201', '-1', '1.5', '1e2', ' 1', '0x10', '99999999999999999999', '')),
    cursor: fc.oneof(ctx.cursors.length > 0 ? fc.constantFrom(...ctx.cursors) : fc.constant('x'), fc.constantFrom('x', 'e30', 'W10.AAAA', 'W1s.', '..', 'WzFd.AAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(600))),
    status: fc.constantFrom('submitted', 'submitted,approved', 'approved,,', 'nope', 'SUBMITTED', ','),
    type: fc.constantFrom('resell', 'reseller', 'document', 'nope'),
    partnerId: fc.constantFrom(ctx.world.a.partnerId, ctx.world.b.partnerId, 'nope', '../x'),
    period: period,
    periods: fc.constantFrom('1', '6', '24', '0', '25', 'x', '-3'),
    from: period,
    to: fc.oneof(period, fc.constantFrom('2026-13', '2026-00', '1999', '2026-Q5')),
    q: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('%', '_', '\\', "'", 'x'.repeat(201))),
    sort: fc.constantFrom('newest', 'title', 'popular', 'oldest'),
    after: fc.constantFrom('ev_1', 'x', ''),
  };
  return fc.oneof({ weight: 3, arbitrary: valid[name] ?? fc.string({ maxLength: 10 }) }, { weight: 1, arbitrary: nastyString });
};

/**
 * Percent-escapes, byte by byte, what a request target cannot carry (spaces, `#`, anything beyond
 * ASCII: Node's parser refuses raw high bytes before the app sees them, which
 * `malformed-http.test.ts` covers).
 */
const rawEscape = (value: string): string =>
  value.replace(/[^\x21-\x7e]|#/gu, (ch) => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));

/** Encodes a query value, sometimes leaving raw bytes and broken escapes in place. */
const encodeValue = fc.constantFrom('encoded', 'encoded', 'encoded', 'raw');
const rawQueryJunk = fc.constantFrom('%', '%ZZ', '%00', '%FF%FE', '%C0%AF', '%ED%A0%80', '+%2B+', '&&&', '=', 'a=1&a=2', 'limit=1&limit=2', 'unknown=1');

function queryString(op: Operation | null, ctx: FuzzContext): fc.Arbitrary<string> {
  const names = op && op.query.length > 0 ? op.query : ['limit', 'unknown'];
  const pair = fc.constantFrom(...names).chain((name) =>
    fc.tuple(queryValue(name, ctx), encodeValue).map(([value, how]) => `${name}=${how === 'encoded' ? rawEscape(encodeURIComponent(value.replace(/[\ud800-\udfff]/gu, '\ufffd'))) : rawEscape(value)}`),
  );
  const filtered = op !== null && op.query.length > 0;
  return fc.oneof(
    { weight: filtered ? 3 : 8, arbitrary: fc.constant('') },
    { weight: filtered ? 6 : 1, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`) },
    { weight: 1, arbitrary: rawQueryJunk.map((junk) => `?${junk}`) },
  );
}

function authorization(ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  const { world } = ctx;
  return fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(world.authorization.admin, world.authorization.manager, world.authorization.partnerA, world.authorization.partnerB) },
    { weight: 2, arbitrary: fc.constantFrom(world.authorization.expired, world.authorization.tampered, world.authorization.none) },
    { weight: 2, arbitrary: fc.constantFrom(...Object.values(world.forgeries)) },
    { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', `Bearer ${'x'.repeat(5000)}`, 'Bearer \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0', 'Bearer a.b.c', 'Bearer pk_admin_', 'Negotiate abc') },
  );
}

const idempotencyKey = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3') },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(256), 'ключ', 'a b', '\xff') },
);

const requestId = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('client-req-1', 'x'.repeat(201), 'has space', '\xff\xfe', '') },
);

function headers(ctx: FuzzContext, type: string | undefined, method: string): fc.Arbitrary<Record<string, string>> {
  return fc
    .record({
      authorization: authorization(ctx),
      idempotencyKey,
      requestId,
      origin: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1') }),
      accept: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('text/html', 'application/xml', '*/*', '') }),
      extra: fc.oneof(
        { weight: 8, arbitrary: fc.constant<Record<string, string>>({}) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<Record<string, string>>(
            { 'x-partner-id': ctx.world.b.partnerId },
            { 'x-forwarded-for': '10.0.0.1' },
            { 'content-encoding': 'gzip' },
            { 'x-http-method-override': 'DELETE' },
            { 'access-control-request-method': 'DELETE' },
          ),
        },
      ),
    })
    .map((h) => {
      const out: Record<string, string> = { ...h.extra };
      if (h.authorization !== undefined) out.authorization = h.authorization;
      if (h.idempotencyKey !== undefined) out['idempotency-key'] = h.idempotencyKey;
      if (h.requestId !== undefined) out['x-request-id'] = h.requestId;
      if (h.origin !== undefined) out.origin = h.origin;
      if (h.accept !== undefined) out.accept = h.accept;
      if (type !== undefined && method !== 'GET' && method !== 'HEAD') out['content-type'] = type;
      return out;
    });
}

const offContractPaths = fc.constantFrom(
  '/',
  '/v1',
  '/v1/',
  '/v2/deals',
  '/v1/nothing',
  '/v1/deals/x/y/z',
  '//v1//deals',
  '/v1/deals/',
  '/V1/DEALS',
  '/v1/%64eals',
  '/v1/deals/..%2F..%2Fpartners',
  '/v1/partners/%2e%2e/deals',
  '/v1/openapi.json/x',
  '/v1/session/../sessions',
  '/%',
  `/v1/${'a'.repeat(8000)}`,
);

const otherMethods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND');

/** One request against an operation of the contract (or off it), with every part drawn. */
export function requestArbitrary(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const onContract = fc.constantFrom(...ctx.operations).chain((op) =>
    fc
      .record({
        id: idSegment(ctx),
        query: queryString(op, ctx),
        method: fc.oneof({ weight: 9, arbitrary: fc.constant(op.method as string) }, { weight: 1, arbitrary: otherMethods }),
        body: bodies(op, ctx),
        type: contentType,
      })
      .chain(({ id, query, method, body, type }) =>
        headers(ctx, type, method).map((h): FuzzCase => {
          const withBody = method !== 'GET' && method !== 'HEAD' && (op.body || body.kind !== 'valid');
          return {
            target: op.operationId,
            bodyKind: withBody ? body.kind : 'none',
            wire: { method, path: `${op.path.replace('{id}', id)}${query}`, headers: h, ...(withBody && body.bytes !== undefined ? { body: body.bytes } : {}) },
          };
        }),
      ),
  );
  const offContract = fc
    .record({ path: offContractPaths, method: otherMethods, query: queryString(null, ctx), body: bodies(ctx.operations[0] as Operation, ctx), type: contentType })
    .chain(({ path, method, query, body, type }) =>
      headers(ctx, type, method).map((h): FuzzCase => ({
        target: 'off-contract',
        bodyKind: method === 'GET' || method === 'HEAD' ? 'none' : body.kind,
        wire: { method, path: `${path}${query}`, headers: h, ...(method !== 'GET' && method !== 'HEAD' && body.bytes !== undefined ? { body: body.bytes } : {}) },
      })),
    );
  return fc.oneof({ weight: 9, arbitrary: onContract }, { weight: 1, arbitrary: offContract });
}
