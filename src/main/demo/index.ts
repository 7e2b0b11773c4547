export { startDemoServer, API_PREFIX, type DemoServer, type DemoServerOptions } from './server';
export { buildSeedDataset } from './seed';
export { buildBigDataset } from './big-dataset';
export { DEMO_PARTNER_TOKEN, DEMO_USERS } from './users';
export { FAULT_MODES, FaultController, type FaultMode, type FaultSpec } from './faults';
export type { Received, ReceivedRequest, ReceivedUpload } from './state';
export type * from './types';
