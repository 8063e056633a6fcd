/**
 * The parameters, headers and problem responses every part of the document shares.
 * @module
 */
import { DEFAULT_LIMIT, MAX_LIMIT, PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, type Problem, type ProblemCode } from '../schemas/index.js';
import { schemaRef } from './components.js';
import { EXAMPLE_REQUEST_ID } from './examples.js';
import type { ExampleObject, HeaderObject, JsonSchema, ParameterObject, Reference, ResponseObject } from './types.js';

export { PROBLEM_MEDIA_TYPE };
export const JSON_MEDIA_TYPE = 'application/json';

export const parameterRef = (name: SharedParameterName): Reference => ({ $ref: `#/components/parameters/${name}` });
export const headerRef = (name: SharedHeaderName): Reference => ({ $ref: `#/components/headers/${name}` });
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
    CertificationId: idParameter('certification'),
    CourseId: idParameter('course'),
    PersonId: idParameter('person'),
    EnrolmentId: idParameter('enrolment'),
    CertificateId: idParameter('certificate'),
    AnnouncementId: idParameter('announcement'),
    RequestId: idParameter('request'),
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
    PlanPeriod: {
      name: 'period',
      in: 'path',
      required: true,
      description: 'The plan\'s period: a quarter (`2026-Q3`), a half-year (`2026-H1`) or a year (`2026`). A partner has at most one plan per period.',
      schema: schemaRef('PlanPeriod'),
    },
    MessageId: {
      name: 'messageId',
      in: 'path',
      required: true,
      description: 'The message\'s id, within the request. A message of another request answers 404.',
      schema: schemaRef('Id'),
    },
    ObjectiveId: {
      name: 'objectiveId',
      in: 'path',
      required: true,
      description: 'The objective\'s id, within the plan. An objective of another plan answers 404.',
      schema: schemaRef('Id'),
    },
    ActivityId: {
      name: 'activityId',
      in: 'path',
      required: true,
      description: 'The activity\'s id, within the objective. An activity of another objective answers 404.',
      schema: schemaRef('Id'),
    },
    CommentId: {
      name: 'commentId',
      in: 'path',
      required: true,
      description: 'The comment\'s id, within the objective. A comment of another objective answers 404.',
      schema: schemaRef('Id'),
    },
    PlanRevisionNumber: {
      name: 'revision',
      in: 'path',
      required: true,
      description: 'The revision\'s number, from 1. A revision both sides have not agreed to answers 404.',
      schema: { type: 'integer', minimum: 1 },
    },
    ApplicationId: idParameter('application'),
    SelectionCriterionId: idParameter('selection criterion'),
    PublishableKeyId: idParameter('publishable key'),
  } satisfies Record<string, ParameterObject>;
}

export type SharedParameterName = keyof ReturnType<typeof createSharedParameters>;

/** Path parameters besides `{id}`, named in an operation's `params`. */
export type PathParameterName = 'MessageId' | 'PlanPeriod' | 'ObjectiveId' | 'ActivityId' | 'CommentId' | 'PlanRevisionNumber' | 'VersionId' | 'AcceptanceId';

export const sharedHeaders = {
  'X-Request-Id': {
    description:
      'The request\'s id: the one the client sent in `X-Request-Id` when it is 1-200 visible ASCII characters, ' +
      'otherwise one the backend generated. Logs and problem documents carry the same id.',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 200, examples: [EXAMPLE_REQUEST_ID] },
  },
  'Cache-Control': {
    description:
      'API answers are never cached (`no-store`): they depend on the caller and change with every write. This ' +
      'document itself may be cached for a few minutes (`public, max-age=300`).',
    required: true,
    schema: { type: 'string', examples: ['no-store'] },
  },
  'X-Content-Type-Options': {
    description: 'Always `nosniff`: browsers must not guess another type than the one sent.',
    required: true,
    schema: { type: 'string', const: 'nosniff' },
  },
  'RateLimit-Limit': {
    description: 'Requests per minute this caller may send (per session subject, admin key, or address without a valid token). Sent by backends that limit rates.',
    schema: { type: 'integer', minimum: 0, examples: [600] },
  },
  'RateLimit-Remaining': {
    description: 'Requests the caller may still send before it is limited.',
    schema: { type: 'integer', minimum: 0, examples: [598] },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the caller\'s allowance is full again.',
    schema: { type: 'integer', minimum: 0, examples: [1] },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this answer is the stored first answer to an earlier request with the same `Idempotency-Key` ' +
      '(the work was not done again); absent on a first answer.',
    schema: { type: 'string', const: 'true' },
  },
  Vary: {
    description:
      'Answers differ by `Origin` (the CORS headers) and, from backends that compress, by `Accept-Encoding` (a ' +
      'compressed body says how in `Content-Encoding`, `br` or `gzip`, and HTTP clients decode it before it is read); ' +
      'caches that keep them must key on both.',
    schema: { type: 'string', examples: ['Accept-Encoding, Origin'] },
  },
  'Access-Control-Allow-Origin': {
    description: 'The caller\'s `Origin`, echoed when it is on the backend\'s CORS allow-list; absent otherwise.',
    schema: { type: 'string', examples: ['https://partners.example.com'] },
  },
  'Access-Control-Expose-Headers': {
    description: 'The headers a page may read from the answer, sent with `Access-Control-Allow-Origin`.',
    schema: { type: 'string', examples: ['X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, Location'] },
  },
  'Retry-After': {
    description: 'Seconds to wait before sending another request.',
    required: true,
    schema: { type: 'integer', minimum: 0, examples: [30] },
  },
  'WWW-Authenticate': {
    description: 'The authentication scheme the backend expects: `Bearer`.',
    required: true,
    schema: { type: 'string', examples: ['Bearer realm="partnerkit"'] },
  },
  Allow: {
    description: 'The methods the path answers, comma-separated.',
    required: true,
    schema: { type: 'string', examples: ['GET, POST'] },
  },
  Location: {
    description:
      'Where the created object is: its URL, usually as an absolute path with the prefix the backend is mounted ' +
      'under (`/api/v1/deals/dl_123`). Resolve it against the request\'s URL; `GET` on it answers the object.',
    required: true,
    schema: { type: 'string', format: 'uri-reference', examples: ['/v1/deals/dl_0000042'] },
  },
} satisfies Record<string, HeaderObject>;

export type SharedHeaderName = keyof typeof sharedHeaders;

/** Headers every answer carries, or may carry. */
const EVERY_ANSWER: SharedHeaderName[] = ['X-Request-Id', 'Cache-Control', 'X-Content-Type-Options', 'Vary', 'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers'];
/** Headers of answers to authenticated operations, from backends that limit rates. */
export const RATE_LIMIT_HEADERS: SharedHeaderName[] = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/** A problem document as a backend would send it, for the examples. */
function problem(code: ProblemCode, status: number, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail, code, requestId: EXAMPLE_REQUEST_ID, ...extra };
}

const example = (summary: string, value: Problem): ExampleObject => ({ summary, value });

interface ProblemResponseSpec {
  description: string;
  examples: Record<string, ExampleObject>;
  headers?: SharedHeaderName[];
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
      malformed_request: example(
        'The request is not valid HTTP',
        problem('malformed_request', 400, 'The request is not valid HTTP', 'The request line, a header or the body framing could not be parsed.'),
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
      'the caller\'s tier or partner type may not open. Objects outside the caller\'s scope answer 404 instead. ' +
      'A gated operation (registering a deal, opening a resource) answers `agreement_required` while an agreement ' +
      'the partner must accept holds it back; `agreements` names each one to accept.',
    examples: {
      forbidden: example('A partner session calling an admin operation', problem('forbidden', 403, 'Not allowed', 'Only an admin key may do this.')),
      agreement_required: example(
        'A partner that has not accepted the version in effect of the programme agreement registering a deal',
        problem('agreement_required', 403, 'An agreement must be accepted first', 'Accept "Partner programme agreement" to continue; agreements lists what to accept.', {
          agreements: [{ agreementId: 'ag_programme', versionId: 'av_programme_2026_1', title: 'Partner programme agreement', gate: 'deal_registration' }],
        }),
      ),
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
    headers: ['Idempotent-Replayed'],
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
    headers: ['Idempotent-Replayed'],
  },
  KpiComputed: {
    description:
      'A measurement names a KPI whose values the backend computes (`source` other than `measurements`, such as ' +
      '`certified_staff`): nothing is stored, and `errors` names each such entry (`data.3.kpiId`).',
    examples: {
      kpi_computed: example(
        'Certified staff is computed from certifications',
        problem('kpi_computed', 409, 'The KPI is computed', 'The backend computes the values of these KPIs (from certifications); they take no measurements.', {
          errors: [{ path: 'data.0.kpiId', message: 'kpi_certifications is computed from certifications (source certified_staff)' }],
        }),
      ),
    },
    headers: ['Idempotent-Replayed'],
  },
  EnrolmentConflict: {
    description:
      'The enrolment cannot take this now: its course has no assessment, or it is not open (`invalid_transition`); ' +
      'it passed the assessment already, so an attempt cannot pass twice (`assessment_passed`); or every attempt ' +
      'the assessment allows was used (`attempts_exhausted`).',
    examples: {
      assessment_passed: example(
        'The assessment was passed already',
        problem('assessment_passed', 409, 'The assessment was already passed', 'This enrolment passed its assessment already; a passed assessment is not taken again.'),
      ),
      attempts_exhausted: example(
        'No attempts left',
        problem('attempts_exhausted', 409, 'No attempts are left', 'The assessment allows 3 attempts per enrolment, and all were used.'),
      ),
      invalid_transition: example(
        'A move the lifecycle does not have',
        problem('invalid_transition', 409, 'The enrolment cannot make this move', 'an enrolment completed cannot move to withdrawn'),
      ),
    },
    headers: ['Idempotent-Replayed'],
  },
  PlanConflict: {
    description:
      'The plan cannot make this move now: the lifecycle has no such move from its status, or the caller\'s side ' +
      'already agreed to this version, or a plan without objectives was proposed (`invalid_transition`); or the plan ' +
      'changed since the caller read it (`plan_changed`): read it again, so a side only ever agrees to what it saw.',
    examples: {
      invalid_transition: example(
        'Agreeing to a draft',
        problem('invalid_transition', 409, 'The plan cannot make this move', 'A draft plan cannot move to agreed; from draft it can move to proposed.'),
      ),
      plan_changed: example(
        'The plan changed meanwhile',
        problem('plan_changed', 409, 'The plan changed since it was read', 'The plan is at version 7, not 6: read it again first.'),
      ),
    },
  },
  RequestConflict: {
    description:
      'The request cannot take this now: it is closed (`request_closed`: open a new request), or the lifecycle has no such ' +
      'move from its status, or the 14 days to reopen a resolved request have passed (`invalid_transition`).',
    examples: {
      request_closed: example(
        'A message to a closed request',
        problem('request_closed', 409, 'The request is closed', 'A closed request takes no more messages or moves; open a new request and mention this one.'),
      ),
      invalid_transition: example(
        'Reopening too late',
        problem('invalid_transition', 409, 'The request cannot make this move', 'A resolved request can be reopened for 14 days after its resolution; open a new request instead.'),
      ),
    },
    headers: ['Idempotent-Replayed'],
  },
  ApplicationConflict: {
    description:
      'The application cannot do this in its current stage (`invalid_transition`): a move the lifecycle does not ' +
      'have, a resume to another stage than the one it was held from, an evaluation of an application that is not in ' +
      'screening, interview or due diligence, or a change to an evaluation already submitted.',
    examples: {
      invalid_transition: example(
        'A move the lifecycle does not have',
        problem('invalid_transition', 409, 'The application cannot make this move', 'An application cannot move from submitted to approved; from submitted it can move to screening, on hold, declined, withdrawn.'),
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
  MethodNotAllowed: {
    description:
      'The path exists but does not answer this method. `Allow` lists the methods it answers. Every path of this ' +
      'document answers the methods it does not list with 405.',
    examples: {
      method_not_allowed: example('DELETE on a list', problem('method_not_allowed', 405, 'Method not allowed', 'This path answers GET, POST.')),
    },
    headers: ['Allow'],
  },
  RequestTimeout: {
    description: 'The request did not arrive whole within the backend\'s time limit (a slow or stalled client). The connection is closed.',
    examples: {
      request_timeout: example(
        'A body that stopped arriving',
        problem('request_timeout', 408, 'The request took too long to arrive', 'Send the whole request within the server\'s timeout.'),
      ),
    },
  },
  HeadersTooLarge: {
    description: 'The request\'s headers are larger than the backend accepts (16 KiB for the reference server).',
    examples: {
      headers_too_large: example('Oversized headers', problem('headers_too_large', 431, 'The request headers are too large', 'Send at most 16 KiB of headers.')),
    },
  },
  InternalError: {
    description:
      'The backend failed to answer: a fault of the backend, never of the request, which may be retried. The failure ' +
      'is logged with the request id. A compliant backend never answers bad input with a 5xx.',
    examples: {
      internal_error: example(
        'A fault of the backend',
        problem('internal_error', 500, 'Internal server error', 'The server failed to answer this request; it has been logged with the request id.'),
      ),
    },
  },
  ServiceUnavailable: {
    description: 'The backend cannot serve requests for now (its database is unreachable, it is starting or stopping). Retry later.',
    examples: {
      service_unavailable: example(
        'The database is unreachable',
        problem('service_unavailable', 503, 'The service is unavailable', 'The server cannot reach its database; it has been logged with the request id.'),
      ),
    },
  },
} satisfies Record<string, ProblemResponseSpec>;

export type ProblemResponseName = keyof typeof problemResponses;

/** The 409 answers an operation may declare. */
export type ConflictResponseName = 'DealConflict' | 'TransitionConflict' | 'PlanConflict' | 'ApplicationConflict' | 'EnrolmentConflict' | 'RequestConflict' | 'KpiComputed' | 'InUse';

/** The HTTP status of each problem response. */
export const problemStatus: Record<ProblemResponseName, string> = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  DealConflict: '409',
  TransitionConflict: '409',
  PlanConflict: '409',
  RequestConflict: '409',
  ApplicationConflict: '409',
  EnrolmentConflict: '409',
  KpiComputed: '409',
  InUse: '409',
  PayloadTooLarge: '413',
  UnsupportedMediaType: '415',
  IdempotencyMismatch: '422',
  TooManyRequests: '429',
  MethodNotAllowed: '405',
  RequestTimeout: '408',
  HeadersTooLarge: '431',
  InternalError: '500',
  ServiceUnavailable: '503',
};

/** Headers every response carries or may carry, plus the given ones. */
export function responseHeaders(...extra: SharedHeaderName[]): Record<string, Reference> {
  return Object.fromEntries([...EVERY_ANSWER, ...extra].map((name) => [name, headerRef(name)]));
}

/** The `components.responses` section. */
export function createProblemResponses(): Record<ProblemResponseName, ResponseObject> {
  const entries = Object.entries(problemResponses).map(([name, spec]: [string, ProblemResponseSpec]) => [
    name,
    {
      description: spec.description,
      headers: responseHeaders(...RATE_LIMIT_HEADERS, ...(spec.headers ?? [])),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: schemaRef('Problem'), examples: spec.examples } },
    } satisfies ResponseObject,
  ]);
  return Object.fromEntries(entries) as Record<ProblemResponseName, ResponseObject>;
}
