/**
 * The demo's publishable key, for its public "become a partner" page. The key is public (it is in
 * the page), so what protects the programme is what it may do (read the form, send applications)
 * and where from: at every start the demo limits the key to the origins it serves on, replacing
 * the seeded defaults, so a copy of the key on another site is refused. Made with the admin client
 * on the demo's server, as a host would make it once in its admin tools.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Page, PublishableKey } from '@partnerkit/core/schemas';
import { DEMO_PUBLISHABLE_KEY_NAME } from '@partnerkit/server';

/** The origins a page served at `url` runs on: itself, and `localhost` for `127.0.0.1` (and back). */
export function demoOrigins(url: string): string[] {
  const { protocol, hostname, port } = new URL(url);
  const suffix = port ? `:${port}` : '';
  const hosts = hostname === '127.0.0.1' || hostname === 'localhost' ? ['127.0.0.1', 'localhost'] : [hostname];
  return hosts.map((host) => `${protocol}//${host}${suffix}`);
}

/** The live key named for the demo's page, allowed from `origins` only; made when there is none (revoked, say). */
export async function demoPublishableKey(admin: PartnerKitClient, origins: string[]): Promise<string> {
  let found: PublishableKey | undefined;
  let cursor: string | null = null;
  do {
    const page: Page<PublishableKey> = await admin.publishableKeys.list(cursor ? { cursor } : {});
    found ??= page.data.find((key) => key.name === DEMO_PUBLISHABLE_KEY_NAME);
    cursor = page.nextCursor;
  } while (!found && cursor);
  if (!found) return (await admin.publishableKeys.create({ name: DEMO_PUBLISHABLE_KEY_NAME, allowedOrigins: origins })).key;
  const allowed = found.allowedOrigins;
  const same = allowed.length === origins.length && origins.every((origin) => allowed.includes(origin));
  if (!same) await admin.publishableKeys.update(found.id, { allowedOrigins: origins });
  return found.key;
}
