/** The demo salon's sample account (src/main/demo/users.ts); shown on the sign-in screen. */
export const DEMO_LOGIN = 'demo@frontdesk.app';
export const DEMO_PASSWORD = 'demo1234';
