/**
 * Assembles the OpenAPI 3.1 document of the v1 contract from the schemas and the path table.
 * @module
 */
import type * as z from 'zod/mini';
import { CONTRACT_VERSION, Id, IdempotencyKey, PageQuery, Problem, ROLES, type Role } from '../schemas/index.js';
import { createSchemaCatalog, schemaRef, type QueryName, type SchemaCatalog } from './components.js';
import { TAGS, operations, type OperationSpec, type QuerySpec } from './paths.js';
import { createExamples } from './examples.js';
import {
  JSON_MEDIA_TYPE,
  RATE_LIMIT_HEADERS,
  createProblemResponses,
  createSharedParameters,
  integerSchema,
  parameterRef,
  problemStatus,
  responseHeaders,
  responseRef,
  sharedHeaders,
  type ProblemResponseName,
  type SharedHeaderName,
} from './shared.js';
import type { JsonSchema, OpenApiDocument, OperationObject, ParameterObject, Reference, ResponseObject, SecurityRequirement } from './types.js';

const SECURITY_SCHEME = 'bearerAuth';

const INFO_DESCRIPTION = `The PartnerKit contract: partners, tiers, KPIs, scorecards, deal registrations, a resource
library, joint business plans and agreements, for any backend that speaks it. \`docs/contract.md\` explains it in prose.

- **Base path** \`/v1\`; JSON bodies in UTF-8; timestamps ISO-8601 UTC; ids opaque; money in minor units with an ISO 4217
  currency; periods \`YYYY-MM\`, \`YYYY-Qn\`, \`YYYY-Hn\` or \`YYYY\`.
- **Auth**: every request but this document's carries \`Authorization: Bearer <token>\`: an admin API key, or a session
  minted with \`createSession\` for a manager or for one user of one partner. Tenant and role come from the verified
  token only. Objects outside the caller's scope answer 404, never 403. A public page uses a publishable key
  (\`pk_pub_...\`) from the origins it lists: it may read the application form and submit applications; every other
  operation answers it as if it did not exist (401).
- **Errors** are RFC 9457 problem documents (\`application/problem+json\`) with a stable \`code\`, and \`errors\` for
  invalid fields. Bad input never answers 5xx.
- **Lists** take \`limit\` (1-200, default 50) and \`cursor\`, and answer \`{ data, nextCursor }\`; filters are named
  as the fields they filter.
- **Creating writes** take an optional \`Idempotency-Key\`; a replayed answer carries \`Idempotent-Replayed: true\`; a
  201 answer carries \`Location\`, the created object's URL.
- **Every answer** carries \`X-Request-Id\`, \`Cache-Control\` (\`no-store\` for API answers) and
  \`X-Content-Type-Options: nosniff\`; answers to callers with a token may carry \`RateLimit-Limit\`,
  \`RateLimit-Remaining\` and \`RateLimit-Reset\`; 429 answers carry \`Retry-After\`; 401 answers \`WWW-Authenticate\`.
- **Compression**: a backend may compress any answer with a coding the request's \`Accept-Encoding\` allows (\`br\`,
  \`gzip\`), saying so in \`Content-Encoding\` and \`Vary: Accept-Encoding\`; clients decode before parsing.
- **Every path** answers a method it does not list with 405 \`method_not_allowed\` and \`Allow\`
  (\`#/components/responses/MethodNotAllowed\`); any request may be answered 408 (it arrived too slowly), 431 (its
  headers are too large), 500 (a fault of the backend) or 503 (the backend cannot serve for now).
- **Roles**: each operation names the principals that may call it in its description, in \`x-roles\`, and in its
  security requirement (one alternative per role: \`bearerAuth: [admin]\`, ...).
- **Examples** come from the demo programme the reference server seeds and \`@partnerkit/mock\` serves.`;

/** The document as JSON text, built on first use: converting the schemas takes tens of milliseconds. */
let built: string | undefined;

/**
 * Builds the OpenAPI 3.1 document of the PartnerKit v1 contract from core's zod schemas.
 *
 * Pure: the same document on every call, as a fresh object the caller may mutate or serialise
 * freely; no global state is touched. The schemas are converted once per process, later calls
 * only copy the result. `info.version` is {@link CONTRACT_VERSION}. The committed
 * `docs/openapi.json` is this document, pretty-printed.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  built ??= JSON.stringify(assembleDocument());
  return JSON.parse(built) as OpenApiDocument;
}

function assembleDocument(): OpenApiDocument {
  const catalog = createSchemaCatalog();
  const { components: schemas, queries } = catalog.generate(schemaRoots());
  const examples = createExamples().components as Record<string, unknown>;
  // No operation answers 405 for its own method, so the answer to the methods a path lacks lives
  // inline at the root, where linters do not count it as an unused component.
  const { MethodNotAllowed: methodNotAllowed, ...problemResponses } = createProblemResponses();
  const { Allow: allowHeader, ...componentHeaders } = sharedHeaders;
  methodNotAllowed.headers = { ...methodNotAllowed.headers, Allow: allowHeader };
  for (const [name, schema] of Object.entries(schemas)) {
    if (!(name in examples)) throw new Error(`the component ${name} has no example`);
    schema.examples = [examples[name]];
  }
  const pageProperties = queries.PageQuery.properties as Record<string, JsonSchema>;
  const parameters = createSharedParameters(pageProperties.cursor as JsonSchema);

  const paths: OpenApiDocument['paths'] = {};
  for (const spec of operations) {
    const query = spec.query ? queryParameters(spec.query, queries[queryName(catalog, spec.query)]) : [];
    (paths[spec.path] ??= {})[spec.method] = operation(catalog, spec, query, examples);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'PartnerKit API',
      version: CONTRACT_VERSION,
      summary: 'Partner Relationship Management: the contract behind the PartnerKit SDK and widgets.',
      description: INFO_DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '/',
        description: 'Where the backend is mounted; the paths carry the version (`/v1/...`).',
      },
    ],
    'x-method-not-allowed': methodNotAllowed,
    security: [{ [SECURITY_SCHEME]: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      parameters,
      headers: componentHeaders,
      responses: problemResponses,
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'session token (JWS), admin API key or publishable key',
          description:
            'A session token minted by `createSession` (short-lived, signed, scoped to a role and, for partners, ' +
            'one partner), an admin API key created by the backend\'s operator, or a publishable key (`pk_pub_...`) ' +
            'of a public page, usable only from the origins it lists. Tokens never appear in URLs, errors or logs.',
        },
      },
    },
  };
}

/** Which schemas requests read (inputs) and responses write (outputs). */
function schemaRoots(): { input: z.core.$ZodType[]; output: z.core.$ZodType[] } {
  // The shared parameters are built from these; every other schema is reached from an operation.
  const input: z.core.$ZodType[] = [Id, IdempotencyKey, PageQuery];
  const output: z.core.$ZodType[] = [Problem];
  for (const spec of operations) {
    if (spec.body) input.push(spec.body.schema);
    if (spec.query) input.push(spec.query.schema);
    for (const success of spec.success) if (success.schema && success.schema !== 'openapi') output.push(success.schema);
  }
  return { input, output };
}

function queryName(catalog: SchemaCatalog, query: QuerySpec): QueryName {
  return catalog.nameOf(query.schema) as QueryName;
}

const SHARED_QUERY_PARAMETERS = ['limit', 'cursor'] as const;

/** A query schema's fields as parameters: the shared `limit`/`cursor`, then each described filter. */
function queryParameters(spec: QuerySpec, schema: JsonSchema | undefined): (ParameterObject | Reference)[] {
  if (schema === undefined) throw new Error('a query schema was not generated');
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const name of Object.keys(spec.filters)) {
    if (!(name in properties)) throw new Error(`the path table describes a filter ${name} its query schema lacks`);
  }
  return Object.entries(properties).map(([name, property]) => {
    if ((SHARED_QUERY_PARAMETERS as readonly string[]).includes(name)) return parameterRef(name as 'limit' | 'cursor');
    const description = spec.filters[name];
    if (description === undefined) throw new Error(`the query parameter ${name} has no description in the path table`);
    const integer = spec.integers?.[name];
    return { name, in: 'query', required: required.has(name), description, schema: integer ? integerSchema(integer) : property };
  });
}

/** One security requirement per role: any one of them admits the caller. */
function securityOf(spec: OperationSpec): SecurityRequirement[] {
  return [...spec.roles, ...(spec.publishable ? ['publishable'] : [])].map((role) => ({ [SECURITY_SCHEME]: [role] }));
}

function operation(catalog: SchemaCatalog, spec: OperationSpec, query: (ParameterObject | Reference)[], examples: Record<string, unknown>): OperationObject {
  const parameters = [...(spec.id ? [parameterRef(spec.id)] : []), ...(spec.params ?? []).map(parameterRef), ...query, ...(spec.idempotent ? [parameterRef('IdempotencyKey')] : [])];
  const result: OperationObject = {
    operationId: spec.operationId,
    summary: spec.summary,
    description: `${spec.description}\n\n${whoMayCall(spec)}`,
    tags: [spec.tag],
    'x-roles': [...spec.roles, ...(spec.publishable ? ['publishable'] : [])],
    security: securityOf(spec),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            description: spec.body.description,
            required: true,
            content: {
              [JSON_MEDIA_TYPE]: {
                schema: schemaRef(catalog.nameOf(spec.body.schema)),
                examples: { [spec.operationId]: { summary: spec.body.description, value: examples[catalog.nameOf(spec.body.schema)] } },
              },
            },
          },
        }
      : {}),
    responses: {},
  };
  for (const success of spec.success) result.responses[success.status] = successResponse(catalog, spec, success, examples);
  for (const name of errorResponses(spec)) result.responses[problemStatus[name]] = responseRef(name);
  return result;
}

/** The headers of a success answer: every answer's, the rate limits of a secured operation, `Location` of a 201, `Idempotent-Replayed` of an idempotent write. */
function successHeaders(spec: OperationSpec, status: string): Record<string, Reference> {
  const extra: SharedHeaderName[] = [];
  if (spec.roles.length > 0 || spec.publishable) extra.push(...RATE_LIMIT_HEADERS);
  if (spec.idempotent) extra.push('Idempotent-Replayed');
  if (status === '201') extra.push('Location');
  return responseHeaders(...extra);
}

/** A trimmed copy of this document, as the example of `getOpenApiDocument`. */
const OPENAPI_EXAMPLE = { openapi: '3.1.0', info: { title: 'PartnerKit API', version: CONTRACT_VERSION }, paths: { '/v1/deals': {} } };

function successResponse(catalog: SchemaCatalog, spec: OperationSpec, success: OperationSpec['success'][number], examples: Record<string, unknown>): ResponseObject {
  const response: ResponseObject = { description: success.description, headers: successHeaders(spec, success.status) };
  if (success.locationFor !== undefined) {
    const { description, schema } = sharedHeaders.Location;
    response.headers = { ...response.headers, Location: { description: `${description} Sent to ${success.locationFor}.`, required: false, schema } };
  }
  const example = (value: unknown) => ({ [spec.operationId]: { summary: success.description, value } });
  if (success.schema === 'openapi') {
    response.content = {
      [JSON_MEDIA_TYPE]: {
        schema: {
          type: 'object',
          description: 'An OpenAPI 3.1 document.',
          required: ['openapi', 'info', 'paths'],
          properties: {
            openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
            info: { type: 'object' },
            paths: { type: 'object' },
          },
        },
        examples: example(OPENAPI_EXAMPLE),
      },
    };
  } else if (success.schema) {
    const name = catalog.nameOf(success.schema);
    response.content = { [JSON_MEDIA_TYPE]: { schema: schemaRef(name), examples: example(examples[name]) } };
  }
  return response;
}

/** The error answers that follow from what the operation reads and who may call it. */
function errorResponses(spec: OperationSpec): ProblemResponseName[] {
  const secured = spec.roles.length > 0;
  const someRolesRefused = secured && ROLES.some((role) => !spec.roles.includes(role));
  // Any request may be malformed HTTP (400), arrive too slowly (408) or carry too much header (431);
  // any backend may fail (500) or be unable to serve for now (503).
  const names: (ProblemResponseName | false | undefined)[] = [
    'BadRequest',
    secured && 'Unauthorized',
    (someRolesRefused || spec.finerRoleRules === true || spec.publishable === true) && 'Forbidden',
    (spec.id !== undefined || spec.params !== undefined) && 'NotFound',
    spec.conflict,
    spec.body !== undefined && 'PayloadTooLarge',
    spec.body !== undefined && 'UnsupportedMediaType',
    'RequestTimeout',
    spec.idempotent === true && 'IdempotencyMismatch',
    'TooManyRequests',
    'HeadersTooLarge',
    'InternalError',
    'ServiceUnavailable',
  ];
  return names.filter((name): name is ProblemResponseName => typeof name === 'string');
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'admin (API key)',
  manager: 'manager (vendor staff session)',
  partner: 'partner (session of one partner\'s user)',
};

function whoMayCall(spec: OperationSpec): string {
  if (spec.roles.length === 0) return '**Who may call:** anyone, without a token.';
  const roles = spec.roles.map((role) => ROLE_NAMES[role]);
  const list = roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
  const refused = ROLES.filter((role) => !spec.roles.includes(role));
  const others = refused.length > 0 ? ` Other principals get 403.` : '';
  const publishable = spec.publishable
    ? ' A publishable key may call it too, from an origin it lists: a request from another origin gets 403, and so does a write without `Origin` (browsers always send it on writes).'
    : '';
  return `**Who may call:** ${list}.${others}${publishable}${spec.scope ? ` ${spec.scope}` : ''}`;
}
