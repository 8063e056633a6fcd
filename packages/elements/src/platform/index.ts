/**
 * `@partnerkit/elements/platform`: what widget authors build on.
 * @module
 */
export { PartnerKitElement, type StateRenderers, type StateSource, type Theme } from './partnerkit-element.js';
export type { PartnerKitHost } from './host.js';
export { createDataTask, type DataTask, type DataTaskContext } from './data-task.js';
export { ProvidedClient } from './provided-client.js';
// Controllers a widget opts into; in the CDN build they load with the widgets that use them.
export { SessionController } from '../controllers/session.js';
export { PagedListController, SEARCH_DEBOUNCE_MS, type PagedListOptions, type PageLoader } from '../controllers/paged-list.js';
export { TabsController, type Tab } from '../controllers/tabs.js';
export { LazyView } from '../controllers/lazy-view.js';
export { errorText, renderEmpty, renderError, renderLoading, renderNoClient, type PlatformText } from './state-views.js';
export { reportError } from './report-error.js';
export { networkCause, type NetworkCause } from './network-cause.js';
export { clientContext, PROVIDER_TAG, type ClientContext } from './context.js';
export {
  LocalizeController,
  LazyMessages,
  defineMessages,
  mergeCatalogues,
  catalogueDifferences,
  resolveLanguageTag,
  matchLanguage,
  currencyFractionDigits,
  SUPPORTED_LANGUAGES,
  DEFAULT_LANGUAGE,
  type Catalogues,
  type Message,
  type MessageCatalogue,
  type MessageParams,
  type Messages,
  type RelativeTimeOptions,
  type Translation,
  type SupportedLanguage,
} from './localize.js';
export { platformCatalogues, type PlatformMessages } from './i18n/index.js';
export { describeError, isAbortError, type ErrorDescription } from './describe-error.js';
export { defineElement, definedVersion } from './define.js';
export { styleProperties, type StyleProperties } from './style-properties.js';
export { tokenStyles } from './tokens.styles.js';
export { hostStyles, buttonStyles, stateStyles } from './shared.styles.js';
export { VERSION } from './version.js';
