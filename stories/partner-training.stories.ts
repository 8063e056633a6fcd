/**
 * `<partner-training>` in every state, for a partner's user and for vendor staff, in both
 * languages, on `@partnerkit/mock`: the demo programme's catalogue, people and certificates (a
 * Silver partner one certification short of Gold, a Platinum partner with certificates expiring),
 * and the mock's faults for loading, errors, empty answers and failing actions. Actions act on the
 * mock, so a story can enrol a person, take a course and pass (or fail) its assessment.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import type { Fault } from '@partnerkit/mock';
import '../packages/elements/src/define/partner-training.js';
import { EMPTY_CATALOGUE, trainingClient, TRAINING_PARTNERS } from './partner-training/backend.js';

interface TrainingArgs {
  /** Whose training. */
  partner: 'one short of Gold (vi)' | 'registered (vi)' | 'platinum, certificates expiring (en)' | 'silver, two short of Gold (en)';
  /** Who is signed in. */
  side: "the partner's user" | 'manager (vendor)';
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  backend: 'ok' | 'loading forever' | 'server error' | 'nothing open, nobody recorded' | 'actions fail';
  /** The widget's width (it is a container: try 320 px). */
  width: string;
}

const PARTNER_OF: Record<TrainingArgs['partner'], string> = {
  'one short of Gold (vi)': TRAINING_PARTNERS.oneShortVi,
  'registered (vi)': TRAINING_PARTNERS.registeredVi,
  'platinum, certificates expiring (en)': TRAINING_PARTNERS.expiringEn,
  'silver, two short of Gold (en)': TRAINING_PARTNERS.silverEn,
};

const FAULTS: Record<TrainingArgs['backend'], Fault[]> = {
  ok: [],
  'loading forever': [{ mode: 'slow', delayMs: Infinity, match: /enablement/ }],
  'server error': [{ mode: 'error', status: 503, match: /\/enablement$/ }],
  'nothing open, nobody recorded': EMPTY_CATALOGUE,
  'actions fail': [{ mode: 'error', status: 503, match: (request) => request.method !== 'GET' }],
};

const meta: Meta<TrainingArgs> = {
  title: 'Widgets/partner-training',
  component: 'partner-training',
  args: { partner: 'one short of Gold (vi)', side: "the partner's user", lang: 'en', theme: 'light', backend: 'ok', width: '48em' },
  argTypes: {
    partner: { control: 'select', options: Object.keys(PARTNER_OF) },
    side: { control: 'inline-radio', options: ["the partner's user", 'manager (vendor)'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    backend: { control: 'select', options: Object.keys(FAULTS) },
    width: { control: 'text' },
  },
  render: (args) => {
    const partnerId = PARTNER_OF[args.partner];
    const manager = args.side === 'manager (vendor)';
    const { client } = trainingClient({ role: manager ? 'manager' : 'partner', partnerId, faults: FAULTS[args.backend] });
    return html`<div style="max-width: ${args.width}">
      <partner-training
        .client=${client}
        partner-id=${manager ? partnerId : ''}
        lang=${args.lang || document.documentElement.lang || 'en'}
        theme=${args.theme}
        @pk-assessment-submitted=${action('pk-assessment-submitted')}
        @pk-error=${action('pk-error')}
      ></partner-training>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<TrainingArgs>;

/** A partner's user: Technical Implementation comes first (Gold needs it); enrol a person, take it, pass the assessment. */
export const PartnerOneShortOfGold: Story = {};
export const PartnerVietnamese: Story = { args: { lang: 'vi' } };
export const PartnerRegistered: Story = { args: { partner: 'registered (vi)', lang: 'vi' } };
export const ManagerAtAGlanceExpiring: Story = { args: { partner: 'platinum, certificates expiring (en)', side: 'manager (vendor)' } };
export const ManagerTwoShort: Story = { args: { partner: 'silver, two short of Gold (en)', side: 'manager (vendor)' } };
export const ManagerVietnamese: Story = { args: { partner: 'one short of Gold (vi)', side: 'manager (vendor)', lang: 'vi' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow320: Story = { args: { width: '320px' } };
export const Loading: Story = { args: { backend: 'loading forever' } };
export const ServerError: Story = { args: { backend: 'server error' } };
export const Empty: Story = { args: { backend: 'nothing open, nobody recorded' } };
/** Enrolling, saving progress and submitting fail: the choices and answers stay, with the reason. */
export const ActionsFail: Story = { args: { backend: 'actions fail' } };
