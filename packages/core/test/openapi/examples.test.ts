/**
 * Every schema, request body, response and header of the document has an example, and every
 * example is valid: against the document's own JSON Schema (Ajv, draft 2020-12, formats on) and,
 * for the components, against the zod schema the document was generated from.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as z from 'zod/mini';
import * as contract from '../../src/schemas/index.ts';
import { pageSchemas } from '../../src/openapi/components.ts';
import { buildOpenApiDocument } from '../../src/openapi/index.ts';
import type { MediaTypeObject, OperationObject, Reference, ResponseObject } from '../../src/openapi/index.ts';

const doc = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'urn:partnerkit:openapi', components: doc.components }, 'doc');

/** The errors of `value` against `schema`, which may `$ref` into the document's components. */
function violations(schema: unknown, value: unknown): string[] {
  const validate = ajv.compile(schema as object);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

/** A schema with its `#/components/...` references pointed at the document. */
function rooted(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"urn:partnerkit:openapi#/components/'));
}

const named = { ...contract, ...pageSchemas } as unknown as Record<string, z.core.$ZodType>;

function resolveResponse(response: ResponseObject | Reference): ResponseObject {
  if ('$ref' in response) return doc.components.responses[response.$ref.split('/').pop() as string] as ResponseObject;
  return response;
}

function mediaExamples(where: string, media: MediaTypeObject): void {
  const examples = Object.entries(media.examples ?? {});
  assert.ok(examples.length > 0, `${where} has no example`);
  for (const [name, example] of examples) {
    assert.deepEqual(violations(rooted(media.schema), example.value), [], `${where} example ${name}`);
  }
}

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op: op as OperationObject })),
);

describe('the examples of the OpenAPI document', () => {
  test('every component schema has an example valid against the document and the zod schema', () => {
    const names = Object.keys(doc.components.schemas);
    assert.ok(names.length >= 79);
    for (const name of names) {
      const schema = doc.components.schemas[name] as { examples?: unknown[] };
      assert.ok(Array.isArray(schema.examples) && schema.examples.length > 0, `${name} has no example`);
      for (const example of schema.examples) {
        assert.deepEqual(violations({ $ref: `urn:partnerkit:openapi#/components/schemas/${name}` }, example), [], `${name}: the document's schema`);
        const zod = named[name];
        assert.ok(zod, `${name} names no zod schema`);
        const parsed = z.safeParse(zod, example);
        assert.ok(parsed.success, `${name}: the zod schema refuses its example: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      }
    }
  });

  test('every request body has an example valid against its schema', () => {
    let bodies = 0;
    for (const { where, op } of operations) {
      if (!op.requestBody) continue;
      bodies += 1;
      for (const media of Object.values(op.requestBody.content)) mediaExamples(`${where} request body`, media);
    }
    assert.ok(bodies >= 12, `only ${bodies} request bodies`);
  });

  test('every response with a body, success or problem, has an example valid against its schema', () => {
    let successes = 0;
    for (const { where, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        const resolved = resolveResponse(response);
        if (!resolved.content) {
          assert.equal(status, '204', `${where} ${status} has no body`);
          continue;
        }
        if (status.startsWith('2')) successes += 1;
        for (const media of Object.values(resolved.content)) mediaExamples(`${where} ${status}`, media);
      }
    }
    assert.ok(successes >= 31, `only ${successes} success responses with a body`);
  });

  test('every header has an example or a constant', () => {
    for (const [name, header] of Object.entries(doc.components.headers)) {
      const schema = header.schema as { examples?: unknown[]; const?: unknown };
      const values = schema.const !== undefined ? [schema.const] : (schema.examples ?? []);
      assert.ok(values.length > 0, `header ${name} has no example`);
      for (const value of values) assert.deepEqual(violations(schema, value), [], `header ${name}`);
    }
  });

  test('a broken example is caught: the check can fail', () => {
    assert.notDeepEqual(violations({ $ref: 'urn:partnerkit:openapi#/components/schemas/Money' }, { amount: 12.5, currency: 'dollars' }), []);
    assert.notDeepEqual(violations({ $ref: 'urn:partnerkit:openapi#/components/schemas/Deal' }, { id: 'dl_1' }), []);
  });
});
