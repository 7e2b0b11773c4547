export {
  startDemoServer,
  API_PREFIX,
  type DemoCall,
  type DemoIntercept,
  type DemoServer,
  type DemoServerOptions,
} from './server';
export { buildSeedDataset } from './seed';
export { buildBigDataset } from './big-dataset';
export { DEMO_PARTNER_TOKEN, DEMO_USERS } from './users';
export type { Received, ReceivedUpload } from './state';
export type * from './types';
