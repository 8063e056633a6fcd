/**
 * Development-mode diagnostics, imported as `#dev-mode` (package.json `imports`): this module
 * under the `development` condition (a consumer's dev server, compiled in `dist`) and the
 * workspace's `partnerkit-source` condition (tests, Storybook), its no-op twin `./off.ts`
 * everywhere else (production builds and the CDN bundle), so none of these strings ship to
 * production.
 * @module
 */

/** True in development builds: extra checks and console warnings. */
export const DEV_MODE = true;

/** Where the warnings point; each warning links to an anchor of the elements guide. */
export const DOCS_URL = 'https://partnerkit.dev/docs/elements';

const issued = new Set<string>();

/**
 * Warns once per `code` + `subject` (so one misconfigured page does not flood the console).
 * @param code anchor in the elements guide that explains the problem and its fix
 * @param message what is wrong, in one sentence
 * @param subject what it is about (usually a tag name); warnings about different subjects repeat
 */
export function devWarn(code: string, message: string, subject = ''): void {
  const key = `${code}\u0000${subject}`;
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[PartnerKit] ${message} See ${DOCS_URL}#${code}`);
}
