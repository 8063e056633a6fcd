/**
 * `@partnerkit/elements/platform`: what widget authors build on.
 * @module
 */
export { PartnerKitElement, type DataTask, type DataTaskContext, type StateRenderers, type Theme } from './partnerkit-element.js';
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
