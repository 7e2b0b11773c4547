/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly MAIN_VITE_ALTEGIO_PARTNER_TOKEN?: string;
}
