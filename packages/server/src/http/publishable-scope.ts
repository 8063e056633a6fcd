/**
 * What a publishable key may call: the two operations of a public application form, and nothing
 * else, ever. Every other request with a publishable key is answered as if the key did not exist.
 * The list equals the operations the OpenAPI document marks `publishable` (a test checks it).
 * @module
 */
import { contractPath } from './routing.js';

/** The operations a publishable key may call, by method and contract path. */
export const PUBLISHABLE_OPERATIONS: readonly { method: 'GET' | 'POST'; path: string }[] = Object.freeze([
  { method: 'GET', path: '/v1/application-form' },
  { method: 'POST', path: '/v1/applications' },
]);

/** True when a publishable key may make this request (`HEAD` reads like `GET`). */
export function publishableMayCall(method: string, path: string): boolean {
  const asked = method === 'HEAD' ? 'GET' : method;
  const target = contractPath(path);
  return PUBLISHABLE_OPERATIONS.some((op) => op.method === asked && op.path === target);
}

/** True when `path` is the path of an operation a publishable key may call, whatever the method (CORS preflights). */
export function isPublishablePath(path: string): boolean {
  const target = contractPath(path);
  return PUBLISHABLE_OPERATIONS.some((op) => op.path === target);
}
