/**
 * `/v1/sessions` and `/v1/session`: minting session tokens (admin) and asking who the caller is.
 * Tokens are random and kept in memory: one the mock did not mint, or one changed by a single
 * character, is unknown and answers 401, as a badly signed one does from a real backend.
 * @module
 */
import { type Principal, SessionInput, type SessionToken } from '@partnerkit/core/schemas';
import { callerOf, type MockPart, requireRole } from '../context.js';
import { json, problems } from '../http/problem.js';
import { randomToken } from '../http/random.js';
import { parseWith, readJsonBody } from '../http/request.js';
import type { MockState } from '../state.js';

/** Mints a session for `input` (already valid) at `now`. */
export function mintSession(state: MockState, input: SessionInput, now: Date, defaultTtlSeconds: number): SessionToken {
  const token = `pk_mock_session_${randomToken(40)}`;
  const expiresAt = new Date(now.getTime() + (input.ttlSeconds ?? defaultTtlSeconds) * 1000).toISOString();
  state.sessions.set(token, {
    role: input.role,
    partnerId: input.partnerId ?? null,
    user: { ...input.user },
    locale: input.locale ?? null,
    expiresAt,
  });
  return { token, expiresAt };
}

export const sessionsPart: MockPart = {
  name: 'sessions',
  routes: [
    {
      path: '/v1/sessions',
      handlers: {
        post: async (ctx) => {
          requireRole(ctx, 'admin');
          const input = parseWith(SessionInput, await readJsonBody(ctx.request));
          if (input.partnerId !== undefined && !ctx.state.partners.has(input.partnerId)) throw problems.unknownId('partnerId', 'partner');
          return json(mintSession(ctx.state, input, ctx.now, ctx.settings.sessionTtlSeconds));
        },
      },
    },
    {
      path: '/v1/session',
      handlers: {
        get: (ctx) => {
          const caller = callerOf(ctx);
          const principal: Principal =
            caller.role === 'admin'
              ? { role: 'admin', partnerId: null, user: null, locale: null, expiresAt: null }
              : { role: caller.role, partnerId: caller.partnerId, user: caller.user, locale: caller.locale, expiresAt: caller.expiresAt };
          return json(principal);
        },
      },
    },
  ],
};
