/**
 * `GET /healthz`: whether this server can serve, for load balancers and orchestrators. Outside
 * `/v1` and without a token, because it is about this process, not the contract (docs/server.md).
 * @module
 */
import type { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { describeError } from '../http/logger.js';
import { problems } from '../http/problem.js';
import { json, route } from '../http/routing.js';

/** Resolves when the database answered `SELECT 1` within `timeoutMs`; rejects otherwise. */
function withinTime(check: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([check.then(() => undefined), late]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  // Probes arrive unauthenticated and may arrive often: they share one query in flight, so a
  // slow database never piles up health checks on top of real work.
  let inFlight: Promise<unknown> | null = null;
  route(app, '/healthz', {
    get: async (c) => {
      inFlight ??= ctx.db.query('SELECT 1').finally(() => {
        inFlight = null;
      });
      try {
        await withinTime(inFlight, ctx.settings.healthCheckTimeoutMs);
      } catch (error) {
        ctx.logger.log('warn', 'health check failed', { requestId: c.get('requestId'), ...describeError(error) });
        throw problems.serviceUnavailable('The server cannot reach its database; it has been logged with the request id.');
      }
      return json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
    },
  });
}
