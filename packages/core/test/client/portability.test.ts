import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as core from '@partnerkit/core';
import * as clientEntry from '@partnerkit/core/client';

const srcDir = fileURLToPath(new URL('../../src/client/', import.meta.url));
/** Source without comments: doc examples may show host-side code. */
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));

describe('portability', () => {
  it('the client source uses no Node-only module or global (browsers, workers, Node 20+)', () => {
    const forbidden = [/from ['"]node:/, /from ['"](fs|path|http|https|crypto|buffer|stream|util|os|url)['"]/, /\brequire\(/, /\bprocess\./, /\bBuffer\b/, /\b__dirname\b/];
    for (const file of files(srcDir)) {
      const text = code(file);
      for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${relative(srcDir, file)} matches ${pattern}`);
    }
  });

  it('imports only ky, zod/mini and its own package', () => {
    for (const file of files(srcDir)) {
      for (const [, specifier] of code(file).matchAll(/from ['"]([^'"]+)['"]/g)) {
        assert.ok(specifier === 'ky' || specifier === 'zod/mini' || specifier?.startsWith('.'), `${relative(srcDir, file)} imports ${specifier}`);
      }
    }
  });

  it('CLIENT_VERSION matches the package version', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
    assert.equal(clientEntry.CLIENT_VERSION, pkg.version);
  });

  it('@partnerkit/core re-exports the client', () => {
    assert.equal(core.createClient, clientEntry.createClient);
    assert.equal(core.isPartnerKitError, clientEntry.isPartnerKitError);
  });

  it('exports the agreed names', () => {
    const names = [
      'createClient',
      'PartnerKitError',
      'HttpError',
      'ValidationProblemError',
      'ConflictError',
      'AuthError',
      'NotFoundError',
      'RateLimitError',
      'NetworkError',
      'TimeoutError',
      'ResponseValidationError',
      'SessionError',
      'isPartnerKitError',
      'isHttpError',
      'isValidationProblemError',
      'isConflictError',
      'isAuthError',
      'isNotFoundError',
      'isRateLimitError',
      'isNetworkError',
      'isTimeoutError',
      'isResponseValidationError',
      'isSessionError',
      'newIdempotencyKey',
    ];
    for (const name of names) assert.equal(typeof (clientEntry as Record<string, unknown>)[name], 'function', name);
  });

  it('newIdempotencyKey falls back to getRandomValues where randomUUID is missing (plain-http pages)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis.crypto), 'randomUUID');
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 100 }, () => clientEntry.newIdempotencyKey()));
      assert.equal(keys.size, 100);
      for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
      if (descriptor && !('randomUUID' in globalThis.crypto)) Object.defineProperty(Object.getPrototypeOf(globalThis.crypto), 'randomUUID', descriptor);
    }
    assert.equal(typeof globalThis.crypto.randomUUID, 'function');
  });
});
