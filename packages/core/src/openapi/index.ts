/**
 * The OpenAPI 3.1 document of the PartnerKit v1 contract, generated from core's zod schemas.
 * Backends serve it at `GET /v1/openapi.json`; `docs/openapi.json` is the committed copy.
 * @module
 */
export { buildOpenApiDocument } from './document.js';
export type {
  HeaderObject,
  HttpMethod,
  JsonSchema,
  MediaTypeObject,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathItemObject,
  Reference,
  RequestBodyObject,
  ResponseObject,
} from './types.js';
