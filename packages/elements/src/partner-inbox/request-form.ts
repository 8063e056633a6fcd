/**
 * The form that opens a request, as a controller of `<partner-inbox>`: what is typed (kept as
 * typed, saved as a draft per partner and instance like `<deal-register>`'s and restored after a
 * reload, with the idempotency key of its submission), checked with the contract's own
 * `PartnerRequestInput` before it is sent, links accepted as http(s) URLs only, and the request
 * sent once whatever the retries.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { newIdempotencyKey } from '@partnerkit/core/client';
import { requests } from '@partnerkit/core/client/communication';
import { PartnerRequestInput, REQUEST_CATEGORIES, type PartnerRequest, type RequestCategory } from '@partnerkit/core/schemas';
import type { PartnerKitHost } from '../platform/host.js';
import { readDraft, writeDraft } from './draft-storage.js';
import { reportError } from '../platform/report-error.js';
import type { PlatformMessages } from '../platform/i18n/index.js';
import type { LocalizeController } from '../platform/localize.js';
import { errorText } from '../platform/state-views.js';
import { safeHttpUrl } from '../resource-library/safe-url.js';
import type { PartnerInboxMessages } from './i18n/index.js';

/** What the person types. */
export interface RequestDraft {
  category: RequestCategory | '';
  subject: string;
  message: string;
  /** One http(s) URL per line. */
  links: string;
}

/** A field the form marks invalid. */
export type RequestField = 'category' | 'subject' | 'message' | 'links';

const FIELDS: readonly RequestField[] = ['category', 'subject', 'message', 'links'];
const empty = (): RequestDraft => ({ category: '', subject: '', message: '', links: '' });

/** What the form reads of its element. */
export interface RequestFormContext {
  /** The draft's slot: the partner and the element's instance; undefined until the partner is known. */
  slot(): { partnerId: string; instance: string } | undefined;
  /** The deal the request refers to (the element's `deal-id`), or ''. */
  dealId(): string;
  /** A request was opened. */
  opened(request: PartnerRequest): void;
}

/** The element's words. */
export type InboxText = LocalizeController<PlatformMessages & PartnerInboxMessages>;

/** The lines of `links` as attachments; undefined when one is not an http(s) URL. */
function attachmentsOf(links: string): { type: 'url'; url: string }[] | undefined {
  const lines = links.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const urls = lines.map((l) => safeHttpUrl(l));
  return urls.every((u) => u !== null) ? urls.map((url) => ({ type: 'url' as const, url: url as string })) : undefined;
}

export class RequestForm {
  values: RequestDraft = empty();
  invalid: readonly RequestField[] = [];
  /** The idempotency key of this draft's submission: a retry or a lost answer never opens two. */
  key = newIdempotencyKey();
  restored = false;
  sending = false;
  error: unknown;
  #storeKey: string | undefined;
  readonly #host: PartnerKitHost;
  readonly #context: RequestFormContext;

  constructor(host: PartnerKitHost, context: RequestFormContext) {
    this.#host = host;
    this.#context = context;
    this.#restore();
  }

  // The slot of the current partner and instance; a draft found there comes back.
  #restore(): void {
    const slot = this.#context.slot();
    if (!slot) return;
    const key = `partnerkit:partner-inbox:${slot.partnerId}:${slot.instance}`;
    if (key === this.#storeKey) return;
    this.#storeKey = key;
    const stored = readDraft(key) as { key?: unknown; values?: Record<string, unknown> } | undefined;
    if (typeof stored?.key !== 'string' || typeof stored.values !== 'object' || stored.values === null) return;
    const source = stored.values;
    const values = Object.fromEntries(FIELDS.map((f) => [f, typeof source[f] === 'string' ? source[f] : ''])) as unknown as RequestDraft;
    if (values.category !== '' && !REQUEST_CATEGORIES.includes(values.category)) values.category = '';
    this.values = values;
    this.key = stored.key;
    this.restored = Object.values(values).some((v) => v !== '');
  }

  edit(field: RequestField, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.restored = false;
    if (this.invalid.length > 0) this.invalid = this.#check().invalid;
    this.#restore();
    if (this.#storeKey) writeDraft(this.#storeKey, { values: this.values, key: this.key });
    this.#host.requestUpdate();
  }

  /** The input the contract takes, or the fields it refuses. */
  #check(): { input?: PartnerRequestInput; invalid: RequestField[] } {
    const attachments = attachmentsOf(this.values.links);
    const dealId = this.#context.dealId();
    const input = {
      category: this.values.category,
      subject: this.values.subject.trim(),
      message: this.values.message.trim(),
      ...(attachments && attachments.length > 0 ? { attachments } : {}),
      ...(dealId ? { reference: { type: 'deal', id: dealId } } : {}),
    };
    const result = PartnerRequestInput.safeParse(input);
    const invalid = new Set<RequestField>(attachments ? [] : ['links']);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0] === 'attachments' ? 'links' : issue.path[0];
        if (FIELDS.includes(field as RequestField)) invalid.add(field as RequestField);
      }
    }
    const ordered = FIELDS.filter((f) => invalid.has(f));
    return result.success && ordered.length === 0 ? { input: result.data, invalid: [] } : { invalid: ordered };
  }

  /** Sends the request; answers it, or undefined (the form says why, and keeps what was typed). */
  async submit(): Promise<PartnerRequest | undefined> {
    if (this.sending) return undefined;
    const { input, invalid } = this.#check();
    this.invalid = invalid;
    this.error = undefined;
    const client = this.#host.resolvedClient;
    if (!input || !client) {
      this.#host.requestUpdate();
      return undefined;
    }
    this.sending = true;
    this.#host.requestUpdate();
    try {
      const request = await requests(client).open(input, { idempotencyKey: this.key });
      if (this.#storeKey) writeDraft(this.#storeKey, undefined);
      this.values = empty();
      this.key = newIdempotencyKey();
      this.#context.opened(request);
      return request;
    } catch (error) {
      this.error = error;
      reportError(this.#host, error);
      return undefined;
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  /** The form (`part="request-form"`); `cancel` closes it (the draft stays). */
  render(l: InboxText, cancel: () => void): TemplateResult {
    const bad = (f: RequestField) => this.invalid.includes(f);
    const described = (f: RequestField, hint?: string) => [bad(f) ? `${f}-error` : '', hint ?? ''].join(' ').trim() || nothing;
    const error = (f: RequestField) => (bad(f) ? html`<p class="field-error" id="${f}-error">${l.t(`inbox.form.err.${f}`)}</p>` : nothing);
    const input = (f: RequestField) => (e: Event) => this.edit(f, (e.target as HTMLInputElement).value);
    const onSubmit = async (e: Event) => {
      e.preventDefault();
      if (await this.submit()) return;
      await this.#host.updateComplete;
      (this.#host.renderRoot.querySelector('.request-form [aria-invalid="true"]') as HTMLElement | null)?.focus();
    };
    const dealId = this.#context.dealId();
    return html`<form class="request-form form" part="request-form" novalidate aria-labelledby="form-title" @submit=${onSubmit}>
      <h4 id="form-title">${l.t('inbox.form.title')}</h4>
      ${this.restored ? html`<p class="notice" role="status">${l.t('inbox.form.restored')}</p>` : nothing}
      ${dealId ? html`<p class="muted">${l.t('inbox.form.deal', { id: dealId })}</p>` : nothing}
      <label for="category">${l.t('inbox.form.category')}</label>
      <select id="category" name="category" required aria-invalid=${bad('category') ? 'true' : 'false'} aria-describedby=${described('category')} @change=${input('category')}>
        <option value="" ?selected=${this.values.category === ''}></option>
        ${REQUEST_CATEGORIES.map((c) => html`<option value=${c} ?selected=${this.values.category === c}>${l.t(`inbox.request.category.${c}`)}</option>`)}
      </select>
      ${error('category')}
      <label for="subject">${l.t('inbox.form.subject')}</label>
      <input id="subject" name="subject" maxlength="200" required .value=${this.values.subject} aria-invalid=${bad('subject') ? 'true' : 'false'} aria-describedby=${described('subject')} @input=${input('subject')} />
      ${error('subject')}
      <label for="message">${l.t('inbox.form.message')}</label>
      <textarea id="message" name="message" rows="5" maxlength="10000" required .value=${this.values.message} aria-invalid=${bad('message') ? 'true' : 'false'} aria-describedby=${described('message')} @input=${input('message')}></textarea>
      ${error('message')}
      <label for="links">${l.t('inbox.form.links')}</label>
      <textarea id="links" name="links" rows="2" .value=${this.values.links} aria-invalid=${bad('links') ? 'true' : 'false'} aria-describedby=${described('links', 'links-hint')} @input=${input('links')}></textarea>
      <p class="muted hint" id="links-hint">${l.t('inbox.form.linksHint')}</p>
      ${error('links')}
      ${this.error === undefined ? nothing : html`<p class="form-error" part="form-error" role="alert">${l.t('inbox.form.failed')} ${errorText(l, this.error)}</p>`}
      <div class="buttons">
        <button class="button button--primary" part="send-button" type="submit" ?disabled=${this.sending}>${this.sending ? l.t('inbox.form.sending') : l.t('inbox.form.send')}</button>
        <button class="button" type="button" @click=${cancel}>${l.t('inbox.form.cancel')}</button>
      </div>
    </form>`;
  }
}
