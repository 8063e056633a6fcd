/**
 * `<deal-register>` in every state, for both roles and both languages, on `@partnerkit/mock` behind
 * a real client (`stories/deal-register/backend.ts`: core's registration, conflict and lifecycle
 * rules), so Storybook needs no server; failures are the mock's faults. States that
 * follow from typing (errors, the pre-check, a queued submission) open from a saved draft, the way
 * the element restores one after a reload; states that follow from a click run it in `play`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { action } from 'storybook/actions';
import '../packages/elements/src/define/deal-register.js';
import type { DealRegister } from '../packages/elements/src/deal-register/deal-register.js';
import { dealBackend } from './deal-register/backend.js';
import { OTHER_PARTNER_ID, PARTNER_ID } from './deal-register/fixtures.js';
import { backendOptions, INVALID_DRAFT, seedDraft, VALID_DRAFT, type Backend, type DraftSeed } from './deal-register/story-setup.js';

/** The element's attributes, plus the session, the backend, and the draft the story opens with. */
interface DealRegisterArgs {
  partnerId: string;
  view: 'register' | 'list';
  /** Empty: the element follows the page language (the toolbar). */
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  session: 'partner' | 'manager';
  backend: Backend;
  /** The draft restored when the story opens (none: an empty form). */
  draft: 'none' | 'valid' | 'invalid' | 'available customer' | 'taken customer' | 'own customer';
  /** A submission already waiting in the queue. */
  queued: 'none' | 'offline' | 'failed';
  /** The width of the column the element sits in: the element follows its container, not the viewport. */
  width: 'auto' | '320px' | '375px';
}

const DRAFTS: Record<DealRegisterArgs['draft'], DraftSeed | null> = {
  none: null,
  valid: VALID_DRAFT,
  invalid: INVALID_DRAFT,
  'available customer': { ...VALID_DRAFT, company: 'Contoso Việt Nam', domain: 'contoso.vn' },
  'taken customer': { ...VALID_DRAFT, company: 'Wayne Enterprises', domain: 'www.wayne.com' },
  'own customer': { ...VALID_DRAFT, company: 'Acme Corporation', domain: 'acme.com' },
};

let stories = 0;

const meta: Meta<DealRegisterArgs> = {
  title: 'Widgets/deal-register',
  component: 'deal-register',
  tags: ['autodocs'],
  args: { partnerId: PARTNER_ID, view: 'register', lang: '', theme: 'auto', session: 'partner', backend: 'ok', draft: 'none', queued: 'none', width: 'auto' },
  argTypes: {
    partnerId: { control: 'select', options: ['', PARTNER_ID, OTHER_PARTNER_ID], description: 'The `partner-id` attribute' },
    view: { control: 'inline-radio', options: ['register', 'list'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    session: { control: 'inline-radio', options: ['partner', 'manager'], table: { category: 'mock backend' } },
    backend: {
      control: 'select',
      options: [
        'ok',
        'slow',
        'loading forever',
        'no deals',
        'server error',
        'breaks the contract',
        'offline',
        'submit hangs',
        'submit breaks the contract',
        'session refused',
        'session out of reach',
        'unreachable',
      ],
      table: { category: 'mock backend' },
    },
    draft: { control: 'select', options: Object.keys(DRAFTS), table: { category: 'saved draft' } },
    queued: { control: 'inline-radio', options: ['none', 'offline', 'failed'], table: { category: 'saved draft' } },
    width: { control: 'inline-radio', options: ['auto', '320px', '375px'], table: { category: 'page' } },
  },
  render: (args) => {
    // Each render gets its own draft slot, seeded with the story's draft.
    const draftKey = `story-${++stories}`;
    const draft = DRAFTS[args.draft];
    seedDraft(
      draftKey,
      draft,
      args.queued === 'none' ? undefined : { input: { type: 'resell', customer: { company: draft?.company ?? 'Contoso Việt Nam', domain: draft?.domain ?? null } }, cause: args.queued },
    );
    const backend = dealBackend(backendOptions(args.backend, args.session === 'partner' ? { role: 'partner', partnerId: PARTNER_ID } : { role: 'manager' }));
    const log = (name: string) => (e: Event) => action(name)((e as CustomEvent).detail);
    return html`<div style=${`${args.theme === 'dark' ? 'background:#000;' : ''}padding:1em;${args.width === 'auto' ? '' : `width:${args.width}`}`}>
      <deal-register
        .client=${backend.client}
        partner-id=${args.partnerId || nothing}
        draft-key=${draftKey}
        view=${args.view}
        lang=${args.lang || nothing}
        theme=${args.theme}
        @pk-deal-submit=${log('pk-deal-submit')}
        @pk-deal-submitted=${log('pk-deal-submitted')}
        @pk-deal-conflict=${log('pk-deal-conflict')}
        @pk-deal-transition=${log('pk-deal-transition')}
        @pk-error=${log('pk-error')}
      ></deal-register>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<DealRegisterArgs>;

/** The element in the story, once it rendered (and its Vietnamese loaded, when in Vietnamese). */
async function element(canvas: HTMLElement): Promise<DealRegister> {
  const el = canvas.querySelector('deal-register')!;
  await el.updateComplete;
  return el;
}

/** Clicks Register once the element is ready. */
const submit: Story['play'] = async ({ canvasElement }) => {
  const el = await element(canvasElement);
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
};

/** Opens the history of the first deal in status `status`, once the list is there. */
const openHistory =
  (status: string): Story['play'] =>
  async ({ canvasElement }) => {
    const el = await element(canvasElement);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#l-status');
    if (!select) return;
    select.value = status;
    select.dispatchEvent(new Event('change'));
    for (let i = 0; i < 50; i++) {
      const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="deal"] [part~="history-toggle"]');
      if (toggle && !el.shadowRoot!.querySelector('[aria-busy="true"]')) return toggle.click();
      await new Promise((r) => setTimeout(r, 100));
    }
  };

/** Opens the reason dialog of the first action labelled `label`, once the list is there. */
const openDialog =
  (label: string): Story['play'] =>
  async ({ canvasElement }) => {
    const el = await element(canvasElement);
    for (let i = 0; i < 50; i++) {
      const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="action"]')].find((b) => b.textContent!.trim() === label);
      if (button) return button.click();
      await new Promise((r) => setTimeout(r, 100));
    }
  };

// ---- Register -------------------------------------------------------------------------------

/** An empty form: required fields marked, the pre-check waiting for a customer. */
export const RegisterEmpty: Story = {};

export const RegisterEmptyVietnamese: Story = { args: { lang: 'vi' } };

/** Register pressed on a draft full of problems: the summary takes focus and links to each field. */
export const RegisterWithErrors: Story = { args: { draft: 'invalid' }, play: submit };

export const RegisterWithErrorsVietnamese: Story = { args: { draft: 'invalid', lang: 'vi' }, play: submit };

/** The pre-check finds no active registration for the customer. */
export const PrecheckAvailable: Story = { args: { draft: 'available customer' } };

/** The pre-check says the customer is taken, with a reason only, never who holds it. */
export const PrecheckTaken: Story = { args: { draft: 'taken customer' } };

export const PrecheckTakenVietnamese: Story = { args: { draft: 'taken customer', lang: 'vi' } };

/** "Có thể đăng ký": a customer is registrable, not "free" ("còn trống"). */
export const PrecheckAvailableVietnamese: Story = { args: { draft: 'available customer', lang: 'vi' } };

/** The partner registered this customer already. */
export const PrecheckOwnRegistration: Story = { args: { draft: 'own customer' } };

/** Sent, waiting for the answer: the form is locked and the button says so. */
export const Submitting: Story = { args: { draft: 'valid', backend: 'submit hangs' }, play: submit };

/** Registered: the customer and the number, the status and the protection window. */
export const Success: Story = { args: { draft: 'valid' }, play: submit };

export const SuccessVietnamese: Story = { args: { draft: 'valid', lang: 'vi' }, play: submit };

/** The backend refuses the customer (409): the reason, and the form is kept. */
export const Conflict: Story = { args: { draft: 'taken customer' }, play: submit };

export const ConflictVietnamese: Story = { args: { draft: 'taken customer', lang: 'vi' }, play: submit };

/** Submitted offline: queued on the device, shown as pending, with "Send now" and "Cancel sending". */
export const QueuedOffline: Story = { args: { draft: 'valid', queued: 'offline', backend: 'offline' } };

/** The registration (not the company) is saved and will be sent automatically (it once said "một lần", once). */
export const QueuedOfflineVietnamese: Story = { args: { draft: 'valid', queued: 'offline', backend: 'offline', lang: 'vi' } };

/** The backend could not be reached: queued with the reason and a retry. */
export const QueuedAfterFailure: Story = { args: { draft: 'valid', backend: 'offline' }, play: submit };

/** "Chưa gửi được đăng ký cho …", and when it was queued, lower case after the colon. */
export const QueuedAfterFailureVietnamese: Story = { args: { draft: 'valid', backend: 'offline', lang: 'vi' }, play: submit };

/** The answer broke the contract: an error with a retry, and the draft kept. */
export const SendFailedInvalidAnswer: Story = { args: { draft: 'valid', backend: 'submit breaks the contract' }, play: submit };

export const RegisterDark: Story = { args: { theme: 'dark', draft: 'invalid' }, play: submit };

/** On a phone (a 320 px column): the form in one column, the summary and fields wrapped. */
export const RegisterOnAPhone: Story = { args: { width: '320px', draft: 'invalid', lang: 'vi' }, play: submit };

// ---- Without a session, without a backend ---------------------------------------------------------

/** The session was refused (403): said so, with a retry, instead of a form that looks fine. */
export const SessionRefused: Story = { args: { backend: 'session refused' } };

export const SessionRefusedVietnamese: Story = { args: { backend: 'session refused', lang: 'vi' } };

/** The session is out of reach for now, the partner known: the form stays (a registration waits in the queue) under a notice with a retry. */
export const SessionOutOfReach: Story = { args: { backend: 'session out of reach', draft: 'valid' } };

export const SessionOutOfReachVietnamese: Story = { args: { backend: 'session out of reach', draft: 'valid', lang: 'vi' } };

/** Nothing answers at the backend's address: the widget says so (it probes the address; a page the backend does not allow would read "does not accept this site"). */
export const BackendUnreachable: Story = { args: { backend: 'unreachable', partnerId: '' } };

// ---- My registrations -------------------------------------------------------------------------

/** A partner's registrations: status chips, protection countdowns, histories, the allowed actions. */
export const MyRegistrations: Story = { args: { view: 'list' } };

/** Won and lost read "Thành công" and "Thất bại"; protection countdowns lower case inside the line. */
export const MyRegistrationsVietnamese: Story = { args: { view: 'list', lang: 'vi' } };

export const MyRegistrationsLoading: Story = { args: { view: 'list', backend: 'loading forever' } };

export const MyRegistrationsEmpty: Story = { args: { view: 'list', backend: 'no deals' } };

export const MyRegistrationsError: Story = { args: { view: 'list', backend: 'server error' } };

export const MyRegistrationsErrorVietnamese: Story = { args: { view: 'list', backend: 'server error', lang: 'vi' } };

/** A list answer that breaks the contract shows the error state, never half a list. */
export const MyRegistrationsInvalidAnswer: Story = { args: { view: 'list', backend: 'breaks the contract' } };

/** Withdraw asks for a reason in a dialog. */
export const WithdrawDialog: Story = { args: { view: 'list' }, play: openDialog('Withdraw') };

export const WithdrawDialogVietnamese: Story = { args: { view: 'list', lang: 'vi' }, play: openDialog('Rút lại') };

export const MyRegistrationsDark: Story = { args: { view: 'list', theme: 'dark' } };

/** A rejected registration's history: who, when, the closing code and the reason. */
export const HistoryWithClosingCode: Story = { args: { view: 'list' }, play: openHistory('rejected') };

export const HistoryWithClosingCodeVietnamese: Story = { args: { view: 'list', lang: 'vi' }, play: openHistory('rejected') };

export const MyRegistrationsOnAPhone: Story = { args: { view: 'list', width: '320px' }, play: openHistory('') };

// ---- Review (manager) ---------------------------------------------------------------------------

/** A channel manager without `partner-id`: the review queue of every partner, conflicts flagged. */
export const ReviewQueue: Story = { args: { session: 'manager', partnerId: '', view: 'list' } };

export const ReviewQueueVietnamese: Story = { args: { session: 'manager', partnerId: '', view: 'list', lang: 'vi' } };

/** A manager with `partner-id`: Register for that partner, and Review of its registrations. */
export const ReviewForOnePartner: Story = { args: { session: 'manager', view: 'list' } };

/** Rejecting asks for a reason (required) and a closing code. */
export const RejectDialog: Story = { args: { session: 'manager', partnerId: '', view: 'list' }, play: openDialog('Reject') };

/** The closing code is "Mã lý do đóng". */
export const RejectDialogVietnamese: Story = { args: { session: 'manager', partnerId: '', view: 'list', lang: 'vi' }, play: openDialog('Từ chối') };

export const ReviewLoading: Story = { args: { session: 'manager', partnerId: '', view: 'list', backend: 'loading forever' } };

export const ReviewEmpty: Story = { args: { session: 'manager', partnerId: '', view: 'list', backend: 'no deals' } };

export const ReviewError: Story = { args: { session: 'manager', partnerId: '', view: 'list', backend: 'server error' } };

export const ReviewDark: Story = { args: { session: 'manager', partnerId: '', view: 'list', theme: 'dark' } };

/** The review queue on a phone; each registration names its partner. */
export const ReviewOnAPhone: Story = { args: { session: 'manager', partnerId: '', view: 'list', width: '375px', lang: 'vi' } };

/** The reason dialog on a phone: the whole width but a margin, never taller than the screen. */
export const RejectDialogOnAPhone: Story = { args: { session: 'manager', partnerId: '', view: 'list', width: '320px' }, play: openDialog('Reject') };
