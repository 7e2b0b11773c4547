import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connectEvents } from './events';
import { createAppRouter } from './router';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();
app.use(pinia).use(router);
connectEvents(router);
app.mount('#app');
