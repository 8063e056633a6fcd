/**
 * The mock as msw request handlers: `setupWorker(...partnerkitHandlers({ seed: 'demo' }))` in
 * the browser, `setupServer(...)` in Node.
 * @module
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { createMockBackend, MockBackend, type MockOptions } from './backend.js';
import { OfflineError } from './faults.js';

/** Options of {@link partnerkitHandlers}: the backend's, and where it is mounted. */
export interface HandlerOptions extends MockOptions {
  /**
   * Where the backend is mounted, as the client's `baseUrl` (`https://prm.example.com/api`, or a
   * path such as `/api` for the page's own origin). Default: any origin and prefix (`*`).
   */
  baseUrl?: string;
}

/**
 * msw handlers answering the v1 contract under `baseUrl`, from `backend` (or a new one made
 * with `options`).
 */
export function partnerkitHandlers(options: HandlerOptions | MockBackend = {}, baseUrl?: string): RequestHandler[] {
  const backend = options instanceof MockBackend ? options : createMockBackend(options);
  const root = (baseUrl ?? (options instanceof MockBackend ? undefined : options.baseUrl) ?? '*').replace(/\/+$/, '');
  // A RegExp without groups: msw then decodes nothing, and a malformed escape in an id (`%ZZ`)
  // reaches the backend, which answers it with a 400 problem like any backend.
  const escaped = root.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const pattern = root === '*' ? /\/v1\// : new RegExp(`^${root.startsWith('/') ? '[a-z]+://[^/]+' : ''}${escaped}/v1/`);
  return [
    http.all(pattern, async ({ request }) => {
      try {
        return await backend.handle(request);
      } catch (error) {
        if (error instanceof OfflineError) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}
