/**
 * `<partner-application>` in every state, in both languages, on `@partnerkit/mock`: the demo
 * programme's public form behind its publishable key (no session), and the mock's faults for
 * loading, errors and a lost answer. States that follow from typing open from a saved draft, the
 * way the element restores one after a reload; states that follow from a click run it in `play`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { action } from 'storybook/actions';
import type { Fault } from '@partnerkit/mock';
import '../packages/elements/src/define/partner-application.js';
import type { PartnerApplication } from '../packages/elements/src/partner-application/partner-application.js';
import { applicationClient } from './partner-application/backend.js';

interface ApplicationArgs {
  /** Empty: the element follows the page language (the toolbar). */
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  backend: 'ok' | 'loading forever' | 'form fails to load' | 'sending hangs' | 'answer lost' | 'sent too soon';
  /** The application restored when the story opens. */
  draft: 'none' | 'company done (contact step)' | 'complete (last step)' | 'company with problems';
  /** The width of the column the element sits in: the element follows its container, not the viewport. */
  width: 'auto' | '320px' | '375px';
}

const FAULTS: Record<ApplicationArgs['backend'], Fault[]> = {
  ok: [],
  'loading forever': [{ mode: 'slow', delayMs: Infinity, match: /application-form/ }],
  'form fails to load': [{ mode: 'error', status: 503, match: /application-form/ }],
  'sending hangs': [{ mode: 'slow', delayMs: Infinity, match: 'POST /v1/applications' }],
  'answer lost': [{ mode: 'offline', lost: 'answer', match: 'POST /v1/applications', times: 1 }],
  'sent too soon': [],
};

const COMPANY = { partnerType: 'reseller', companyName: 'Sao Mai Solutions', website: 'saomai.vn', domains: '', country: 'VN', region: 'Hồ Chí Minh', size: '11-50', foundedYear: '2012' };
const CONTACT = { contactName: 'Trần Thị Mai', email: 'mai@saomai.vn', phone: '+84 28 3823 4567', title: 'Giám đốc' };
const CAPABILITIES = {
  markets: 'VN, KH',
  industries: 'Retail, Logistics',
  technicalStaff: '14',
  certifications: 'ISO 27001',
  experience: 'Eight years reselling business software.',
  references: 'Phúc Long Logistics',
  whyUs: 'Our customers ask for your products.',
};
const ANSWERS = { q_segment: 'smb', q_services: ['implementation', 'training'], q_competitor: 'no', q_plan: 'Two campaigns and a pilot with three customers.' };

const DRAFTS: Record<ApplicationArgs['draft'], { values: Record<string, string>; answers: Record<string, string | string[]>; step: string } | null> = {
  none: null,
  'company done (contact step)': { values: COMPANY, answers: {}, step: 'contact' },
  'complete (last step)': { values: { ...COMPANY, ...CONTACT, ...CAPABILITIES }, answers: ANSWERS, step: 'review' },
  'company with problems': { values: { ...COMPANY, partnerType: '', companyName: ' ', website: 'https://', foundedYear: '12' }, answers: {}, step: 'company' },
};

let stories = 0;

const meta: Meta<ApplicationArgs> = {
  title: 'Widgets/partner-application',
  component: 'partner-application',
  tags: ['autodocs'],
  args: { lang: '', theme: 'auto', backend: 'ok', draft: 'none', width: 'auto' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    backend: { control: 'select', options: Object.keys(FAULTS), table: { category: 'mock backend' } },
    draft: { control: 'select', options: Object.keys(DRAFTS), table: { category: 'saved draft' } },
    width: { control: 'inline-radio', options: ['auto', '320px', '375px'], table: { category: 'page' } },
  },
  render: (args) => {
    // Each render gets its own draft slot, seeded with the story's draft.
    const draftKey = `story-${++stories}`;
    const draft = DRAFTS[args.draft];
    if (draft) localStorage.setItem(`partnerkit:partner-application:default:${draftKey}`, JSON.stringify({ ...draft, key: `story-${draftKey}` }));
    const { client } = applicationClient({ faults: FAULTS[args.backend], minFormFillMs: args.backend === 'sent too soon' ? 3_600_000 : 0 });
    const log = (name: string) => (e: Event) => action(name)((e as CustomEvent).detail);
    return html`<div style=${`${args.theme === 'dark' ? 'background:#000;' : ''}padding:1em;${args.width === 'auto' ? '' : `width:${args.width}`}`}>
      <partner-application
        .client=${client}
        draft-key=${draftKey}
        lang=${args.lang || nothing}
        theme=${args.theme}
        @pk-application-submit=${log('pk-application-submit')}
        @pk-application-submitted=${log('pk-application-submitted')}
        @pk-error=${log('pk-error')}
      ></partner-application>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<ApplicationArgs>;

/** The element in the story, once its form is on screen. */
async function element(canvas: HTMLElement): Promise<PartnerApplication> {
  const el = canvas.querySelector('partner-application')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part~="form"]'); i++) await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}

/** Presses the step's main button (Next, or Send application). */
const press: Story['play'] = async ({ canvasElement }) => {
  const el = await element(canvasElement);
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next-button"], [part~="submit-button"]')!.click();
};

/** Ticks the consent and sends. */
const send: Story['play'] = async ({ canvasElement }) => {
  const el = await element(canvasElement);
  el.shadowRoot!.querySelector<HTMLInputElement>('#f-consent')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
};

/** The first step: the programme's partner types with what each means. */
export const CompanyStep: Story = {};

export const CompanyStepVietnamese: Story = { args: { lang: 'vi' } };

/** Next pressed with problems: the summary takes focus and links to each field. */
export const WithProblems: Story = { args: { draft: 'company with problems' }, play: press };

export const WithProblemsVietnamese: Story = { args: { draft: 'company with problems', lang: 'vi' }, play: press };

/** Reopened after a reload: the saved application and its step are back, and it says so. */
export const Restored: Story = { args: { draft: 'company done (contact step)' } };

/** The programme's questions, those for the chosen partner type. */
export const Questions: Story = { args: { draft: 'company done (contact step)' }, play: async (context) => {
  const el = await element(context.canvasElement);
  el.application.goTo('capabilities');
} };

export const QuestionsVietnamese: Story = { ...Questions, args: { draft: 'company done (contact step)', lang: 'vi' } };

/** The last step: every answer with a Change button per step, the consent and the privacy notice. */
export const CheckAndSend: Story = { args: { draft: 'complete (last step)' } };

export const CheckAndSendVietnamese: Story = { args: { draft: 'complete (last step)', lang: 'vi' } };

/** Sent, waiting for the answer: the form is locked and the button says so. */
export const Sending: Story = { args: { draft: 'complete (last step)', backend: 'sending hangs' }, play: send };

/** Sent: the confirmation with the application number. */
export const Sent: Story = { args: { draft: 'complete (last step)' }, play: send };

export const SentVietnamese: Story = { args: { draft: 'complete (last step)', lang: 'vi' }, play: send };

/** The answer was lost: not sent, the answers kept, Try again sends with the same key. */
export const NotSent: Story = { args: { draft: 'complete (last step)', backend: 'answer lost' }, play: send };

export const NotSentVietnamese: Story = { args: { draft: 'complete (last step)', backend: 'answer lost', lang: 'vi' }, play: send };

/** Sent sooner than the backend's minimum fill time (a bot's speed): said so, the form kept. */
export const SentTooSoon: Story = { args: { draft: 'complete (last step)', backend: 'sent too soon' }, play: send };

/** The form is loading. */
export const Loading: Story = { args: { backend: 'loading forever' } };

/** The form could not be loaded: the reason and a retry. */
export const LoadError: Story = { args: { backend: 'form fails to load' } };

export const LoadErrorVietnamese: Story = { args: { backend: 'form fails to load', lang: 'vi' } };

/** In a 320 px column, in Vietnamese (the longest words). */
export const Narrow: Story = { args: { draft: 'complete (last step)', lang: 'vi', width: '320px' } };
