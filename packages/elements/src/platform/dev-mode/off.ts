/**
 * Production twin of `./on.ts`: the same exports, doing nothing, so bundlers drop the call sites.
 * @module
 */
export const DEV_MODE = false;
export const DOCS_URL = '';
export function devWarn(_code: string, _message: string, _subject = ''): void {}
