/**
 * `/v1/openapi.json`: the contract the mock speaks, built by core from the same schemas. No token.
 * @module
 */
import type { MockPart } from '../context.js';

let document: string | null = null;

export const openApiPart: MockPart = {
  name: 'openapi',
  routes: [
    {
      path: '/v1/openapi.json',
      public: true,
      handlers: {
        // Loaded on first use: pages that never ask for the document never download its builder.
        get: async () => {
          document ??= JSON.stringify((await import('@partnerkit/core/openapi')).buildOpenApiDocument());
          return new Response(document, { headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
        },
      },
    },
  ],
};
