import type { KeychainBackend } from '../../../src/main/secrets';

/** For `npm run web` on a machine without a keychain only; the tests use the real one. */
export function memoryKeychain(): KeychainBackend {
  const store = new Map<string, string>();
  return {
    getPassword: async (s, a) => store.get(`${s}\0${a}`) ?? null,
    setPassword: async (s, a, p) => void store.set(`${s}\0${a}`, p),
    deletePassword: async (s, a) => store.delete(`${s}\0${a}`),
  };
}
