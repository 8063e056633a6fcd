import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { partnerkitSessionRoute } from './session-route.ts';

export default defineConfig(({ mode }) => {
  // From the environment or a .env file: VITE_PARTNERKIT_URL (the backend, also used by the page)
  // and PARTNERKIT_ADMIN_KEY (the server side only).
  const env = loadEnv(mode, process.cwd(), '');
  return {
    plugins: [react(), partnerkitSessionRoute({ baseUrl: env['VITE_PARTNERKIT_URL'] ?? 'http://127.0.0.1:8787', adminKey: env['PARTNERKIT_ADMIN_KEY'] })],
  };
});
