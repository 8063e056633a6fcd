/**
 * The demo's admin key: created once with the demo data and kept beside it (owner-only), so
 * every `npm start` can print the same key. The server itself stores only its hash.
 * @module
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAdminKey, type Database, type PartnerKitApp } from '@partnerkit/server';

/** The file beside the demo data that holds the key. */
export const ADMIN_KEY_FILE = 'admin-key';

async function works(api: PartnerKitApp, basePath: string, key: string): Promise<boolean> {
  const response = await api.request(`${basePath}/v1/session`, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) return false;
  const principal = (await response.json()) as { role?: string };
  return principal.role === 'admin';
}

/**
 * The key kept in `dataDir`, when the API still accepts it; otherwise a new one, written there.
 * (A key can stop working when someone revokes it with `partnerkit-server keys revoke`.)
 */
export async function demoAdminKey(db: Database, api: PartnerKitApp, basePath: string, dataDir: string): Promise<string> {
  const file = join(dataDir, ADMIN_KEY_FILE);
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (kept && (await works(api, basePath, kept))) return kept;
  const { key } = await createAdminKey(db, { name: 'demo site' });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}
