/**
 * The parameters, headers and problem responses every part of the document shares.
 * @module
 */
import { DEFAULT_LIMIT, MAX_LIMIT, PROBLEM_TYPE_BASE, type Problem, type ProblemCode } from '../schemas/index.js';
import { schemaRef } from './components.js';
import type { ExampleObject, HeaderObject, JsonSchema, ParameterObject, Reference, ResponseObject } from './types.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const JSON_MEDIA_TYPE = 'application/json';

export const parameterRef = (name: SharedParameterName): Reference => ({ $ref: `#/components/parameters/${name}` });
export const headerRef = (name: keyof typeof sharedHeaders): Reference => ({ $ref: `#/components/headers/${name}` });
export const responseRef = (name: ProblemResponseName): Reference => ({ $ref: `#/components/responses/${name}` });

/**
 * Query parameters that arrive as strings but mean whole numbers, documented as the integers they
 * are. A test checks each against the zod schema that parses it.
 */
export interface IntegerParameter {
  minimum: number;
  maximum: number;
  default: number;
}

export const integerSchema = ({ minimum, maximum, default: fallback }: IntegerParameter): JsonSchema => ({
  type: 'integer',
  minimum,
  maximum,
  default: fallback,
});

export const LIMIT: IntegerParameter = { minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT };

/** A path parameter `{id}` naming one object of a collection. */
const idParameter = (what: string): ParameterObject => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id. An id outside the caller's scope answers 404, like one that does not exist.`,
  schema: schemaRef('Id'),
});

/** Builds the shared parameters; `cursor` takes its schema from the contract's `PageQuery`. */
export function createSharedParameters(cursorSchema: JsonSchema) {
  return {
    limit: {
      name: 'limit',
      in: 'query',
      required: false,
      description: `How many items a page holds, ${LIMIT.minimum}-${LIMIT.maximum}; ${LIMIT.default} when absent.`,
      schema: integerSchema(LIMIT),
    },
    cursor: {
      name: 'cursor',
      in: 'query',
      required: false,
      description:
        'Where the page starts: the `nextCursor` of the previous page, passed back unchanged. Cursors are opaque; ' +
        'one the backend did not issue answers 400 `invalid_cursor`. Omit it for the first page.',
      schema: cursorSchema,
    },
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Makes the write safe to retry. The same key with the same body returns the first result (status and ' +
        'body) without doing the work again; the same key with another body answers 422 `idempotency_mismatch`. ' +
        'Keys are kept at least 24 hours, per principal.',
      schema: schemaRef('IdempotencyKey'),
    },
    PartnerId: idParameter('partner'),
    TierId: idParameter('tier'),
    KpiId: idParameter('KPI'),
    DealId: idParameter('deal'),
    ResourceId: idParameter('resource'),
    AgreementId: idParameter('agreement'),
    VersionId: {
      name: 'versionId',
      in: 'path',
      required: true,
      description: 'The version\'s id, within the agreement named by `id`.',
      schema: schemaRef('Id'),
    },
    AcceptanceId: {
      name: 'acceptanceId',
      in: 'path',
      required: true,
      description: 'The acceptance\'s id, within the partner named by `id`.',
      schema: schemaRef('Id'),
    },
  } satisfies Record<string, ParameterObject>;
}

export type SharedParameterName = keyof ReturnType<typeof createSharedParameters>;

export const sharedHeaders = {
  'X-Request-Id': {
    description:
      'The request\'s id: the one the client sent in `X-Request-Id` when it is 1-200 visible ASCII characters, ' +
      'otherwise one the backend generated. Logs and problem documents carry the same id.',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  'Retry-After': {
    description: 'Seconds to wait before sending another request.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
  'WWW-Authenticate': {
    description: 'The authentication scheme the backend expects: `Bearer`.',
    required: true,
    schema: { type: 'string' },
  },
  Location: {
    description:
      'Where the created object is: its URL, usually as an absolute path with the prefix the backend is mounted ' +
      'under (`/api/v1/deals/dl_123`). Resolve it against the request\'s URL; `GET` on it answers the object.',
    required: true,
    schema: { type: 'string', format: 'uri-reference' },
  },
} satisfies Record<string, HeaderObject>;

const EXAMPLE_REQUEST_ID = 'req_01JDZ8W3K4M5N6P7Q8R9S0T1V2';

/** A problem document as a backend would send it, for the examples. */
function problem(code: ProblemCode, status: number, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail, code, requestId: EXAMPLE_REQUEST_ID, ...extra };
}

const example = (summary: string, value: Problem): ExampleObject => ({ summary, value });

interface ProblemResponseSpec {
  description: string;
  examples: Record<string, ExampleObject>;
  headers?: (keyof typeof sharedHeaders)[];
}

/** The error answers, one per status (and per meaning of 409). */
const problemResponses = {
  BadRequest: {
    description:
      'The request cannot be processed as sent: a body that is not JSON, a field or parameter that fails validation ' +
      '(each listed in `errors` with its path), or a cursor the backend did not issue. Never retry it unchanged.',
    examples: {
      validation_failed: example(
        'A field failed validation',
        problem('validation_failed', 400, 'The request is not valid', 'Fix the fields listed in errors and send it again.', {
          errors: [
            { path: 'customer.company', message: 'must not be empty' },
            { path: 'amount.currency', message: 'must be a 3-letter ISO 4217 code such as USD' },
          ],
        }),
      ),
      malformed_json: example('The body is not JSON', problem('malformed_json', 400, 'The body is not valid JSON', 'Unexpected end of JSON input at position 41.')),
      invalid_cursor: example('An unknown cursor', problem('invalid_cursor', 400, 'The cursor is not valid', 'Pass back the nextCursor of the previous page unchanged.')),
    },
  },
  Unauthorized: {
    description:
      'No token, or a token that is malformed, expired or revoked. Obtain a new session (or check the API key) and retry.',
    examples: {
      unauthorized: example('An expired session', problem('unauthorized', 401, 'Authentication is required', 'The session token has expired.')),
    },
    headers: ['WWW-Authenticate'],
  },
  Forbidden: {
    description:
      'The caller\'s role may not do this: an admin-only operation, a deal move the role may not make, or a resource ' +
      'the caller\'s tier or partner type may not open. Objects outside the caller\'s scope answer 404 instead.',
    examples: {
      forbidden: example('A partner session calling an admin operation', problem('forbidden', 403, 'Not allowed', 'Only an admin key may do this.')),
    },
  },
  NotFound: {
    description: 'No such object, or one outside the caller\'s scope: the two are indistinguishable by design.',
    examples: {
      not_found: example('An unknown or out-of-scope id', problem('not_found', 404, 'Not found', 'There is no deal with this id.')),
    },
  },
  DealConflict: {
    description:
      'The customer is already held by an active registration (submitted, under review, needs info or approved). ' +
      '`reason` says how: `own_registration` (the caller\'s partner holds it), `protected` (an approved registration ' +
      'protects it) or `already_registered` (another registration awaits a decision). A reason code only, never ' +
      'another partner\'s identity.',
    examples: {
      deal_conflict: example(
        'Another registration holds the customer',
        problem('deal_conflict', 409, 'The customer is already registered', 'Another active registration holds this customer.', {
          reason: 'already_registered',
        }),
      ),
    },
  },
  TransitionConflict: {
    description:
      'The deal cannot make this move now: the lifecycle has no such move from the current status, or the one ' +
      'extension of an approved deal was already granted (`invalid_transition`); or, when a draft is submitted, an ' +
      'active registration already holds the customer (`deal_conflict` with `reason`, as for registerDeal).',
    examples: {
      invalid_transition: example(
        'A move the lifecycle does not have',
        problem('invalid_transition', 409, 'The deal cannot make this move', 'A deal cannot move from rejected to approved; rejected is final.'),
      ),
      deal_conflict: example(
        'An approved registration protects the customer',
        problem('deal_conflict', 409, 'The customer is protected', 'An approved registration protects this customer.', {
          reason: 'protected',
        }),
      ),
    },
  },
  InUse: {
    description: 'Other data still refers to this object (`in_use`); `detail` says what. Remove those references first.',
    examples: {
      in_use: example('Partners hold the tier', problem('in_use', 409, 'The object is in use', '3 partners hold this tier.')),
    },
  },
  PayloadTooLarge: {
    description: 'The body is larger than the backend accepts.',
    examples: {
      payload_too_large: example('A body over the limit', problem('payload_too_large', 413, 'The body is too large', 'Bodies may be at most 1 MiB.')),
    },
  },
  UnsupportedMediaType: {
    description: 'The body is not sent as `application/json`.',
    examples: {
      unsupported_media_type: example(
        'A form-encoded body',
        problem('unsupported_media_type', 415, 'Unsupported media type', 'Send the body as application/json.'),
      ),
    },
  },
  IdempotencyMismatch: {
    description: 'The `Idempotency-Key` was used before with another body. Use a new key for a new write.',
    examples: {
      idempotency_mismatch: example(
        'A reused key',
        problem('idempotency_mismatch', 422, 'The idempotency key was used with another body', 'Use a new Idempotency-Key for a different request.'),
      ),
    },
  },
  TooManyRequests: {
    description: 'Too many requests from this principal. Wait for `Retry-After` seconds, then retry.',
    examples: {
      rate_limited: example('Over the rate limit', problem('rate_limited', 429, 'Too many requests', 'Retry after 30 seconds.')),
    },
    headers: ['Retry-After'],
  },
} satisfies Record<string, ProblemResponseSpec>;

export type ProblemResponseName = keyof typeof problemResponses;

/** The 409 answers an operation may declare. */
export type ConflictResponseName = 'DealConflict' | 'TransitionConflict' | 'InUse';

/** The HTTP status of each problem response. */
export const problemStatus: Record<ProblemResponseName, string> = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  DealConflict: '409',
  TransitionConflict: '409',
  InUse: '409',
  PayloadTooLarge: '413',
  UnsupportedMediaType: '415',
  IdempotencyMismatch: '422',
  TooManyRequests: '429',
};

/** Headers every response carries, plus the given ones. */
export function responseHeaders(...extra: (keyof typeof sharedHeaders)[]): Record<string, Reference> {
  return Object.fromEntries(['X-Request-Id' as const, ...extra].map((name) => [name, headerRef(name)]));
}

/** The `components.responses` section. */
export function createProblemResponses(): Record<ProblemResponseName, ResponseObject> {
  const entries = Object.entries(problemResponses).map(([name, spec]: [string, ProblemResponseSpec]) => [
    name,
    {
      description: spec.description,
      headers: responseHeaders(...(spec.headers ?? [])),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: schemaRef('Problem'), examples: spec.examples } },
    } satisfies ResponseObject,
  ]);
  return Object.fromEntries(entries) as Record<ProblemResponseName, ResponseObject>;
}
