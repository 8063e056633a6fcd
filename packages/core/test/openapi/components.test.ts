import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildOpenApiDocument, type JsonSchema } from '@partnerkit/core/openapi';
import * as contract from '@partnerkit/core/schemas';
import * as z from 'zod/mini';
import { createSchemaCatalog } from '../../src/openapi/components.ts';

const doc = buildOpenApiDocument();
const schemas = doc.components.schemas;

type ObjectSchema = JsonSchema & { properties: Record<string, JsonSchema>; required?: string[]; additionalProperties?: unknown };
const object = (name: string): ObjectSchema => {
  const schema = schemas[name];
  assert.ok(schema, `no component ${name}`);
  return schema as ObjectSchema;
};

/** Every subschema of the document, with where it sits. */
function* subschemas(node: unknown, path: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* subschemas(child, `${path}/${i}`);
  } else if (typeof node === 'object' && node !== null) {
    yield [path, node as Record<string, unknown>];
    for (const [key, child] of Object.entries(node)) yield* subschemas(child, `${path}/${key}`);
  }
}

describe('component schemas', () => {
  test('a shape used in more than one place is a named component, never an inline copy', () => {
    const seen = new Map<string, string[]>();
    for (const [path, node] of subschemas({ schemas, paths: doc.paths }, '#')) {
      // The components themselves are the named originals; examples are data, not schemas.
      if (/^#\/schemas\/[^/]+$/.test(path) || path.includes('/examples/')) continue;
      // A `properties` map is not itself a schema (its keys are field names such as `format`).
      if (path.endsWith('/properties')) continue;
      const distinctive = 'enum' in node || 'pattern' in node || 'properties' in node || 'format' in node;
      if (!distinctive || '$ref' in node) continue;
      const key = JSON.stringify(node);
      seen.set(key, [...(seen.get(key) ?? []), path]);
    }
    const copies = [...seen.values()].filter((paths) => paths.length > 1);
    assert.deepEqual(copies, [], 'name these schemas in the contract and reuse them');
  });

  test('every component and every property note has a description', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      assert.equal(typeof schema.description, 'string', name);
      assert.ok((schema.description as string).length > 10, name);
    }
  });

  test('request bodies are read as zod inputs: defaults are optional there and required in responses', () => {
    const input = object('PartnerInput');
    assert.ok(!(input.required ?? []).includes('status'));
    assert.equal(input.properties.status?.default, 'prospect');
    assert.ok(object('Partner').required?.includes('status'));
  });

  test('request bodies reject unknown fields; responses may gain fields', () => {
    for (const name of ['PartnerInput', 'PartnerPatch', 'TierInput', 'KpiInput', 'TargetsInput', 'MeasurementBatch', 'DealInput', 'DealTransitionInput', 'DealCheckInput', 'ResourceInput', 'ResourcePatch', 'SessionInput']) {
      assert.equal(object(name).additionalProperties, false, name);
    }
    for (const name of ['Partner', 'Tier', 'Kpi', 'Deal', 'Resource', 'ResourcePage', 'Scorecard', 'Principal', 'Problem', 'EventEnvelope', 'DealPage']) {
      assert.notEqual(object(name).additionalProperties, false, name);
    }
  });

  test('a schema that reads differently as request and response cannot be shared', () => {
    const catalog = createSchemaCatalog();
    assert.throws(
      () => catalog.generate({ input: [contract.PartnerInput], output: [contract.PartnerInput] }),
      /PartnerInput reads differently in requests and responses/,
    );
    assert.doesNotThrow(() => catalog.generate({ input: [contract.Money], output: [contract.Money] }));
  });

  test('the path table can only name schemas the contract exports', () => {
    assert.throws(() => createSchemaCatalog().nameOf(z.object({ stray: z.string() })), /does not export/);
    assert.equal(createSchemaCatalog().nameOf(contract.DealInput), 'DealInput');
  });

  test('URLs are http(s) only, as the schema enforces', () => {
    const pattern = new RegExp(object('HttpUrl').pattern as string);
    for (const url of ['https://example.com/a', 'http://example.com', 'HTTP://EXAMPLE.COM']) {
      assert.ok(contract.HttpUrl.safeParse(url).success && pattern.test(url), url);
    }
    for (const url of ['ftp://example.com', 'javascript:alert(1)', 'mailto:a@example.com']) {
      assert.ok(!contract.HttpUrl.safeParse(url).success && !pattern.test(url), url);
    }
  });

  test('the event envelope is { id, type, occurredAt, partnerId?, data }', () => {
    const envelope = object('EventEnvelope');
    assert.deepEqual(Object.keys(envelope.properties), ['id', 'type', 'occurredAt', 'partnerId', 'data']);
    assert.deepEqual(envelope.required, ['id', 'type', 'occurredAt', 'data']);
  });

  test('a locked resource has no url: url is optional, locked is required', () => {
    const resource = object('Resource');
    assert.ok(resource.required?.includes('locked'));
    assert.ok(!resource.required?.includes('url'));
  });
});

describe('problem documents', () => {
  test('carry type, title, status, detail, code, errors and reason', () => {
    const problem = object('Problem');
    for (const field of ['type', 'title', 'status', 'detail', 'code', 'errors', 'reason', 'requestId']) {
      assert.ok(field in problem.properties, field);
    }
    assert.deepEqual(problem.required, ['type', 'title', 'status', 'code']);
    assert.equal((problem.properties.errors as { items: { $ref: string } }).items.$ref, '#/components/schemas/FieldError');
  });

  test('the code\'s description lists every contract code', () => {
    const description = object('Problem').properties.code?.description as string;
    for (const code of contract.PROBLEM_CODES) assert.ok(description.includes(`\`${code}\``), code);
  });

  test('every example is a valid problem of its response\'s status, with a contract code', () => {
    // "<status> <$ref>" for every shared response an operation answers with.
    const answered = new Set(
      Object.values(doc.paths)
        .flatMap((item) => Object.values(item))
        .flatMap((op) => Object.entries(op.responses).map(([status, response]) => `${status} ${'$ref' in response ? response.$ref : ''}`)),
    );
    let examples = 0;
    for (const [name, response] of Object.entries(doc.components.responses)) {
      const media = response.content?.['application/problem+json'];
      assert.ok(media, name);
      for (const [key, example] of Object.entries(media.examples ?? {})) {
        const parsed = contract.Problem.parse(example.value);
        assert.ok((contract.PROBLEM_CODES as readonly string[]).includes(parsed.code), `${name}.${key}`);
        assert.equal(parsed.code, key);
        assert.equal(parsed.type, `${contract.PROBLEM_TYPE_BASE}${parsed.code}`);
        assert.ok(answered.has(`${parsed.status} #/components/responses/${name}`), `${name} is never answered with status ${parsed.status}`);
        examples += 1;
      }
    }
    assert.ok(examples >= 12);
  });

  test('the answer to a method a path does not list is documented: 405 with Allow', () => {
    const response = doc['x-method-not-allowed'];
    assert.ok(response.headers?.Allow && 'required' in response.headers.Allow && response.headers.Allow.required);
    const example = response.content?.['application/problem+json']?.examples?.method_not_allowed?.value as contract.Problem;
    assert.equal(contract.Problem.parse(example).status, 405);
  });

  test('the deal conflicts carry a reason code and never a partner', () => {
    const conflicts = ['DealConflict', 'TransitionConflict'].flatMap((name) =>
      Object.values(doc.components.responses[name]?.content?.['application/problem+json']?.examples ?? {}).map((e) => e.value as contract.Problem),
    );
    const dealConflicts = conflicts.filter((p) => p.code === 'deal_conflict');
    assert.ok(dealConflicts.length >= 2);
    for (const problem of dealConflicts) {
      assert.ok(contract.ConflictReason.safeParse(problem.reason).success, String(problem.reason));
      assert.doesNotMatch(JSON.stringify(problem), /partnerId|dealId/);
    }
  });

  test('429 says when to retry; 401 names the scheme', () => {
    assert.ok(doc.components.responses.TooManyRequests?.headers?.['Retry-After']);
    assert.deepEqual(doc.components.headers['Retry-After']?.schema, { type: 'integer', minimum: 0, examples: [30] });
    assert.ok(doc.components.responses.Unauthorized?.headers?.['WWW-Authenticate']);
  });
});
