/**
 * `GET /v1/openapi.json`: the contract this server speaks, built by core from the same schemas
 * the server validates with. Needs no token.
 * @module
 */
import type { Hono } from 'hono';
import { buildOpenApiDocument } from '@partnerkit/core/openapi';
import type { AppEnv } from '../context.js';
import { route } from '../http/routing.js';

export function openApiRoutes(app: Hono<AppEnv>): void {
  let document: string | null = null;
  route(app, '/v1/openapi.json', {
    get: async () => {
      document ??= JSON.stringify(buildOpenApiDocument());
      return new Response(document, {
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
      });
    },
  });
}
