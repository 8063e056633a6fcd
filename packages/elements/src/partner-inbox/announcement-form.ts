/**
 * The form that publishes an announcement, as a controller of `<partner-inbox>` for vendor staff
 * (the contract lets managers and admins publish): the text in the element's language (and, if
 * given, in the other one, as the contract's `translations`), a category, an audience (partner
 * types, the programme's tiers, regions, partners found by name), pinned or not, now or at a time,
 * an optional expiry. Checked with the contract's own `AnnouncementInput` before it is sent; the
 * backend's refusals land on their fields; what was typed stays through failures and closing the
 * form, and one Idempotency-Key per draft means a retry never publishes twice. Loaded the first
 * time the form opens, with its words, so neither is in the inbox's first paint.
 * @module
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import * as z from 'zod/mini';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { definePart } from '@partnerkit/core/client/base';
import { announcements } from '@partnerkit/core/client/communication';
import { ANNOUNCEMENT_CATEGORIES, AnnouncementInput, PartnerType, type Announcement, type AnnouncementCategory } from '@partnerkit/core/schemas';
import { describeError } from '../platform/describe-error.js';
import type { PartnerKitHost } from '../platform/host.js';
import { LazyMessages, LocalizeController } from '../platform/localize.js';
import { reportError } from '../platform/report-error.js';
import { errorText } from '../platform/state-views.js';
import { composeEn, type ComposeMessages } from './i18n/compose-en.js';
import type { InboxText } from './request-form.js';

/** What the person types and picks. */
export interface AnnouncementDraft {
  title: string;
  body: string;
  /** The text in the other supported language (optional). */
  otherTitle: string;
  otherBody: string;
  category: AnnouncementCategory | '';
  types: PartnerType[];
  tiers: string[];
  /** Comma-separated. */
  regions: string;
  partners: { id: string; name: string }[];
  pinned: boolean;
  when: 'now' | 'later';
  /** `datetime-local` values, in the person's time zone. */
  publishAt: string;
  expiresAt: string;
}

/** A field the form marks invalid. */
export type ComposeField = 'title' | 'body' | 'otherTitle' | 'otherBody' | 'category' | 'types' | 'tiers' | 'regions' | 'partners' | 'publishAt' | 'expiresAt';

/** A field's problem: the form's own words, or the backend's. */
export interface ComposeProblem {
  field: ComposeField;
  /** The backend's reason, when it refused the field. */
  detail?: string;
}

// The enum's entries rather than PARTNER_TYPES: the shared chunk already exports the enum, and a
// name only this chunk imports would add its export to the chunk every page loads.
const PARTNER_TYPES = Object.values(PartnerType.def.entries) as PartnerType[];

const FIELDS: readonly ComposeField[] = ['title', 'body', 'otherTitle', 'otherBody', 'category', 'types', 'tiers', 'regions', 'partners', 'publishAt', 'expiresAt'];
const AUDIENCE_FIELDS: Record<string, ComposeField> = { partnerTypes: 'types', tierIds: 'tiers', regions: 'regions', partnerIds: 'partners' };

const empty = (): AnnouncementDraft => ({
  title: '',
  body: '',
  otherTitle: '',
  otherBody: '',
  category: '',
  types: [],
  tiers: [],
  regions: '',
  partners: [],
  pinned: false,
  when: 'now',
  publishAt: '',
  expiresAt: '',
});

/** The form's field for a path of the contract (`audience.tierIds.0`, `['translations', 'vi', 'title']`). */
export function fieldOfPath(path: ReadonlyArray<PropertyKey> | string): ComposeField | undefined {
  const [head = '', sub = '', leaf = ''] = typeof path === 'string' ? path.split(/[./[\]]+/).filter(Boolean) : path.map(String);
  if (head === 'audience') return AUDIENCE_FIELDS[sub];
  if (head === 'translations') return leaf === 'body' ? 'otherBody' : 'otherTitle';
  return (FIELDS as readonly string[]).includes(head) ? (head as ComposeField) : undefined;
}

/** A `datetime-local` value as a timestamp; '' when blank, undefined when it is no time. */
function timestampOf(local: string): string | undefined {
  if (local.trim() === '') return '';
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

// What the form reads of the programme: the tiers' and partners' names, nothing else. Read with
// these projections of the contract's Tier and Partner rather than the tiers and partners client
// parts: those parts (and their schemas) travel with the first three widgets, and a lazy chunk that
// imported them would split their chunks, which every page of those widgets would pay for.
const Named = /* @__PURE__ */ z.object({ id: z.string(), name: z.string() });
const TierChoice = /* @__PURE__ */ z.object({ id: z.string(), name: z.string(), rank: z.number(), translations: z.optional(z.record(z.string(), z.object({ name: z.optional(z.string()) }))) });
const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
const TierChoices = /* @__PURE__ */ pageOf(TierChoice);
const PartnerChoices = /* @__PURE__ */ pageOf(Named);
type TierChoice = z.infer<typeof TierChoice>;
type PartnerChoice = z.infer<typeof Named>;

/** `GET /v1/tiers` and `GET /v1/partners?q=`, read for the audience's choices. */
const audienceChoices = /* @__PURE__ */ definePart('announcementAudience', (requests) => ({
  tiers: () => requests.iterate('tiers', TierChoices, { limit: 100 }),
  partners: (q: string) => requests.get('partners', PartnerChoices, { q, limit: 10 }),
}));

/** The form's own rules, adopted by the inbox's shadow root when the form loads (a strict CSP refuses a `<style>` element). */
const composeStyles = css`
  .compose fieldset { display: grid; gap: 0.35em; margin: 0; padding: 0.5em 0.75em; border: 1px solid var(--_color-border); border-radius: var(--_radius); min-width: 0; }
  .compose legend { padding: 0 0.25em; font-weight: 600; }
  .compose .choices { display: flex; flex-wrap: wrap; gap: 0.25em 1em; }
  .compose .choice { display: inline-flex; gap: 0.35em; align-items: center; }
  .compose .choice input { padding: 0; }
  .compose .chosen { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.35em; }
`;

/** What the form reads of its element. */
export interface AnnouncementFormContext {
  /** An announcement was published (or scheduled). */
  published(announcement: Announcement): void;
}

/** Reads the programme's tiers with `host`'s client (rejects when they cannot be read: the form offers a retry) and makes the form. */
export async function loadAnnouncementForm(host: PartnerKitHost, context: AnnouncementFormContext): Promise<AnnouncementForm> {
  const client = host.resolvedClient;
  if (!client) throw new Error('<partner-inbox> has no client');
  const all: TierChoice[] = [];
  for await (const tier of audienceChoices(client).tiers()) all.push(tier);
  return new AnnouncementForm(host, context, all.sort((a, b) => a.rank - b.rank));
}

export class AnnouncementForm {
  values: AnnouncementDraft = empty();
  problems: readonly ComposeProblem[] = [];
  /** The idempotency key of this draft's submission: a retry or a lost answer never publishes twice. */
  key = newIdempotencyKey();
  sending = false;
  error: unknown;
  /** Partners found by name, to add to the audience; undefined before a search. */
  found: PartnerChoice[] | undefined;
  searching = false;
  searchError: unknown;
  query = '';
  readonly tiers: readonly TierChoice[];
  readonly words: LocalizeController<ComposeMessages>;
  readonly #host: PartnerKitHost;
  readonly #context: AnnouncementFormContext;

  constructor(host: PartnerKitHost, context: AnnouncementFormContext, programmeTiers: readonly TierChoice[]) {
    this.#host = host;
    this.#context = context;
    this.tiers = programmeTiers;
    // Like deal-register's adoptMoreStyles, not imported: that module's chunk travels with <deal-register>.
    const root = host.renderRoot;
    const sheet = composeStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.words = new LocalizeController(host, { en: composeEn, vi: new LazyMessages(() => import('./i18n/compose-vi.js').then((m) => m.composeVi)) });
  }

  /** A field changed: the draft follows, and a problem on it goes. */
  edit<K extends keyof AnnouncementDraft>(field: K, value: AnnouncementDraft[K]): void {
    this.values = { ...this.values, [field]: value };
    const changed = field === 'when' ? 'publishAt' : (field as ComposeField);
    this.problems = this.problems.filter((p) => p.field !== changed);
    this.#host.requestUpdate();
  }

  /** Adds `value` to the list `field` holds, or takes it out. */
  toggle(field: 'types' | 'tiers', value: string, on: boolean): void {
    const list = this.values[field] as string[];
    this.edit(field, (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value)) as never);
  }

  addPartner(partner: { id: string; name: string }): void {
    if (!this.values.partners.some((p) => p.id === partner.id)) this.edit('partners', [...this.values.partners, { id: partner.id, name: partner.name }]);
  }

  removePartner(id: string): void {
    this.edit('partners', this.values.partners.filter((p) => p.id !== id));
  }

  /** Finds partners whose name matches what was typed in the search box. */
  async search(): Promise<void> {
    const client = this.#host.resolvedClient;
    const q = this.query.trim();
    if (!client || q === '' || this.searching) return;
    this.searching = true;
    this.searchError = undefined;
    this.#host.requestUpdate();
    try {
      this.found = (await audienceChoices(client).partners(q)).data;
    } catch (error) {
      this.searchError = error;
      reportError(this.#host, error);
    } finally {
      this.searching = false;
      this.#host.requestUpdate();
    }
  }

  /** The input the contract takes, or the fields it refuses. `language`: the text's (`translations` takes the other). */
  check(language: string, now = new Date()): { input?: AnnouncementInput; problems: ComposeProblem[] } {
    const v = this.values;
    const other = language === 'vi' ? 'en' : 'vi';
    const translation = { ...(v.otherTitle.trim() ? { title: v.otherTitle } : {}), ...(v.otherBody.trim() ? { body: v.otherBody } : {}) };
    const regions = v.regions.split(',').map((r) => r.trim()).filter((r) => r !== '');
    const publishAt = v.when === 'later' ? timestampOf(v.publishAt) : '';
    const expiresAt = timestampOf(v.expiresAt);
    const invalid = new Set<ComposeField>();
    if (publishAt === undefined || (v.when === 'later' && publishAt === '')) invalid.add('publishAt');
    // Now: the contract cannot compare with a publishAt it is not given; the form can.
    if (expiresAt === undefined || (expiresAt && !publishAt && Date.parse(expiresAt) <= now.getTime())) invalid.add('expiresAt');
    const input = {
      title: v.title,
      body: v.body,
      ...(Object.keys(translation).length > 0 ? { translations: { [other]: translation } } : {}),
      category: v.category,
      audience: { partnerTypes: v.types, tierIds: v.tiers, regions, partnerIds: v.partners.map((p) => p.id) },
      ...(publishAt ? { publishAt } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      pinned: v.pinned,
    };
    const result = AnnouncementInput.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldOfPath(issue.path);
        if (field) invalid.add(field);
      }
    }
    const problems = FIELDS.filter((f) => invalid.has(f)).map((field) => ({ field }));
    return result.success && problems.length === 0 ? { input: result.data, problems } : { problems };
  }

  /** Publishes it; answers the announcement, or undefined (the form says why and keeps what was typed). */
  async submit(language: string): Promise<Announcement | undefined> {
    if (this.sending) return undefined;
    const { input, problems } = this.check(language);
    this.problems = problems;
    this.error = undefined;
    const client = this.#host.resolvedClient;
    if (!input || !client) {
      this.#host.requestUpdate();
      return undefined;
    }
    this.sending = true;
    this.#host.requestUpdate();
    try {
      const announcement = await announcements(client).create(input, { idempotencyKey: this.key });
      this.values = empty();
      this.key = newIdempotencyKey();
      this.found = undefined;
      this.query = '';
      this.#context.published(announcement);
      return announcement;
    } catch (error) {
      this.#refused(error);
      return undefined;
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  #refused(error: unknown): void {
    const { status } = describeError(error);
    // A definite refusal published nothing under the key: the next try is a new request. A failure
    // that may have gone through (the network, a timeout, a 5xx) keeps the key, so a retry cannot publish twice.
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) this.key = newIdempotencyKey();
    // Read by shape, like describeError: errors from another copy of core are understood too.
    const errors = (error as { problem?: { errors?: unknown } } | null)?.problem?.errors;
    const onFields = Array.isArray(errors)
      ? (errors as { path: string; message: string }[]).flatMap((e) => {
          const field = fieldOfPath(e.path);
          return field ? [{ field, detail: e.message }] : [];
        })
      : [];
    if (onFields.length > 0) this.problems = onFields;
    else this.error = error;
    reportError(this.#host, error);
  }

  /** The form (`part="announcement-form"`); `cancel` closes it (the draft stays). */
  render(inbox: InboxText, cancel: () => void): TemplateResult {
    const l = this.words;
    if (!l.ready) return html`<p class="muted" role="status">${inbox.t('inbox.loadingMore')}</p>`;
    const v = this.values;
    const language = l.language;
    const other = language === 'vi' ? 'en' : 'vi';
    const problem = (f: ComposeField) => this.problems.find((p) => p.field === f);
    const invalid = (f: ComposeField) => (problem(f) ? 'true' : 'false');
    const described = (f: ComposeField, hint?: string) => [problem(f) ? `compose-${f}-error` : '', hint ?? ''].join(' ').trim() || nothing;
    const error = (f: ComposeField) => {
      const p = problem(f);
      return p ? html`<p class="field-error" id="compose-${f}-error">${p.detail ? l.t('compose.err.server', { detail: p.detail }) : l.t(`compose.err.${f}`)}</p>` : nothing;
    };
    const text = (f: 'title' | 'body' | 'otherTitle' | 'otherBody' | 'regions' | 'publishAt' | 'expiresAt') => (e: Event) => this.edit(f, (e.target as HTMLInputElement).value);
    const onSubmit = async (e: Event) => {
      e.preventDefault();
      if (await this.submit(language)) return;
      await this.#host.updateComplete;
      const root = this.#host.renderRoot;
      const target = this.problems[0] ? root.querySelector<HTMLElement>(`#compose-${this.problems[0].field}`) : root.querySelector<HTMLElement>('[part~="publish-button"]');
      (target?.matches('input, select, textarea, button') ? target : target?.querySelector<HTMLElement>('input'))?.focus();
    };
    const checkboxes = (field: 'types' | 'tiers', options: readonly { value: string; label: string }[]) =>
      html`<fieldset id="compose-${field}" aria-describedby=${described(field)}>
        <legend>${l.t(`compose.field.${field}`)}</legend>
        <div class="choices">
          ${options.map(
            (o) => html`<label class="choice"><input type="checkbox" name=${field} value=${o.value} .checked=${(v[field] as string[]).includes(o.value)} aria-invalid=${invalid(field)} @change=${(e: Event) => this.toggle(field, o.value, (e.target as HTMLInputElement).checked)} /> ${o.label}</label>`,
          )}
        </div>
        ${error(field)}
      </fieldset>`;
    return html`<form class="form compose" part="announcement-form" novalidate aria-labelledby="compose-heading" @submit=${onSubmit}>
      <h4 id="compose-heading">${l.t('compose.title')}</h4>
      <fieldset>
        <legend>${l.t('compose.language', { language: l.t(`compose.lang.${language}`) })}</legend>
        <label for="compose-title">${l.t('compose.field.title')}</label>
        <input id="compose-title" name="title" maxlength="200" required .value=${v.title} aria-invalid=${invalid('title')} aria-describedby=${described('title')} @input=${text('title')} />
        ${error('title')}
        <label for="compose-body">${l.t('compose.field.body')}</label>
        <textarea id="compose-body" name="body" rows="5" maxlength="20000" required .value=${v.body} aria-invalid=${invalid('body')} aria-describedby=${described('body', 'compose-body-hint')} @input=${text('body')}></textarea>
        <p class="muted hint" id="compose-body-hint">${l.t('compose.field.bodyHint')}</p>
        ${error('body')}
      </fieldset>
      <fieldset>
        <legend>${l.t('compose.otherLanguage', { language: l.t(`compose.lang.${other}`) })}</legend>
        <label for="compose-otherTitle">${l.t('compose.field.title')}</label>
        <input id="compose-otherTitle" name="otherTitle" lang=${other} maxlength="200" .value=${v.otherTitle} aria-invalid=${invalid('otherTitle')} aria-describedby=${described('otherTitle')} @input=${text('otherTitle')} />
        ${error('otherTitle')}
        <label for="compose-otherBody">${l.t('compose.field.body')}</label>
        <textarea id="compose-otherBody" name="otherBody" lang=${other} rows="3" maxlength="20000" .value=${v.otherBody} aria-invalid=${invalid('otherBody')} aria-describedby=${described('otherBody')} @input=${text('otherBody')}></textarea>
        ${error('otherBody')}
      </fieldset>
      <label for="compose-category">${l.t('compose.field.category')}</label>
      <select id="compose-category" name="category" required aria-invalid=${invalid('category')} aria-describedby=${described('category')} @change=${(e: Event) => this.edit('category', (e.target as HTMLSelectElement).value as AnnouncementCategory)}>
        <option value="" ?selected=${v.category === ''}></option>
        ${ANNOUNCEMENT_CATEGORIES.map((c) => html`<option value=${c} ?selected=${v.category === c}>${inbox.t(`inbox.category.${c}`)}</option>`)}
      </select>
      ${error('category')}
      <fieldset aria-describedby="compose-audience-hint">
        <legend>${l.t('compose.audience')}</legend>
        <p class="muted hint" id="compose-audience-hint">${l.t('compose.audienceHint')}</p>
        ${checkboxes('types', PARTNER_TYPES.map((t) => ({ value: t, label: l.t(`compose.type.${t}`) })))}
        ${checkboxes('tiers', this.tiers.map((t) => ({ value: t.id, label: l.localise(t).name })))}
        <label for="compose-regions">${l.t('compose.field.regions')}</label>
        <input id="compose-regions" name="regions" .value=${v.regions} aria-invalid=${invalid('regions')} aria-describedby=${described('regions', 'compose-regions-hint')} @input=${text('regions')} />
        <p class="muted hint" id="compose-regions-hint">${l.t('compose.field.regionsHint')}</p>
        ${error('regions')}
        ${this.#renderPartners(inbox, described('partners'))}
      </fieldset>
      <label class="choice"><input type="checkbox" name="pinned" .checked=${v.pinned} @change=${(e: Event) => this.edit('pinned', (e.target as HTMLInputElement).checked)} /> ${l.t('compose.field.pinned')}</label>
      <fieldset>
        <legend>${l.t('compose.when')}</legend>
        <div class="choices">
          <label class="choice"><input type="radio" name="when" value="now" .checked=${v.when === 'now'} @change=${() => this.edit('when', 'now')} /> ${l.t('compose.now')}</label>
          <label class="choice"><input type="radio" name="when" value="later" .checked=${v.when === 'later'} @change=${() => this.edit('when', 'later')} /> ${l.t('compose.later')}</label>
        </div>
        ${v.when === 'later'
          ? html`<label for="compose-publishAt">${l.t('compose.field.publishAt')}</label>
              <input id="compose-publishAt" name="publishAt" type="datetime-local" .value=${v.publishAt} aria-invalid=${invalid('publishAt')} aria-describedby=${described('publishAt', 'compose-time-hint')} @input=${text('publishAt')} />
              ${error('publishAt')}`
          : nothing}
        <label for="compose-expiresAt">${l.t('compose.field.expiresAt')}</label>
        <input id="compose-expiresAt" name="expiresAt" type="datetime-local" .value=${v.expiresAt} aria-invalid=${invalid('expiresAt')} aria-describedby=${described('expiresAt', 'compose-time-hint')} @input=${text('expiresAt')} />
        <p class="muted hint" id="compose-time-hint">${l.t('compose.timeHint')}</p>
        ${error('expiresAt')}
      </fieldset>
      ${this.error === undefined ? nothing : html`<p class="form-error" part="form-error" role="alert">${l.t('compose.failed')} ${errorText(inbox, this.error)}</p>`}
      <div class="buttons">
        <button class="button button--primary" part="publish-button" type="submit" ?disabled=${this.sending}>${this.sending ? l.t('compose.sending') : v.when === 'later' ? l.t('compose.schedule') : l.t('compose.publish')}</button>
        <button class="button" type="button" @click=${cancel}>${l.t('compose.cancel')}</button>
      </div>
    </form>`;
  }

  #renderPartners(inbox: InboxText, describedBy: string | typeof nothing): TemplateResult {
    const l = this.words;
    const chosen = this.values.partners;
    const problem = this.problems.find((p) => p.field === 'partners');
    const onKey = (e: KeyboardEvent) => {
      // Enter searches, not publishes.
      if (e.key !== 'Enter') return;
      e.preventDefault();
      void this.search();
    };
    return html`<fieldset id="compose-partners" aria-describedby=${describedBy}>
      <legend>${l.t('compose.field.partners')}</legend>
      ${chosen.length > 0
        ? html`<ul class="chosen" aria-label=${l.t('compose.chosen')}>
            ${chosen.map((p) => html`<li><button class="button" type="button" data-id=${p.id} @click=${() => this.removePartner(p.id)}>${l.t('compose.remove', { name: p.name })}</button></li>`)}
          </ul>`
        : nothing}
      <label for="compose-find">${l.t('compose.find')}</label>
      <div class="buttons">
        <input id="compose-find" type="search" maxlength="200" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} @keydown=${onKey} />
        <button class="button" type="button" ?disabled=${this.searching} @click=${() => void this.search()}>${this.searching ? l.t('compose.searching') : l.t('compose.search')}</button>
      </div>
      <div role="status" aria-live="polite">
        ${this.found === undefined
          ? nothing
          : this.found.length === 0
            ? html`<p class="muted">${l.t('compose.noMatch')}</p>`
            : html`<ul class="chosen">
                ${this.found.map((p) => html`<li><button class="button" type="button" data-partner=${p.id} ?disabled=${chosen.some((c) => c.id === p.id)} @click=${() => this.addPartner(p)}>${l.t('compose.add', { name: p.name })}</button></li>`)}
              </ul>`}
      </div>
      ${this.searchError === undefined ? nothing : html`<p class="form-error" role="alert">${errorText(inbox, this.searchError)}</p>`}
      ${problem ? html`<p class="field-error" id="compose-partners-error">${problem.detail ? l.t('compose.err.server', { detail: problem.detail }) : l.t('compose.err.partners')}</p>` : nothing}
    </fieldset>`;
  }
}
