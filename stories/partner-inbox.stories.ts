/**
 * `<partner-inbox>` in every state, for both sides, in both languages, on `@partnerkit/mock`: the
 * demo programme's announcements (pinned, unread, read, in English and Vietnamese) and requests in
 * every status, a partner's user or a channel manager, and the mock's faults for loading and
 * errors. Actions act on the mock: read an announcement, open a request, reply, move it, publish an
 * announcement (the manager's form: empty, refused on its fields, failing, published).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { createMockBackend, type Fault } from '@partnerkit/mock';
import '../packages/elements/src/define/partner-inbox.js';
import { inboxBackend, inboxClient } from './partner-inbox/backend.js';
import { partnerRecord } from './support/mock-backend.js';

interface InboxArgs {
  /** Who is signed in. */
  side: "a partner's user" | 'a channel manager' | 'a partner with nothing yet';
  view: 'all' | 'announcements' | 'requests';
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  backend: 'ok' | 'loading forever' | 'server error' | 'actions fail';
  width: 'fluid' | '320px';
}

const FAULTS: Record<InboxArgs['backend'], Fault[]> = {
  ok: [],
  'loading forever': [{ mode: 'slow', delayMs: Infinity, match: /announcements|requests/ }],
  'server error': [{ mode: 'error', status: 503, match: /announcements|requests/ }],
  'actions fail': [{ mode: 'error', status: 503, match: (request) => request.method !== 'GET' }],
};

const meta: Meta<InboxArgs> = {
  title: 'Widgets/partner-inbox',
  component: 'partner-inbox',
  args: { side: "a partner's user", view: 'all', lang: 'en', theme: 'light', backend: 'ok', width: 'fluid' },
  argTypes: {
    side: { control: 'inline-radio', options: ["a partner's user", 'a channel manager', 'a partner with nothing yet'] },
    view: { control: 'inline-radio', options: ['all', 'announcements', 'requests'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    backend: { control: 'select', options: Object.keys(FAULTS) },
    width: { control: 'inline-radio', options: ['fluid', '320px'] },
  },
  render: (args) => {
    const faults = FAULTS[args.backend];
    const client =
      args.side === 'a partner with nothing yet'
        ? inboxClient({ backend: createMockBackend({ seed: { partners: [partnerRecord({ id: 'pt_new', name: 'New Partner Ltd' })] }, faults }), partnerId: 'pt_new' }).client
        : inboxClient({ backend: inboxBackend(faults), role: args.side === 'a channel manager' ? 'manager' : 'partner' }).client;
    return html`<div style="max-width: ${args.width === '320px' ? '320px' : 'none'}">
      <partner-inbox
        .client=${client}
        view=${args.view}
        lang=${args.lang || document.documentElement.lang || 'en'}
        theme=${args.theme}
        @pk-unread-change=${action('pk-unread-change')}
        @pk-error=${action('pk-error')}
      ></partner-inbox>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<InboxArgs>;

export const Partner: Story = {};
export const PartnerRequests: Story = { args: { view: 'requests' } };
export const PartnerVietnamese: Story = { args: { lang: 'vi' } };
export const Manager: Story = { args: { side: 'a channel manager', view: 'requests' } };
export const ManagerReadRates: Story = { args: { side: 'a channel manager', view: 'announcements' } };
export const Empty: Story = { args: { side: 'a partner with nothing yet' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow320: Story = { args: { width: '320px' } };
export const Loading: Story = { args: { backend: 'loading forever' } };
export const ServerError: Story = { args: { backend: 'server error' } };
export const ActionsFail: Story = { args: { backend: 'actions fail', view: 'requests' } };

/** Waits for `selector` in the inbox's shadow root (the widget loads its data, then the form's code). */
async function shown(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  const el = canvas.querySelector('partner-inbox')!;
  for (let i = 0; i < 300; i++) {
    const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${selector}`);
}

/** Opens the announcement form, fills it as `values` say (field id to value), and sends it when `send`. */
const compose =
  (values: Record<string, string> = {}, send = false): Story['play'] =>
  async ({ canvasElement }) => {
    (await shown(canvasElement, '[part~="new-announcement"]')).click();
    await shown(canvasElement, '#compose-title');
    for (const [id, value] of Object.entries(values)) {
      const field = (await shown(canvasElement, `#${id}`)) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    }
    if (send) (await shown(canvasElement, '[part~="publish-button"]')).click();
  };

const filled = { 'compose-title': 'Double funds for Silver', 'compose-body': 'Bring your Q3 pipeline.\nWe co-fund what you register.', 'compose-category': 'incentive' };
const manager = { side: 'a channel manager', view: 'announcements' } as const;

/** A manager's announcement form, empty. */
export const ManagerPublish: Story = { args: manager, play: compose() };
export const ManagerPublishVietnamese: Story = { args: { ...manager, lang: 'vi' }, play: compose() };
export const ManagerPublishNarrow320: Story = { args: { ...manager, width: '320px' }, play: compose(filled) };
/** Sent empty: the contract's problems on the fields. */
export const ManagerPublishInvalid: Story = { args: manager, play: compose({}, true) };
export const ManagerPublishInvalidVietnamese: Story = { args: { ...manager, lang: 'vi' }, play: compose({}, true) };
/** The backend fails: the reason, what was typed kept, Publish again to retry. */
export const ManagerPublishFails: Story = { args: { ...manager, backend: 'actions fail' }, play: compose(filled, true) };
/** Publishes (the new announcement on top, the form closed). */
export const ManagerPublished: Story = { args: manager, play: compose(filled, true) };
