/**
 * The boxes every widget shows around its data (loading, error with retry, empty, not
 * connected) and the one way an error becomes text, as plain functions: an element, a controller
 * or a lazily loaded view renders them with any localize controller that holds the platform's
 * messages (every widget's does).
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { DEV_MODE, devWarn } from '#dev-mode';
import { PROVIDER_TAG } from './context.js';
import { describeError } from './describe-error.js';
import { networkCauseText } from './network-cause.js';
import type { PlatformMessages } from './i18n/en.js';
import type { MessageParams } from './localize.js';

/** What the state views need of a localize controller: the platform's messages and the language. */
export interface PlatformText {
  readonly language: string;
  t<K extends keyof PlatformMessages & string>(key: K, ...params: MessageParams<PlatformMessages[K]>): string;
}

/**
 * Why `error` happened, in the person's language: the one error-to-text of every widget. A network
 * error says its cause once it has been found (offline, not allowed, nothing answering).
 */
export function errorText(l: PlatformText, error: unknown): string {
  const { messageKey, retryAfter } = describeError(error);
  if (messageKey === 'pk.error.rateLimited') return l.t(messageKey, { seconds: Math.ceil(retryAfter ?? 0) });
  return networkCauseText(error, l.language) ?? l.t(messageKey);
}

/** The loading state: `skeleton` (or three grey lines) in an `aria-busy` box that can hold focus. */
export function renderLoading(l: PlatformText, skeleton?: () => unknown): TemplateResult {
  return html`<div class="state state--loading" part="state loading" aria-busy="true" tabindex="-1">
    <span class="visually-hidden">${l.t('pk.loading')}</span>
    ${skeleton
      ? skeleton()
      : html`<span class="skeleton skeleton--medium" aria-hidden="true"></span>
          <span class="skeleton" aria-hidden="true"></span>
          <span class="skeleton skeleton--short" aria-hidden="true"></span>`}
  </div>`;
}

/**
 * The error state: a title, why (in the person's language), the backend's request id, and a
 * retry button (`part="retry-button"`; the element keeps focus on it across the retry). `title`
 * and `more` (a sentence after the reason) replace and extend the platform's words.
 */
export function renderError(l: PlatformText, error: unknown, retry: () => void, title = l.t('pk.error.title'), more = ''): TemplateResult {
  const { requestId } = describeError(error);
  return html`<div class="state state--error" part="state error" role="alert">
    <p class="state__title">${title}</p>
    <p class="state__body" part="error-message">${errorText(l, error)}${more && ` ${more}`}</p>
    ${requestId ? html`<p class="state__body">${l.t('pk.error.reference', { requestId })}</p>` : nothing}
    <button class="button" part="retry-button" type="button" @click=${retry}>${l.t('pk.retry')}</button>
  </div>`;
}

/** The empty state with `message` (already localised), else a generic "nothing to show". */
export function renderEmpty(l: PlatformText, message?: string): TemplateResult {
  return html`<div class="state state--empty" part="state empty">
    <p class="state__body">${message ?? l.t('pk.empty')}</p>
  </div>`;
}

/** The "not connected" state of `<tag>`: says what is missing, in the page and (in development) the console. */
export function renderNoClient(l: PlatformText, tag: string): TemplateResult {
  if (DEV_MODE) devWarn('no-client', `<${tag}> has no client: place it inside <${PROVIDER_TAG}> or set its \`client\` property.`, tag);
  return html`<div class="state state--no-client" part="state no-client">
    <p class="state__title">${l.t('pk.noClient.title')}</p>
    <p class="state__body">${l.t('pk.noClient.body')}</p>
  </div>`;
}
