/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly MAIN_VITE_ALTEGIO_PARTNER_TOKEN?: string;
  /** Generic electron-updater feed (https); updates are off without it. */
  readonly MAIN_VITE_UPDATE_URL?: string;
}
