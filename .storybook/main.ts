/**
 * Storybook for the elements: stories under /stories read the elements' TypeScript sources
 * (the workspace's `partnerkit-source` export condition), with the a11y and docs addons; docs pages take attributes,
 * events, slots, parts and CSS properties from packages/elements/custom-elements.json.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: {
        // Sources of the workspace packages (and their development diagnostics), not dist.
        conditions: ['partnerkit-source', 'development', 'module', 'browser'],
      },
      // One pre-bundled Lit for every story, or Lit warns about several versions being loaded.
      optimizeDeps: { include: ['lit', 'lit/decorators.js', '@lit/context', '@lit/task'] },
      // Storybook's own manager and docs chunks are large by nature; ours are measured by scripts/size.mjs.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
