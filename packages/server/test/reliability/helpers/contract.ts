/**
 * The operations of the v1 contract, read from the OpenAPI document core generates, so the
 * suites cover every path and method the contract has, and a new operation is covered the day it
 * is added.
 */
import { buildOpenApiDocument } from '@partnerkit/core/openapi';
import type { Role } from '@partnerkit/core/schemas';

/** One operation of the contract. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `{id}` where the path names an object. */
  path: string;
  /** Who may call it (`x-roles`); empty for the public OpenAPI document. */
  roles: Role[];
  /** Query parameter names. */
  query: string[];
  /** True when the operation takes a JSON body. */
  body: boolean;
  /** True when it takes an `Idempotency-Key`. */
  idempotent: boolean;
}

interface ParameterObject {
  name: string;
  in: string;
}

export function contractOperations(): Operation[] {
  const doc = buildOpenApiDocument();
  const shared = (doc.components as { parameters?: Record<string, ParameterObject> }).parameters ?? {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item as Record<string, unknown>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as { operationId: string; 'x-roles'?: Role[]; parameters?: (ParameterObject | { $ref: string })[]; requestBody?: unknown };
      const parameters = (op.parameters ?? []).map((p) => ('$ref' in p ? shared[p.$ref.split('/').pop() as string] : p)).filter((p): p is ParameterObject => p !== undefined);
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Operation['method'],
        path,
        roles: op['x-roles'] ?? [],
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody !== undefined,
        idempotent: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      });
    }
  }
  return operations;
}

/** The methods a path answers (for 405 checks). */
export function methodsOf(operations: readonly Operation[], path: string): string[] {
  return operations.filter((o) => o.path === path).map((o) => o.method);
}
