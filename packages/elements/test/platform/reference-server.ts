/**
 * The reference backend (@partnerkit/server) from browser tests, through web-test-runner commands
 * (web-test-runner.config.mjs). The server runs once per test run, is reached through a
 * same-origin proxy (`/pk-api`), and the admin key never leaves the test runner's Node process.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { SessionInput, SessionToken } from '@partnerkit/core/schemas';

/** Where the server is, or why it is not there yet. */
export type ReferenceServer = { baseUrl: string } | { unavailable: string };

/** Starts the server if needed; `baseUrl` is absolute, for `createClient` or a provider's `base-url`. */
export async function referenceServer(): Promise<ReferenceServer> {
  const answer = await executeServerCommand<ReferenceServer, undefined>('pk-reference-server');
  if ('unavailable' in answer) return answer;
  return { baseUrl: new URL(answer.baseUrl, location.origin).href };
}

/**
 * The server's base URL, or skips the calling test while @partnerkit/server has no `startServer`
 * (any other failure fails the test).
 */
export async function requireReferenceServer(test: MochaTestContext): Promise<string> {
  const server = await referenceServer();
  if ('unavailable' in server) {
    console.warn(`skipped: the reference server is not available (${server.unavailable})`);
    test.skip();
  }
  return (server as { baseUrl: string }).baseUrl;
}

/** Mints a session (`POST /v1/sessions` with the admin key, server-side). */
export function mintSession(input: SessionInput): Promise<SessionToken> {
  return executeServerCommand<SessionToken, SessionInput>('pk-mint-session', input);
}

/** An admin request for fixtures, e.g. `adminRequest('PUT', '/tiers/gold', {...})`. Paths omit `/v1`. */
export function adminRequest<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return executeServerCommand('pk-admin-request', { method, path, body });
}
