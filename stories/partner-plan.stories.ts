/**
 * `<partner-plan>` in every state, for both sides, in both languages, on `@partnerkit/mock`: the
 * demo programme's plans (agreed, proposed, draft, changed since it was agreed), each side's
 * session, and the mock's faults for loading and errors. Actions act on the mock, so a story can
 * propose, agree, add and edit objectives, add activities and comments. The objective form's
 * stories open it (and try to save) in their `play`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { currentPeriod } from '@partnerkit/core/rules';
import { problems } from '@partnerkit/core/schemas';
import type { Fault } from '@partnerkit/mock';
import '../packages/elements/src/define/partner-plan.js';
import { planClient, PLAN_PARTNERS } from './partner-plan/backend.js';

interface PlanArgs {
  /** Whose plan: the demo partners' plans are at every stage. */
  plan: 'agreed (vi)' | 'proposed by the vendor (vi)' | 'draft (en)' | 'changed since agreed (en)' | 'agreed (en)' | 'no plan for the period';
  /** Who is signed in. */
  side: 'manager (vendor)' | "the partner's user";
  lang: '' | 'en' | 'vi';
  theme: 'light' | 'dark' | 'auto';
  backend: 'ok' | 'loading forever' | 'server error' | 'actions fail' | 'saving hangs' | 'objective refused (field)';
}

const PARTNER_OF: Record<PlanArgs['plan'], string> = {
  'agreed (vi)': PLAN_PARTNERS.agreedVi,
  'proposed by the vendor (vi)': PLAN_PARTNERS.proposedVi,
  'draft (en)': PLAN_PARTNERS.draftEn,
  'changed since agreed (en)': PLAN_PARTNERS.revisedEn,
  'agreed (en)': PLAN_PARTNERS.agreedEn,
  'no plan for the period': PLAN_PARTNERS.agreedEn,
};

const FAULTS: Record<PlanArgs['backend'], Fault[]> = {
  ok: [],
  'loading forever': [{ mode: 'slow', delayMs: Infinity, match: /plans/ }],
  'server error': [{ mode: 'error', status: 503, match: /plans/ }],
  'actions fail': [{ mode: 'error', status: 503, match: (request) => request.method !== 'GET' }],
  'saving hangs': [{ mode: 'slow', delayMs: Infinity, match: (request) => request.method !== 'GET' }],
  'objective refused (field)': [{ mode: 'error', problem: problems.validation([{ path: 'owner.name', message: 'is not a person in the directory' }]), match: /objectives/ }],
};

const meta: Meta<PlanArgs> = {
  title: 'Widgets/partner-plan',
  component: 'partner-plan',
  args: { plan: 'proposed by the vendor (vi)', side: "the partner's user", lang: 'en', theme: 'light', backend: 'ok' },
  argTypes: {
    plan: { control: 'select', options: Object.keys(PARTNER_OF) },
    side: { control: 'inline-radio', options: ['manager (vendor)', "the partner's user"] },
    lang: { control: 'inline-radio', options: ['', 'en', 'vi'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    backend: { control: 'select', options: Object.keys(FAULTS) },
  },
  render: (args) => {
    const partnerId = PARTNER_OF[args.plan];
    const { client } = planClient({ role: args.side === 'manager (vendor)' ? 'manager' : 'partner', partnerId, faults: FAULTS[args.backend] });
    const period = args.plan === 'no plan for the period' ? '2031-H1' : currentPeriod('half', new Date());
    return html`<partner-plan
      .client=${client}
      partner-id=${partnerId}
      period=${period}
      lang=${args.lang || document.documentElement.lang || 'en'}
      theme=${args.theme}
      @pk-plan-transition=${action('pk-plan-transition')}
      @pk-plan-change=${action('pk-plan-change')}
      @pk-error=${action('pk-error')}
    ></partner-plan>`;
  },
};
export default meta;

type Story = StoryObj<PlanArgs>;

/** The widget in the story, once its plan (or empty state) is on screen. */
async function element(canvas: HTMLElement): Promise<HTMLElement> {
  const el = canvas.querySelector('partner-plan')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part~="objective-add"]'); i++) await new Promise((r) => setTimeout(r, 50));
  return el;
}

/** Opens the objective form with the button `opener`; fills it with `values` and saves when given. */
const objectiveForm =
  (opener: string, values?: Record<string, string>): Story['play'] =>
  async ({ canvasElement }) => {
    const el = await element(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>(opener)?.click();
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part~="objective-form"]'); i++) await new Promise((r) => setTimeout(r, 50));
    if (!values) return;
    for (const [name, value] of Object.entries(values)) {
      const control = el.shadowRoot!.querySelector<HTMLInputElement>(name === 'kind' ? `input[name="kind"][value="${value}"]` : `#objective-${name}`);
      if (!control) continue;
      if (name === 'kind') control.click();
      else {
        control.value = value;
        control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="objective-save"]')!.click();
  };

const milestone = { kind: 'milestone', title: 'Launch the joint offer', ownerName: 'Lan Pham' };

export const PartnerAgreesToAProposal: Story = {};
export const ManagerProposesADraft: Story = { args: { plan: 'draft (en)', side: 'manager (vendor)' } };
export const AgreedByBothVietnamese: Story = { args: { plan: 'agreed (vi)', side: 'manager (vendor)', lang: 'vi' } };
export const ChangedSinceAgreed: Story = { args: { plan: 'changed since agreed (en)', side: "the partner's user" } };
export const Dark: Story = { args: { plan: 'agreed (en)', theme: 'dark' } };
export const Loading: Story = { args: { backend: 'loading forever' } };
export const ServerError: Story = { args: { backend: 'server error' } };
export const ActionsFail: Story = { args: { backend: 'actions fail' } };
export const NoPlanForThePeriod: Story = { args: { plan: 'no plan for the period' } };
export const NoPlanVietnamese: Story = { args: { plan: 'no plan for the period', lang: 'vi' } };

export const AddAnObjective: Story = { args: { plan: 'draft (en)', side: 'manager (vendor)' }, play: objectiveForm('[part~="objective-add"]') };
export const AddAnObjectiveVietnamese: Story = { args: { plan: 'agreed (vi)', side: 'manager (vendor)', lang: 'vi' }, play: objectiveForm('[part~="objective-add"]') };
export const AddAnObjectiveAsThePartner: Story = { args: { plan: 'proposed by the vendor (vi)' }, play: objectiveForm('[part~="objective-add"]') };
export const ObjectiveWithProblems: Story = { args: { plan: 'draft (en)', side: 'manager (vendor)' }, play: objectiveForm('[part~="objective-add"]', { ownerName: '', dueDate: '1999-01-01' }) };
export const ObjectiveSaving: Story = { args: { plan: 'draft (en)', side: 'manager (vendor)', backend: 'saving hangs' }, play: objectiveForm('[part~="objective-add"]', milestone) };
export const ObjectiveNotSaved: Story = { args: { plan: 'draft (en)', side: 'manager (vendor)', backend: 'actions fail' }, play: objectiveForm('[part~="objective-add"]', milestone) };
export const ObjectiveRefusedByTheServer: Story = { args: { plan: 'draft (en)', side: 'manager (vendor)', backend: 'objective refused (field)' }, play: objectiveForm('[part~="objective-add"]', milestone) };
export const EditAnAgreedObjective: Story = { args: { plan: 'agreed (en)', side: 'manager (vendor)' }, play: objectiveForm('[part~="objective-edit"]') };
export const FirstObjectiveOfAPeriod: Story = { args: { plan: 'no plan for the period', side: 'manager (vendor)' }, play: objectiveForm('[part~="objective-add"]') };
