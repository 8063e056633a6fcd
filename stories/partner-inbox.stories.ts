/**
 * `<partner-inbox>` in every state, for both sides, in both languages, on `@partnerkit/mock`: the
 * demo programme's announcements (pinned, unread, read, in English and Vietnamese) and requests in
 * every status, a partner's user or a channel manager, and the mock's faults for loading and
 * errors. Actions act on the mock: read an announcement, open a request, reply, move it.
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
