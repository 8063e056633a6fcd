import manifest from '@partnerkit/elements/custom-elements.json' with { type: 'json' };
import vue from '@vitejs/plugin-vue';
import { defineConfig, loadEnv } from 'vite';
import { partnerkitSessionRoute } from './session-route.ts';

// #region custom-elements
// Vue's template compiler must leave the PartnerKit tags to the browser: every tag the package's
// custom elements manifest declares, so widgets added later are covered too.
type Manifest = { modules: { declarations?: { tagName?: string }[] }[] };
const partnerKitTags = new Set(
  (manifest as Manifest).modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? []),
);
// #endregion custom-elements

export default defineConfig(({ mode }) => {
  // From the environment or a .env file: VITE_PARTNERKIT_URL (the backend, also used by the page)
  // and PARTNERKIT_ADMIN_KEY (the server side only).
  const env = loadEnv(mode, process.cwd(), '');
  return {
    plugins: [
      vue({ template: { compilerOptions: { isCustomElement: (tag) => partnerKitTags.has(tag) } } }),
      partnerkitSessionRoute({ baseUrl: env['VITE_PARTNERKIT_URL'] ?? 'http://127.0.0.1:8787', adminKey: env['PARTNERKIT_ADMIN_KEY'] }),
    ],
  };
});
