/**
 * The frame of every demo page: one stylesheet, ONE module script (the PartnerKit CDN loader),
 * the page navigation and the language and theme switches. No inline script or style anywhere.
 * @module
 */
import { html, type SafeHtml } from '../html.js';
import { LANGUAGES, type Language } from '../i18n.js';
import { hrefHere, hrefTo, type PageContext, type PageName, THEMES, type Theme } from './page-context.js';

/** Where the demo serves the elements' CDN build; a real host would use its CDN's URL. */
export const LOADER_URL = '/cdn/loader.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', vi: 'Tiếng Việt' };

function themeName(ctx: PageContext, theme: Theme): string {
  return { light: ctx.t.themeLight, dark: ctx.t.themeDark, brand: ctx.t.themeBrand }[theme];
}

function pagesNav(ctx: PageContext): SafeHtml {
  const pages: [PageName, string][] = [
    ['home', ctx.t.home],
    ['intranet', ctx.t.intranet],
    ['applications', ctx.t.applications],
    ['portal', ctx.t.portal],
    ['apply', ctx.t.apply],
  ];
  return html`<nav class="pages" aria-label="${ctx.t.pagesNav}">
    <ul>
      ${pages.map(([page, label]) => html`<li><a href="${hrefTo(ctx, page)}" ${page === ctx.page ? html`aria-current="page"` : ''}>${label}</a></li>`)}
    </ul>
  </nav>`;
}

function switches(ctx: PageContext): SafeHtml {
  return html`<div class="switches">
    <nav class="switch" aria-label="${ctx.t.language}">
      <span class="switch__label" aria-hidden="true">${ctx.t.language}</span>
      <ul>
        ${LANGUAGES.map(
          (lang) =>
            html`<li><a href="${hrefHere(ctx, { lang })}" lang="${lang}" hreflang="${lang}" ${lang === ctx.lang ? html`aria-current="true"` : ''}>${LANGUAGE_NAMES[lang]}</a></li>`,
        )}
      </ul>
    </nav>
    <nav class="switch" aria-label="${ctx.t.theme}">
      <span class="switch__label" aria-hidden="true">${ctx.t.theme}</span>
      <ul>
        ${THEMES.map(
          (theme) => html`<li><a href="${hrefHere(ctx, { theme })}" ${theme === ctx.theme ? html`aria-current="true"` : ''}>${themeName(ctx, theme)}</a></li>`,
        )}
      </ul>
    </nav>
  </div>`;
}

/** A whole page around `main`. */
export function layout(ctx: PageContext, title: string, main: SafeHtml): string {
  return `<!doctype html>\n${html`<html lang="${ctx.lang}" data-theme="${ctx.theme}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · ${ctx.t.siteName}</title>
  <link rel="icon" href="/demo/assets/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/demo/assets/demo.css">
  <script type="module" src="${LOADER_URL}"></script>
</head>
<body>
  <a class="skip-link" href="#main">${ctx.t.skip}</a>
  <header class="masthead">
    <div class="masthead__inner">
      <a class="brand" href="${hrefTo(ctx, 'home')}"><span class="brand__mark" aria-hidden="true"></span>Northwind <span class="brand__sub">${ctx.t.siteName}</span></a>
      ${pagesNav(ctx)}
      ${switches(ctx)}
    </div>
  </header>
  <main id="main" tabindex="-1">
${main}
  </main>
  <footer class="footer"><p>${ctx.t.footer}</p></footer>
</body>
</html>`}\n`;
}
