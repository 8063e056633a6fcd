/**
 * The accept flow of one agreement at a time: which one is open, what the person typed (kept
 * through failures), the checks before sending, the request, and the record of what was accepted.
 * A Lit controller, so the element stays a template.
 * @module
 */
import type { ReactiveController } from 'lit';
import { agreements } from '@partnerkit/core/client/agreements';
import type { Acceptance, PartnerAgreement } from '@partnerkit/core/schemas';
import type { PartnerKitHost } from '../platform/host.js';
import { reportError } from '../platform/report-error.js';

/** What the person typed. */
export interface SignerDraft {
  name: string;
  jobTitle: string;
  confirmed: boolean;
}

/** A field the form marks invalid, and the message key saying why. */
export type SignerField = 'name' | 'jobTitle' | 'confirmed';

/** What was accepted, kept to show the person their record. */
export interface AcceptedRecord {
  acceptance: Acceptance;
  title: string;
}

export class AcceptForm implements ReactiveController {
  /** The agreement whose text and form are open. */
  openId: string | undefined;
  draft: SignerDraft = { name: '', jobTitle: '', confirmed: false };
  invalid: readonly SignerField[] = [];
  sending = false;
  /** The last failure to send; the draft is kept. */
  error: unknown;
  /** Acceptances given here, by agreement id. */
  readonly records = new Map<string, AcceptedRecord>();

  readonly #host: PartnerKitHost;

  constructor(host: PartnerKitHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens (or closes) the text and form of `agreementId`. */
  toggle(agreementId: string): void {
    this.openId = this.openId === agreementId ? undefined : agreementId;
    this.invalid = [];
    this.error = undefined;
    this.#host.requestUpdate();
  }

  open(agreementId: string): void {
    if (this.openId !== agreementId) this.toggle(agreementId);
  }

  edit(change: Partial<SignerDraft>): void {
    this.draft = { ...this.draft, ...change };
    if (this.invalid.length > 0) this.invalid = this.#check();
    this.#host.requestUpdate();
  }

  #check(): SignerField[] {
    const invalid: SignerField[] = [];
    if (this.draft.name.trim() === '') invalid.push('name');
    if (this.draft.jobTitle.trim() === '') invalid.push('jobTitle');
    if (!this.draft.confirmed) invalid.push('confirmed');
    return invalid;
  }

  /**
   * Accepts `standing`'s version for `partnerId` as the text shown in `language`; answers the
   * acceptance, or null when the form is incomplete or the request failed (then `error` says why).
   */
  async submit(partnerId: string, standing: PartnerAgreement, title: string, language: string): Promise<Acceptance | null> {
    if (this.sending) return null;
    this.invalid = this.#check();
    this.error = undefined;
    if (this.invalid.length > 0) {
      this.#host.requestUpdate();
      return null;
    }
    const client = this.#host.resolvedClient;
    if (!client) return null;
    this.sending = true;
    this.#host.requestUpdate();
    try {
      const acceptance = await agreements(client).accept(partnerId, {
        versionId: standing.version.id,
        contentHash: standing.version.contentHash,
        signer: { name: this.draft.name.trim(), title: this.draft.jobTitle.trim() },
        language,
      });
      this.records.set(standing.agreement.id, { acceptance, title });
      this.openId = undefined;
      // The names stay for the next agreement to accept; the confirmation is given per text.
      this.draft = { ...this.draft, confirmed: false };
      return acceptance;
    } catch (error) {
      this.error = error;
      reportError(this.#host, error);
      return null;
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }
}
