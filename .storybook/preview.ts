/**
 * Every story: the manifest for autodocs and controls, axe on each story (a11y addon), and two
 * toolbar switches every widget follows: the page language and the colour scheme.
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };

setCustomElementsManifest(manifest);

// Widgets take the document's language unless a story sets `lang`, and `--pk-color-scheme`
// from :root unless a story sets `theme`.
const pageSettings: Decorator = (story, context) => {
  document.documentElement.lang = String(context.globals['locale'] ?? 'en');
  const scheme = String(context.globals['scheme'] ?? 'light dark');
  document.documentElement.style.setProperty('--pk-color-scheme', scheme);
  document.documentElement.style.colorScheme = scheme;
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [pageSettings],
  globalTypes: {
    locale: {
      description: 'Page language (widgets without their own lang follow it)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'vi', title: 'Tiếng Việt' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme of widgets whose theme is auto',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light dark', title: 'Follow the system' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', scheme: 'light dark' },
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i, date: /Date$/ } },
    // Fail the a11y panel (and the test runner, if used) on any axe violation.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
