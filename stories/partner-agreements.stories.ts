/**
 * `<partner-agreements>` in every state, for a partner and a manager, in both languages, on
 * `@partnerkit/mock`'s demo programme (the programme agreement in two versions and the brand
 * terms, in English and Vietnamese): accepting in a story records the acceptance in the mock, so
 * the status, the record and the history change as they would on a backend.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { action } from 'storybook/actions';
import { createClient } from '@partnerkit/core/client';
import { createMockBackend, type Fault, type MockBackend } from '@partnerkit/mock';
import '../packages/elements/src/define/partner-agreements.js';

interface AgreementsArgs {
  /** Who is signed in: an active partner (both accepted, some brand terms expiring), a new partner (the programme agreement to accept), or a manager looking at a partner. */
  who: 'active partner' | 'new partner' | 'manager';
  /** Empty: the element follows the page language (the toolbar). */
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  /** Only these agreements, the first to accept open (as `<deal-register>` asks). */
  agreementIds: string;
  backend: 'ok' | 'slow' | 'loading forever' | 'server error' | 'accepting fails' | 'hostile text';
  width: 'auto' | '320px' | '375px';
}

const FAULTS: Record<AgreementsArgs['backend'], Fault[]> = {
  ok: [],
  slow: [{ mode: 'slow', delayMs: 1200 }],
  'loading forever': [{ mode: 'slow', delayMs: 3_600_000, match: 'GET /v1/partners/*/agreements' }],
  'server error': [{ mode: 'error', status: 503, match: 'GET /v1/partners/*/agreements' }],
  'accepting fails': [{ mode: 'error', status: 503, match: 'POST /v1/partners/*/acceptances' }],
  'hostile text': [],
};

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)', 'Ω≈ç√∫˜µ≤≥÷', '𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐', '‮ right-to-left override', '{{constructor.constructor("alert(1)")()}}'];

/** A fresh mock per story render, so accepting in one story does not change another. */
function backendFor(args: AgreementsArgs): MockBackend {
  const backend = createMockBackend({ seed: 'demo', faults: FAULTS[args.backend] });
  if (args.backend === 'hostile text') {
    const version = backend.state.agreementVersions.get('av_programme_2026_1');
    const agreement = backend.state.agreements.get('ag_programme');
    if (version && agreement) {
      backend.state.agreements.set(agreement.id, { ...agreement, title: HOSTILE[0] as string, translations: {} });
      backend.state.agreementVersions.set(version.id, { ...version, translations: {}, body: { blocks: HOSTILE.map((text) => ({ type: 'paragraph' as const, spans: [{ text }] })) } });
    }
  }
  return backend;
}

function clientFor(args: AgreementsArgs) {
  const backend = backendFor(args);
  const partners = [...backend.state.partners.values()];
  const active = partners.find((p) => p.status === 'active');
  const newcomer = args.backend === 'hostile text' ? active : partners.find((p) => p.status !== 'active');
  const session =
    args.who === 'manager'
      ? backend.session({ role: 'manager' })
      : backend.session({ role: 'partner', partnerId: (args.who === 'active partner' ? active : newcomer)?.id ?? '', locale: args.lang || 'en' });
  return { client: createClient({ baseUrl: 'https://prm.example.com/api', token: session.token, fetch: backend.fetch, retry: 0 }), partnerId: args.who === 'manager' ? (active?.id ?? '') : '' };
}

const log = (name: string) => (e: Event) => action(name)((e as CustomEvent).detail);

const meta: Meta<AgreementsArgs> = {
  title: 'Widgets/partner-agreements',
  component: 'partner-agreements',
  tags: ['autodocs'],
  args: { who: 'new partner', lang: '', theme: 'auto', agreementIds: '', backend: 'ok', width: 'auto' },
  argTypes: {
    who: { control: 'inline-radio', options: ['active partner', 'new partner', 'manager'], table: { category: 'mock backend' } },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    agreementIds: { control: 'text', description: 'The `agreement-ids` attribute' },
    backend: { control: 'select', options: Object.keys(FAULTS), table: { category: 'mock backend' } },
    width: { control: 'inline-radio', options: ['auto', '320px', '375px'], table: { category: 'page' } },
  },
  render: (args) => {
    const { client, partnerId } = clientFor(args);
    return html`<div style=${`${args.theme === 'dark' ? 'background:#000;' : ''}padding:1em;${args.width === 'auto' ? '' : `width:${args.width}`}`}>
      <partner-agreements
        .client=${client}
        partner-id=${partnerId || nothing}
        agreement-ids=${args.agreementIds || nothing}
        lang=${args.lang || nothing}
        theme=${args.theme}
        @pk-agreement-accepted=${log('pk-agreement-accepted')}
        @pk-error=${log('pk-error')}
      ></partner-agreements>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<AgreementsArgs>;

/** A partner still onboarding: the programme agreement to accept before it can register deals; "Read and accept" opens the text and the form. */
export const NewPartner: Story = {};

export const NewPartnerVietnamese: Story = { args: { lang: 'vi' } };

/** An active partner: both accepted, with who accepted and when; the brand terms of some partners are expiring. */
export const ActivePartner: Story = { args: { who: 'active partner' } };

export const ActivePartnerVietnamese: Story = { args: { who: 'active partner', lang: 'vi' } };

/** A channel manager looking at one partner: its agreements and who accepted what (no accept button). */
export const Manager: Story = { args: { who: 'manager' } };

export const ManagerVietnamese: Story = { args: { who: 'manager', lang: 'vi' } };

/** As `<deal-register>` shows it when a registration waits for the programme agreement. */
export const Inline: Story = { args: { agreementIds: 'ag_programme' } };

export const Loading: Story = { args: { backend: 'loading forever' } };

export const Slow: Story = { args: { backend: 'slow' } };

export const ServerError: Story = { args: { backend: 'server error' } };

/** Accepting fails: the form keeps the name and job title typed and says why. */
export const AcceptingFails: Story = { args: { backend: 'accepting fails', agreementIds: 'ag_programme' } };

/** Markup and odd characters in the title and the text stay text. */
export const HostileText: Story = { args: { backend: 'hostile text', agreementIds: 'ag_programme', who: 'new partner' } };

export const Dark: Story = { args: { theme: 'dark', who: 'active partner' } };

export const PhoneWidth: Story = { args: { width: '320px', agreementIds: 'ag_programme' } };
