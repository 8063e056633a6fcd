/**
 * The reference backend (@partnerkit/server) from browser tests, through web-test-runner commands
 * (web-test-runner.config.mjs). The server starts once per test run on first use (allow for it:
 * `this.timeout(60_000)` in the first test or hook that calls it), is reached through a
 * same-origin proxy (`/pk-api`), and the admin key never leaves the test runner's Node process.
 * A page can also fetch a session like a host site would: `/pk-host/session` (a manager) or
 * `/pk-host/session?partnerId=<id>` (that partner's user).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { SessionInput, SessionToken } from '@partnerkit/core/schemas';

type ServerState = { baseUrl: string; origin: string } | { starting: true } | { error: string };

/**
 * Starts the server if needed and waits (up to 90 s) until it answers; `baseUrl` is absolute, for
 * `createClient` or a provider's `base-url`. `origin` is the server's own, cross-origin to the
 * test page and not in its CORS allow-list (for the CORS diagnosis).
 */
export async function referenceServer(): Promise<{ baseUrl: string; origin: string }> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const state = await executeServerCommand<ServerState, undefined>('pk-reference-server');
    if ('baseUrl' in state) return { baseUrl: new URL(state.baseUrl, location.origin).href, origin: state.origin };
    if ('error' in state) throw new Error(`the reference server did not start: ${state.error}`);
    if (Date.now() > deadline) throw new Error('the reference server did not start within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Mints a session (`POST /v1/sessions` with the admin key, server-side). */
export async function mintSession(input: SessionInput): Promise<SessionToken> {
  await referenceServer();
  return executeServerCommand<SessionToken, SessionInput>('pk-mint-session', input);
}

/** An admin request for fixtures, e.g. `adminRequest('PUT', '/tiers/gold', {...})`. Paths omit `/v1`. */
export async function adminRequest<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  await referenceServer();
  return executeServerCommand('pk-admin-request', { method, path, body });
}
