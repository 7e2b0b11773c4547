import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { EnvironmentId, SessionInfo } from '../../../shared/domain/session';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';

/** Who is signed in. The renderer only ever holds SessionInfo — never a token. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionInfo | null>(null);
  /** True once the session at start-up is known, so the router guard can decide. */
  const ready = ref(false);
  /** Set when Altegio ended the session (401); the sign-in screen explains it. */
  const expiredMessage = ref<string | null>(null);
  /** The login of the session that ended, kept for the sign-in form (never the password). */
  const expiredLogin = ref<string | null>(null);

  const signedIn = computed(() => user.value !== null);

  async function load(): Promise<void> {
    const res = await api().session.current();
    user.value = res.ok ? res.data : null;
    ready.value = true;
  }

  /** Resolves with null on success, or the error to show. */
  async function signIn(args: { environment: EnvironmentId; login: string; password: string }) {
    const res = await api().session.signIn(args);
    if (!res.ok) return res.error;
    user.value = res.data;
    expiredMessage.value = null;
    return null;
  }

  async function signOut(): Promise<ErrorBody | null> {
    const res = await api().session.signOut();
    // The desk must look signed out even if the keychain refused: the next sign-in replaces the entry.
    user.value = null;
    expiredMessage.value = null;
    return res.ok ? null : res.error;
  }

  function expire(message: string, login: string | null = null): void {
    user.value = null;
    expiredMessage.value = message;
    expiredLogin.value = login;
  }

  return { user, ready, expiredMessage, expiredLogin, signedIn, load, signIn, signOut, expire };
});
