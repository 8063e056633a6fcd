/**
 * `<application-review>` in every state, for each vendor side, in both languages, on
 * `@partnerkit/mock`: the demo programme's applications in every stage, the pipeline with counts,
 * an application open (answers, duplicates, history), the scoring form blind to the others, the
 * spread once submitted, a move asking for its reason, an approved application with its new
 * partner, a partner's session refused, and the mock's faults for loading and errors.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import type { ApplicationStatus } from '@partnerkit/core/schemas';
import { createMockBackend, type Fault } from '@partnerkit/mock';
import '../packages/elements/src/define/application-review.js';
import { applicationIn, reviewBackend, reviewClient, type ReviewSide } from './application-review/backend.js';

interface ReviewArgs {
  side: ReviewSide;
  /** The application open on load: none (the pipeline), or the newest in a stage. */
  open: 'none' | ApplicationStatus;
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  backend: 'ok' | 'no applications' | 'loading forever' | 'server error' | 'actions fail';
  width: 'fluid' | '320px';
}

const FAULTS: Record<ReviewArgs['backend'], Fault[]> = {
  ok: [],
  'no applications': [],
  'loading forever': [{ mode: 'slow', delayMs: Infinity, match: /applications/ }],
  'server error': [{ mode: 'error', status: 503, match: /applications/ }],
  'actions fail': [{ mode: 'error', status: 503, match: (request) => request.method !== 'GET' }],
};

const meta: Meta<ReviewArgs> = {
  title: 'Widgets/application-review',
  component: 'application-review',
  args: { side: 'reviewer', open: 'none', lang: 'en', theme: 'light', backend: 'ok', width: 'fluid' },
  argTypes: {
    side: { control: 'inline-radio', options: ['reviewer', 'new reviewer', 'admin', 'partner'] },
    open: { control: 'select', options: ['none', 'submitted', 'screening', 'interview', 'due_diligence', 'approved', 'declined', 'on_hold', 'withdrawn'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    backend: { control: 'select', options: Object.keys(FAULTS) },
    width: { control: 'inline-radio', options: ['fluid', '320px'] },
  },
  render: (args) => {
    const backend = args.backend === 'no applications' ? createMockBackend({ seed: { partners: [] } }) : reviewBackend(FAULTS[args.backend]);
    const { client } = reviewClient({ backend, side: args.side, faults: FAULTS[args.backend] });
    const id = args.open === 'none' ? '' : applicationIn(backend, args.open);
    return html`<div style="max-width: ${args.width === '320px' ? '320px' : 'none'}">
      <application-review
        .client=${client}
        application-id=${id}
        lang=${args.lang || document.documentElement.lang || 'en'}
        theme=${args.theme}
        @pk-application-transition=${action('pk-application-transition')}
        @pk-application-evaluated=${action('pk-application-evaluated')}
        @pk-error=${action('pk-error')}
      ></application-review>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<ReviewArgs>;

/** The pipeline: every stage with its count, the newest applications first. */
export const Pipeline: Story = {};
export const PipelineVietnamese: Story = { args: { lang: 'vi' } };
export const PipelineNarrow320: Story = { args: { width: '320px' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Empty: Story = { args: { backend: 'no applications' } };
export const Loading: Story = { args: { backend: 'loading forever' } };
export const ServerError: Story = { args: { backend: 'server error' } };
/** A partner's session: applications are the vendor's. */
export const PartnerRefused: Story = { args: { side: 'partner' } };
/** Just submitted: the answers, duplicates and history; screening is the next move; no scoring yet. */
export const Submitted: Story = { args: { open: 'submitted' } };
/** A reviewer who has not scored: the form, the live weighted score, the others hidden. */
export const ScoringBlind: Story = { args: { side: 'new reviewer', open: 'screening' } };
export const ScoringBlindVietnamese: Story = { args: { side: 'new reviewer', open: 'screening', lang: 'vi' } };
export const ScoringNarrow320: Story = { args: { side: 'new reviewer', open: 'interview', width: '320px' } };
/** Saving fails: the reason shown, the scores kept. */
export const ScoringFails: Story = {
  args: { side: 'new reviewer', open: 'screening', backend: 'actions fail' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('application-review')!;
    (await shown(el, '[part~="criterion"] input[value="4"]')).click();
    (await shown(el, '[part~="save-draft"]')).click();
  },
};
/** Approved: every reviewer's scores and the spread, the new partner. */
export const Approved: Story = { args: { open: 'approved' } };
export const ApprovedVietnamese: Story = { args: { open: 'approved', lang: 'vi' } };
/** The admin's view of an application in due diligence: every evaluation, no form of their own. */
export const Admin: Story = { args: { side: 'admin', open: 'due_diligence' } };
/** On hold: the resume goes back to where it was held. */
export const OnHold: Story = { args: { open: 'on_hold' } };
export const Declined: Story = { args: { open: 'declined' } };
/** Declining asks for a reason (and whether to tell the applicant) before it confirms. */
export const DeclineAsksReason: Story = {
  args: { open: 'interview' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('application-review')!;
    (await shown(el, '[part~="move-button"][data-to="declined"]')).click();
  },
};

async function shown(el: Element, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 300; i++) {
    const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${selector}`);
}
