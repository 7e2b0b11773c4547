import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connectEvents } from './events';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { useSettingsStore } from './stores/settings';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();
app.use(pinia).use(router).use(i18n);
connectEvents(router);
// The desk's language before the first paint, so nobody sees English flash by; mount regardless.
void useSettingsStore(pinia)
  .load()
  .catch(() => undefined)
  .finally(() => app.mount('#app'));
