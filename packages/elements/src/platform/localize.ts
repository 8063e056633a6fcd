/**
 * Localisation: typed message catalogues per language, the language an element is in, and `Intl`
 * formatting (numbers, money, percentages, dates, relative times) in that language.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
// The rule alone, not the rules' index: the platform is in every page's shared chunk, and the
// index would bring the deal rules with it.
import { localise } from '@partnerkit/core/rules/localisation';
import type { Money } from '@partnerkit/core/schemas';

/** Languages with a complete catalogue. Any other language falls back to English, Intl included. */
export const SUPPORTED_LANGUAGES = ['en', 'vi'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: SupportedLanguage = 'en';

/** A message: fixed text, or a function of named parameters (plurals, interpolation). */
// `never` makes every `(params: P) => string` assignable, whatever P is, without `any`.
export type Message = string | ((params: never) => string);

/** A catalogue: message key to message. Keys starting with `pk.` belong to the platform. */
export type MessageCatalogue = { readonly [key: string]: Message };

/**
 * The shape another language must have to translate `M`: exactly `M`'s keys (object-literal
 * checks reject extra ones, missing ones fail to compile), each a string or a function taking the
 * same parameters as the English message.
 */
export type Messages<M extends MessageCatalogue> = {
  readonly [K in keyof M]: M[K] extends string ? string : M[K];
};

/**
 * A translation imported the first time its language is used, so a page in English never
 * downloads the Vietnamese text. Create one per module, not per element, so elements share the
 * download: `const vi = new LazyMessages(() => import('./i18n/vi.js').then((m) => m.vi))`.
 */
export class LazyMessages<M extends MessageCatalogue> {
  private loaded: M | undefined;
  private loading: Promise<unknown> | undefined;
  private readonly importer: () => Promise<M>;

  constructor(importer: () => Promise<M>) {
    this.importer = importer;
  }

  /** The messages once imported; `undefined` until then. */
  get value(): M | undefined {
    return this.loaded;
  }

  /** Imports the messages (once). A failed import leaves an empty catalogue: English shows instead. */
  load(): Promise<unknown> {
    return (this.loading ??= this.importer().then(
      (messages) => void (this.loaded = messages),
      () => void (this.loaded = {} as M),
    ));
  }
}

/** Two translations joined, lazy while either part is; its value is there as soon as both are. */
class MergedMessages<M extends MessageCatalogue> extends LazyMessages<M> {
  private joined: M | undefined;

  constructor(private readonly parts: readonly [Translation<MessageCatalogue>, Translation<MessageCatalogue>]) {
    super(() => Promise.all(parts.map((p) => p instanceof LazyMessages && p.load())).then(() => this.value ?? ({} as M)));
  }

  override get value(): M | undefined {
    const [a, b] = this.parts.map((p) => (p instanceof LazyMessages ? p.value : p));
    return a && b ? (this.joined ??= { ...a, ...b } as M) : undefined;
  }
}

/** A translation of `M`: bundled, or imported when first needed. */
export type Translation<M extends MessageCatalogue> = Messages<M> | LazyMessages<Messages<M>>;

/** One catalogue per supported language; English is the source (always bundled), the others translate it. */
export type Catalogues<M extends MessageCatalogue> = { readonly en: M } & {
  readonly [L in Exclude<SupportedLanguage, 'en'>]: Translation<M>;
};

/** The parameters `t()` needs for key `K` of `M`: none for text, one object for a function. */
export type MessageParams<T> = T extends (params: infer P) => string ? [params: P] : [];

/**
 * Declares a catalogue (identity at run time; it keeps the literal key types).
 * @example
 * export const en = defineMessages({ title: 'Scorecard', expires: (p: { when: string }) => `expires ${p.when}` });
 * export const vi: Messages<typeof en> = { title: 'Thẻ điểm', expires: (p) => `hết hạn ${p.when}` };
 */
export function defineMessages<const M extends MessageCatalogue>(messages: M): M {
  return messages;
}

/** Keys present in `source` but not in `translation`, and keys only in `translation`. */
export function catalogueDifferences(source: MessageCatalogue, translation: MessageCatalogue): { missing: string[]; extra: string[] } {
  const missing = Object.keys(source).filter((k) => !(k in translation));
  const extra = Object.keys(translation).filter((k) => !(k in source));
  return { missing, extra };
}

/** Joins catalogues language by language (later ones win on a shared key). */
export function mergeCatalogues<A extends MessageCatalogue, B extends MessageCatalogue>(a: Catalogues<A>, b: Catalogues<B>): Catalogues<A & B> {
  const merged: Record<string, Translation<MessageCatalogue>> = {};
  for (const lang of SUPPORTED_LANGUAGES) {
    const [x, y] = [a[lang], b[lang]] as [Translation<MessageCatalogue>, Translation<MessageCatalogue>];
    merged[lang] = x instanceof LazyMessages || y instanceof LazyMessages ? new MergedMessages([x, y]) : { ...x, ...y };
  }
  return merged as unknown as Catalogues<A & B>;
}

/**
 * The language of `element`: its own `lang`, else the nearest ancestor's (crossing shadow roots),
 * else the document's, else English.
 */
export function resolveLanguageTag(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? hostOf(node);
  }
  return element.ownerDocument?.documentElement?.lang || DEFAULT_LANGUAGE;
}

/** The element whose shadow root holds `node`, if any. */
export function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Maps a BCP 47 tag to a catalogue language and the locale to give `Intl`. */
export function matchLanguage(tag: string): { language: SupportedLanguage; locale: string } {
  const primary = tag.toLowerCase().split(/[-_]/)[0] as SupportedLanguage;
  if (!SUPPORTED_LANGUAGES.includes(primary)) return { language: DEFAULT_LANGUAGE, locale: DEFAULT_LANGUAGE };
  // Keep the region (`en-GB` writes dates day-first) unless Intl rejects the tag.
  try {
    return { language: primary, locale: Intl.getCanonicalLocales(tag.replace('_', '-'))[0] ?? primary };
  } catch {
    return { language: primary, locale: primary };
  }
}

/** Number of minor-unit digits of `currency` (2 for USD, 0 for VND), as Intl knows it. */
export function currencyFractionDigits(currency: string): number {
  return cachedNumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

// Intl formatters are costly to build; a page renders many values with few distinct options.
function cachedNumberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
function cachedDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}
function cachedRelativeFormat(locale: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, options)));
  return format;
}

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** Options of {@link LocalizeController.relativeTime}. */
export interface RelativeTimeOptions {
  /** The moment to measure from; defaults to now. */
  now?: Date | number | string;
  /** `'always'` writes "in 1 day", `'auto'` (default) writes "tomorrow". */
  numeric?: 'always' | 'auto';
  /** Force a unit instead of picking the largest whole one. */
  unit?: Intl.RelativeTimeFormatUnit;
  /** Never pick a unit larger than this (for example `'day'` for "in 45 days"). */
  largestUnit?: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';
}

const toDate = (value: Date | number | string): Date => (value instanceof Date ? value : new Date(value));

// Every connected controller re-renders its host when a `lang` attribute changes anywhere in the
// document (shadow roots excepted). One observer for the page, started with the first element.
const connected = new Set<LocalizeController<MessageCatalogue>>();
let observer: MutationObserver | undefined;
function observeLanguage(controller: LocalizeController<MessageCatalogue>): void {
  connected.add(controller);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const c of connected) c.host.requestUpdate();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}
function unobserveLanguage(controller: LocalizeController<MessageCatalogue>): void {
  connected.delete(controller);
  if (connected.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Gives an element its language and the means to write in it. Add one per element:
 * `readonly localize = new LocalizeController(this, { en, vi })`. The language is worked out
 * again before every render, so a `lang` change anywhere up the tree takes effect on the next one.
 */
export class LocalizeController<M extends MessageCatalogue> implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;
  private readonly catalogues: Catalogues<M>;
  private resolved: { language: SupportedLanguage; locale: string } | undefined;
  // The import of a translation a render asked for and did not have; cleared once it re-renders.
  private waiting: Promise<unknown> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, catalogues: Catalogues<M>) {
    this.host = host;
    this.catalogues = catalogues;
    host.addController(this);
  }

  hostConnected(): void {
    observeLanguage(this as unknown as LocalizeController<MessageCatalogue>);
  }

  hostDisconnected(): void {
    unobserveLanguage(this as unknown as LocalizeController<MessageCatalogue>);
  }

  hostUpdate(): void {
    this.resolved = undefined;
  }

  // Cached between renders; `hostUpdate` clears it so each render sees the current tree.
  private current(): { language: SupportedLanguage; locale: string } {
    return (this.resolved ??= matchLanguage(resolveLanguageTag(this.host)));
  }

  /** The locale used for `Intl` (`en`, `en-GB`, `vi-VN`, ...). */
  get lang(): string {
    return this.current().locale;
  }

  /** The catalogue language in use (`en` or `vi`). */
  get language(): SupportedLanguage {
    return this.current().language;
  }

  /** Text direction of the language (both supported languages are left-to-right). */
  get dir(): 'ltr' | 'rtl' {
    return 'ltr';
  }

  /**
   * Whether the messages of the element's language are at hand. A lazy translation starts
   * loading on the first ask and re-renders the host when it arrives; widgets show their loading
   * state meanwhile, never a flash of English.
   */
  get ready(): boolean {
    return this.messages() !== undefined;
  }

  /**
   * Settles once a translation the host asked for and did not have has arrived and the host has
   * been asked to render again; `undefined` when nothing is on its way.
   */
  get arriving(): Promise<unknown> | undefined {
    return this.waiting;
  }

  private messages(): MessageCatalogue | undefined {
    const translation: Translation<MessageCatalogue> = this.catalogues[this.language];
    if (!(translation instanceof LazyMessages)) return translation;
    if (translation.value === undefined) {
      this.waiting ??= translation.load().then(() => {
        this.waiting = undefined;
        this.host.requestUpdate();
      });
    }
    return translation.value;
  }

  /** The message `key` in the element's language, with `params` when the message takes them. */
  t<K extends keyof M & string>(key: K, ...params: MessageParams<M[K]>): string {
    const message = this.messages()?.[key] ?? (this.catalogues.en as MessageCatalogue)[key];
    if (message === undefined) return key;
    return typeof message === 'function' ? (message as (p: unknown) => string)(params[0]) : message;
  }

  /**
   * Programme data (a tier, a benefit, a KPI, a resource, ...) with its names and descriptions in
   * the element's language, field by field along `vi-VN` -> `vi` -> other `vi-*` -> the default
   * text (core's `localise`): `l.localise(kpi).name`. The language is the one the element writes
   * in, so a sentence and the names inside it agree (a `fr` element writes English, and picks
   * English names). Answers the entity itself when nothing applies.
   */
  localise<T extends object>(entity: T): T {
    return localise(entity, this.lang);
  }

  /** A number in the element's locale. */
  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return cachedNumberFormat(this.lang, options).format(value);
  }

  /**
   * Money from the contract (`amount` in minor units) for display: `{ amount: 123456, currency:
   * 'USD' }` is "$1,234.56" in English; `{ amount: 1250000, currency: 'VND' }` is "1.250.000 ₫" in
   * Vietnamese. The number of minor digits comes from the currency as Intl knows it; a whole
   * amount shows none ("$42,000", not "$42,000.00") unless `options` ask for them.
   */
  money(money: Money, options: Omit<Intl.NumberFormatOptions, 'style' | 'currency'> = {}): string {
    const digits = currencyFractionDigits(money.currency);
    // Intl drops trailing zeros down to the minimum: for a whole amount, all of them.
    const whole = money.amount % 10 ** digits ? {} : { minimumFractionDigits: 0 };
    return cachedNumberFormat(this.lang, { ...whole, ...options, style: 'currency', currency: money.currency }).format(money.amount / 10 ** digits);
  }

  /** A ratio as a percentage: `0.825` is "82.5%" ("82,5%" in Vietnamese). */
  percent(ratio: number, options: Omit<Intl.NumberFormatOptions, 'style'> = { maximumFractionDigits: 1 }): string {
    return cachedNumberFormat(this.lang, { ...options, style: 'percent' }).format(ratio);
  }

  /** A date (a `Date`, epoch milliseconds or an ISO string); medium date style by default. */
  date(value: Date | number | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return cachedDateFormat(this.lang, options).format(toDate(value));
  }

  /**
   * How far `value` is from now, in the largest whole unit: "in 12 days", "3 hours ago"
   * ("sau 12 ngày nữa", "3 giờ trước"). Messages build on it: `expires ${relativeTime(date)}`.
   */
  relativeTime(value: Date | number | string, options: RelativeTimeOptions = {}): string {
    const delta = toDate(value).getTime() - (options.now === undefined ? Date.now() : toDate(options.now).getTime());
    const largest = options.largestUnit ? RELATIVE_UNITS.findIndex(([u]) => u === options.largestUnit) : 0;
    const candidates = RELATIVE_UNITS.slice(Math.max(0, largest));
    const [unit, size] = options.unit
      ? (RELATIVE_UNITS.find(([u]) => u === options.unit) ?? ['second', 1000])
      : (candidates.find(([, ms]) => Math.abs(delta) >= ms) ?? ['second', 1000]);
    return cachedRelativeFormat(this.lang, { numeric: options.numeric ?? 'auto' }).format(Math.round(delta / size), unit);
  }
}
