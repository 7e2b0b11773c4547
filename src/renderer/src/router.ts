import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router';
import { useLockStore } from './stores/lock';
import { useSessionStore } from './stores/session';
import CatalogueView from './views/catalogue/CatalogueView.vue';
import LockView from './views/lock/LockView.vue';
import SettingsView from './views/settings/SettingsView.vue';
import SignInView from './views/sign-in/SignInView.vue';
import TeamView from './views/team/TeamView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (sign-in, and Settings where the partner token is entered). */
    public?: boolean;
  }
}

/**
 * Hash history: the packaged app loads index.html from a file, where path URLs would not resolve.
 * Every route but sign-in and settings needs a session.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', redirect: { name: 'today' } },
      { path: '/today', name: 'today', component: () => import('./views/today/TodayView.vue') },
      { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { public: true } },
      { path: '/lock', name: 'lock', component: LockView, meta: { public: true } },
      { path: '/settings', name: 'settings', component: SettingsView, meta: { public: true } },
      { path: '/catalogue', name: 'catalogue', component: CatalogueView },
      { path: '/team', name: 'team', component: TeamView },
      { path: '/report', name: 'report', component: () => import('./views/report/DayReportView.vue') },
      { path: '/cashup', name: 'cashup', component: () => import('./views/cashup/CashupView.vue') },
      { path: '/:rest(.*)*', redirect: { name: 'catalogue' } },
    ],
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    const lock = useLockStore();
    if (!session.ready) await Promise.all([session.load(), lock.load()]);
    // A locked desk shows the lock screen and, for someone who must type a password, sign-in; nothing else.
    if (lock.state?.locked && !session.signedIn) {
      return to.name === 'lock' || to.name === 'sign-in' ? true : { name: 'lock' };
    }
    if (to.name === 'lock' && session.signedIn) return { name: 'today' };
    if (to.name === 'sign-in' && session.signedIn) return { name: 'today' };
    if (to.meta.public || session.signedIn) return true;
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  });

  return router;
}
