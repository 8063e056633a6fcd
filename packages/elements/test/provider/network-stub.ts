/**
 * Replaces `window.fetch` for a test: answers the session URL and `GET /v1/session` like a host
 * site and a backend would, and records every request.
 */
export interface RecordedRequest {
  url: string;
  method: string;
  credentials: RequestCredentials;
  authorization: string | null;
}

export function stubNetwork(options: { sessionStatus?: number; role?: 'partner' | 'manager'; token?: string } = {}) {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  const token = options.token ?? 'test-session-token-0123456789';
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push({ url: url.pathname, method: request.method, credentials: request.credentials, authorization: request.headers.get('authorization') });
    const json = (status: number, body: unknown, type = 'application/json') =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': type, 'x-request-id': 'req_stub' } });
    if (url.pathname === '/host/session') {
      if (options.sessionStatus && options.sessionStatus !== 200) return json(options.sessionStatus, { error: 'nope' });
      return json(200, { token, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });
    }
    if (url.pathname.endsWith('/v1/session')) {
      if (request.headers.get('authorization') !== `Bearer ${token}`) {
        return json(401, { type: 'https://partnerkit.dev/problems/unauthorized', title: 'Unauthorized', status: 401, code: 'unauthorized' }, 'application/problem+json');
      }
      return json(200, { role: options.role ?? 'partner', partnerId: options.role === 'manager' ? null : 'p_1', user: { id: 'u_1' }, locale: null, expiresAt: null });
    }
    return json(404, { type: 'https://partnerkit.dev/problems/not_found', title: 'Not found', status: 404, code: 'not_found' }, 'application/problem+json');
  };
  return {
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}
