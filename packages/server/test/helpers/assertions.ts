/** Assertions shared by the test files. */
import assert from 'node:assert/strict';
import type { Reply } from './harness.ts';

/** A problem document with this status and code, tied to the answer's request id. */
export function assertProblem(reply: Reply, status: number, code: string): void {
  assert.equal(reply.status, status, `expected ${status} ${code}, got ${reply.status}: ${reply.text}`);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(reply.body?.status, status);
  assert.equal(reply.body?.code, code, reply.text);
  assert.equal(reply.body?.type, `https://partnerkit.dev/problems/${code}`);
  assert.equal(typeof reply.body?.title, 'string');
  assert.equal(reply.body?.requestId, reply.headers.get('x-request-id'));
  assert.doesNotMatch(reply.text, /\bat [\w.<>]+ \(|node:internal|\.ts:\d+/, 'a problem never carries a stack trace');
}

/** A validation problem naming `path` among its field errors. */
export function assertFieldError(reply: Reply, path: string, message?: RegExp): void {
  assertProblem(reply, 400, 'validation_failed');
  const errors = reply.body.errors as { path: string; message: string }[];
  const hit = errors.find((e) => e.path === path);
  assert.ok(hit, `expected a field error at ${path}, got ${JSON.stringify(errors)}`);
  if (message) assert.match(hit.message, message);
}

export function assertStatus(reply: Reply, status: number): void {
  assert.equal(reply.status, status, `expected ${status}, got ${reply.status}: ${reply.text}`);
}
