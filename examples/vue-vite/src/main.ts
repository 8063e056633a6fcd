// Registers the tags this app uses (one side-effect import per widget), then mounts the app.
import '@partnerkit/elements/partnerkit-provider.js';
import '@partnerkit/elements/partner-scorecard.js';
import '@partnerkit/elements/deal-register.js';
import '@partnerkit/elements/resource-library.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
