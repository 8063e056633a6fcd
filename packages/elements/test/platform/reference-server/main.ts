/**
 * Runs the reference backend for the browser tests, in its own Node process (started by
 * web-test-runner.config.mjs with `--conditions=development --import tsx`). Prints one JSON line:
 * `{ "origin": "http://127.0.0.1:<port>", "adminKey": "..." }` when ready, or
 * `{ "unavailable": "<why>" }` when @partnerkit/server has no `startServer` yet. The key goes to
 * the test runner process only; browser tests never see it.
 *
 * Hook for @partnerkit/server: `startServer({ port: 0, host, seed? })` resolving to
 * `{ url | origin, close(), createAdminKey?() }` (or `adminKey`). Adjust `start()` below if the
 * server's API differs.
 */
interface StartedServer {
  url?: string | URL;
  origin?: string;
  port?: number;
  adminKey?: string;
  createAdminKey?: (name?: string) => Promise<string | { key: string }>;
  close?: () => Promise<void> | void;
}
type StartServer = (options: Record<string, unknown>) => Promise<StartedServer>;

async function start(): Promise<void> {
  let module: Record<string, unknown>;
  try {
    module = (await import('@partnerkit/server')) as Record<string, unknown>;
  } catch (error) {
    return unavailable(`@partnerkit/server cannot be imported: ${(error as Error).message}`);
  }
  const startServer = module['startServer'] as StartServer | undefined;
  if (typeof startServer !== 'function') return unavailable('@partnerkit/server exports no startServer()');

  const server = await startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
  const origin = new URL(String(server.url ?? server.origin ?? `http://127.0.0.1:${server.port}`)).origin;
  const created = server.adminKey ?? (await server.createAdminKey?.('browser-tests'));
  const adminKey = typeof created === 'string' ? created : created?.key;
  if (!adminKey) throw new Error('the reference server gave no admin key (expected adminKey or createAdminKey())');

  const stop = async () => {
    await server.close?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(`${JSON.stringify({ origin, adminKey })}\n`);
}

function unavailable(reason: string): void {
  process.stdout.write(`${JSON.stringify({ unavailable: reason })}\n`);
  process.exit(0);
}

start().catch((error: unknown) => {
  console.error('reference server failed to start:', error);
  process.exit(1);
});
