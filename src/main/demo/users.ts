import type { DemoUser } from './types';

/** The demo environment's partner token (not a secret: it only opens the local demo server). */
export const DEMO_PARTNER_TOKEN = 'demo-partner-token-frontdesk';

/** US phones are NANP 555-01xx (fictional, yet valid for libphonenumber): a demo user can sign in by phone. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 700101,
    login: 'demo@frontdesk.app',
    phone: '+12125550100',
    password: 'demo1234',
    name: 'Anna Reception',
    email: 'demo@frontdesk.app',
    userToken: 'demo-user-7f3c9a1e5b2d4c68a0e1',
  },
  {
    id: 700102,
    login: 'paris@frontdesk.app',
    phone: '+33155501020',
    password: 'paris1234',
    name: 'Léa Accueil',
    email: 'paris@frontdesk.app',
    userToken: 'demo-user-2b8e4d6f1a3c5e7092b4',
    locationIds: [410003],
  },
  {
    id: 700103,
    login: 'desk@frontdesk.app',
    phone: '+12125550101',
    password: 'desk1234',
    name: 'Mia Desk',
    email: 'desk@frontdesk.app',
    userToken: 'demo-user-5c1d9e7a3f2b4e6081c7',
    role: 'receptionist',
  },
];
