/**
 * What every demo page is rendered for: the language, the theme, and the page's own choices,
 * all carried in the query string so any link can be shared or reloaded.
 * @module
 */
import { catalogues, type DemoMessages, type Language, pickLanguage } from '../i18n.js';

export const THEMES = ['light', 'dark', 'brand'] as const;
export type Theme = (typeof THEMES)[number];

/** The pages of the demo, by path. */
export type PageName = 'home' | 'intranet' | 'applications' | 'portal' | 'apply';
export const PAGE_PATHS: Record<PageName, string> = { home: '/', intranet: '/intranet', applications: '/intranet/applications', portal: '/portal', apply: '/become-a-partner' };

export interface PageContext {
  lang: Language;
  theme: Theme;
  t: DemoMessages;
  page: PageName;
  /** The page's own query parameters (`partner`, `as`), kept by the language and theme links. */
  params: Record<string, string>;
}

/** Reads the context from a request's query and `Accept-Language`. */
export function pageContext(page: PageName, query: (name: string) => string | undefined, acceptLanguage: string | undefined): PageContext {
  const lang = pickLanguage(query('lang'), acceptLanguage);
  const theme = THEMES.find((name) => name === query('theme')) ?? 'light';
  return { lang, theme, t: catalogues[lang], page, params: {} };
}

/** A link to `page` in the same language and theme, with `params`. */
export function hrefTo(ctx: PageContext, page: PageName, params: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...params, lang: ctx.lang, theme: ctx.theme });
  return `${PAGE_PATHS[page]}?${search}`;
}

/** This page again, with some settings changed (`{ lang: 'vi' }`). */
export function hrefHere(ctx: PageContext, change: { lang?: Language; theme?: Theme }): string {
  const search = new URLSearchParams({ ...ctx.params, lang: change.lang ?? ctx.lang, theme: change.theme ?? ctx.theme });
  return `${PAGE_PATHS[ctx.page]}?${search}`;
}
