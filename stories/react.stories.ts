/**
 * `@partnerkit/react`: each component rendered by React 19 on the same mock backends as the
 * widgets' own stories, with every typed callback logged in the Actions panel. The components
 * are generated from the custom elements manifest (docs/react.md); these stories show that props
 * arrive as properties and events as callbacks.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createElement as h, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { action } from 'storybook/actions';
import { DealRegister, PartnerKitProvider, PartnerScorecard, ResourceLibrary } from '../packages/react/src/index.js';
import { dealBackend } from './deal-register/backend.js';
import { FIXTURE_PERIOD, PARTNERS } from './partner-scorecard/fixtures.js';
import { scorecardClient } from './partner-scorecard/backend.js';
import { libraryClient } from './resource-library/backend.js';

interface ReactArgs {
  /** Empty: the widgets follow the page language (the toolbar). */
  lang: '' | 'en' | 'vi';
}

let root: Root | undefined;

/** Renders `element` with React into the story's container, unmounting the previous story's tree. */
function mount(element: ReactElement): HTMLElement {
  root?.unmount();
  const host = document.createElement('div');
  host.style.padding = '1em';
  root = createRoot(host);
  root.render(element);
  return host;
}

const log = (name: string) => (event: CustomEvent) => action(name)(event.detail);
const lang = (args: ReactArgs) => (args.lang ? { lang: args.lang } : {});

const meta: Meta<ReactArgs> = {
  title: 'React/@partnerkit/react',
  args: { lang: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['', 'en', 'vi'] } },
};
export default meta;

type Story = StoryObj<ReactArgs>;

/** `<PartnerScorecard>` for a partner session: `onScorecardLoad`, `onPeriodChange` and `onError` are logged. */
export const Scorecard: Story = {
  render: (args) =>
    mount(
      h(PartnerScorecard, {
        ...lang(args),
        client: scorecardClient({ as: { role: 'partner', partnerId: PARTNERS.lumen.id } }),
        // The fixtures' last complete quarter (the backend's current one, by their clock, has no data yet).
        period: FIXTURE_PERIOD,
        onScorecardLoad: log('onScorecardLoad'),
        onPeriodChange: log('onPeriodChange'),
        onError: log('onError'),
      }),
    ),
};

/** `<DealRegister>`: submit the form to see `onDealSubmit` and `onDealSubmitted` with the registered deal. */
export const DealRegistration: Story = {
  render: (args) =>
    mount(
      h(DealRegister, {
        ...lang(args),
        client: dealBackend().client,
        onDealSubmit: log('onDealSubmit'),
        onDealSubmitted: log('onDealSubmitted'),
        onDealConflict: log('onDealConflict'),
        onDealTransition: log('onDealTransition'),
        onError: log('onError'),
      }),
    ),
};

/** `<ResourceLibrary>` with typed props (`layout`, `pageSize`): opening a resource logs `onResourceOpen`. */
export const Resources: Story = {
  render: (args) =>
    mount(
      h(ResourceLibrary, {
        ...lang(args),
        client: libraryClient(),
        layout: 'grid',
        pageSize: 12,
        onResourceOpen: log('onResourceOpen'),
        onFilterChange: log('onFilterChange'),
        onError: log('onError'),
      }),
    ),
};

/** `<PartnerKitProvider>` hands its client to the widget inside; `onError` on it hears every widget's `pk-error`. */
export const Provider: Story = {
  render: (args) =>
    mount(h(PartnerKitProvider, { client: dealBackend().client, onError: log('onError (provider)') }, h(DealRegister, { ...lang(args), view: 'list', onDealTransition: log('onDealTransition') }))),
};
