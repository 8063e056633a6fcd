/**
 * The reference backend (@partnerkit/server) from browser tests, through web-test-runner commands
 * (web-test-runner.config.mjs). The server starts once per test run on first use (allow a few
 * seconds: `this.timeout(30_000)` in the first test or hook that calls it), is reached through a
 * same-origin proxy (`/pk-api`), and the admin key never leaves the test runner's Node process.
 * A page can also fetch a session like a host site would: `/pk-host/session` (a manager) or
 * `/pk-host/session?partnerId=<id>` (that partner's user).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { SessionInput, SessionToken } from '@partnerkit/core/schemas';

/** Starts the server if needed; `baseUrl` is absolute, for `createClient` or a provider's `base-url`. */
export async function referenceServer(): Promise<{ baseUrl: string }> {
  const answer = await executeServerCommand<{ baseUrl: string }, undefined>('pk-reference-server');
  return { baseUrl: new URL(answer.baseUrl, location.origin).href };
}

/** Mints a session (`POST /v1/sessions` with the admin key, server-side). */
export function mintSession(input: SessionInput): Promise<SessionToken> {
  return executeServerCommand<SessionToken, SessionInput>('pk-mint-session', input);
}

/** An admin request for fixtures, e.g. `adminRequest('PUT', '/tiers/gold', {...})`. Paths omit `/v1`. */
export function adminRequest<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return executeServerCommand('pk-admin-request', { method, path, body });
}
